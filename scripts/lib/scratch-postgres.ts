import { chmodSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import { startEmbeddedPostgres, type RunningDatabase } from "./embedded-postgres";

/** A free TCP port on localhost, as the kernel hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A throwaway PostgreSQL in a temporary folder, for tests, benchmarks and schema diffs. */
export async function startScratchPostgres(): Promise<RunningDatabase> {
  const folder = mkdtempSync(path.join(tmpdir(), "argmap-pg-"));
  // Run as root, PostgreSQL runs as another user, who must be able to enter the folder.
  chmodSync(folder, 0o755);
  return startEmbeddedPostgres(folder, await freePort());
}
