import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import type { TMemberList } from "@/lib/schemas/member";
import { route } from "@/lib/server/http";
import { listMembers } from "@/lib/server/members/list-members";

/** GET /api/debates/{slug}/members: members with their names, roles and teams; owner and moderators. */
export const GET = route({ params: z.object({ slug: ZDebateSlug }), isPublic: true }, async ({ actor, params }): Promise<TMemberList> => ({ members: await listMembers({ actor, slug: params.slug }) }));
