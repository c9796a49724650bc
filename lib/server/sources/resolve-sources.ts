import "server-only";

import type { Prisma } from "@prisma/client";

import type { DebateActor } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import type { TSourceCitation } from "@/lib/schemas/source";

import { seenSourceWhere } from "./seen-sources";

/**
 * Source ids for the citations: existing ones must be sources of the debate
 * that the person may see (a source only someone's pending statement cites is
 * refused as if it did not exist); new ones are created.
 */
export async function resolveSources(tx: Prisma.TransactionClient, debateId: string, who: NonNullable<DebateActor>, citations: TSourceCitation[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, citation] of citations.entries()) {
    if ("sourceId" in citation) {
      const source = await tx.source.findFirst({ where: { id: citation.sourceId, debateId, ...seenSourceWhere(who) }, select: { id: true } });
      if (!source) throw new AppError("VALIDATION", "A picked source is not cited in this debate.", { [`sources.${index}`]: ["Pick a source from this debate's list."] });
      ids.push(source.id);
    } else {
      const source = await tx.source.create({
        data: { ...citation, publishedAt: citation.publishedAt ? new Date(`${citation.publishedAt}T00:00:00Z`) : null, debateId, createdById: who.userId },
        select: { id: true },
      });
      ids.push(source.id);
    }
  }
  return [...new Set(ids)];
}
