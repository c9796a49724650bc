import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import { getDebateMap } from "@/lib/server/debates/get-debate-map";
import { route } from "@/lib/server/http";

/** GET /api/debates/{slug}: the debate's whole map as one JSON document. */
export const GET = route({ params: z.object({ debateId: ZDebateSlug }) }, async ({ params }) => getDebateMap(params.debateId));
