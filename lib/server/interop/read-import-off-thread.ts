import "server-only";

import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

import { AppError } from "@/lib/errors";
import type { TPortableDebate } from "@/lib/interop/portable";

import type { TWorkerMessage } from "./import-worker";
import type { TCheckedImport } from "./read-import";

/**
 * Bounds on one import's worker: a crafted file that would take the server's
 * memory or time gets a 422 instead. The heap allows about fifty times the
 * largest body; the bench's 5 MB file is read in a few seconds.
 */
export type TWorkerLimits = { heapMb: number; timeMs: number };
const LIMITS: TWorkerLimits = { heapMb: 512, timeMs: 30_000 };
/** Imports read at once, and imports that may wait for one of them: each holds its body in memory. */
const MAX_RUNNING = 2;
const MAX_WAITING = 8;

/** Refused because MAX_RUNNING imports are being read and MAX_WAITING more wait: the client should try again shortly. */
export class ImportsBusy extends Error {
  readonly retryAfterSeconds = 5;
  constructor() {
    super("The server is reading other imports right now. Please try again in a few seconds.");
    this.name = "ImportsBusy";
  }
}

/**
 * Tests and scripts run the TypeScript sources, which a worker cannot load:
 * they get the worker bundled by esbuild, once per process.
 */
let sourceBundle: Promise<string> | null = null;
function bundleFromSource(): Promise<string> {
  sourceBundle ??= import(/* turbopackIgnore: true */ "esbuild").then(async ({ build }) => {
    const entry = fileURLToPath(import.meta.url).replace(/read-import-off-thread\.ts$/, "import-worker.ts");
    const { outputFiles } = await build({ entryPoints: [entry], bundle: true, platform: "node", format: "cjs", write: false, logLevel: "silent" });
    return outputFiles[0]!.text;
  });
  return sourceBundle;
}

async function startWorker({ heapMb }: TWorkerLimits): Promise<Worker> {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, heapMb / 4) };
  // Next.js (Turbopack) compiles the worker as an entry of its own from this exact expression.
  // NEXT_RUNTIME is not configuration: Next.js writes it into the build, which drops the other branch.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./import-worker.ts", import.meta.url), { resourceLimits });
  return new Worker(await bundleFromSource(), { eval: true, resourceLimits });
}

const unreadable = (why: string) => new AppError("VALIDATION", `Nothing was imported. ${why}`);

/** One body, read by a worker of its own, which is stopped when it answers, fails or runs out of time. */
async function readInWorker(body: Uint8Array, limits: TWorkerLimits): Promise<TCheckedImport> {
  const worker = await startWorker(limits);
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const fail = (error: Error) => settle(() => reject(error));
    const timer = setTimeout(() => fail(unreadable(`Reading the file took longer than ${limits.timeMs / 1000} s; split it into smaller files.`)), limits.timeMs);

    let checked: { fileName: string; report: TCheckedImport["report"]; debate: TPortableDebate } | null = null;
    worker.on("message", (message: TWorkerMessage) => {
      switch (message.type) {
        case "head":
          checked = { fileName: message.fileName, report: message.report, debate: { ...message.debate, sources: [], nodes: [], relations: [], teams: [], revisions: [] } };
          return worker.postMessage("next");
        case "items":
          // A piece is at most a few hundred items: pushing them one by one holds nothing up.
          for (const item of message.items) (checked!.debate[message.list] as unknown[]).push(item);
          return worker.postMessage("next");
        case "done":
          return settle(() => resolve(checked!));
        case "refused":
          return fail(new AppError(message.error.code, message.error.message, message.error.fieldErrors));
        case "failed":
          console.error(`An import's worker failed: ${message.message}`);
          return fail(unreadable("The file could not be read."));
      }
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") return fail(unreadable("Reading the file needs more memory than an import may use; split it into smaller files."));
      console.error("An import's worker stopped:", error);
      fail(unreadable("The file could not be read."));
    });
    worker.on("exit", (code) => fail(unreadable(`The file could not be read (the reader stopped with code ${code}).`)));
    worker.postMessage(body);
  });
}

let running = 0;
const waiting: (() => void)[] = [];

async function takeSlot(): Promise<void> {
  if (running < MAX_RUNNING) {
    running++;
    return;
  }
  if (waiting.length >= MAX_WAITING) throw new ImportsBusy();
  // The slot is handed over by the import that finishes.
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/**
 * Reads and checks an import request's body (readImport) in a worker thread,
 * so that a file of any size accepted holds the event loop only for the short
 * steps of taking its pieces in. A refused file throws its AppError; too many
 * imports at once throw ImportsBusy.
 */
export async function readImportOffThread(body: Uint8Array, limits: TWorkerLimits = LIMITS): Promise<TCheckedImport> {
  await takeSlot();
  try {
    return await readInWorker(body, limits);
  } finally {
    releaseSlot();
  }
}
