import "server-only";

import { AppError } from "@/lib/errors";
import { toMapDocument } from "@/lib/graph/to-map-document";
import type { TMapDocument } from "@/lib/schemas/map";
import { db } from "@/lib/server/db";

/**
 * The whole map of one debate: its approved, not deleted nodes and relations,
 * the sources they cite and the article they are anchored in.
 */
export async function getDebateMap(slug: string): Promise<TMapDocument> {
  const debate = await db.debate.findFirst({ where: { slug, deletedAt: null }, include: { article: true } });
  if (!debate) throw new AppError("NOT_FOUND", `There is no debate "${slug}".`);
  const visible = { debateId: debate.id, deletedAt: null, status: "approved" as const };
  const [nodes, relations, sources] = await Promise.all([
    db.node.findMany({
      where: visible,
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        kind: true,
        text: true,
        attributedTo: true,
        anchorStart: true,
        anchorEnd: true,
        status: true,
        authorId: true,
        version: true,
        nodeSources: { select: { sourceId: true } },
      },
    }),
    db.relation.findMany({
      where: { ...visible, from: { deletedAt: null, status: "approved" }, to: { deletedAt: null, status: "approved" } },
      // The layout places a node by its first relation, so the order must be stable.
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, fromId: true, toId: true, type: true, groupId: true, status: true, version: true },
    }),
    db.source.findMany({ where: { debateId: debate.id } }),
  ]);
  return toMapDocument({ debate, nodes, relations, sources });
}
