import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import type { TRevisionList } from "@/lib/schemas/revision";
import { route } from "@/lib/server/http";
import { listNodeRevisions } from "@/lib/server/revisions/list-node-revisions";

/** GET /api/debates/{slug}/nodes/{id}/revisions: the node's history, newest first. */
export const GET = route({ params: z.object({ slug: ZDebateSlug, nodeId: z.uuid("A statement id is a UUID.") }), isPublic: true }, async ({ actor, params }): Promise<TRevisionList> => ({
  revisions: await listNodeRevisions({ actor, slug: params.slug, nodeId: params.nodeId }),
}));
