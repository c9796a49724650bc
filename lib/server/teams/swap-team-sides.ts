import "server-only";

import { AppError } from "@/lib/errors";
import type { TMapTeam } from "@/lib/schemas/map";
import { swapSides } from "@/lib/teams/swap-sides";
import type { Actor } from "@/lib/server/auth/get-actor";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";

import { TEAM_COLUMNS } from "./team-name";

/** Swaps the cases the teams argue, for a second round (the rule is lib/teams/swap-sides.ts); returns every team. */
export async function swapTeamSides({ actor, slug }: { actor: Actor; slug: string }): Promise<TMapTeam[]> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:manage");
  const debateId = access.debate.id;
  return db.$transaction(async (tx) => {
    // Two swaps at once must not both read the first round and cancel out into one.
    await tx.$executeRaw`SELECT 1 FROM "Debate" WHERE "id" = ${debateId}::uuid FOR UPDATE`;
    const teams = await tx.team.findMany({ where: { debateId }, orderBy: { createdAt: "asc" }, select: TEAM_COLUMNS });
    const changes = swapSides(teams);
    if (changes.length === 0) throw new AppError("CONFLICT", "No team argues the Armenian or the Azerbaijani case, so there are no sides to swap.");
    for (const { team, perspective } of changes) await tx.team.update({ where: { id: team.id }, data: { perspective } });
    await recordAudit(tx, { debateId, actorId: actor.userId, action: "teams.sides-swapped", detail: { teams: changes.map(({ team, perspective }) => ({ teamId: team.id, name: team.name, from: team.perspective, to: perspective })) } });
    await publishEvent(tx, { debateId, type: "team.sides-swapped", entityId: debateId });
    return tx.team.findMany({ where: { debateId }, orderBy: { createdAt: "asc" }, select: TEAM_COLUMNS });
  });
}
