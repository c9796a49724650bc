import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import type { TCreatedNode } from "@/lib/schemas/map";
import { ZCreateNodeRequest } from "@/lib/schemas/node";
import { route } from "@/lib/server/http";
import { createNode } from "@/lib/server/nodes/create-node";

/** POST /api/debates/{slug}/nodes: add a sourced statement for or against a node, or map a passage of the article. */
export const POST = route(
  { params: z.object({ slug: ZDebateSlug }), body: ZCreateNodeRequest, status: 201 },
  async ({ actor, params, body }): Promise<TCreatedNode> => createNode({ actor, slug: params.slug, input: body }),
);
