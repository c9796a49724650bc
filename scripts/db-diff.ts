/**
 * Makes the next migration by diffing the schema as of the last migration
 * (prisma/migrations/schema.snapshot.prisma) against prisma/schema.prisma.
 * Usage: npm run db:diff -- <name>
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";

import { run } from "./lib/run";
import { startScratchPostgres } from "./lib/scratch-postgres";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Give the migration a name of lowercase letters, digits and underscores: npm run db:diff -- add_teams");
  process.exit(1);
}
const snapshot = "prisma/migrations/schema.snapshot.prisma";
const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
// The CLI's WebAssembly schema engine connects through the adapter even for a
// file-to-file diff, so it gets a scratch database of its own.
const scratch = await startScratchPostgres();
const sql = await run("node_modules/.bin/prisma", ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], { DATABASE_URL: scratch.url }, true).finally(() => scratch.stop());
const body = sql.split("\n").filter((line) => !line.startsWith("Loaded Prisma config")).join("\n").trim();
if (!body || body === "-- This is an empty migration.") {
  console.log("The schema has not changed since the last migration; nothing to do.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `prisma/migrations/${stamp}_${name}`;
mkdirSync(folder, { recursive: true });
writeFileSync(`${folder}/migration.sql`, body + "\n");
copyFileSync("prisma/schema.prisma", snapshot);
console.log(`Wrote ${folder}/migration.sql; apply it with npm run db:migrate.`);
