/**
 * What the benchmarks share: a scratch PostgreSQL (on a port of BENCH_PORTS
 * when given), the production server started and stopped as a process group,
 * cleanups that run also on Ctrl-C, and medians and percentiles.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { needsBuild } from "./build-state";
import { startEmbeddedPostgres, type RunningDatabase } from "./embedded-postgres";
import { applyMigrations } from "./migrate";
import { connect } from "./prisma-client";
import { run } from "./run";
import { freePort } from "./processes";

export type Summary = { median: number; p95: number; max: number; min: number };

/** Cleanups of what this run started, newest first. */
export const cleanups: { name: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | null = null;

export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const { name, run: stop } of cleanups.reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error(`Could not stop ${name}: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

/** Ctrl-C or a kill still stops everything the run started. */
export function cleanUpOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the server and the database...`);
      void cleanUp().then(() => process.exit(130));
    });
  }
}

export function readPortRange(): [number, number] | null {
  const value = process.env.BENCH_PORTS;
  if (!value) return null;
  const match = /^(\d+)-(\d+)$/.exec(value.trim());
  const [low, high] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(low >= 1 && high <= 65535 && low <= high)) throw new Error(`BENCH_PORTS must look like 3200-3299, not "${value}".`);
  return [low, high];
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

export async function pickPort(range: [number, number] | null): Promise<number> {
  if (!range) return freePort();
  for (let port = range[0]; port <= range[1]; port++) if (await isPortFree(port)) return port;
  throw new Error(`No free port in ${range.join("-")}.`);
}

/** A scratch PostgreSQL that a benchmark can also stop and start again on the same data (a fault). */
export type BenchDatabase = RunningDatabase & { halt: () => Promise<void>; restart: () => Promise<void> };

/** A throwaway PostgreSQL in a temporary folder, on a port of the given range when given (its folder is removed afterwards). */
export async function startDatabase(range: [number, number] | null): Promise<BenchDatabase> {
  const folder = mkdtempSync(path.join(tmpdir(), "argmap-bench-"));
  // Run as root, PostgreSQL runs as another user, who must be able to enter the folder.
  chmodSync(folder, 0o755);
  try {
    const port = await pickPort(range);
    let running: RunningDatabase | null = await startEmbeddedPostgres(folder, port);
    const halt = async () => {
      await running?.stop();
      running = null;
    };
    return {
      url: running.url,
      halt,
      restart: async () => {
        running ??= await startEmbeddedPostgres(folder, port);
      },
      stop: async () => {
        await halt();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** A migrated scratch PostgreSQL and a Prisma client on it, both ended by cleanUp(). */
export async function startMigratedDatabase(range: [number, number] | null, log: (message: string) => void): Promise<{ database: BenchDatabase; prisma: ReturnType<typeof connect> }> {
  log("Starting a scratch PostgreSQL...");
  const database = await startDatabase(range);
  cleanups.push({ name: "PostgreSQL", run: database.stop });
  await applyMigrations(database.url);
  const prisma = connect(database.url);
  cleanups.push({ name: "Prisma", run: () => prisma.$disconnect() });
  return { database, prisma };
}

/** Makes the production build unless it is up to date. */
export async function buildIfNeeded(log: (message: string) => void): Promise<void> {
  if (needsBuild()) {
    log("Building the app (no build yet, or sources changed)...");
    const started = performance.now();
    await run("node_modules/.bin/next", ["build"], { NEXT_TELEMETRY_DISABLED: "1" }, true);
    log(`Built in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  } else {
    log("The production build is up to date.");
  }
}

export function startServer(port: number, databaseUrl: string): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn("node_modules/.bin/tsx", ["scripts/serve.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      // Sessions need a secret in production; a throwaway one for this run.
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that stopping it stops whatever it spawned.
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, output: () => output };
}

export async function waitUntilServing(url: string, server: { child: ChildProcess; output: () => string }): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`The app server exited (code ${server.child.exitCode}):\n${server.output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
      throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    } catch (error) {
      if (error instanceof Error && error.message.includes("answered")) throw new Error(`${error.message}\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`The app server did not answer within 60 s:\n${server.output()}`);
}

export function summarise(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median: round1(median), p95: round1(at(0.95)), max: round1(sorted.at(-1)!), min: round1(sorted[0]!) };
}

export function round1(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Runs a benchmark's main, reports why it stopped if it did, and always cleans up what it started. */
export async function runBenchmark(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`\nThe benchmark stopped: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}
