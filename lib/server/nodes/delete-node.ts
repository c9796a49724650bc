import "server-only";

import { toMapNode } from "@/lib/server/debates/to-map-document";
import type { Actor } from "@/lib/server/auth/get-actor";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";
import { recordRevision } from "@/lib/server/revisions/record-revision";

import { nodeSnapshot } from "./node-row";
import { findNodeForChange, lostRace, staleVersion } from "./update-node";

/**
 * Takes a node and its relations off the map. The rows stay, marked deleted,
 * with a revision each, so the deletion can be undone and nothing is lost.
 */
export async function deleteNode({ actor, slug, nodeId, version }: { actor: Actor; slug: string; nodeId: string; version: number }): Promise<{ deletedNodeId: string; deletedRelationIds: string[] }> {
  const access = await loadDebateAccess(slug, actor);
  const debateId = access.debate.id;
  const node = await findNodeForChange(debateId, nodeId);
  assertCan(access, "node:delete", { authorId: node.authorId });
  if (node.version !== version) throw staleVersion(debateId, toMapNode(node));
  const actorId = actor.userId;
  const deletedRelationIds = await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.node.updateMany({ where: { id: nodeId, version, deletedAt: null }, data: { deletedAt: now, version: { increment: 1 } } });
    if (count === 0) return null;
    // Locked in the order a moderator's decision claims links (by id), so the two never deadlock.
    const relations = await tx.$queryRaw<{ id: string; version: number }[]>`
      SELECT "id", "version" FROM "Relation" WHERE "deletedAt" IS NULL AND ("fromId" = ${nodeId}::uuid OR "toId" = ${nodeId}::uuid) ORDER BY "id" FOR UPDATE`;
    if (relations.length > 0) await tx.relation.updateMany({ where: { id: { in: relations.map((r) => r.id) } }, data: { deletedAt: now, version: { increment: 1 } } });
    await recordRevision(tx, [
      { debateId, entityType: "node", entityId: nodeId, version: version + 1, action: "delete", actorId, before: nodeSnapshot(node), after: null },
      ...relations.map((relation) => ({ debateId, entityType: "relation" as const, entityId: relation.id, version: relation.version + 1, action: "delete" as const, actorId, before: { deletedAt: null }, after: { deletedAt: now.toISOString() } })),
    ]);
    await publishEvent(tx, { debateId, type: "node.deleted", entityId: nodeId, authorId: node.authorId, status: node.status });
    return relations.map((r) => r.id);
  });
  if (!deletedRelationIds) throw await lostRace(debateId, nodeId);
  return { deletedNodeId: nodeId, deletedRelationIds };
}
