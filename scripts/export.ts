/**
 * Exports maps as images without opening the app: the same SVG the map page
 * makes (lib/export), rasterised to PNG in Chromium by the same function.
 *   npm run export -- --debate <slug> [--node <id>] --format png|svg --out <file>
 *   npm run export -- --all --format png --out <folder>
 * Options: --perspectives armenian,neutral  --kinds claim,premise (filters, noted in the legend).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";

import type { RasteriseJob } from "@/lib/export/png";

import type { PngReply, PngRequest } from "./export-png-worker";
import { cacheCompiledPackages } from "./lib/code-cache";

/** The PNG worker (export-png-worker.ts): one image at a time, then closed. */
function startRasteriser() {
  const worker = new Worker(new URL("./export-png-worker.mjs", import.meta.url));
  let failure: Error | null = null;
  let pending: { resolve: () => void; reject: (error: Error) => void } | null = null;
  worker.on("message", (reply: PngReply) => (reply.ok ? pending?.resolve() : pending?.reject(new Error(reply.error))));
  worker.on("error", (error) => {
    failure = error;
    pending?.reject(error);
  });
  const exited = new Promise<void>((resolve) =>
    worker.once("exit", () => {
      // A settled draw ignores this; one still waiting would otherwise wait forever.
      pending?.reject(failure ?? new Error("The PNG worker stopped before drawing the image."));
      resolve();
    }),
  );
  return {
    draw: (job: RasteriseJob, file: string) =>
      new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        pending = { resolve, reject };
        worker.postMessage({ job, file } satisfies PngRequest);
      }),
    /** Closes Chromium and waits for it, so that no browser or profile folder outlives the command. */
    close: async () => {
      if (!failure) worker.postMessage("close" satisfies PngRequest);
      await exited;
    },
  };
}

async function main() {
  const started = performance.now();
  const lap = (what: string) => process.env.EXPORT_TIMING && console.error(`${what}: ${Math.round(performance.now() - started)} ms`);
  const { values } = parseArgs({
    options: { debate: { type: "string" }, all: { type: "boolean" }, node: { type: "string" }, format: { type: "string" }, out: { type: "string" }, perspectives: { type: "string" }, kinds: { type: "string" } },
  });
  // Chromium starts first, on its own thread, before anything else loads: the
  // options' schemas, the app's modules (the bundle keeps them in chunks
  // loaded here, not before main), and the map, read and laid out meanwhile.
  const rasteriser = values.format === "png" ? startRasteriser() : null;
  if (rasteriser) {
    // Chromium quits with this process in any case; closing it first also removes its profile folder.
    const stop = (signal: NodeJS.Signals) => void rasteriser.close().finally(() => process.exit(128 + constants.signals[signal]));
    process.once("SIGINT", stop).once("SIGTERM", stop);
  }
  const saveCompiledPackages = cacheCompiledPackages();
  try {
    const { readExportOptions } = await import("./lib/export-options");
    const options = readExportOptions(values);
    lap("arguments");
    const { openDatabase } = await import("./lib/database");
    const { resolveAuthSecret } = await import("./lib/auth-secret");
    const { readEnv } = await import("@/lib/env");
    // The map names its authors by ids keyed with the app's secret, as the app does.
    process.env.NEXTAUTH_SECRET = resolveAuthSecret(readEnv().DATA_DIR);
    const database = await openDatabase();
    process.env.DATABASE_URL = database.url;
    // Loaded after DATABASE_URL is set: the app's own queries and image code.
    const { getDebateMap } = await import("@/lib/server/debates/get-debate-map");
    const { findDebates } = await import("@/lib/server/debates/find-debates");
    const { exportSvg } = await import("@/lib/export/export-view");
    const { pngScale } = await import("@/lib/export/png");
    const { db } = await import("@/lib/server/db");
    lap("modules");
    try {
      const slugs = options.all ? (await findDebates()).map((d) => d.slug) : [options.debate!];
      if (options.all) mkdirSync(options.out, { recursive: true });
      for (const slug of slugs) {
        const doc = await getDebateMap(slug);
        lap("map");
        if (options.node && !doc.nodes.some((n) => n.id === options.node)) throw new Error(`The debate "${slug}" has no statement ${options.node} on its map.`);
        const image = exportSvg(doc, { filters: options.filters, rootId: options.node ?? null, date: new Date().toISOString().slice(0, 10) });
        lap("svg");
        const file = options.all ? path.join(options.out, `${slug}.${options.format}`) : options.out;
        let density = "";
        if (rasteriser) {
          const job: RasteriseJob = { svg: image.svg, width: image.width, height: image.height, scale: pngScale(image.width, image.height) };
          density = ` (PNG at ${job.scale.toFixed(2)}×)`;
          await rasteriser.draw(job, file);
          lap("png");
        } else {
          writeFileSync(file, image.svg);
        }
        console.log(`${file}: ${image.nodeCount} statements, ${image.width}×${image.height}${density}`);
      }
    } finally {
      await db.$disconnect();
      await database.stop();
    }
  } finally {
    await rasteriser?.close();
    saveCompiledPackages();
    lap("closed");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
