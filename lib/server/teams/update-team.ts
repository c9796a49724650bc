import "server-only";

import type { Prisma } from "@prisma/client";

import type { TMapTeam } from "@/lib/schemas/map";
import type { TUpdateTeamInput } from "@/lib/schemas/team";
import type { Actor } from "@/lib/server/auth/get-actor";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";

import { TEAM_COLUMNS, assertTeamNameFree, findTeam, withTeamName } from "./team-name";

/** Renames a team, or gives it another colour or perspective; a request that changes nothing records nothing. */
export async function updateTeam({ actor, slug, teamId, input }: { actor: Actor; slug: string; teamId: string; input: TUpdateTeamInput }): Promise<TMapTeam> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:manage");
  const debateId = access.debate.id;
  return withTeamName(input.name, () =>
    db.$transaction(async (tx) => {
      const team = await findTeam(tx, debateId, teamId);
      const changes: Record<string, { from: string; to: string }> = {};
      for (const key of ["name", "colour", "perspective"] as const) {
        const value = input[key];
        if (value !== undefined && value !== team[key]) changes[key] = { from: team[key], to: value };
      }
      if (Object.keys(changes).length === 0) return team;
      if (changes.name) await assertTeamNameFree(tx, debateId, changes.name.to, teamId);
      const updated = await tx.team.update({ where: { id: teamId }, data: input, select: TEAM_COLUMNS });
      await recordAudit(tx, { debateId, actorId: actor.userId, action: "team.updated", detail: { teamId, name: updated.name, changes } as Prisma.InputJsonObject });
      await publishEvent(tx, { debateId, type: "team.updated", entityId: teamId });
      return updated;
    }),
  );
}
