import { z } from "zod";

import { PERSPECTIVE_LABEL } from "@/lib/labels";
import { PERSPECTIVES } from "@/lib/schemas/domain";
import { colourName } from "@/lib/schemas/team";
import { ROLE_LABEL, TEAM_STANCE } from "@/lib/teams/team-labels";

/** An audit entry in plain words: what was done, and the particulars (or null). */
export type AuditWords = { summary: string; detail: string | null };

const ZRole = z.enum(["owner", "moderator", "participant", "viewer"]);
const ZPerspective = z.enum(PERSPECTIVES);
const change = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });

const role = (r: z.infer<typeof ZRole>) => ROLE_LABEL[r].toLowerCase();
const teamOrNone = (name: string | null) => name ?? "no team";
const onOff = (on: boolean) => (on ? "on" : "off");
const MODERATION_WORDS = { open: "open", premoderated: "pre-moderated" } as const;

/**
 * How each action is told, with the schema its detail was written in (see
 * lib/server/audit/record-audit.ts and its callers). A detail that does not
 * match is left out rather than shown half understood.
 */
const WORDING: Record<string, { summary: string; detail?: { schema: z.ZodType; words: (detail: never) => string } }> = {
  "member.joined": { summary: "joined the debate", detail: { schema: z.object({ role: ZRole }), words: (d: { role: z.infer<typeof ZRole> }) => `as ${role(d.role)}` } },
  "member.role-changed": {
    summary: "changed a member's role",
    detail: { schema: z.object({ name: z.string() }).extend(change(ZRole).shape), words: (d: { name: string; from: z.infer<typeof ZRole>; to: z.infer<typeof ZRole> }) => `${d.name}: ${role(d.from)} → ${role(d.to)}` },
  },
  "member.team-changed": {
    summary: "changed a member's team",
    detail: { schema: z.object({ name: z.string() }).extend(change(z.string().nullable()).shape), words: (d: { name: string; from: string | null; to: string | null }) => `${d.name}: ${teamOrNone(d.from)} → ${teamOrNone(d.to)}` },
  },
  "member.removed": {
    summary: "removed a member",
    detail: { schema: z.object({ name: z.string(), role: ZRole, team: z.string().nullable().optional() }), words: (d: { name: string; role: z.infer<typeof ZRole>; team?: string | null }) => `${d.name} (${role(d.role)}${d.team ? `, ${d.team}` : ""})` },
  },
  "team.created": {
    summary: "created a team",
    detail: { schema: z.object({ name: z.string(), colour: z.string(), perspective: ZPerspective }), words: (d: { name: string; colour: string; perspective: z.infer<typeof ZPerspective> }) => `${d.name} · ${colourName(d.colour)} · ${TEAM_STANCE[d.perspective]}` },
  },
  "team.updated": {
    summary: "changed a team",
    detail: {
      schema: z.object({ name: z.string(), changes: z.object({ name: change(z.string()).optional(), colour: change(z.string()).optional(), perspective: change(ZPerspective).optional() }) }),
      words: (d: { name: string; changes: { name?: { from: string; to: string }; colour?: { from: string; to: string }; perspective?: { from: z.infer<typeof ZPerspective>; to: z.infer<typeof ZPerspective> } } }) => {
        const parts: string[] = [];
        if (d.changes.name) parts.push(`renamed from ${d.changes.name.from}`);
        if (d.changes.colour) parts.push(`colour ${colourName(d.changes.colour.from)} → ${colourName(d.changes.colour.to)}`);
        if (d.changes.perspective) parts.push(`now ${TEAM_STANCE[d.changes.perspective.to]} (was ${PERSPECTIVE_LABEL[d.changes.perspective.from]})`);
        return `${d.name}: ${parts.join("; ")}`;
      },
    },
  },
  "team.deleted": {
    summary: "deleted a team",
    detail: { schema: z.object({ name: z.string(), members: z.number(), statements: z.number() }), words: (d: { name: string; members: number; statements: number }) => `${d.name} (${plural(d.members, "member")}, ${plural(d.statements, "statement")})` },
  },
  "teams.sides-swapped": {
    summary: "swapped sides",
    detail: {
      schema: z.object({ teams: z.array(z.object({ name: z.string(), to: ZPerspective })) }),
      words: (d: { teams: { name: string; to: z.infer<typeof ZPerspective> }[] }) => d.teams.map((t) => `${t.name} now ${TEAM_STANCE[t.to]}`).join("; "),
    },
  },
  "join-code.regenerated": {
    summary: "made a new join code; the previous one no longer works",
    detail: { schema: z.object({ joinRole: ZRole }), words: (d: { joinRole: z.infer<typeof ZRole> }) => `people who join become ${role(d.joinRole)}s` },
  },
  "join-code.disabled": { summary: "turned the join code off" },
  "debate.settings-changed": {
    summary: "changed the settings",
    detail: {
      schema: z.object({
        moderationMode: change(z.enum(["open", "premoderated"])).optional(),
        anonymous: change(z.boolean()).optional(),
        joinRole: change(ZRole).optional(),
      }),
      words: (d: { moderationMode?: { from: "open" | "premoderated"; to: "open" | "premoderated" }; anonymous?: { from: boolean; to: boolean }; joinRole?: { from: z.infer<typeof ZRole>; to: z.infer<typeof ZRole> } }) =>
        [
          d.moderationMode && `moderation ${MODERATION_WORDS[d.moderationMode.from]} → ${MODERATION_WORDS[d.moderationMode.to]}`,
          d.anonymous && `anonymity ${onOff(d.anonymous.from)} → ${onOff(d.anonymous.to)}`,
          d.joinRole && `people who join become ${role(d.joinRole.to)}s (were ${role(d.joinRole.from)}s)`,
        ]
          .filter(Boolean)
          .join("; "),
    },
  },
  "debate.phase-changed": { summary: "changed the phase", detail: { schema: change(z.enum(["open", "closed", "archived"])), words: (d: { from: string; to: string }) => `${d.from} → ${d.to}` } },
  "node.approved": { summary: "approved a statement" },
  "node.rejected": { summary: "rejected a statement", detail: { schema: z.object({ reason: z.string() }), words: (d: { reason: string }) => `reason: ${d.reason}` } },
  "node.edited-before-approval": { summary: "edited a statement before approving it" },
  "relation.approved": { summary: "approved a link" },
  "relation.rejected": { summary: "rejected a link", detail: { schema: z.object({ reason: z.string() }), words: (d: { reason: string }) => `reason: ${d.reason}` } },
};

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** An audit entry told in words; an action this list does not know is shown by its name. */
export function describeAudit(action: string, detail: unknown): AuditWords {
  const wording = WORDING[action];
  if (!wording) return { summary: action, detail: null };
  const parsed = wording.detail?.schema.safeParse(detail);
  return { summary: wording.summary, detail: parsed?.success ? wording.detail!.words(parsed.data as never) || null : null };
}
