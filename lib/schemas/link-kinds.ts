import type { TNodeKind, TRelationType, TStatus } from "./domain";

/** How a new statement joins the map: for or against a node, or beside a premise as its co-premise. */
export type TLinkType = "supports" | "attacks" | "co-premise";

/**
 * The kinds of statement each link takes, the first being the one a form
 * starts with. The request schema, the add form and the domain all read this
 * table, so a new kind or link changes in one place.
 */
export const KINDS_FOR_LINK = {
  supports: ["premise", "claim"],
  attacks: ["rebuttal"],
  "co-premise": ["premise"],
} as const satisfies Record<TLinkType, readonly TNodeKind[]>;

/** The kind of statement a form for this link starts with. */
export function defaultKindFor(link: TLinkType): TNodeKind {
  return KINDS_FOR_LINK[link][0];
}

/** Why a statement of this kind cannot go with this link, or null when it can. */
export function kindProblem(kind: TNodeKind, link: TLinkType): string | null {
  const expected: readonly TNodeKind[] = KINDS_FOR_LINK[link];
  if (expected.includes(kind)) return null;
  return `A statement that ${relationOfLink(link)} another is a ${expected.join(" or ")}.`;
}

/** The relation a link makes: a co-premise supports what its partner supports. */
export function relationOfLink(link: TLinkType): TRelationType {
  return link === "attacks" ? "attacks" : "supports";
}

/** The relation a statement of this kind makes with what it answers (a rebuttal attacks, the rest support). */
export function relationForKind(kind: TNodeKind): TRelationType {
  const attacking: readonly TNodeKind[] = KINDS_FOR_LINK.attacks;
  return attacking.includes(kind) ? "attacks" : "supports";
}

/** Only a premise works together with co-premises. */
export function takesCoPremises(kind: TNodeKind): boolean {
  return kind === "premise";
}

/** Whether a node can take a co-premise now: a premise that already supports something. */
export function acceptsCoPremise(node: { kind: TNodeKind }, supportsSomething: boolean): boolean {
  return takesCoPremises(node.kind) && supportsSomething;
}

/** A rejected statement is off the map: nothing can be added to it or linked with it. */
export function isLinkable(node: { status: TStatus }): boolean {
  return node.status !== "rejected";
}
