import { z } from "zod";

import { AppError } from "@/lib/errors";
import { ZDebateSlug } from "@/lib/schemas/domain";
import type { TMapNode } from "@/lib/schemas/map";
import { ZDeleteNodeQuery, ZUpdateNodeRequest, type TDeletedNode } from "@/lib/schemas/node";
import { route } from "@/lib/server/http";
import { deleteNode } from "@/lib/server/nodes/delete-node";
import { updateNode } from "@/lib/server/nodes/update-node";

const ZParams = z.object({ slug: ZDebateSlug, nodeId: z.uuid("A statement id is a UUID.") });

/** PATCH /api/debates/{slug}/nodes/{id}: edit a node's text; carries the version it started from. */
export const PATCH = route({ params: ZParams, body: ZUpdateNodeRequest }, async ({ actor, params, body }): Promise<TMapNode> =>
  updateNode({ actor, slug: params.slug, nodeId: params.nodeId, input: body }),
);

/** DELETE /api/debates/{slug}/nodes/{id}?version=N: take a node and its relations off the map (soft). */
export const DELETE = route({ params: ZParams }, async ({ actor, params, request }): Promise<TDeletedNode> => {
  const query = ZDeleteNodeQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError("BAD_REQUEST", "Say which version you are deleting: ?version=N.");
  return deleteNode({ actor, slug: params.slug, nodeId: params.nodeId, version: query.data.version });
});
