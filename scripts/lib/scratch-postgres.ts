import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { startEmbeddedPostgres, type RunningDatabase } from "./embedded-postgres";
import { freePort } from "./processes";

/** A throwaway PostgreSQL in a temporary folder, for tests, benchmarks and schema diffs. */
export async function startScratchPostgres(): Promise<RunningDatabase> {
  const folder = mkdtempSync(path.join(tmpdir(), "argmap-pg-"));
  // Run as root, PostgreSQL runs as another user, who must be able to enter the folder.
  chmodSync(folder, 0o755);
  return startEmbeddedPostgres(folder, await freePort());
}
