import "server-only";

import { debateStateOf, moderationModeOf } from "@/lib/authz/can";
import type { TMapAuthor, TMapDocument, TMapNode, TMapSource, TMapTeam } from "@/lib/schemas/map";
import type { TNodeKind, TPerspective, TRelationType, TStatus } from "@/lib/schemas/domain";

type DateLike = Date | null;

/** The rows getDebateMap reads, in the shape Prisma returns them. */
export type MapRows = {
  debate: {
    id: string;
    slug: string;
    title: string;
    description: string | null;
    createdAt: Date;
    phase: "open" | "closed" | "archived";
    moderationMode: "open" | "premoderated";
    anonymous: boolean;
    ownerId: string | null;
    article: { id: string; title: string; author: string | null; publisher: string | null; publishedAt: DateLike; url: string | null; perspective: TPerspective; text: string };
  };
  nodes: {
    id: string;
    kind: TNodeKind;
    text: string;
    attributedTo: string | null;
    anchorStart: number | null;
    anchorEnd: number | null;
    status: TStatus;
    authorId: string | null;
    teamId: string | null;
    teamSide: TPerspective | null;
    rejectionReason: string | null;
    version: number;
    nodeSources: { sourceId: string }[];
  }[];
  relations: { id: string; fromId: string; toId: string; type: TRelationType; groupId: string | null; status: TStatus; authorId: string | null; rejectionReason: string | null; version: number }[];
  teams: TMapTeam[];
  authors: TMapAuthor[];
  sources: { id: string; articleId: string | null; title: string; author: string | null; publisher: string | null; url: string | null; publishedAt: DateLike; quote: string | null; perspective: TPerspective }[];
};

const isoDate = (date: DateLike) => (date ? date.toISOString().slice(0, 10) : null);

export type NodeRow = MapRows["nodes"][number];
export type SourceRow = MapRows["sources"][number];

/** A node row as the map shows it; an anchor outside the article text is dropped, not trusted. */
export function toMapNode(n: NodeRow, textLength = Number.POSITIVE_INFINITY): TMapNode {
  const hasAnchor = n.anchorStart !== null && n.anchorEnd !== null && n.anchorStart >= 0 && n.anchorStart < n.anchorEnd && n.anchorEnd <= textLength;
  return {
    id: n.id,
    kind: n.kind,
    text: n.text,
    attributedTo: n.attributedTo,
    anchor: hasAnchor ? { start: n.anchorStart!, end: n.anchorEnd! } : null,
    sourceIds: n.nodeSources.map((s) => s.sourceId),
    status: n.status,
    authorId: n.authorId,
    teamId: n.teamId,
    teamSide: n.teamSide,
    rejectionReason: n.rejectionReason,
    version: n.version,
  };
}

export function toMapSource(s: SourceRow): TMapSource {
  return {
    id: s.id,
    title: s.title,
    author: s.author,
    publisher: s.publisher,
    url: s.url,
    publishedAt: isoDate(s.publishedAt),
    quote: s.quote,
    perspective: s.perspective,
    isArticle: s.articleId !== null,
  };
}

/**
 * Converts database rows into the map document. A linked group needs two
 * relations on the map: one whose co-premises were deleted, or are not shown
 * to this viewer, is a plain support.
 */
export function toMapDocument({ debate, nodes, relations, sources, teams, authors }: MapRows): TMapDocument {
  const { article } = debate;
  const groupSizes = new Map<string, number>();
  for (const r of relations) if (r.groupId) groupSizes.set(r.groupId, (groupSizes.get(r.groupId) ?? 0) + 1);
  const state = debateStateOf(debate);
  return {
    debate: {
      id: debate.id,
      slug: debate.slug,
      title: debate.title,
      description: debate.description,
      createdAt: debate.createdAt.toISOString(),
      ...state,
      moderationMode: moderationModeOf({ moderationMode: debate.moderationMode, hasOwner: state.hasOwner }),
      anonymous: debate.anonymous,
    },
    article: { ...article, publishedAt: isoDate(article.publishedAt) },
    nodes: nodes.map((n) => toMapNode(n, article.text.length)),
    relations: relations.map((r) => ({ ...r, groupId: r.groupId && groupSizes.get(r.groupId)! > 1 ? r.groupId : null })),
    sources: sources.map(toMapSource),
    teams,
    authors,
  };
}
