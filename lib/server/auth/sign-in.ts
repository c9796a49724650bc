import "server-only";

import { AppError } from "@/lib/errors";
import type { TSignInRequest } from "@/lib/schemas/auth";
import { db } from "@/lib/server/db";

import { verifyPassword, verifyPasswordOfNobody } from "./passwords";
import { startSignInAttempt } from "./sign-in-limit";

/** Checks credentials within the sign-in limits; returns who signed in. */
export async function signIn({ email, password }: TSignInRequest, ip: string): Promise<{ id: string; name: string; email: string }> {
  const attempt = await startSignInAttempt(email, ip);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, passwordHash: true } });
  // An unknown email costs the same hash verification as a known one, so timing does not tell them apart.
  const isValid = user ? await verifyPassword(user.passwordHash, password) : await verifyPasswordOfNobody(password);
  if (!user || !isValid) throw new AppError("UNAUTHORIZED", "That email and password do not match an account.");
  await attempt.succeeded();
  return { id: user.id, name: user.name, email: user.email };
}
