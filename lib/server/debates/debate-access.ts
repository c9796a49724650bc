import "server-only";

import { can, debateStateOf, effectiveRole, moderationModeOf, type Action, type DebateActor, type DebateState, type Role } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import type { TPerspective } from "@/lib/schemas/domain";
import type { Actor } from "@/lib/server/auth/get-actor";
import { isSiteAdmin } from "@/lib/server/auth/site-admin";
import { db } from "@/lib/server/db";

export type DebateAccess = {
  /** moderationMode is the mode in force (moderationModeOf), not necessarily the stored one. */
  debate: { id: string; slug: string; title: string; phase: "open" | "closed" | "archived"; ownerId: string | null; moderationMode: "open" | "premoderated"; anonymous: boolean };
  /** What the rule table needs of the debate. */
  state: DebateState;
  /** The actor with their effective role (null when not a member of an owned debate). */
  who: DebateActor;
  /** The actor's team in this debate, if any, and the case it argues. */
  teamId: string | null;
  teamSide: TPerspective | null;
};

/** Loads a debate and the actor's role in it; 404 when there is no such debate. */
export async function loadDebateAccess(slug: string, actor: Actor | null): Promise<DebateAccess> {
  const debate = await db.debate.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      slug: true,
      title: true,
      phase: true,
      ownerId: true,
      moderationMode: true,
      anonymous: true,
      // An empty list of members (no user id matches none) when nobody is signed in.
      members: { where: { userId: { in: actor ? [actor.userId] : [] } }, select: { role: true, teamId: true, team: { select: { perspective: true } } }, take: 1 },
    },
  });
  if (!debate) throw new AppError("NOT_FOUND", `There is no debate "${slug}".`);
  const { members, ...rest } = debate;
  const member = members[0];
  const state = debateStateOf(debate);
  const who = actor ? { userId: actor.userId, role: effectiveRole({ userId: actor.userId, role: await statedRole(debate.ownerId, actor, member?.role) }, state) } : null;
  return { debate: { ...rest, moderationMode: moderationModeOf({ ...rest, hasOwner: state.hasOwner }) }, state, who, teamId: member?.teamId ?? null, teamSide: member?.team?.perspective ?? null };
}

/** The owner of a debate, or a site administrator for a debate without one; else the membership's role. */
async function statedRole(ownerId: string | null, actor: Actor, memberRole: Role | undefined): Promise<Role | null> {
  if (ownerId === null ? await isSiteAdmin(actor.userId) : ownerId === actor.userId) return "owner";
  return memberRole ?? null;
}

/** Throws the rule table's refusal as a 401 or 403. */
export function assertCan(access: DebateAccess, action: Action, resource?: { authorId: string | null }): void {
  const decision = can(access.who, action, access.state, resource);
  if (!decision.allowed) throw new AppError(decision.code, decision.reason);
}
