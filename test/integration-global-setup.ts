import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { Client } from "pg";
import type { TestProject } from "vitest/node";

import { applyMigrations } from "@/scripts/lib/migrate";

import { loadScratchPostgres } from "./scratch-postgres";

const { startScratchPostgres } = await loadScratchPostgres();

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
