import "server-only";

import type { Prisma } from "@prisma/client";
import { cache } from "react";

import { canSee, type DebateActor } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import { toMapDocument } from "@/lib/graph/to-map-document";
import type { TMapDocument } from "@/lib/schemas/map";
import { db } from "@/lib/server/db";
import { NODE_COLUMNS, RELATION_ROW } from "@/lib/server/nodes/node-row";
import { seenSources, seenWhere } from "@/lib/server/sources/seen-sources";

import { authorKey, authorKeys } from "./author-key";
import { authorLabels } from "./author-labels";


type DebateRow = NonNullable<Awaited<ReturnType<typeof findDebate>>>;

function findDebate(slug: string) {
  return db.debate.findFirst({ where: { slug, deletedAt: null } });
}

/**
 * The whole public map of one debate: its approved, not deleted nodes and
 * relations, the sources they cite (and the article's), the article they are
 * anchored in, its teams and how its authors are named.
 *
 * Kept cheap for maps of thousands of nodes: after the debate itself, every
 * query runs at once and none joins another table on every row [1]; relations
 * whose ends are not visible are dropped here, from the nodes already read [2].
 * Within one request the page and its metadata share one read: React's
 * cache() lasts a server render (route handlers, outside one, read each time).
 */
export const getDebateMap = cache(async (slug: string): Promise<TMapDocument> => {
  const debate = await findDebate(slug);
  if (!debate) throw new AppError("NOT_FOUND", `There is no debate "${slug}".`);
  return readMap(debate, seenWhere(null), false);
});

/**
 * The map as one person sees it: the public map, plus the pending and rejected
 * items they may see (their own; all of them for the owner and moderators),
 * with real names in an anonymous debate for the owner and moderators.
 */
export async function getViewerMap(slug: string, who: DebateActor): Promise<TMapDocument> {
  const debate = await findDebate(slug);
  if (!debate) throw new AppError("NOT_FOUND", `There is no debate "${slug}".`);
  return who && (await seesMoreThanPublic(debate, who)) ? personalMap(debate, who) : getDebateMap(slug);
}

const oversees = (who: NonNullable<DebateActor>) => who.role === "owner" || who.role === "moderator";

/** Whether this person's map differs from the public one (so it cannot be served from the shared cache). */
export async function seesMoreThanPublic(debate: { id: string; anonymous: boolean }, who: NonNullable<DebateActor>): Promise<boolean> {
  if (oversees(who) && debate.anonymous) return true;
  const unapproved = { debateId: debate.id, deletedAt: null, status: { not: "approved" as const }, ...(oversees(who) ? {} : { authorId: who.userId }) };
  const [nodes, relations] = await Promise.all([db.node.count({ where: unapproved }), db.relation.count({ where: unapproved })]);
  return nodes + relations > 0;
}

async function personalMap(debate: DebateRow, who: NonNullable<DebateActor>): Promise<TMapDocument> {
  const doc = await readMap(debate, seenWhere(who), oversees(who));
  // The document names authors by their key in this debate, so the person is too.
  const asAuthor = { ...who, userId: authorKey(debate.id, who.userId) };
  const nodes = doc.nodes.filter((n) => canSee(asAuthor, n));
  const ids = new Set(nodes.map((n) => n.id));
  return { ...doc, nodes, relations: doc.relations.filter((r) => canSee(asAuthor, r) && ids.has(r.fromId) && ids.has(r.toId)) };
}

/** This person's own map, for the map API, which has already asked seesMoreThanPublic. */
export async function getPersonalMap(slug: string, who: NonNullable<DebateActor>): Promise<TMapDocument> {
  const debate = await findDebate(slug);
  if (!debate) throw new AppError("NOT_FOUND", `There is no debate "${slug}".`);
  return personalMap(debate, who);
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
