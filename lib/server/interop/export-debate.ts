import "server-only";

import { canSee } from "@/lib/authz/can";
import { PORTABLE_SCHEMA_VERSION, type TPortableDebate } from "@/lib/interop/portable";
import type { Actor } from "@/lib/server/auth/get-actor";
import { authorLabels } from "@/lib/server/debates/author-labels";
import { loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { seenRevision } from "@/lib/server/revisions/seen-revision";
import { seenSources } from "@/lib/server/sources/seen-sources";

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * The whole debate as a portable document, as the person asking may see it:
 * nodes and relations on the map, and those awaiting moderation or rejected
 * that they may see (their own; all for the owner and moderators), not
 * deleted ones; the sources they cite (and the article's), teams, and the
 * revisions of what is exported as far as the person may read them
 * (seenRevision; redacted text never travels in a file). People are named as
 * the map names them (team pseudonyms in an anonymous debate). Keys are the
 * database ids, which the document only uses as references.
 */
export async function exportDebate(slug: string, actor: Actor | null): Promise<TPortableDebate> {
  const { who } = await loadDebateAccess(slug, actor);
  const debate = await db.debate.findFirstOrThrow({ where: { slug, deletedAt: null }, include: { article: true, teams: { orderBy: { name: "asc" } } } });
  const live = { debateId: debate.id, deletedAt: null };
  const [nodes, relations, sources, revisions] = await Promise.all([
    db.node.findMany({
      where: live,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { nodeSources: { select: { sourceId: true } }, team: { select: { name: true } } },
    }),
    db.relation.findMany({ where: { ...live, from: { deletedAt: null }, to: { deletedAt: null } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.source.findMany({ where: { debateId: debate.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.revision.findMany({ where: { debateId: debate.id }, orderBy: [{ createdAt: "asc" }, { version: "asc" }] }),
  ]);
  const { article } = debate;
  const seenNodes = nodes.filter((n) => canSee(who, n));
  const seenNodeIds = new Set(seenNodes.map((n) => n.id));
  const seenRelations = relations.filter((r) => canSee(who, r) && seenNodeIds.has(r.fromId) && seenNodeIds.has(r.toId));
  const citations = nodes.flatMap((n) => n.nodeSources.map(({ sourceId }) => ({ nodeId: n.id, sourceId })));
  // As on the map, a linked group needs two links in sight: one a pending co-premise started is not shown.
  const groupSizes = new Map<string, number>();
  for (const r of seenRelations) if (r.groupId) groupSizes.set(r.groupId, (groupSizes.get(r.groupId) ?? 0) + 1);
  const groups = new Set([...groupSizes].flatMap(([id, size]) => (size > 1 ? [id] : [])));
  const oversees = who?.role === "owner" || who?.role === "moderator";
  // Revisions travel with the nodes and relations they belong to, each as far as this person may read it.
  const authorOf = new Map([...seenNodes, ...seenRelations].map((item) => [item.id, item.authorId]));
  const seenRevisions = revisions.flatMap((r) => {
    if (!authorOf.has(r.entityId)) return [];
    const whole = oversees || (who !== null && authorOf.get(r.entityId) === who.userId);
    return seenRevision(r, { whole, redacted: false, groups }) ?? [];
  });
  const people = [...seenNodes.map((n) => n.authorId), ...seenRevisions.map((r) => r.actorId)].filter((id): id is string => id !== null);
  const labels = await authorLabels(debate, people, oversees);
  return {
    schemaVersion: PORTABLE_SCHEMA_VERSION,
    debate: { title: debate.title, description: debate.description, moderationMode: debate.moderationMode, phase: debate.phase, anonymous: debate.anonymous },
    article: { title: article.title, author: article.author, publisher: article.publisher, publishedAt: isoDate(article.publishedAt), url: article.url, perspective: article.perspective, text: article.text },
    sources: seenSources(sources, citations, seenNodeIds).map((s) => ({ key: s.id, title: s.title, author: s.author, publisher: s.publisher, url: s.url, publishedAt: isoDate(s.publishedAt), quote: s.quote, perspective: s.perspective, isArticle: s.articleId !== null })),
    nodes: seenNodes.map((n) => ({
      key: n.id,
      kind: n.kind,
      text: n.text,
      attributedTo: n.attributedTo,
      anchor: n.anchorStart !== null && n.anchorEnd !== null ? { start: n.anchorStart, end: n.anchorEnd } : null,
      sourceKeys: n.nodeSources.map((s) => s.sourceId).sort(),
      status: n.status,
      author: (n.authorId ? labels.get(n.authorId)?.label : null) ?? n.importedAuthor,
      team: n.team?.name ?? null,
      teamSide: n.teamSide,
      version: n.version,
      // Only statements imported with data of their own carry it.
      ...(n.data !== null && typeof n.data === "object" && !Array.isArray(n.data) ? { data: n.data } : {}),
    })),
    relations: seenRelations.map((r) => ({ key: r.id, from: r.fromId, to: r.toId, type: r.type, group: r.groupId && groups.has(r.groupId) ? r.groupId : null, status: r.status, version: r.version })),
    teams: debate.teams.map((t) => ({ name: t.name, colour: t.colour, perspective: t.perspective })),
    revisions: seenRevisions.map((r) => ({
      entity: r.entityType === "relation" ? "relation" : "node",
      key: r.entityId,
      version: r.version,
      action: r.action,
      actor: (r.actorId ? labels.get(r.actorId)?.label : null) ?? r.actorName,
      at: r.createdAt.toISOString(),
      before: r.before ?? null,
      after: r.after ?? null,
      reason: r.reason,
    })),
  };
}
