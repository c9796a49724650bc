import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The secret that signs sessions: NEXTAUTH_SECRET when set; in a deployment
 * (DEPLOYMENT=production) it must be set; otherwise one is made on first run
 * and kept in the data folder, so sessions survive restarts.
 */
export function resolveAuthSecret(dataDir: string): string {
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (process.env.DEPLOYMENT === "production") {
    throw new Error("NEXTAUTH_SECRET is not set. A deployment (DEPLOYMENT=production) needs it: set it to a long random string, e.g. `openssl rand -base64 32`.");
  }
  const file = path.resolve(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
