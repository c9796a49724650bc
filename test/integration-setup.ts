import { randomBytes } from "node:crypto";

import { Client } from "pg";
import { inject } from "vitest";

// Runs in each test file's worker before the file itself: the file gets its own
// copy of the migrated template database (see integration-global-setup.ts), so
// files can run in parallel and change data freely. lib/server/db.ts reads
// DATABASE_URL lazily, on its first query, so setting it here is enough.
const postgresUrl = inject("postgresUrl");
const database = `test_${randomBytes(6).toString("hex")}`;

const admin = new Client({ connectionString: postgresUrl });
await admin.connect();
try {
  await admin.query(`CREATE DATABASE ${database} TEMPLATE ${inject("templateDatabase")}`);
} finally {
  await admin.end();
}

const url = new URL(postgresUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();

// Signs the session cookies test/session.ts makes; lib/server/auth/get-actor.ts reads it per request.
process.env.NEXTAUTH_SECRET = "integration-tests-only-secret-0123456789abcdef";
