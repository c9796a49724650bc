import "server-only";

import type { Prisma } from "@prisma/client";

import { firstFreeSlug, slugBase } from "@/lib/debate-slug";

type NewDebate = {
  /** Ids chosen beforehand by a caller that refers to them in the same transaction. */
  debateId?: string;
  articleId?: string;
  ownerId: string;
  debate: Omit<Prisma.DebateUncheckedCreateInput, "id" | "slug" | "articleId" | "ownerId">;
  article: Omit<Prisma.ArticleUncheckedCreateInput, "id">;
};

/**
 * The rows every new debate starts with: its article, the debate under an
 * address derived from its title, and its owner's membership. Returns the
 * debate's slug.
 */
export async function insertOwnedDebate(tx: Prisma.TransactionClient, input: NewDebate): Promise<{ debateId: string; articleId: string; slug: string }> {
  const base = slugBase(input.debate.title);
  // Two debates of one title created at once must not both pick the same free number.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`debate-slug:${base}`}))`;
  const taken = await tx.debate.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  const slug = firstFreeSlug(base, new Set(taken.map((d) => d.slug)));
  const article = await tx.article.create({ data: { ...input.article, id: input.articleId }, select: { id: true } });
  const debate = await tx.debate.create({ data: { ...input.debate, id: input.debateId, slug, articleId: article.id, ownerId: input.ownerId }, select: { id: true } });
  await tx.member.create({ data: { debateId: debate.id, userId: input.ownerId, role: "owner" } });
  return { debateId: debate.id, articleId: article.id, slug };
}
