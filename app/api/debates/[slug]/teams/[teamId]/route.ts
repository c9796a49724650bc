import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import { ZUpdateTeamRequest, type TDeletedTeam, type TTeamAnswer } from "@/lib/schemas/team";
import { route } from "@/lib/server/http";
import { deleteTeam } from "@/lib/server/teams/delete-team";
import { updateTeam } from "@/lib/server/teams/update-team";

const ZParams = z.object({ slug: ZDebateSlug, teamId: z.uuid("A team id is a UUID.") });

/** PATCH /api/debates/{slug}/teams/{teamId} {name?, colour?, perspective?}: owner only. */
export const PATCH = route({ params: ZParams, body: ZUpdateTeamRequest }, async ({ actor, params, body }): Promise<TTeamAnswer> => ({
  team: await updateTeam({ actor, slug: params.slug, teamId: params.teamId, input: body }),
}));

/** DELETE /api/debates/{slug}/teams/{teamId}: its members stay, without a team. Owner only. */
export const DELETE = route({ params: ZParams }, async ({ actor, params }): Promise<TDeletedTeam> => deleteTeam({ actor, slug: params.slug, teamId: params.teamId }));
