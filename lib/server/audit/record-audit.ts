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
 * Keeps one moderation or membership action in the debate's audit log, in the
 * transaction of the change itself, and marks the debate as changed so cached
 * maps (which name teams and members) are rebuilt.
 */
export async function recordAudit(tx: Prisma.TransactionClient, entry: { debateId: string; actorId: string; action: AuditAction; detail?: Prisma.InputJsonValue }): Promise<void> {
  await tx.auditEntry.create({ data: { debateId: entry.debateId, actorId: entry.actorId, action: entry.action, detail: entry.detail ?? undefined } });
  await tx.debate.update({ where: { id: entry.debateId }, data: { updatedAt: new Date() } });
}
