import "server-only";

import type { Prisma } from "@prisma/client";

import { needsModeration } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import { toMapNode } from "@/lib/server/debates/to-map-document";
import type { TMapNode } from "@/lib/schemas/map";
import type { TUpdateNodeRequest } from "@/lib/schemas/node";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { Actor } from "@/lib/server/auth/get-actor";
import { withAuthorKey } from "@/lib/server/debates/author-key";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";
import { recordRevision } from "@/lib/server/revisions/record-revision";

import { NODE_COLUMNS, NODE_ROW, nodeSnapshot } from "./node-row";

type NodeRow = Prisma.NodeGetPayload<{ select: typeof NODE_ROW }>;

/** A node of the debate that is still on the map, with its citations, in one query; or 404. */
export async function findNodeForChange(debateId: string, nodeId: string): Promise<NodeRow> {
  const [row] = await db.$queryRaw<(Omit<NodeRow, "nodeSources"> & { sourceIds: string[] })[]>`
    SELECT n."id", n."kind"::text AS "kind", n."text", n."attributedTo", n."anchorStart", n."anchorEnd", n."status"::text AS "status", n."authorId",
      n."teamId", n."teamSide"::text AS "teamSide", n."rejectionReason", n."version",
      ARRAY(SELECT ns."sourceId" FROM "NodeSource" ns WHERE ns."nodeId" = n."id") AS "sourceIds"
    FROM "Node" n WHERE n."id" = ${nodeId}::uuid AND n."debateId" = ${debateId}::uuid AND n."deletedAt" IS NULL`;
  if (!row) throw new AppError("NOT_FOUND", "That statement is not on this debate's map (it may have been deleted).");
  const { sourceIds, ...node } = row;
  return { ...node, nodeSources: sourceIds.map((sourceId) => ({ sourceId })) };
}

/** The 409 for an edit or deletion that started from an older version; carries the current node. */
export function staleVersion(debateId: string, current: TMapNode): AppError {
  return new AppError("CONFLICT", "Someone changed this statement after you opened it. Compare with the current text and try again.", undefined, withAuthorKey(debateId, current));
}

/** The 409 for a change that lost the race for a node's row: carries the node as the winner left it. */
export async function lostRace(debateId: string, nodeId: string): Promise<AppError> {
  return staleVersion(debateId, toMapNode(await db.node.findUniqueOrThrow({ where: { id: nodeId }, select: NODE_ROW })));
}

/**
 * Changes a node's text if `version` is still current; writes a revision. A
 * stale version is refused before any transaction; the transaction holds the
 * node's row only from its conditional update to its commit.
 */
export async function updateNode({ actor, slug, nodeId, input }: { actor: Actor; slug: string; nodeId: string; input: TUpdateNodeRequest }): Promise<TMapNode> {
  const access = await loadDebateAccess(slug, actor);
  const debateId = access.debate.id;
  const before = await findNodeForChange(debateId, nodeId);
  assertCan(access, "node:update", { authorId: before.authorId });
  if (before.version !== input.version) throw staleVersion(debateId, toMapNode(before));
  // Under pre-moderation a participant's edit is a new contribution: it goes
  // back to review, so approval cannot be used to publish other words later
  // (and editing a rejected statement is how it is sent again).
  const review = needsModeration(access.who.role, access.debate.moderationMode) && before.status !== "pending" ? { status: "pending" as const, reviewedById: null, reviewedAt: null, rejectionReason: null } : {};
  const after = await db.$transaction(async (tx) => {
    // The version in the where clause makes the check and the write one step.
    const [updated] = await tx.node.updateManyAndReturn({
      where: { id: nodeId, version: input.version, deletedAt: null },
      data: { text: input.text, version: { increment: 1 }, ...review },
      select: NODE_COLUMNS,
    });
    if (!updated) return null;
    // An edit changes the text, never the citations, so those read above still hold.
    const after = { ...updated, nodeSources: before.nodeSources };
    await recordRevision(tx, { debateId, entityType: "node", entityId: nodeId, version: after.version, action: "update", actorId: actor.userId, before: nodeSnapshot(before), after: nodeSnapshot(after) });
    // A moderator rewording someone's contribution before approving it answers for it in the audit log.
    if (before.status === "pending" && before.authorId !== actor.userId) {
      await recordAudit(tx, { debateId, actorId: actor.userId, action: "node.edited-before-approval", detail: { nodeId, authorId: before.authorId, before: before.text, after: after.text } });
    }
    await publishEvent(tx, { debateId, type: "node.updated", entityId: nodeId, authorId: after.authorId, status: after.status });
    return after;
  });
  if (!after) throw await lostRace(debateId, nodeId);
  return withAuthorKey(debateId, toMapNode(after));
}
