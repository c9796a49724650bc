import "server-only";

import { AppError } from "@/lib/errors";
import { PORTABLE_SCHEMA_VERSION, type TPortableDebate } from "@/lib/interop/portable";
import { db } from "@/lib/server/db";

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * The whole debate as a portable document: nodes and relations that are on
 * the map or awaiting moderation or rejected (not deleted ones), sources,
 * teams and every revision. Keys are the database ids, which the document
 * only uses as references.
 */
export async function exportDebate(slug: string): Promise<TPortableDebate> {
  const debate = await db.debate.findFirst({ where: { slug, deletedAt: null }, include: { article: true, teams: { orderBy: { name: "asc" } } } });
  if (!debate) throw new AppError("NOT_FOUND", `There is no debate "${slug}".`);
  const live = { debateId: debate.id, deletedAt: null };
  const [nodes, relations, sources, revisions] = await Promise.all([
    db.node.findMany({
      where: live,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { nodeSources: { select: { sourceId: true } }, author: { select: { name: true } }, team: { select: { name: true } } },
    }),
    db.relation.findMany({ where: { ...live, from: { deletedAt: null }, to: { deletedAt: null } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.source.findMany({ where: { debateId: debate.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.revision.findMany({ where: { debateId: debate.id }, orderBy: [{ createdAt: "asc" }, { version: "asc" }], include: { actor: { select: { name: true } } } }),
  ]);
  const { article } = debate;
  // Revisions travel with the nodes and relations they belong to.
  const exported = new Set([...nodes.map((n) => n.id), ...relations.map((r) => r.id)]);
  return {
    schemaVersion: PORTABLE_SCHEMA_VERSION,
    debate: { title: debate.title, description: debate.description, moderationMode: debate.moderationMode, phase: debate.phase, anonymous: debate.anonymous },
    article: { title: article.title, author: article.author, publisher: article.publisher, publishedAt: isoDate(article.publishedAt), url: article.url, perspective: article.perspective, text: article.text },
    sources: sources.map((s) => ({ key: s.id, title: s.title, author: s.author, publisher: s.publisher, url: s.url, publishedAt: isoDate(s.publishedAt), quote: s.quote, perspective: s.perspective, isArticle: s.articleId !== null })),
    nodes: nodes.map((n) => ({
      key: n.id,
      kind: n.kind,
      text: n.text,
      attributedTo: n.attributedTo,
      anchor: n.anchorStart !== null && n.anchorEnd !== null ? { start: n.anchorStart, end: n.anchorEnd } : null,
      sourceKeys: n.nodeSources.map((s) => s.sourceId).sort(),
      status: n.status,
      author: n.author?.name ?? n.importedAuthor,
      team: n.team?.name ?? null,
      version: n.version,
    })),
    relations: relations.map((r) => ({ key: r.id, from: r.fromId, to: r.toId, type: r.type, group: r.groupId, status: r.status, version: r.version })),
    teams: debate.teams.map((t) => ({ name: t.name, colour: t.colour, perspective: t.perspective })),
    revisions: revisions.filter((r) => exported.has(r.entityId)).map((r) => ({
      entity: r.entityType === "relation" ? "relation" : "node",
      key: r.entityId,
      version: r.version,
      action: r.action,
      actor: r.actor?.name ?? r.actorName,
      at: r.createdAt.toISOString(),
      before: r.before ?? null,
      after: r.after ?? null,
      reason: r.reason,
    })),
  };
}
