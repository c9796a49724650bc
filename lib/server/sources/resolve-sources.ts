import "server-only";

import type { Prisma } from "@prisma/client";

import { AppError } from "@/lib/errors";
import type { TSourceCitation } from "@/lib/schemas/source";

/** Source ids for the citations: existing ones must belong to the debate; new ones are created. */
export async function resolveSources(tx: Prisma.TransactionClient, debateId: string, actorId: string, citations: TSourceCitation[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, citation] of citations.entries()) {
    if ("sourceId" in citation) {
      const source = await tx.source.findFirst({ where: { id: citation.sourceId, debateId }, select: { id: true } });
      if (!source) throw new AppError("VALIDATION", "A picked source is not cited in this debate.", { [`sources.${index}`]: ["Pick a source from this debate's list."] });
      ids.push(source.id);
    } else {
      const source = await tx.source.create({
        data: { ...citation, publishedAt: citation.publishedAt ? new Date(`${citation.publishedAt}T00:00:00Z`) : null, debateId, createdById: actorId },
        select: { id: true },
      });
      ids.push(source.id);
    }
  }
  return [...new Set(ids)];
}
