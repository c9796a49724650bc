import "server-only";

import { Prisma } from "@prisma/client";

/** Whether a write failed on a unique constraint (two requests raced for the same name or code). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
