import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import { mapResponse } from "@/lib/server/debates/map-response";
import { gzipped } from "@/lib/server/gzipped-route";
import { route } from "@/lib/server/http";

/** GET /api/debates/{slug}: the debate's whole map as one JSON document (with an ETag), gzipped when accepted. */
export const GET = gzipped(route({ params: z.object({ slug: ZDebateSlug }), isPublic: true }, async ({ params, request, actor }) => mapResponse(params.slug, request, actor)));
