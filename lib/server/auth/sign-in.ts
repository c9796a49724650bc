import "server-only";

import { AppError } from "@/lib/errors";
import type { TSignInRequest } from "@/lib/schemas/auth";
import { db } from "@/lib/server/db";

import { verifyPassword } from "./passwords";
import { assertSignInAllowed, recordSignIn } from "./sign-in-limit";

/** Checks credentials, slowed down after repeated failures; returns who signed in. */
export async function signIn({ email, password }: TSignInRequest, ip: string): Promise<{ id: string; name: string; email: string }> {
  await assertSignInAllowed(email, ip);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, passwordHash: true } });
  const isValid = user !== null && (await verifyPassword(user.passwordHash, password));
  await recordSignIn(email, ip, isValid);
  if (!user || !isValid) throw new AppError("UNAUTHORIZED", "That email and password do not match an account.");
  return { id: user.id, name: user.name, email: user.email };
}
