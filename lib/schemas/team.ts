import { z } from "zod";

import { ZPerspective } from "./domain";
import { ZMapTeam } from "./map";
import { boundedText } from "./text";

/**
 * The colours a team may have: each named, so the name can stand beside the
 * swatch, and each dark enough for text or a border on white (WCAG AA 4.5:1,
 * checked in team.test.ts). None repeats a perspective's colour on the map.
 */
export const TEAM_COLOURS = [
  { hex: "#B42318", name: "Red" },
  { hex: "#B54708", name: "Orange" },
  { hex: "#806200", name: "Ochre" },
  { hex: "#067647", name: "Green" },
  { hex: "#1849A9", name: "Blue" },
  { hex: "#5B3FD0", name: "Indigo" },
  { hex: "#8A2BB3", name: "Purple" },
  { hex: "#C11574", name: "Pink" },
  { hex: "#7B4A21", name: "Brown" },
  { hex: "#475467", name: "Slate" },
] as const;

export type TTeamColour = (typeof TEAM_COLOURS)[number]["hex"];

/** The colour's name, for the text beside its swatch. */
export function colourName(hex: string): string {
  return TEAM_COLOURS.find((c) => c.hex === hex.toUpperCase())?.name ?? hex;
}

export const MAX_TEAMS = 12;

export const ZTeamName = boundedText(1, 40, { tooShort: "Name the team.", tooLong: "A team name has at most 40 characters." }, { singleLine: true });

export const ZTeamColour = z
  .string({ error: "Choose the team's colour." })
  .regex(/^#[0-9a-fA-F]{6}$/, "A colour is written as #RRGGBB.")
  .transform((hex) => hex.toUpperCase())
  .refine((hex) => TEAM_COLOURS.some((c) => c.hex === hex), "Choose one of the listed colours.");

export const ZCreateTeamRequest = z.object({ name: ZTeamName, colour: ZTeamColour, perspective: ZPerspective }).strict();
export type TCreateTeamRequest = z.input<typeof ZCreateTeamRequest>;
export type TCreateTeamInput = z.output<typeof ZCreateTeamRequest>;

export const ZUpdateTeamRequest = ZCreateTeamRequest.partial().refine((v) => Object.values(v).some((x) => x !== undefined), "Say what to change: the name, the colour or the perspective.");
export type TUpdateTeamRequest = z.input<typeof ZUpdateTeamRequest>;
export type TUpdateTeamInput = z.output<typeof ZUpdateTeamRequest>;

/** POST …/teams and PATCH …/teams/{teamId}: the team as it is now. */
export const ZTeamAnswer = z.object({ team: ZMapTeam });
export type TTeamAnswer = z.infer<typeof ZTeamAnswer>;
/** POST …/teams/swap-sides: every team, each with its new perspective. */
export const ZTeamList = z.object({ teams: z.array(ZMapTeam) });
export type TTeamList = z.infer<typeof ZTeamList>;
/** DELETE …/teams/{teamId}. */
export const ZDeletedTeam = z.object({ teamId: z.string() });
export type TDeletedTeam = z.infer<typeof ZDeletedTeam>;
