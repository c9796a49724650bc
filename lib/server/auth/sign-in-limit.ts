import "server-only";

import type { Prisma } from "@prisma/client";

import { db } from "@/lib/server/db";

import { blockedUntil, limitExceeded, lockAttempts } from "./attempt-limit";

const WINDOW_MS = 15 * 60 * 1000;

/*
 * Who may try a password, and why the limits are cut this way. An attacker can write to the
 * sign-in endpoint from anywhere and, with enough machines, from many addresses, but cannot sign in
 * from the owner's own network. So:
 * - one address may fail one account MAX_FAILURES_PER_PAIR times per window: a guesser is stopped
 *   at their address, and the owner, elsewhere, is not affected at all;
 * - one address may fail MAX_FAILURES_PER_ADDRESS times per window across all accounts, which stops
 *   spraying one password over many accounts;
 * - across all addresses, one account may fail MAX_FAILURES_PER_ACCOUNT times per window, which
 *   stops guessing spread over many addresses.
 * The last two apply only to addresses the account has never signed in from: if they applied to
 * every address, anyone could lock the owner (or a whole class behind one school address) out by
 * failing on purpose. An address the account has signed in from before is the owner's own, to an
 * attacker's knowledge unreachable; there only the per-pair limit applies.
 */
export const MAX_FAILURES_PER_PAIR = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const MAX_FAILURES_PER_ACCOUNT = 100;

/**
 * Checks the limits and, in the same transaction with the account's and the address's attempts
 * locked, records the attempt as failed before its password is checked; `succeeded` marks it
 * otherwise. So however many attempts run at once, no more than the limit are ever evaluated.
 * Throws a 429 with the seconds to wait when a limit is reached.
 */
export async function startSignInAttempt(email: string, ip: string, now = new Date()): Promise<{ succeeded(): Promise<void> }> {
  const id = await db.$transaction(async (tx) => {
    // Always the address first, then the account: a fixed order, so no two attempts deadlock.
    await lockAttempts(tx, "sign-in address", ip);
    await lockAttempts(tx, "sign-in account", email);
    const since = new Date(now.getTime() - WINDOW_MS);
    const isKnownAddress = (await tx.signInAttempt.count({ where: { email, ip, succeeded: true }, take: 1 })) > 0;
    const blocks = await Promise.all([
      failuresUntil(tx, { email, ip }, since, MAX_FAILURES_PER_PAIR),
      ...(isKnownAddress ? [] : [failuresUntil(tx, { ip }, since, MAX_FAILURES_PER_ADDRESS), failuresUntil(tx, { email }, since, MAX_FAILURES_PER_ACCOUNT)]),
    ]);
    const until = blocks.filter((moment): moment is number => moment !== null);
    if (until.length > 0) throw limitExceeded("failed sign-ins", until, now);
    return (await tx.signInAttempt.create({ data: { email, ip, succeeded: false, createdAt: now }, select: { id: true } })).id;
  });
  return { succeeded: async () => void (await db.signInAttempt.update({ where: { id }, data: { succeeded: true } })) };
}

async function failuresUntil(tx: Prisma.TransactionClient, where: { email?: string; ip?: string }, since: Date, max: number): Promise<number | null> {
  const recent = await tx.signInAttempt.findMany({
    where: { ...where, succeeded: false, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: max,
    select: { createdAt: true },
  });
  return blockedUntil(recent, max, WINDOW_MS);
}
