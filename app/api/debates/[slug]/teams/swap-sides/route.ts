import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import type { TTeamList } from "@/lib/schemas/team";
import { route } from "@/lib/server/http";
import { swapTeamSides } from "@/lib/server/teams/swap-team-sides";

/** POST /api/debates/{slug}/teams/swap-sides: teams arguing one side's case take the other's; neutral teams stay neutral. Owner only. */
export const POST = route({ params: z.object({ slug: ZDebateSlug }) }, async ({ actor, params }): Promise<TTeamList> => ({ teams: await swapTeamSides({ actor, slug: params.slug }) }));
