import "server-only";

import type { TDebateSummary } from "@/lib/schemas/map";
import { db } from "@/lib/server/db";

/** Debates anyone may read, newest first, with their count of approved nodes. */
export async function findDebates(): Promise<TDebateSummary[]> {
  const debates = await db.debate.findMany({
    where: { deletedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      createdAt: true,
      article: { select: { title: true } },
      _count: { select: { nodes: { where: { deletedAt: null, status: "approved" } } } },
    },
  });
  return debates.map((d) => ({
    id: d.id,
    slug: d.slug,
    title: d.title,
    description: d.description,
    articleTitle: d.article.title,
    nodeCount: d._count.nodes,
    createdAt: d.createdAt.toISOString(),
  }));
}
