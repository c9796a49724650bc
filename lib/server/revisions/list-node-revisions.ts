import "server-only";

import { canSee } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import type { TRevision } from "@/lib/schemas/revision";
import type { Actor } from "@/lib/server/auth/get-actor";
import { authorLabels } from "@/lib/server/debates/author-labels";
import { loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";

/**
 * A node's history, newest first, for whoever may see the node. People are
 * named as the map names them: in an anonymous debate by team pseudonym,
 * except to the owner and moderators.
 */
export async function listNodeRevisions({ actor, slug, nodeId }: { actor: Actor | null; slug: string; nodeId: string }): Promise<TRevision[]> {
  const access = await loadDebateAccess(slug, actor);
  const node = await db.node.findFirst({ where: { id: nodeId, debateId: access.debate.id }, select: { status: true, authorId: true } });
  if (!node || !canSee(access.who, node)) throw new AppError("NOT_FOUND", "That statement is not in this debate.");
  const revisions = await db.revision.findMany({
    where: { entityType: "node", entityId: nodeId },
    orderBy: [{ version: "desc" }, { createdAt: "desc" }],
    select: { id: true, version: true, action: true, createdAt: true, before: true, after: true, actorName: true, actorId: true, actor: { select: { name: true } } },
  });
  const reveal = access.who?.role === "owner" || access.who?.role === "moderator";
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
  }));
}
