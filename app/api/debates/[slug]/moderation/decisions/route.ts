import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import { ZModerationDecisionRequest, type TModerationDecisionResult } from "@/lib/schemas/moderation";
import { route } from "@/lib/server/http";
import { decideItems } from "@/lib/server/moderation/decide-items";

/** POST /api/debates/{slug}/moderation/decisions: approve or reject pending items, all or none. */
export const POST = route({ params: z.object({ slug: ZDebateSlug }), body: ZModerationDecisionRequest }, async ({ actor, params, body }): Promise<TModerationDecisionResult> =>
  decideItems({ actor, slug: params.slug, input: body }),
);
