import "server-only";

import type { ContributionStatus } from "@prisma/client";

import { AppError } from "@/lib/errors";
import type { TDecidedItem, TModerationDecisionRequest, TModerationDecisionResult, TModerationItemRef } from "@/lib/schemas/moderation";
import type { Actor } from "@/lib/server/auth/get-actor";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";
import { NODE_ROW, nodeSnapshot } from "@/lib/server/nodes/node-row";
import { recordRevision } from "@/lib/server/revisions/record-revision";

type End = { id: string; text: string; status: ContributionStatus; deletedAt: string | null };
type RelationRow = { id: string; debateId: string; status: ContributionStatus; version: number; authorId: string | null; deletedAt: Date | null; from: End; to: End };
const WORD: Record<TModerationItemRef["type"], string> = { node: "statement", relation: "link" };

const quoted = (text: string) => `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;

/**
 * Approves or rejects pending items in one transaction: every item, or none
 * when one of them cannot be decided (already decided, edited since the
 * moderator saw it, of another debate, or linked to a statement that is not
 * on the map). A statement carries the pending relations it came with.
 * Each change keeps a revision, an audit entry and an event.
 */
export async function decideItems({ actor, slug, input }: { actor: Actor; slug: string; input: TModerationDecisionRequest }): Promise<TModerationDecisionResult> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:moderate");
  const debateId = access.debate.id;
  const actorId = actor.userId;
  const status = input.decision === "approve" ? "approved" : "rejected";
  const reason = input.decision === "reject" ? (input.reason ?? null) : null;
  const idsOf = (type: TModerationItemRef["type"]) => input.items.filter((i) => i.type === type).map((i) => i.id);

  // Read before the transaction: each write below is conditional on the status
  // and version read here, so a row that changed meanwhile aborts the request,
  // and no lock is held while reading or checking.
  const nodeIds = idsOf("node");
  const relationIds = idsOf("relation");
  const [nodes, linked] = await Promise.all([
    nodeIds.length > 0 ? db.node.findMany({ where: { id: { in: nodeIds } }, select: { ...NODE_ROW, debateId: true, deletedAt: true } }) : [],
    // The links chosen, and those a chosen statement came with (decided with it), with both ends.
    db.$queryRaw<RelationRow[]>`
      SELECT r."id", r."debateId", r."status"::text AS "status", r."version", r."authorId", r."deletedAt",
        json_build_object('id', f."id", 'text', f."text", 'status', f."status", 'deletedAt', f."deletedAt") AS "from",
        json_build_object('id', t."id", 'text', t."text", 'status', t."status", 'deletedAt', t."deletedAt") AS "to"
      FROM "Relation" r JOIN "Node" f ON f."id" = r."fromId" JOIN "Node" t ON t."id" = r."toId"
      WHERE r."id" = ANY(${relationIds}::uuid[]) OR (r."fromId" = ANY(${nodeIds}::uuid[]) AND r."deletedAt" IS NULL AND r."status" = 'pending')`,
  ]);
  const relations = linked.filter((r) => relationIds.includes(r.id));
  const found = new Map<string, { debateId: string; status: ContributionStatus; version: number; deletedAt: Date | null }>([
    ...nodes.map((n) => [`node:${n.id}`, n] as const),
    ...relations.map((r) => [`relation:${r.id}`, r] as const),
  ]);
  for (const ref of input.items) checkDecidable(ref, found.get(`${ref.type}:${ref.id}`), debateId);

  const decidedNodeIds = new Set(nodes.map((n) => n.id));
  const allRelations = linked;
  if (status === "approved") {
    // An end is fine if it is on the map, or approved in this same request.
    const isOnMap = (end: End) => end.deletedAt === null && (end.status === "approved" || decidedNodeIds.has(end.id));
    for (const r of allRelations) {
      const blocked = [r.from, r.to].find((end) => !isOnMap(end));
      if (!blocked) continue;
      const state = blocked.deletedAt ? "deleted" : blocked.status;
      const isCompanion = decidedNodeIds.has(r.from.id);
      const lead = isCompanion ? `The statement ${quoted(r.from.text)} answers` : "This link joins";
      throw new AppError(
        "CONFLICT",
        state === "pending"
          ? `${lead} ${quoted(blocked.text)}, which is still pending: approve ${isCompanion ? "the statement it answers" : "that statement"} first.`
          : `${lead} ${quoted(blocked.text)}, which was ${state}, so it cannot be approved. Reject it instead.`,
      );
    }
  }

  // Rows are claimed in one order (statements, then links, each by id), so two
  // moderators deciding overlapping items wait for each other rather than deadlock.
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  nodes.sort(byId);
  allRelations.sort(byId);
  return db.$transaction(async (tx) => {
    const decided: TDecidedItem[] = [];
    const data = { status, rejectionReason: reason, reviewedById: actorId, reviewedAt: new Date(), version: { increment: 1 } } as const;
    for (const node of nodes) {
      await claim(tx.node.updateMany({ where: { id: node.id, status: "pending", version: node.version }, data }), "node");
      const version = node.version + 1;
      await recordRevision(tx, { debateId, entityType: "node", entityId: node.id, version, action: input.decision, actorId, before: nodeSnapshot(node), after: nodeSnapshot({ ...node, status }), reason });
      await recordAudit(tx, { debateId, actorId, action: status === "approved" ? "node.approved" : "node.rejected", detail: { nodeId: node.id, authorId: node.authorId, text: node.text, reason } });
      await publishEvent(tx, { debateId, type: `node.${status}`, entityId: node.id, authorId: node.authorId, status });
      decided.push({ type: "node", id: node.id, status, version });
    }
    for (const relation of allRelations) {
      await claim(tx.relation.updateMany({ where: { id: relation.id, status: "pending", version: relation.version }, data }), "relation");
      const version = relation.version + 1;
      await recordRevision(tx, { debateId, entityType: "relation", entityId: relation.id, version, action: input.decision, actorId, before: { status: "pending" }, after: { status }, reason });
      await recordAudit(tx, { debateId, actorId, action: status === "approved" ? "relation.approved" : "relation.rejected", detail: { relationId: relation.id, authorId: relation.authorId, fromId: relation.from.id, toId: relation.to.id, reason } });
      await publishEvent(tx, { debateId, type: `relation.${status}`, entityId: relation.id, authorId: relation.authorId, status });
      decided.push({ type: "relation", id: relation.id, status, version });
    }
    return { decided };
  });
}

/** Refuses an item that is not a pending one of this debate at the version the moderator saw. */
function checkDecidable(ref: TModerationItemRef, item: { debateId: string; status: ContributionStatus; version: number; deletedAt: Date | null } | undefined, debateId: string): void {
  const word = WORD[ref.type];
  if (!item || item.debateId !== debateId) throw new AppError("NOT_FOUND", `There is no ${word} ${ref.id} in this debate. Nothing was decided.`);
  if (item.deletedAt) throw new AppError("CONFLICT", `A ${word} you chose was deleted by its author. Reload the queue; nothing was decided.`);
  if (item.status !== "pending") throw new AppError("CONFLICT", `A ${word} you chose was already ${item.status} by a moderator. Reload the queue; nothing was decided.`);
  if (ref.version !== undefined && ref.version !== item.version) {
    throw new AppError("CONFLICT", `A ${word} you chose was edited after you loaded the queue. Reload the queue and check it again; nothing was decided.`);
  }
}

/** The conditional update of one item; a row changed since it was read (decided, edited or deleted) aborts the whole request. */
async function claim(update: Promise<{ count: number }>, type: TModerationItemRef["type"]): Promise<void> {
  if ((await update).count === 0) throw new AppError("CONFLICT", `A ${WORD[type]} you chose changed while it was being decided. Reload the queue; nothing was decided.`);
}
