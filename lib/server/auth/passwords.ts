import "server-only";

import { randomBytes } from "node:crypto";

import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes), OWASP's minimum recommendation.
export const hashPassword = (password: string) => hash(password);

export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

// Made once per process, at start rather than on the first unknown email (which would then be slower),
// with the same parameters as real hashes, of a password nobody knows.
const nobodysHash = hashPassword(randomBytes(32).toString("base64url"));

/**
 * Verifies a password against the hash of nobody's password: as slow as checking a real account's,
 * and always false. Sign-in runs it for an email without an account.
 */
export async function verifyPasswordOfNobody(password: string): Promise<false> {
  await verifyPassword(await nobodysHash, password);
  return false;
}
