import { z } from "zod";

export const MEMBER_ROLES = ["owner", "moderator", "participant", "viewer"] as const;
export const ZMemberRole = z.enum(MEMBER_ROLES);

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
export const ZMember = z.object({
  userId: z.string(),
  name: z.string(),
  role: ZMemberRole,
  teamId: z.string().nullable(),
  joinedAt: z.string(),
  /** How participants see this member in an anonymous debate; null when the debate is not anonymous. */
  shownAs: z.string().nullable(),
});
export type TMember = z.infer<typeof ZMember>;

/** GET …/members. */
export const ZMemberList = z.object({ members: z.array(ZMember) });
export type TMemberList = z.infer<typeof ZMemberList>;
/** PATCH …/members/{userId}: the member's role and team now. */
export const ZUpdatedMember = ZMember.pick({ userId: true, role: true, teamId: true });
export type TUpdatedMember = z.infer<typeof ZUpdatedMember>;
/** DELETE …/members/{userId}. */
export const ZRemovedMember = z.object({ userId: z.string() });
export type TRemovedMember = z.infer<typeof ZRemovedMember>;
