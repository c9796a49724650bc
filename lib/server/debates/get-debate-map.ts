import "server-only";

import { cache } from "react";

import { AppError } from "@/lib/errors";
import { toMapDocument } from "@/lib/graph/to-map-document";
import type { TMapDocument } from "@/lib/schemas/map";
import { db } from "@/lib/server/db";

/**
 * The whole map of one debate: its approved, not deleted nodes and relations,
 * the sources they cite and the article they are anchored in.
 *
 * Kept cheap for maps of thousands of nodes: after the debate itself, every
 * query runs at once and none joins another table on every row [1]; relations
 * whose ends are not visible are dropped here, from the nodes already read [2].
 * Within one request the page and its metadata share one read: React's
 * cache() lasts a server render (route handlers, outside one, read each time).
 */
export const getDebateMap = cache(async (slug: string): Promise<TMapDocument> => {
  const debate = await db.debate.findFirst({ where: { slug, deletedAt: null } });
  if (!debate) throw new AppError("NOT_FOUND", `There is no debate "${slug}".`);
  const visible = { debateId: debate.id, deletedAt: null, status: "approved" as const };
  const [article, nodes, relations, citations, sources] = await Promise.all([
    db.article.findUniqueOrThrow({ where: { id: debate.articleId } }),
    db.node.findMany({
      where: visible,
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, text: true, attributedTo: true, anchorStart: true, anchorEnd: true, status: true, authorId: true, version: true },
    }),
    db.relation.findMany({
      where: visible,
      // The layout places a node by its first relation, so the order must be stable.
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, fromId: true, toId: true, type: true, groupId: true, status: true, version: true },
    }),
    // [1] Citations through the debate's few sources (indexed by source), not
    // as a nested select, which waits for the nodes and sends every node id back.
    db.nodeSource.findMany({ where: { source: { debateId: debate.id } }, select: { nodeId: true, sourceId: true } }),
    db.source.findMany({ where: { debateId: debate.id } }),
  ]);

  const sourcesOf = new Map<string, { sourceId: string }[]>();
  for (const { nodeId, sourceId } of citations) {
    const list = sourcesOf.get(nodeId);
    if (list) list.push({ sourceId });
    else sourcesOf.set(nodeId, [{ sourceId }]);
  }
  // [2] Same result as filtering on both ends in SQL, without two joins on Node.
  const visibleIds = new Set(nodes.map((n) => n.id));
  return toMapDocument({
    debate: { ...debate, article },
    nodes: nodes.map((n) => ({ ...n, nodeSources: sourcesOf.get(n.id) ?? [] })),
    relations: relations.filter((r) => visibleIds.has(r.fromId) && visibleIds.has(r.toId)),
    sources,
  });
});
