import "server-only";

import type { Prisma } from "@prisma/client";

import { AppError } from "@/lib/errors";
import type { TAnchor } from "@/lib/schemas/domain";

/**
 * The source a passage of the debate's article cites: the article itself.
 * Refuses (422) a passage that is not inside the article's text or holds no
 * words. A debate whose article was never listed as a source (an imported one)
 * gets that source now.
 */
export async function articleSourceFor(tx: Prisma.TransactionClient, debateId: string, actorId: string, anchor: TAnchor): Promise<string> {
  const { article } = await tx.debate.findUniqueOrThrow({ where: { id: debateId }, select: { article: true } });
  if (anchor.end > article.text.length) {
    throw new AppError("VALIDATION", `That passage is not in the article: it ends at character ${anchor.end}, and the article has ${article.text.length}.`, {
      anchor: ["Select the passage again in the article."],
    });
  }
  if (article.text.slice(anchor.start, anchor.end).trim() === "") {
    throw new AppError("VALIDATION", "That passage holds only spaces or line breaks.", { anchor: ["Select some words of the article."] });
  }
  const existing = await tx.source.findFirst({ where: { debateId, articleId: article.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (existing) return existing.id;
  const { title, author, publisher, url, publishedAt, perspective } = article;
  const created = await tx.source.create({ data: { debateId, articleId: article.id, title, author, publisher, url, publishedAt, perspective, createdById: actorId }, select: { id: true } });
  return created.id;
}

/** One thesis per debate: the statement its whole map argues for or against. */
export async function assertNoThesis(tx: Prisma.TransactionClient, debateId: string): Promise<void> {
  // Serialise with other writes to this debate's map, so two theses cannot both pass.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${debateId}))`;
  const thesis = await tx.node.findFirst({ where: { debateId, kind: "thesis", deletedAt: null, status: { not: "rejected" } }, select: { id: true } });
  if (thesis) {
    throw new AppError("VALIDATION", "This debate already has a thesis. Map the passage as a claim or premise that supports it, or as a rebuttal.", {
      kind: ["A debate has one thesis; choose claim, premise or rebuttal."],
    });
  }
}
