import { z } from "zod";

import { PERSPECTIVE_LABEL, ROLE_LABEL } from "@/lib/labels";
import { PERSPECTIVES } from "@/lib/schemas/domain";
import { colourName } from "@/lib/schemas/team";
import { TEAM_STANCE } from "@/lib/teams/team-stance";

/** An audit entry in plain words: what was done, and the particulars (or null). */
export type AuditWords = { summary: string; detail: string | null };

type Told = { summary: string; detail?: { schema: z.ZodType; words: (detail: unknown) => string } };

/** Pairs a detail's schema with its wording, so the wording gets the parsed type. */
function told<S extends z.ZodType>(summary: string, schema: S, words: (detail: z.infer<S>) => string): Told {
  return { summary, detail: { schema, words: words as (detail: unknown) => string } };
}

const ZRole = z.enum(["owner", "moderator", "participant", "viewer"]);
const ZPerspective = z.enum(PERSPECTIVES);
const change = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });

const role = (r: z.infer<typeof ZRole>) => ROLE_LABEL[r].toLowerCase();
const teamOrNone = (name: string | null) => name ?? "no team";
const onOff = (on: boolean) => (on ? "on" : "off");
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
const MODERATION_WORDS = { open: "open", premoderated: "pre-moderated" } as const;
const ZReason = z.object({ reason: z.string() });

/**
 * How each action is told, with the schema its detail was written in (see
 * lib/server/audit/record-audit.ts and its callers). A detail that does not
 * match is left out rather than shown half understood.
 */
const WORDING: Record<string, Told> = {
  "member.joined": told("joined the debate", z.object({ role: ZRole }), (d) => `as ${role(d.role)}`),
  "member.role-changed": told("changed a member's role", z.object({ name: z.string(), from: ZRole, to: ZRole }), (d) => `${d.name}: ${role(d.from)} → ${role(d.to)}`),
  "member.team-changed": told("changed a member's team", z.object({ name: z.string(), from: z.string().nullable(), to: z.string().nullable() }), (d) => `${d.name}: ${teamOrNone(d.from)} → ${teamOrNone(d.to)}`),
  "member.removed": told("removed a member", z.object({ name: z.string(), role: ZRole, team: z.string().nullable().optional() }), (d) => `${d.name} (${role(d.role)}${d.team ? `, ${d.team}` : ""})`),
  "team.created": told("created a team", z.object({ name: z.string(), colour: z.string(), perspective: ZPerspective }), (d) => `${d.name} · ${colourName(d.colour)} · ${TEAM_STANCE[d.perspective]}`),
  "team.updated": told(
    "changed a team",
    z.object({ name: z.string(), changes: z.object({ name: change(z.string()).optional(), colour: change(z.string()).optional(), perspective: change(ZPerspective).optional() }) }),
    ({ name, changes }) =>
      `${name}: ${[
        changes.name && `renamed from ${changes.name.from}`,
        changes.colour && `colour ${colourName(changes.colour.from)} → ${colourName(changes.colour.to)}`,
        changes.perspective && `now ${TEAM_STANCE[changes.perspective.to]} (was ${PERSPECTIVE_LABEL[changes.perspective.from]})`,
      ]
        .filter(Boolean)
        .join("; ")}`,
  ),
  "team.deleted": told("deleted a team", z.object({ name: z.string(), members: z.number(), statements: z.number() }), (d) => `${d.name} (${plural(d.members, "member")}, ${plural(d.statements, "statement")})`),
  "teams.sides-swapped": told("swapped sides", z.object({ teams: z.array(z.object({ name: z.string(), to: ZPerspective })) }), (d) => d.teams.map((t) => `${t.name} now ${TEAM_STANCE[t.to]}`).join("; ")),
  "join-code.regenerated": told("made a new join code; the previous one no longer works", z.object({ joinRole: ZRole }), (d) => `people who join become ${role(d.joinRole)}s`),
  "join-code.disabled": { summary: "turned the join code off" },
  "debate.settings-changed": told(
    "changed the settings",
    z.object({ moderationMode: change(z.enum(["open", "premoderated"])).optional(), anonymous: change(z.boolean()).optional(), joinRole: change(ZRole).optional() }),
    (d) =>
      [
        d.moderationMode && `moderation ${MODERATION_WORDS[d.moderationMode.from]} → ${MODERATION_WORDS[d.moderationMode.to]}`,
        d.anonymous && `anonymity ${onOff(d.anonymous.from)} → ${onOff(d.anonymous.to)}`,
        d.joinRole && `people who join become ${role(d.joinRole.to)}s (were ${role(d.joinRole.from)}s)`,
      ]
        .filter(Boolean)
        .join("; "),
  ),
  "debate.phase-changed": told("changed the phase", change(z.enum(["open", "closed", "archived"])), (d) => `${d.from} → ${d.to}`),
  "debate.created": told("created the debate", z.object({ moderationMode: z.enum(["open", "premoderated"]) }), (d) => `contributions ${MODERATION_WORDS[d.moderationMode]}`),
  "debate.import": told("imported the debate", z.object({ fileName: z.string(), format: z.string() }), (d) => `from ${d.fileName} (${d.format})`),
  "node.approved": { summary: "approved a statement" },
  "node.rejected": told("rejected a statement", ZReason, (d) => `reason: ${d.reason}`),
  "node.edited-before-approval": { summary: "edited a statement before approving it" },
  "relation.approved": { summary: "approved a link" },
  "relation.rejected": told("rejected a link", ZReason, (d) => `reason: ${d.reason}`),
  "revision.redacted": told(
    "redacted the text of a statement's revision",
    z.object({ version: z.number(), reason: z.string().nullable() }),
    (d) => `version ${d.version}${d.reason ? `; reason: ${d.reason}` : ""}`,
  ),
};

/** An audit entry told in words; an action this list does not know is shown by its name. */
export function describeAudit(action: string, detail: unknown): AuditWords {
  const wording = WORDING[action];
  if (!wording) return { summary: action, detail: null };
  const parsed = wording.detail?.schema.safeParse(detail);
  return { summary: wording.summary, detail: parsed?.success ? wording.detail!.words(parsed.data) || null : null };
}
