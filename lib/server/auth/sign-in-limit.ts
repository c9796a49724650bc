import "server-only";

import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";

const WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins allowed per window, for one account and for one address. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** Refuses a sign-in while too many recent ones failed for this email or from this address. */
export async function assertSignInAllowed(email: string, ip: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    recentFailures({ email }, since, MAX_FAILURES_PER_ACCOUNT),
    recentFailures({ ip }, since, MAX_FAILURES_PER_ADDRESS),
  ]);
  const blocking = [byEmail, byIp].filter((oldest): oldest is Date => oldest !== null);
  if (blocking.length === 0) return;
  const until = Math.max(...blocking.map((oldest) => oldest.getTime() + WINDOW_MS));
  const seconds = Math.ceil((until - now.getTime()) / 1000);
  throw new AppError("LIMIT_EXCEEDED", `Too many failed sign-ins. Try again in ${seconds} seconds.`);
}

/** The oldest of the last `limit` failures in the window when there are `limit` of them, else null. */
async function recentFailures(where: { email: string } | { ip: string }, since: Date, limit: number): Promise<Date | null> {
  const failures = await db.signInAttempt.findMany({
    where: { ...where, succeeded: false, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  return failures.length >= limit ? failures[failures.length - 1]!.createdAt : null;
}

export async function recordSignIn(email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, ip, succeeded } });
}
