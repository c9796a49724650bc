import "server-only";

import { canSee } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import type { TRevision } from "@/lib/schemas/revision";
import type { Actor } from "@/lib/server/auth/get-actor";
import { authorLabels } from "@/lib/server/debates/author-labels";
import { loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";

import { seenRevision } from "./seen-revision";

/**
 * A node's history, newest first, for whoever may see the node, as far as
 * they may read it (seenRevision); a deleted node's history only for its
 * author, the owner and moderators. People are named as the map names them:
 * in an anonymous debate by team pseudonym, except to the owner and moderators.
 */
export async function listNodeRevisions({ actor, slug, nodeId }: { actor: Actor | null; slug: string; nodeId: string }): Promise<TRevision[]> {
  const access = await loadDebateAccess(slug, actor);
  const node = await db.node.findFirst({ where: { id: nodeId, debateId: access.debate.id }, select: { status: true, authorId: true, deletedAt: true } });
  const reveal = access.who?.role === "owner" || access.who?.role === "moderator";
  const whole = reveal || (node !== null && node.authorId !== null && node.authorId === access.who?.userId);
  if (!node || !canSee(access.who, node) || (node.deletedAt && !whole)) throw new AppError("NOT_FOUND", "That statement is not in this debate.");
  const isOwner = access.who?.role === "owner";
  const stored = await db.revision.findMany({
    where: { entityType: "node", entityId: nodeId },
    orderBy: [{ version: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      entityType: true,
      version: true,
      action: true,
      createdAt: true,
      before: true,
      after: true,
      reason: true,
      actorName: true,
      actorId: true,
      actor: { select: { name: true } },
      redactedAt: true,
      redactedBy: { select: { name: true } },
    },
  });
  const revisions = stored.flatMap((r) => seenRevision(r, { whole, redacted: isOwner }) ?? []);
  const actorIds = revisions.flatMap((r) => (r.actorId ? [r.actorId] : []));
  const labels = access.debate.anonymous && !reveal ? await authorLabels(access.debate, actorIds, false) : null;
  return revisions.map((r) => ({
    id: r.id,
    version: r.version,
    action: r.action,
    actorName: (r.actorId && labels ? labels.get(r.actorId)?.label : r.actor?.name) ?? r.actorName,
    createdAt: r.createdAt.toISOString(),
    before: r.before,
    after: r.after,
    ...(r.redactedAt && { redaction: { at: r.redactedAt.toISOString(), by: isOwner ? (r.redactedBy?.name ?? null) : null } }),
  }));
}
