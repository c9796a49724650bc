import { z } from "zod";

import { ZDebateSettingsRequest, type TDebateSettings } from "@/lib/schemas/debate-settings";
import { ZDebateSlug } from "@/lib/schemas/domain";
import { updateDebateSettings } from "@/lib/server/debates/update-settings";
import { route } from "@/lib/server/http";

/** PATCH /api/debates/{slug}/settings {moderationMode?, anonymous?, phase?, joinRole?}: owner only. */
export const PATCH = route({ params: z.object({ slug: ZDebateSlug }), body: ZDebateSettingsRequest }, async ({ actor, params, body }): Promise<TDebateSettings> =>
  updateDebateSettings({ actor, slug: params.slug, input: body }),
);
