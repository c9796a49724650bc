import "server-only";

import { AppError } from "@/lib/errors";
import type { TMapTeam } from "@/lib/schemas/map";
import { MAX_TEAMS, type TCreateTeamInput } from "@/lib/schemas/team";
import type { Actor } from "@/lib/server/auth/get-actor";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";

import { TEAM_COLUMNS, assertTeamNameFree, withTeamName } from "./team-name";

/** Adds a team with its name, colour and the perspective it is assigned. */
export async function createTeam({ actor, slug, input }: { actor: Actor; slug: string; input: TCreateTeamInput }): Promise<TMapTeam> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:manage");
  const debateId = access.debate.id;
  return withTeamName(input.name, () =>
    db.$transaction(async (tx) => {
      if ((await tx.team.count({ where: { debateId } })) >= MAX_TEAMS) throw new AppError("CONFLICT", `A debate has at most ${MAX_TEAMS} teams. Delete or rename one instead.`);
      await assertTeamNameFree(tx, debateId, input.name);
      const team = await tx.team.create({ data: { debateId, ...input }, select: TEAM_COLUMNS });
      await recordAudit(tx, { debateId, actorId: actor.userId, action: "team.created", detail: { teamId: team.id, name: team.name, colour: team.colour, perspective: team.perspective } });
      await publishEvent(tx, { debateId, type: "team.created", entityId: team.id });
      return team;
    }),
  );
}
