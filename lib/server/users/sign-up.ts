import "server-only";

import { Prisma } from "@prisma/client";

import { AppError } from "@/lib/errors";
import type { TSignUpRequest } from "@/lib/schemas/auth";
import { hashPassword } from "@/lib/server/auth/passwords";
import { db } from "@/lib/server/db";

/** Creates an account; the password is stored only as an argon2id hash. */
export async function signUp(input: TSignUpRequest): Promise<{ id: string; name: string; email: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, name: true, email: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", { email: ["This email is already registered."] });
    }
    throw error;
  }
}
