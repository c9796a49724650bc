import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import { ZCreateTeamRequest, type TTeamAnswer } from "@/lib/schemas/team";
import { route } from "@/lib/server/http";
import { createTeam } from "@/lib/server/teams/create-team";

/** POST /api/debates/{slug}/teams {name, colour, perspective}: owner only. */
export const POST = route({ params: z.object({ slug: ZDebateSlug }), body: ZCreateTeamRequest, status: 201 }, async ({ actor, params, body }): Promise<TTeamAnswer> => ({
  team: await createTeam({ actor, slug: params.slug, input: body }),
}));
