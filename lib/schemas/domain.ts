import { z } from "zod";

import { ZStoredInt } from "./text";

export const NODE_KINDS = ["thesis", "claim", "premise", "rebuttal"] as const;
export const RELATION_TYPES = ["supports", "attacks"] as const;
export const PERSPECTIVES = ["armenian", "azerbaijani", "neutral"] as const;
export const STATUSES = ["pending", "approved", "rejected"] as const;

export const ZNodeKind = z.enum(NODE_KINDS);
export const ZRelationType = z.enum(RELATION_TYPES);
export const ZPerspective = z.enum(PERSPECTIVES, { error: "Choose the perspective: Armenian, Azerbaijani or neutral." });
export const ZStatus = z.enum(STATUSES);

export type TNodeKind = z.infer<typeof ZNodeKind>;
export type TRelationType = z.infer<typeof ZRelationType>;
export type TPerspective = z.infer<typeof ZPerspective>;
export type TStatus = z.infer<typeof ZStatus>;

/** A span of the article: text.slice(start, end) is the quoted passage. */
export const ZAnchor = z
  .object({ start: ZStoredInt, end: ZStoredInt.min(1) })
  .refine((a) => a.end > a.start, { message: "An anchor must end after it starts." });
export type TAnchor = z.infer<typeof ZAnchor>;

/** Debates are addressed by slug in URLs and the API. */
export const ZDebateSlug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, "A debate id is 1 to 80 lowercase letters, digits and dashes.");
