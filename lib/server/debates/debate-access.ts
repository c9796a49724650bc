import "server-only";

import { can, type Action, type DebateActor } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/get-actor";
import { db } from "@/lib/server/db";

export type DebateAccess = {
  debate: { id: string; phase: "open" | "closed" | "archived"; ownerId: string | null };
  who: DebateActor;
};

/** Loads a debate and the actor's role in it; 404 when there is no such debate. */
export async function loadDebateAccess(slug: string, actor: Actor | null): Promise<DebateAccess> {
  const debate = await db.debate.findFirst({
    where: { slug, deletedAt: null },
    select: { id: true, phase: true, ownerId: true, members: { where: { userId: actor?.userId ?? "" }, select: { role: true }, take: 1 } },
  });
  if (!debate) throw new AppError("NOT_FOUND", `There is no debate "${slug}".`);
  const role = debate.ownerId && debate.ownerId === actor?.userId ? "owner" : (debate.members[0]?.role ?? null);
  return {
    debate: { id: debate.id, phase: debate.phase, ownerId: debate.ownerId },
    who: actor ? { userId: actor.userId, role } : null,
  };
}

/** Throws the rule table's refusal as a 401 or 403. */
export function assertCan(access: DebateAccess, action: Action, resource?: { authorId: string | null }): void {
  const decision = can(access.who, action, { phase: access.debate.phase, hasOwner: access.debate.ownerId !== null }, resource);
  if (!decision.allowed) throw new AppError(decision.code, decision.reason);
}
