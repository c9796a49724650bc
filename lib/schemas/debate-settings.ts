import { z } from "zod";

import type { Role } from "@/lib/authz/can";

import { ZJoinRole } from "./member";

export const MODERATION_MODES = ["open", "premoderated"] as const;
export const PHASES = ["open", "closed", "archived"] as const;

export const ZDebateSettingsRequest = z
  .object({
    moderationMode: z.enum(MODERATION_MODES, { error: "Choose open or pre-moderated." }).optional(),
    anonymous: z.boolean({ error: "Say whether the debate is anonymous: true or false." }).optional(),
    phase: z.enum(PHASES, { error: "Choose the phase: open, closed or archived." }).optional(),
    joinRole: ZJoinRole.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Say which setting to change.");
export type TDebateSettingsRequest = z.input<typeof ZDebateSettingsRequest>;

/** A debate's settings as the management page shows them; the join code only to the owner. */
export type TDebateSettings = {
  moderationMode: (typeof MODERATION_MODES)[number];
  anonymous: boolean;
  phase: (typeof PHASES)[number];
  /** participant or viewer, as the owner chose; the column could hold any role. */
  joinRole: Role;
  joinCode: string | null;
};
