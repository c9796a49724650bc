import { z } from "zod";

import { ZArticleFields } from "./article";
import { ZAnchor, ZDebateSlug, ZNodeKind, ZPerspective, ZRelationType, ZStatus } from "./domain";

export const ZMapNode = z.object({
  id: z.string(),
  kind: ZNodeKind,
  text: z.string(),
  attributedTo: z.string().nullable(),
  anchor: ZAnchor.nullable(),
  sourceIds: z.array(z.string()),
  status: ZStatus,
  authorId: z.string().nullable(),
  /** The team its author was on when they wrote it. */
  teamId: z.string().nullable(),
  /** The case that team argued then (teams may swap sides later). */
  teamSide: ZPerspective.nullable(),
  /** Why a moderator rejected it; only its author and moderators see rejected items. */
  rejectionReason: z.string().nullable(),
  version: z.number().int(),
});

export const ZMapRelation = z.object({
  id: z.string(),
  fromId: z.string(),
  toId: z.string(),
  type: ZRelationType,
  groupId: z.string().nullable(),
  status: ZStatus,
  authorId: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  version: z.number().int(),
});

export const ZMapSource = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  quote: z.string().nullable(),
  perspective: ZPerspective,
  isArticle: z.boolean(),
});

export const ZArticle = ZArticleFields.extend({ id: z.string(), text: z.string() });

export const ZMapTeam = z.object({ id: z.string(), name: z.string(), colour: z.string(), perspective: ZPerspective });

/** How the map names an author: their name, or a team pseudonym in an anonymous debate. */
export const ZMapAuthor = z.object({ id: z.string(), label: z.string(), teamId: z.string().nullable() });

export const ZDebateSummary = z.object({
  id: z.string(),
  slug: ZDebateSlug,
  title: z.string(),
  description: z.string().nullable(),
  articleTitle: z.string(),
  nodeCount: z.number().int(),
  createdAt: z.string(),
});

/** Everything the map page needs, as one JSON document (GET /api/debates/{slug}). */
export const ZMapDocument = z.object({
  debate: ZDebateSummary.omit({ nodeCount: true, articleTitle: true }).extend({
    phase: z.enum(["open", "closed", "archived"]),
    moderationMode: z.enum(["open", "premoderated"]),
    anonymous: z.boolean(),
    hasOwner: z.boolean(),
  }),
  article: ZArticle,
  nodes: z.array(ZMapNode),
  relations: z.array(ZMapRelation),
  sources: z.array(ZMapSource),
  teams: z.array(ZMapTeam),
  authors: z.array(ZMapAuthor),
});

export type TMapNode = z.infer<typeof ZMapNode>;
export type TMapRelation = z.infer<typeof ZMapRelation>;
export type TMapSource = z.infer<typeof ZMapSource>;
export type TMapTeam = z.infer<typeof ZMapTeam>;
export type TMapAuthor = z.infer<typeof ZMapAuthor>;
export type TArticle = z.infer<typeof ZArticle>;
export type TDebateSummary = z.infer<typeof ZDebateSummary>;
export type TMapDocument = z.infer<typeof ZMapDocument>;

/** What creating a node returns: the node, its new or changed relations, the sources it cites. */
export type TCreatedNode = { node: TMapNode; relations: TMapRelation[]; sources: TMapSource[] };
