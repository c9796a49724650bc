import "server-only";

import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/get-actor";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";

import { findMember } from "./find-member";

/**
 * Takes a person out of the debate. Only their membership goes: what they
 * wrote stays on the map under their name (or "Former participant" in an
 * anonymous debate), with its history.
 */
export async function removeMember({ actor, slug, userId }: { actor: Actor; slug: string; userId: string }): Promise<{ userId: string }> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:manage");
  const { debate } = access;
  return db.$transaction(async (tx) => {
    const member = await findMember(tx, debate, userId);
    if (member.isOwner) throw new AppError("CONFLICT", "The owner cannot be removed: a debate always keeps its owner.");
    await tx.member.delete({ where: { id: member.id } });
    await recordAudit(tx, { debateId: debate.id, actorId: actor.userId, action: "member.removed", detail: { userId, name: member.name, role: member.role, team: member.teamName } });
    await publishEvent(tx, { debateId: debate.id, type: "member.removed", entityId: member.id });
    return { userId };
  });
}
