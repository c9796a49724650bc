import { z } from "zod";

import type { TNodeKind, TPerspective, TRelationType, TStatus } from "./domain";
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
export type TQueueNodeRef = { id: string; kind: TNodeKind; text: string; status: TStatus };
export type TQueueAuthor = { id: string; label: string } | null;
export type TQueueSource = { id: string; title: string; publisher: string | null; url: string | null; perspective: TPerspective };

/** A pending statement, with the pending relation(s) it came with, decided as one item. */
export type TQueueNodeItem = {
  type: "node";
  id: string;
  version: number;
  kind: TNodeKind;
  text: string;
  createdAt: string;
  author: TQueueAuthor;
  team: { id: string; name: string } | null;
  sources: TQueueSource[];
  relations: { id: string; type: TRelationType; to: TQueueNodeRef }[];
};

/** A pending relation between statements that were already there. */
export type TQueueRelationItem = {
  type: "relation";
  id: string;
  version: number;
  relationType: TRelationType;
  createdAt: string;
  author: TQueueAuthor;
  from: TQueueNodeRef;
  to: TQueueNodeRef;
};

export type TQueueItem = TQueueNodeItem | TQueueRelationItem;
export type TModerationQueue = { items: TQueueItem[] };

export type TDecidedItem = { type: "node" | "relation"; id: string; status: TStatus; version: number };
export type TModerationDecisionResult = { decided: TDecidedItem[] };
