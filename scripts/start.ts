/**
 * One command from a fresh clone to a running app: database (DATABASE_URL or
 * an embedded PostgreSQL in DATA_DIR), migrations, first-run seed, a
 * production build when the sources changed, then the app's server (scripts/serve.ts) on PORT.
 */
import { spawn } from "node:child_process";

import { readEnv } from "@/lib/env";

import { resolveAuthSecret } from "./lib/auth-secret";
import { needsBuild } from "./lib/build-state";
import { openDatabase } from "./lib/database";
import { applyMigrations } from "./lib/migrate";
import { assertPortFree } from "./lib/port";
import { run } from "./lib/run";
import { seedIfEmpty } from "./lib/seed";

const isDev = process.argv.includes("--dev");

async function main() {
  const env = readEnv();
  await assertPortFree(env.PORT);
  const authSecret = resolveAuthSecret(env.DATA_DIR);
  const database = await openDatabase();
  const stop = async () => {
    await database.stop();
    process.exit(0);
  };
  try {
    console.log(database.embedded ? `Database: embedded PostgreSQL in ${env.DATA_DIR}/postgres` : "Database: DATABASE_URL");
    await applyMigrations(database.url);
    await seedIfEmpty(database.url);
    if (!isDev && needsBuild()) {
      console.log("Building the app (first start or sources changed)...");
      await run("node_modules/.bin/next", ["build"], { NEXT_TELEMETRY_DISABLED: "1" });
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  // scripts/serve.ts: Next.js behind a server that tells the app each request's client address.
  const server = spawn("node_modules/.bin/tsx", ["scripts/serve.ts", ...(isDev ? ["--dev"] : [])], {
    env: {
      ...process.env,
      PORT: String(env.PORT),
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: authSecret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  console.log(`\nArgument maps are served at http://localhost:${env.PORT}\n`);
  process.on("SIGINT", () => server.kill("SIGINT"));
  process.on("SIGTERM", () => server.kill("SIGTERM"));
  server.on("close", () => void stop());
}

main().catch((error: unknown) => {
  console.error(`\nThe app did not start.\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
