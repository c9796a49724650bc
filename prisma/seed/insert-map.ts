import { randomUUID } from "node:crypto";

import type { Perspective, PrismaClient } from "@prisma/client";

import type { TNodeKind, TPerspective, TRelationType } from "@/lib/schemas/domain";
import { statementColumns } from "@/lib/server/nodes/statement-columns";

/** The key under which nodes cite the debate's article as their source. */
export const ARTICLE_SOURCE = "article";

export type MapInput = {
  slug: string;
  title: string;
  description: string;
  article: {
    title: string;
    author: string | null;
    publisher: string | null;
    publishedAt: Date | null;
    url: string | null;
    perspective: TPerspective;
    text: string;
  };
  sources: { key: string; title: string; publisher: string | null; url: string | null; perspective: TPerspective }[];
  nodes: {
    key: string;
    kind: TNodeKind;
    text: string;
    attributedTo: string | null;
    anchor: { start: number; end: number } | null;
    sourceKeys: string[];
  }[];
  relations: { from: string; to: string; type: TRelationType; group: string | null }[];
};

/** Writes a whole map in one transaction with bulk inserts; returns the debate id. */
export async function insertMap(db: PrismaClient, input: MapInput): Promise<string> {
  const debateId = randomUUID();
  const articleId = randomUUID();
  const sourceIds = new Map<string, string>([[ARTICLE_SOURCE, randomUUID()]]);
  for (const source of input.sources) sourceIds.set(source.key, randomUUID());
  const nodeIds = new Map(input.nodes.map((node) => [node.key, randomUUID()]));
  const groupIds = new Map<string, string>();
  for (const relation of input.relations) {
    if (relation.group && !groupIds.has(relation.group)) groupIds.set(relation.group, randomUUID());
  }
  const idOf = (ids: Map<string, string>, key: string, what: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`The map refers to an unknown ${what} "${key}".`);
    return id;
  };

  await db.$transaction(
    async (tx) => {
      await tx.article.create({ data: { id: articleId, ...input.article, perspective: input.article.perspective as Perspective } });
      await tx.debate.create({ data: { id: debateId, slug: input.slug, title: input.title, description: input.description, articleId } });
      await tx.source.createMany({
        data: [
          { id: idOf(sourceIds, ARTICLE_SOURCE, "source"), debateId, articleId, title: input.article.title, author: input.article.author, publisher: input.article.publisher, url: input.article.url, publishedAt: input.article.publishedAt, perspective: input.article.perspective },
          ...input.sources.map((s) => ({ id: idOf(sourceIds, s.key, "source"), debateId, title: s.title, publisher: s.publisher, url: s.url, perspective: s.perspective })),
        ],
      });
      await tx.node.createMany({
        data: input.nodes.map((n) => ({
          id: idOf(nodeIds, n.key, "node"),
          debateId,
          ...statementColumns(n),
        })),
      });
      await tx.nodeSource.createMany({
        data: input.nodes.flatMap((n) => n.sourceKeys.map((key) => ({ nodeId: idOf(nodeIds, n.key, "node"), sourceId: idOf(sourceIds, key, "source") }))),
      });
      await tx.premiseGroup.createMany({ data: [...groupIds.values()].map((id) => ({ id, debateId })) });
      // Distinct creation times keep the file's order: a node's first relation places it in the layout.
      const start = Date.now();
      await tx.relation.createMany({
        data: input.relations.map((r, index) => ({
          createdAt: new Date(start + index),
          debateId,
          fromId: idOf(nodeIds, r.from, "node"),
          toId: idOf(nodeIds, r.to, "node"),
          type: r.type,
          groupId: r.group ? idOf(groupIds, r.group, "group") : null,
        })),
      });
    },
    { timeout: 60_000 },
  );
  return debateId;
}
