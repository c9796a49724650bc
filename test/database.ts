// The test file's own database (see integration-setup.ts, which names it in
// DATABASE_URL before the file loads), as a Prisma client closed after the
// file's last test.
import type { PrismaClient } from "@prisma/client";
import { afterAll } from "vitest";

import { connect } from "@/scripts/lib/prisma-client";

/** A client of the file's database; call it at the top of a test file. */
export function testDatabase(): PrismaClient {
  const prisma = connect(process.env.DATABASE_URL!);
  afterAll(async () => {
    await prisma.$disconnect();
  });
  return prisma;
}
