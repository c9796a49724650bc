import { z } from "zod";

import { ZArticleFields } from "./article";
import { ZDebateSlug, ZNodeKind, ZRelationType } from "./domain";
import { checkedText } from "./text";

/** A map kept as data (prisma/seed/*.json): nodes by key, anchored by offsets and quote. */
export const ZSeedMap = z.object({
  nodes: z
    .array(
      z.object({
        key: z.string().min(1),
        kind: ZNodeKind,
        text: checkedText(1, 400),
        attributedTo: checkedText(0, 200).nullable(),
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
  title: checkedText(1, 200),
  description: checkedText(0, 1000),
  article: ZArticleFields.extend({ textFile: z.string() }),
  mapFile: z.string(),
});
export type TSeedDebate = z.infer<typeof ZSeedDebate>;
