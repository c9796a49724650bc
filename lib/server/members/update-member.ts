import "server-only";

import { AppError } from "@/lib/errors";
import type { TMember, TUpdateMemberRequest } from "@/lib/schemas/member";
import type { Actor } from "@/lib/server/auth/get-actor";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";

import { findMember } from "./find-member";

/**
 * Gives a member another role or team. The owner's role never changes, so a
 * debate always keeps its owner; their team may. A request that changes
 * nothing records nothing.
 */
export async function updateMember({ actor, slug, userId, input }: { actor: Actor; slug: string; userId: string; input: TUpdateMemberRequest }): Promise<Pick<TMember, "userId" | "role" | "teamId">> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:manage");
  const { debate } = access;
  const actorId = actor.userId;
  return db.$transaction(async (tx) => {
    const member = await findMember(tx, debate, userId);
    if (input.role !== undefined && input.role !== member.role && member.isOwner) {
      throw new AppError("CONFLICT", "The owner's role cannot be changed: a debate always keeps its owner.");
    }
    let team: { id: string; name: string } | null = null;
    if (input.teamId) {
      team = await tx.team.findFirst({ where: { id: input.teamId, debateId: debate.id }, select: { id: true, name: true } });
      if (!team) throw new AppError("VALIDATION", "That team is not one of this debate's teams.", { teamId: ["Choose one of this debate's teams."] });
    }
    const roleChanged = input.role !== undefined && input.role !== member.role;
    const teamChanged = input.teamId !== undefined && input.teamId !== member.teamId;
    if (!roleChanged && !teamChanged) return { userId, role: member.role, teamId: member.teamId };

    const updated = await tx.member.update({
      where: { id: member.id },
      data: { ...(roleChanged ? { role: input.role } : {}), ...(teamChanged ? { teamId: input.teamId } : {}) },
      select: { role: true, teamId: true },
    });
    const who = { userId, name: member.name };
    if (roleChanged) await recordAudit(tx, { debateId: debate.id, actorId, action: "member.role-changed", detail: { ...who, from: member.role, to: updated.role } });
    if (teamChanged) await recordAudit(tx, { debateId: debate.id, actorId, action: "member.team-changed", detail: { ...who, from: member.teamName, to: team?.name ?? null } });
    await publishEvent(tx, { debateId: debate.id, type: "member.updated", entityId: member.id });
    return { userId, role: updated.role, teamId: updated.teamId };
  });
}
