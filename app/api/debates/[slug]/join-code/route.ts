import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import type { TJoinCodeState } from "@/lib/schemas/join";
import { disableJoinCode, regenerateJoinCode } from "@/lib/server/debates/join-code";
import { route } from "@/lib/server/http";

const ZParams = z.object({ slug: ZDebateSlug });

/** POST /api/debates/{slug}/join-code: a new join code; the old one stops working. Owner only. */
export const POST = route({ params: ZParams }, async ({ actor, params }): Promise<TJoinCodeState> => regenerateJoinCode({ actor, slug: params.slug }));

/** DELETE /api/debates/{slug}/join-code: no join code until a new one is made. Owner only. */
export const DELETE = route({ params: ZParams }, async ({ actor, params }): Promise<TJoinCodeState> => disableJoinCode({ actor, slug: params.slug }));
