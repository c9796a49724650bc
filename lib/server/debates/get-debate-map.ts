import "server-only";

import type { Prisma } from "@prisma/client";

import { canSee, type DebateActor } from "@/lib/authz/can";
import type { TMapDocument } from "@/lib/schemas/map";
import { db } from "@/lib/server/db";
import { NODE_COLUMNS, RELATION_ROW } from "@/lib/server/nodes/node-row";
import { seenSources, seenWhere } from "@/lib/server/sources/seen-sources";

import { authorKey, authorKeys } from "./author-key";
import { loadDebateAccess, type DebateRow } from "./debate-access";
import { authorLabels } from "./author-labels";
import { toMapDocument } from "./to-map-document";

/**
 * The whole public map of one debate by its slug (the export script): what
 * buildViewerMap gives someone who sees no more than the public.
 */
export async function getDebateMap(slug: string): Promise<TMapDocument> {
  return buildViewerMap((await loadDebateAccess(slug, null)).debate, null);
}

const oversees = (who: NonNullable<DebateActor>) => who.role === "owner" || who.role === "moderator";

/**
 * Whose own map a person gets: null when theirs is the public one (the same
 * for everyone, so it can be shared), else the person themselves, when they
 * may see pending or rejected items, or real names in an anonymous debate.
 */
export async function mapViewer(debate: Pick<DebateRow, "id" | "anonymous">, who: DebateActor): Promise<NonNullable<DebateActor> | null> {
  if (!who) return null;
  if (oversees(who) && debate.anonymous) return who;
  const unapproved = { debateId: debate.id, deletedAt: null, status: { not: "approved" as const }, ...(oversees(who) ? {} : { authorId: who.userId }) };
  const [nodes, relations] = await Promise.all([db.node.count({ where: unapproved }), db.relation.count({ where: unapproved })]);
  return nodes + relations > 0 ? who : null;
}

/**
 * The one builder of the map a person sees (give it mapViewer's answer). For
 * null, the public map: its approved, not deleted nodes and relations, the
 * sources they cite (and the article's), the article they are anchored in,
 * its teams and how its authors are named. For a person, the public map plus
 * the pending and rejected items they may see (their own; all of them for the
 * owner and moderators), with real names in an anonymous debate for the owner
 * and moderators.
 *
 * Kept cheap for maps of thousands of nodes: the debate's row comes with the
 * request's access, every query runs at once and none joins another table on
 * every row [1]; relations whose ends are not visible are dropped here, from
 * the nodes already read [2].
 */
export async function buildViewerMap(debate: DebateRow, viewer: NonNullable<DebateActor> | null): Promise<TMapDocument> {
  if (!viewer) return readMap(debate, seenWhere(null), false);
  const doc = await readMap(debate, seenWhere(viewer), oversees(viewer));
  // The document names authors by their key in this debate, so the person is too.
  const asAuthor = { ...viewer, userId: authorKey(debate.id, viewer.userId) };
  const nodes = doc.nodes.filter((n) => canSee(asAuthor, n));
  const ids = new Set(nodes.map((n) => n.id));
  return { ...doc, nodes, relations: doc.relations.filter((r) => canSee(asAuthor, r) && ids.has(r.fromId) && ids.has(r.toId)) };
}

async function readMap(debate: DebateRow, status: Prisma.NodeWhereInput & Prisma.RelationWhereInput, revealNames: boolean): Promise<TMapDocument> {
  const visible = { debateId: debate.id, deletedAt: null, ...status };
  const [article, nodes, relations, citations, sources, teams] = await Promise.all([
    db.article.findUniqueOrThrow({ where: { id: debate.articleId } }),
    // Citations are read apart, for the whole debate at once [1].
    db.node.findMany({ where: visible, orderBy: { createdAt: "asc" }, select: NODE_COLUMNS }),
    db.relation.findMany({
      where: visible,
      // The layout places a node by its first relation, so the order must be stable.
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: RELATION_ROW,
    }),
    // [1] Citations through the debate's few sources (indexed by source), not
    // as a nested select, which waits for the nodes and sends every node id back.
    db.nodeSource.findMany({ where: { source: { debateId: debate.id } }, select: { nodeId: true, sourceId: true } }),
    db.source.findMany({ where: { debateId: debate.id } }),
    db.team.findMany({ where: { debateId: debate.id }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, colour: true, perspective: true } }),
  ]);

  const sourcesOf = new Map<string, { sourceId: string }[]>();
  for (const { nodeId, sourceId } of citations) {
    const list = sourcesOf.get(nodeId);
    if (list) list.push({ sourceId });
    else sourcesOf.set(nodeId, [{ sourceId }]);
  }
  // [2] Same result as filtering on both ends in SQL, without two joins on Node;
  // and the sources only pending, rejected or deleted statements cite stay out.
  const visibleIds = new Set(nodes.map((n) => n.id));
  const shownRelations = relations.filter((r) => visibleIds.has(r.fromId) && visibleIds.has(r.toId));
  const authorIds = new Set<string>();
  for (const item of [...nodes, ...shownRelations]) if (item.authorId) authorIds.add(item.authorId);
  const labels = await authorLabels(debate, authorIds, revealNames);
  const keyOf = authorKeys(debate.id);
  const byKey = (item: { authorId: string | null }) => ({ authorId: item.authorId && keyOf(item.authorId) });
  // The owner and moderators see every member; others only who wrote what they see.
  const listed = revealNames ? [...labels.keys()] : [...labels.keys()].filter((id) => authorIds.has(id));
  return toMapDocument({
    debate: { ...debate, article },
    nodes: nodes.map((n) => ({ ...n, ...byKey(n), nodeSources: sourcesOf.get(n.id) ?? [] })),
    relations: shownRelations.map((r) => ({ ...r, ...byKey(r) })),
    sources: seenSources(sources, citations, visibleIds),
    teams,
    authors: listed.map((id) => ({ id: keyOf(id), ...labels.get(id)! })),
  });
}
