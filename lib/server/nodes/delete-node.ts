import "server-only";

import { toMapNode } from "@/lib/graph/to-map-document";
import type { Actor } from "@/lib/server/auth/get-actor";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";
import { recordRevision } from "@/lib/server/revisions/record-revision";

import { nodeSnapshot } from "./node-row";
import { findNodeForChange, staleVersion } from "./update-node";

/**
 * Takes a node and its relations off the map. The rows stay, marked deleted,
 * with a revision each, so the deletion can be undone and nothing is lost.
 */
export async function deleteNode({ actor, slug, nodeId, version }: { actor: Actor; slug: string; nodeId: string; version: number }): Promise<{ deletedNodeId: string; deletedRelationIds: string[] }> {
  const access = await loadDebateAccess(slug, actor);
  const node = await findNodeForChange(access.debate.id, nodeId);
  assertCan(access, "node:delete", { authorId: node.authorId });
  const debateId = access.debate.id;
  const actorId = actor.userId;
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.node.updateMany({ where: { id: nodeId, version, deletedAt: null }, data: { deletedAt: now, version: { increment: 1 } } });
    if (count === 0) throw staleVersion(debateId, toMapNode(node));
    await recordRevision(tx, { debateId, entityType: "node", entityId: nodeId, version: version + 1, action: "delete", actorId, before: nodeSnapshot(node), after: null });
    const relations = await tx.relation.findMany({ where: { deletedAt: null, OR: [{ fromId: nodeId }, { toId: nodeId }] }, select: { id: true, version: true } });
    for (const relation of relations) {
      await tx.relation.update({ where: { id: relation.id }, data: { deletedAt: now, version: { increment: 1 } } });
      await recordRevision(tx, { debateId, entityType: "relation", entityId: relation.id, version: relation.version + 1, action: "delete", actorId, before: { deletedAt: null }, after: { deletedAt: now.toISOString() } });
    }
    await publishEvent(tx, { debateId, type: "node.deleted", entityId: nodeId, authorId: node.authorId, status: node.status });
    return { deletedNodeId: nodeId, deletedRelationIds: relations.map((r) => r.id) };
  });
}
