import { z } from "zod";

/** Roles the owner can give; there is one owner, and ownership does not move. */
export const ASSIGNABLE_ROLES = ["moderator", "participant", "viewer"] as const;
export const ZAssignableRole = z.enum(ASSIGNABLE_ROLES, { error: "Choose the role: moderator, participant or viewer." });

/** Roles a join code gives. */
export const JOIN_ROLES = ["participant", "viewer"] as const;
export const ZJoinRole = z.enum(JOIN_ROLES, { error: "Choose the role of people who join: participant or viewer." });

export const ZUpdateMemberRequest = z
  .object({
    role: ZAssignableRole.optional(),
    /** null takes the member off their team. */
    teamId: z.uuid("Choose one of this debate's teams.").nullable().optional(),
  })
  .strict()
  .refine((v) => v.role !== undefined || v.teamId !== undefined, "Say what to change: the role or the team.");
export type TUpdateMemberRequest = z.input<typeof ZUpdateMemberRequest>;

/** A member as the management page lists them (owner and moderators only: it carries real names). */
export type TMember = {
  userId: string;
  name: string;
  role: "owner" | "moderator" | "participant" | "viewer";
  teamId: string | null;
  joinedAt: string;
  /** How participants see this member in an anonymous debate; null when the debate is not anonymous. */
  shownAs: string | null;
};
