import { z } from "zod";

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
  version: z.number().int(),
});

export const ZMapRelation = z.object({
  id: z.string(),
  fromId: z.string(),
  toId: z.string(),
  type: ZRelationType,
  groupId: z.string().nullable(),
  status: ZStatus,
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

export const ZArticle = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  perspective: ZPerspective,
  text: z.string(),
});

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
  }),
  article: ZArticle,
  nodes: z.array(ZMapNode),
  relations: z.array(ZMapRelation),
  sources: z.array(ZMapSource),
});

export type TMapNode = z.infer<typeof ZMapNode>;
export type TMapRelation = z.infer<typeof ZMapRelation>;
export type TMapSource = z.infer<typeof ZMapSource>;
export type TArticle = z.infer<typeof ZArticle>;
export type TDebateSummary = z.infer<typeof ZDebateSummary>;
export type TMapDocument = z.infer<typeof ZMapDocument>;

/** What creating a node returns: the node, its new or changed relations, the sources it cites. */
export type TCreatedNode = { node: TMapNode; relations: TMapRelation[]; sources: TMapSource[] };
