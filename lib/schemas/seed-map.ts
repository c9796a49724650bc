import { z } from "zod";

import { ZDebateSlug, ZNodeKind, ZPerspective, ZRelationType } from "./domain";

/** A map kept as data (prisma/seed/*.json): nodes by key, anchored by offsets and quote. */
export const ZSeedMap = z.object({
  nodes: z
    .array(
      z.object({
        key: z.string().min(1),
        kind: ZNodeKind,
        text: z.string().min(1).max(400),
        attributedTo: z.string().nullable(),
        anchor: z.object({ start: z.number().int().min(0), end: z.number().int(), quote: z.string().min(1) }),
      }),
    )
    .min(1),
  relations: z.array(
    z.object({ from: z.string(), to: z.string(), type: ZRelationType, group: z.string().nullable() }),
  ),
});
export type TSeedMap = z.infer<typeof ZSeedMap>;

export const ZSeedDebate = z.object({
  slug: ZDebateSlug,
  title: z.string(),
  description: z.string(),
  article: z.object({
    title: z.string(),
    author: z.string().nullable(),
    publisher: z.string().nullable(),
    publishedAt: z.string().nullable(),
    url: z.string().nullable(),
    perspective: ZPerspective,
    textFile: z.string(),
  }),
  mapFile: z.string(),
});
export type TSeedDebate = z.infer<typeof ZSeedDebate>;
