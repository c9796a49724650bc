import type { PrismaClient } from "@prisma/client";

import { authorKey } from "@/lib/server/debates/author-key";

/** The id the map of the debate `slug` gives an account (lib/server/debates/author-key.ts). */
export async function authorIdIn(prisma: PrismaClient, slug: string, userId: string): Promise<string> {
  const debate = await prisma.debate.findFirstOrThrow({ where: { slug }, select: { id: true } });
  return authorKey(debate.id, userId);
}
