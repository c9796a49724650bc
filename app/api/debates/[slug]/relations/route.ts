import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import { ZCreateRelationRequest, type TCreatedRelation } from "@/lib/schemas/relation";
import { route } from "@/lib/server/http";
import { createRelation } from "@/lib/server/relations/create-relation";

/** POST /api/debates/{slug}/relations: link two nodes already on the map. */
export const POST = route(
  { params: z.object({ slug: ZDebateSlug }), body: ZCreateRelationRequest, status: 201 },
  async ({ actor, params, body }): Promise<TCreatedRelation> => ({ relation: await createRelation({ actor, slug: params.slug, input: body }) }),
);
