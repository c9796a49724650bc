import "server-only";

import type { Prisma } from "@prisma/client";

import { AppError } from "@/lib/errors";

/**
 * Serialises the check and the count of one limit's attempts until the transaction ends, so that
 * concurrent attempts are counted one after another and cannot all pass the check before any is
 * recorded. Locks are taken in a fixed order of scopes by callers, so two attempts never wait on
 * each other in a cycle. (The two-key form keeps these apart from the one-key locks on debates.)
 */
export async function lockAttempts(tx: Prisma.TransactionClient, scope: string, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${scope}), hashtext(${key}))`;
}

/**
 * Of the recent attempts counted against a limit (newest first), when the limit was reached: the
 * moment the oldest of the last `max` leaves the window, or null while under the limit.
 */
export function blockedUntil(recent: readonly { createdAt: Date }[], max: number, windowMs: number): number | null {
  return recent.length >= max ? recent[max - 1]!.createdAt.getTime() + windowMs : null;
}

/** The 429 for a refused attempt, with the seconds to wait until the latest of the limits reached ends. */
export function limitExceeded(what: string, until: readonly number[], now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((Math.max(...until) - now.getTime()) / 1000));
  return new AppError("LIMIT_EXCEEDED", `Too many ${what}. Try again in ${seconds} seconds.`);
}
