import "server-only";

import type { TSignUpRequest } from "@/lib/schemas/auth";
import { hashPassword } from "@/lib/server/auth/passwords";
import { db } from "@/lib/server/db";

import { countSignUp } from "./sign-up-limit";

/**
 * Creates an account; the password is stored only as an argon2id hash. An email that already has
 * an account is answered exactly as a new one (same work, same answer) and changes nothing: the
 * answer must not tell anyone whether an address is registered. The person then signs in, which
 * fails with the usual words unless the password is that account's.
 */
export async function signUp(input: TSignUpRequest, ip: string): Promise<{ name: string; email: string }> {
  // Counted first, so that a flood of sign-ups is refused before it costs a password hash each.
  await countSignUp(ip);
  const passwordHash = await hashPassword(input.password);
  await db.user.createMany({ data: [{ name: input.name, email: input.email, passwordHash }], skipDuplicates: true });
  return { name: input.name, email: input.email };
}
