import "server-only";

import type { Prisma } from "@prisma/client";

import type { DebateActor } from "@/lib/authz/can";

/**
 * The statements and links a person may see, as a query filter: the rule of
 * canSee (approved ones; their own pending and rejected ones; all for the
 * owner and moderators), for reading many at once.
 */
export function seenWhere(who: DebateActor): Prisma.NodeWhereInput & Prisma.RelationWhereInput {
  if (!who) return { status: "approved" };
  return who.role === "owner" || who.role === "moderator" ? {} : { OR: [{ status: "approved" }, { authorId: who.userId }] };
}

/**
 * The sources a person may see: the article, and those cited by a statement
 * on the map they may see. A source that only someone's pending, rejected or
 * deleted statement cites stays as private as that statement; its title, URL
 * and quote are that contribution's words. Filtered from citations already
 * read, so a large map costs no further query.
 */
export function seenSources<S extends { id: string; articleId: string | null }>(sources: S[], citations: Iterable<{ nodeId: string; sourceId: string }>, seenNodeIds: ReadonlySet<string>): S[] {
  const cited = new Set<string>();
  for (const { nodeId, sourceId } of citations) if (seenNodeIds.has(nodeId)) cited.add(sourceId);
  return sources.filter((s) => s.articleId !== null || cited.has(s.id));
}

/** The same rule as seenSources, as a query filter, for looking up one source by id. */
export function seenSourceWhere(who: DebateActor): Prisma.SourceWhereInput {
  return { OR: [{ articleId: { not: null } }, { nodeSources: { some: { node: { deletedAt: null, ...seenWhere(who) } } } }] };
}
