import "server-only";

import { blockedUntil, limitExceeded, lockAttempts } from "@/lib/server/auth/attempt-limit";
import { db } from "@/lib/server/db";

const WINDOW_MS = 60 * 60 * 1000;
/** Sign-ups per client address and hour: a class of 30 behind one school address, each with a retry, still fits. */
export const MAX_SIGN_UPS_PER_ADDRESS = 60;

/**
 * Counts a sign-up against its address, in one transaction with the address's sign-ups locked
 * from the check to the count; throws a 429 with the seconds to wait at the limit. Every sign-up
 * counts, whether its email was new or not, so the limit tells nothing about emails.
 */
export async function countSignUp(ip: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockAttempts(tx, "sign-up address", ip);
    const recent = await tx.signUpAttempt.findMany({
      where: { ip, createdAt: { gte: new Date(now.getTime() - WINDOW_MS) } },
      orderBy: { createdAt: "desc" },
      take: MAX_SIGN_UPS_PER_ADDRESS,
      select: { createdAt: true },
    });
    const until = blockedUntil(recent, MAX_SIGN_UPS_PER_ADDRESS, WINDOW_MS);
    if (until !== null) throw limitExceeded("sign-ups from your network", [until], now);
    await tx.signUpAttempt.create({ data: { ip, createdAt: now } });
  });
}
