import { z } from "zod";

import { ZNodeKind, ZPerspective, ZRelationType, ZStatus } from "./domain";
import { ZVersion, boundedText } from "./text";

/** Reasons a moderator can pick when rejecting; they may also write their own. */
export const REJECTION_REASONS = [
  "No source supports it",
  "Off topic",
  "Duplicate of an existing statement",
  "Not civil",
  "Misrepresents the source",
] as const;

export const MAX_REJECTION_REASON_LENGTH = 300;
/** Items decided in one request: a class's backlog, not a whole imported debate. */
export const MAX_DECISION_ITEMS = 200;

export const ZRejectionReason = boundedText(3, MAX_REJECTION_REASON_LENGTH, {
  tooShort: "Say why (at least 3 characters), or pick a reason from the list.",
  tooLong: `A reason has at most ${MAX_REJECTION_REASON_LENGTH} characters.`,
});

export const ZModerationItemRef = z.object({
  type: z.enum(["node", "relation"], { error: "An item is a node or a relation." }),
  id: z.uuid("An item id is a UUID."),
  /** The version the moderator saw; a newer one (edited meanwhile) gets 409. */
  version: ZVersion.optional(),
});
export type TModerationItemRef = z.infer<typeof ZModerationItemRef>;

export const ZModerationDecisionRequest = z
  .object({
    items: z
      .array(ZModerationItemRef)
      .min(1, "Choose at least one item.")
      .max(MAX_DECISION_ITEMS, `Decide at most ${MAX_DECISION_ITEMS} items at once.`)
      .refine((items) => new Set(items.map((i) => `${i.type}:${i.id}`)).size === items.length, "Each item may be listed only once."),
    decision: z.enum(["approve", "reject"], { error: "Choose approve or reject." }),
    reason: ZRejectionReason.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "reject" && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason for rejecting: pick one from the list or write your own." });
    }
    if (value.decision === "approve" && value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "An approval takes no reason." });
    }
  });
export type TModerationDecisionRequest = z.infer<typeof ZModerationDecisionRequest>;

/** A statement at either end of a relation in the queue. */
export const ZQueueNodeRef = z.object({ id: z.string(), kind: ZNodeKind, text: z.string(), status: ZStatus });
export type TQueueNodeRef = z.infer<typeof ZQueueNodeRef>;
export const ZQueueAuthor = z.object({ id: z.string(), label: z.string() }).nullable();
export type TQueueAuthor = z.infer<typeof ZQueueAuthor>;
export const ZQueueSource = z.object({ id: z.string(), title: z.string(), publisher: z.string().nullable(), url: z.string().nullable(), perspective: ZPerspective });
export type TQueueSource = z.infer<typeof ZQueueSource>;

/** What every item in the queue has: the version a decision carries, when and by whom it was written. */
const ZQueueItemBase = z.object({ id: z.string(), version: z.number(), createdAt: z.string(), author: ZQueueAuthor });

/** A pending statement, with the pending relation(s) it came with, decided as one item. */
export const ZQueueNodeItem = ZQueueItemBase.extend({
  type: z.literal("node"),
  kind: ZNodeKind,
  text: z.string(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  sources: z.array(ZQueueSource),
  relations: z.array(z.object({ id: z.string(), type: ZRelationType, to: ZQueueNodeRef })),
});
export type TQueueNodeItem = z.infer<typeof ZQueueNodeItem>;

/** A pending relation between statements that were already there. */
export const ZQueueRelationItem = ZQueueItemBase.extend({
  type: z.literal("relation"),
  relationType: ZRelationType,
  from: ZQueueNodeRef,
  to: ZQueueNodeRef,
});
export type TQueueRelationItem = z.infer<typeof ZQueueRelationItem>;

export const ZQueueItem = z.discriminatedUnion("type", [ZQueueNodeItem, ZQueueRelationItem]);
export type TQueueItem = z.infer<typeof ZQueueItem>;
export const ZModerationQueue = z.object({ items: z.array(ZQueueItem) });
export type TModerationQueue = z.infer<typeof ZModerationQueue>;

export const ZDecidedItem = z.object({ type: z.enum(["node", "relation"]), id: z.string(), status: ZStatus, version: z.number() });
export type TDecidedItem = z.infer<typeof ZDecidedItem>;
export const ZModerationDecisionResult = z.object({ decided: z.array(ZDecidedItem) });
export type TModerationDecisionResult = z.infer<typeof ZModerationDecisionResult>;
