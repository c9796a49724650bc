import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import { ZRedactRevisionRequest, type TRedactedRevision } from "@/lib/schemas/revision";
import { route } from "@/lib/server/http";
import { redactRevision } from "@/lib/server/revisions/redact-revision";

const ZParams = z.object({ slug: ZDebateSlug, nodeId: z.uuid("A statement id is a UUID."), revisionId: z.uuid("A revision id is a UUID.") });

/** POST /api/debates/{slug}/nodes/{id}/revisions/{revisionId}/redact `{ reason? }`: hides a revision's text from all but the owner. */
export const POST = route({ params: ZParams, body: ZRedactRevisionRequest }, async ({ actor, params, body }): Promise<TRedactedRevision> =>
  redactRevision({ actor, slug: params.slug, nodeId: params.nodeId, revisionId: params.revisionId, input: body }),
);
