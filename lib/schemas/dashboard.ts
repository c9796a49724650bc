import type { Role } from "@/lib/authz/can";

import type { TNodeKind, TPerspective } from "./domain";

/** Contributions (statements and links) and their moderation status; statements + links = approved + pending + rejected. */
export type TContributionCounts = { statements: number; links: number; approved: number; pending: number; rejected: number };

/**
 * A debate's overview for its owner and moderators. Every figure counts what
 * people with an account wrote (not the mapped article, not imported
 * statements) and is not deleted, whatever its status.
 */
export type TDashboard = {
  debate: { slug: string; title: string; moderationMode: "open" | "premoderated"; phase: "open" | "closed" | "archived" };
  totals: TContributionCounts;
  /** By team: a statement by the team its author was on when writing it, a link by its author's team now. "No team" has id null. */
  teams: { id: string | null; name: string; perspective: TPerspective | null; counts: TContributionCounts }[];
  /** The team rows summed by the perspective each team was assigned. */
  teamPerspectives: { perspective: TPerspective; counts: TContributionCounts }[];
  /** Statements by the perspective of the sources they cite; one citing two perspectives counts under both. */
  citedPerspectives: { perspective: TPerspective; statements: number; approved: number; pending: number; rejected: number }[];
  /** Every member, and anyone else who wrote something (a former member). */
  people: { userId: string; name: string; team: string | null; role: Role | "former member"; counts: TContributionCounts }[];
  /** Citations (statement–source links) and distinct sources, by the source's perspective. */
  sources: { perspective: TPerspective; citations: number; distinctSources: number }[];
  /** Statements on the map that no approved rebuttal or link attacks yet, by kind, oldest first. */
  unattacked: { id: string; kind: TNodeKind; text: string }[];
};
