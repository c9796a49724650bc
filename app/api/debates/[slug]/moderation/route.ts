import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import type { TModerationQueue } from "@/lib/schemas/moderation";
import { route } from "@/lib/server/http";
import { listModerationQueue } from "@/lib/server/moderation/list-queue";

/** GET /api/debates/{slug}/moderation: the pending items, oldest first, with their context (owner and moderators). */
export const GET = route({ params: z.object({ slug: ZDebateSlug }), isPublic: true }, async ({ actor, params }): Promise<TModerationQueue> => listModerationQueue({ actor, slug: params.slug }));
