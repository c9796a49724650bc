import type { TNodeKind } from "@/lib/schemas/domain";

/** What each kind of statement is, as the forms that make one explain it. */
export const KIND_HINT: Record<TNodeKind, string> = {
  thesis: "the position the whole article argues",
  claim: "a conclusion that needs its own support",
  premise: "a reason or piece of evidence",
  rebuttal: "an objection to another statement",
};

/** Said when a contribution waits for a moderator. */
export const PENDING_NOTE = "Sent for review: only you and the moderators see it until a moderator approves it.";
