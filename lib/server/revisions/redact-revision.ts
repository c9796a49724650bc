import "server-only";

import { AppError } from "@/lib/errors";
import type { TRedactRevisionRequest } from "@/lib/schemas/revision";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { Actor } from "@/lib/server/auth/get-actor";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";

/**
 * Hides the text of one revision of a statement (its before, after and
 * reason) from everyone but the debate's owner, who still reads it with who
 * redacted it and when. The row keeps the text, so the owner can judge the
 * redaction; the audit log keeps who did it and why, never the text.
 */
export async function redactRevision({ actor, slug, nodeId, revisionId, input }: { actor: Actor; slug: string; nodeId: string; revisionId: string; input: TRedactRevisionRequest }): Promise<{ revisionId: string; redactedAt: string }> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "revision:redact");
  const debateId = access.debate.id;
  const actorId = actor.userId;
  return db.$transaction(async (tx) => {
    const [revision, node] = await Promise.all([
      tx.revision.findFirst({ where: { id: revisionId, debateId, entityType: "node", entityId: nodeId }, select: { version: true } }),
      tx.node.findFirst({ where: { id: nodeId, debateId }, select: { authorId: true, status: true } }),
    ]);
    if (!revision || !node) throw new AppError("NOT_FOUND", "That revision is not in this statement's history.");
    const redactedAt = new Date();
    // Only a revision not yet redacted changes, so two moderators at once make one redaction.
    const { count } = await tx.revision.updateMany({ where: { id: revisionId, redactedAt: null }, data: { redactedAt, redactedById: actorId } });
    if (count === 0) throw new AppError("CONFLICT", "That revision's text was already redacted.");
    await recordAudit(tx, { debateId, actorId, action: "revision.redacted", detail: { nodeId, revisionId, version: revision.version, reason: input.reason || null } });
    await publishEvent(tx, { debateId, type: "node.redacted", entityId: nodeId, authorId: node.authorId, status: node.status });
    return { revisionId, redactedAt: redactedAt.toISOString() };
  });
}
