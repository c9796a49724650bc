import "server-only";

import type { Actor } from "@/lib/server/auth/get-actor";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";

import { findTeam } from "./team-name";

/**
 * Deletes a team. Its members stay in the debate without a team, and its
 * statements stay on the map; the database clears their team (Node.teamId is
 * ON DELETE SET NULL), so they no longer show a team badge. The audit entry
 * keeps the team's name and how many members and statements it had.
 */
export async function deleteTeam({ actor, slug, teamId }: { actor: Actor; slug: string; teamId: string }): Promise<{ teamId: string }> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:manage");
  const debateId = access.debate.id;
  return db.$transaction(async (tx) => {
    const team = await findTeam(tx, debateId, teamId);
    const [members, statements] = await Promise.all([tx.member.count({ where: { teamId } }), tx.node.count({ where: { teamId } })]);
    await tx.team.delete({ where: { id: teamId } });
    await recordAudit(tx, { debateId, actorId: actor.userId, action: "team.deleted", detail: { teamId, name: team.name, perspective: team.perspective, members, statements } });
    await publishEvent(tx, { debateId, type: "team.deleted", entityId: teamId });
    return { teamId };
  });
}
