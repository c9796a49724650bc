import "server-only";

import { createHmac } from "node:crypto";

import { readEnv } from "@/lib/env";

let derived: Buffer | null = null;

/**
 * A key of its own for author ids, derived from the session secret, so that
 * an author id never doubles as anything the session secret signs.
 */
function secret(): Buffer {
  if (derived) return derived;
  const sessionSecret = readEnv().NEXTAUTH_SECRET;
  if (!sessionSecret) throw new Error("NEXTAUTH_SECRET is not set: author ids on the map are derived from it (scripts/lib/auth-secret.ts resolves it).");
  derived = createHmac("sha256", sessionSecret).update("author ids on debate maps").digest();
  return derived;
}

/**
 * How a debate names a person wherever a reader can look (map, answers to
 * writes, history): an id of its own per debate, never the account's id, which
 * in another debate sits beside the person's real name. Derived, not stored,
 * so it needs no row and is the same on every app instance; a keyed hash, so
 * nobody without the secret can tell whose it is or link two debates' ids.
 */
export function authorKeys(debateId: string): (userId: string) => string {
  const known = new Map<string, string>();
  return (userId) => {
    let key = known.get(userId);
    if (key === undefined) {
      key = createHmac("sha256", secret()).update(`${debateId}:${userId}`).digest("base64url").slice(0, 22);
      known.set(userId, key);
    }
    return key;
  };
}

/** One person's id in one debate (see authorKeys). */
export function authorKey(debateId: string, userId: string): string {
  return authorKeys(debateId)(userId);
}

/** A node or relation as readers get it: its author by their id in this debate. */
export function withAuthorKey<T extends { authorId: string | null }>(debateId: string, item: T): T {
  return { ...item, authorId: item.authorId && authorKey(debateId, item.authorId) };
}
