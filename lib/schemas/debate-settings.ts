import { z } from "zod";

import { ZJoinRole, ZMemberRole } from "./member";

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
export const ZDebateSettings = z.object({
  moderationMode: z.enum(MODERATION_MODES),
  anonymous: z.boolean(),
  phase: z.enum(PHASES),
  /** participant or viewer, as the owner chose; the column could hold any role. */
  joinRole: ZMemberRole,
  joinCode: z.string().nullable(),
});
export type TDebateSettings = z.infer<typeof ZDebateSettings>;
