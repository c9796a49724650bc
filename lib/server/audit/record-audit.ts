import "server-only";

import type { Prisma } from "@prisma/client";

/** What the audit log records: moderation decisions and changes to membership, teams and settings. */
export type AuditAction =
  | "node.approved"
  | "node.rejected"
  | "node.edited-before-approval"
  | "relation.approved"
  | "relation.rejected"
  | "revision.redacted"
  | "member.joined"
  | "member.role-changed"
  | "member.team-changed"
  | "member.removed"
  | "team.created"
  | "team.updated"
  | "team.deleted"
  | "teams.sides-swapped"
  | "join-code.regenerated"
  | "join-code.disabled"
  | "debate.settings-changed"
  | "debate.phase-changed";

/**
 * Actions whose change the cached map already follows without the debate's
 * row: a decision or an edit changes the statement's or link's own row, and
 * a redaction is not on the map. Marking the debate for them would make every
 * moderator wait for the others on that one row.
 */
const FOLLOWED_BY_THE_MAP = /^(node|relation|revision)\./;

/**
 * Keeps one moderation or membership action in the debate's audit log, in the
 * transaction of the change itself. Membership, team and settings changes also
 * mark the debate as changed, so cached maps (which name teams and members)
 * are rebuilt.
 */
export async function recordAudit(tx: Prisma.TransactionClient, entry: { debateId: string; actorId: string; action: AuditAction; detail?: Prisma.InputJsonValue }): Promise<void> {
  await tx.auditEntry.create({ data: { debateId: entry.debateId, actorId: entry.actorId, action: entry.action, detail: entry.detail ?? undefined }, select: { id: true } });
  if (!FOLLOWED_BY_THE_MAP.test(entry.action)) await tx.debate.update({ where: { id: entry.debateId }, data: { updatedAt: new Date() }, select: { id: true } });
}
