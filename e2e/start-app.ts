/**
 * Starts the app for the e2e run on a database of its own: a fresh DATA_DIR
 * under the system temp folder and a free port for the embedded PostgreSQL, so
 * a developer's running app (default .data, port 54329) is never touched.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { freePort } from "../scripts/lib/processes";

import { appInfoFile, type AppInfo } from "./fixtures/app-info";

const dataDir = mkdtempSync(path.join(tmpdir(), "argmap-e2e-"));
// As root, PostgreSQL runs as the "postgres" user, who must be able to enter the folder.
chmodSync(dataDir, 0o755);
process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));

process.env.DATA_DIR = dataDir;
process.env.EMBEDDED_PG_PORT = String(await freePort());
process.env.DATABASE_URL = "";
process.env.NEXT_TELEMETRY_DISABLED = "1";
console.log(`e2e: DATA_DIR=${dataDir} EMBEDDED_PG_PORT=${process.env.EMBEDDED_PG_PORT}`);

// A spec can start a second instance on the same data folder (and so the same database and secret).
const infoFile = appInfoFile(Number(process.env.PORT));
writeFileSync(infoFile, JSON.stringify({ dataDir } satisfies AppInfo));
process.on("exit", () => rmSync(infoFile, { force: true }));

await import("../scripts/start");
