import "server-only";

import { can, effectiveRole, type Action, type DebateActor, type Role } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import type { TPerspective } from "@/lib/schemas/domain";
import type { Actor } from "@/lib/server/auth/get-actor";
import { db } from "@/lib/server/db";

export type DebateAccess = {
  debate: { id: string; slug: string; title: string; phase: "open" | "closed" | "archived"; ownerId: string | null; moderationMode: "open" | "premoderated"; anonymous: boolean };
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
  const stated: Role | null = debate.ownerId && debate.ownerId === actor?.userId ? "owner" : (member?.role ?? null);
  const who = actor ? { userId: actor.userId, role: effectiveRole({ userId: actor.userId, role: stated }, { hasOwner: debate.ownerId !== null }) } : null;
  return { debate: rest, who, teamId: member?.teamId ?? null, teamSide: member?.team?.perspective ?? null };
}

/** Throws the rule table's refusal as a 401 or 403. */
export function assertCan(access: DebateAccess, action: Action, resource?: { authorId: string | null }): void {
  const decision = can(access.who, action, { phase: access.debate.phase, hasOwner: access.debate.ownerId !== null }, resource);
  if (!decision.allowed) throw new AppError(decision.code, decision.reason);
}
