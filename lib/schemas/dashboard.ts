import { z } from "zod";

import { ZNodeKind, ZPerspective } from "./domain";
import { MODERATION_MODES, PHASES } from "./debate-settings";
import { ZMemberRole } from "./member";

/** Contributions (statements and links) and their moderation status; statements + links = approved + pending + rejected. */
export const ZContributionCounts = z.object({ statements: z.number(), links: z.number(), approved: z.number(), pending: z.number(), rejected: z.number() });
export type TContributionCounts = z.infer<typeof ZContributionCounts>;

/**
 * A debate's overview for its owner and moderators. Every figure counts what
 * people with an account wrote (not the mapped article, not imported
 * statements) and is not deleted, whatever its status.
 */
export const ZDashboard = z.object({
  debate: z.object({ slug: z.string(), title: z.string(), moderationMode: z.enum(MODERATION_MODES), phase: z.enum(PHASES) }),
  totals: ZContributionCounts,
  /** By team: a statement by the team its author was on when writing it, a link by its author's team now. "No team" has id null. */
  teams: z.array(z.object({ id: z.string().nullable(), name: z.string(), perspective: ZPerspective.nullable(), counts: ZContributionCounts })),
  /** The team rows summed by the perspective each team was assigned. */
  teamPerspectives: z.array(z.object({ perspective: ZPerspective, counts: ZContributionCounts })),
  /** Statements by the perspective of the sources they cite; one citing two perspectives counts under both. */
  citedPerspectives: z.array(z.object({ perspective: ZPerspective, statements: z.number(), approved: z.number(), pending: z.number(), rejected: z.number() })),
  /** Every member, and anyone else who wrote something (a former member). */
  people: z.array(z.object({ userId: z.string(), name: z.string(), team: z.string().nullable(), role: z.union([ZMemberRole, z.literal("former member")]), counts: ZContributionCounts })),
  /** Citations (statement–source links) and distinct sources, by the source's perspective. */
  sources: z.array(z.object({ perspective: ZPerspective, citations: z.number(), distinctSources: z.number() })),
  /** Statements on the map that no approved rebuttal or link attacks yet, by kind, oldest first. */
  unattacked: z.array(z.object({ id: z.string(), kind: ZNodeKind, text: z.string() })),
});
export type TDashboard = z.infer<typeof ZDashboard>;
