import "server-only";

import { AppError } from "@/lib/errors";
import type { TRevision } from "@/lib/schemas/revision";
import { db } from "@/lib/server/db";


/** A node's history, newest first; readable by anyone who can read the debate. */
export async function listNodeRevisions({ slug, nodeId }: { slug: string; nodeId: string }): Promise<TRevision[]> {
  const node = await db.node.findFirst({ where: { id: nodeId, debate: { slug, deletedAt: null } }, select: { id: true, status: true } });
  if (!node) throw new AppError("NOT_FOUND", "That statement is not in this debate.");
  const revisions = await db.revision.findMany({
    where: { entityType: "node", entityId: nodeId },
    orderBy: [{ version: "desc" }, { createdAt: "desc" }],
    select: { id: true, version: true, action: true, createdAt: true, before: true, after: true, actorName: true, actor: { select: { name: true } } },
  });
  return revisions.map((r) => ({ id: r.id, version: r.version, action: r.action, actorName: r.actor?.name ?? r.actorName, createdAt: r.createdAt.toISOString(), before: r.before, after: r.after }));
}
