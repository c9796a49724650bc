import "server-only";

import { needsModeration } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import { relationProblem } from "@/lib/graph/semantics";
import type { TMapRelation } from "@/lib/schemas/map";
import type { TCreateRelationRequest } from "@/lib/schemas/relation";
import type { Actor } from "@/lib/server/auth/get-actor";
import { withAuthorKey } from "@/lib/server/debates/author-key";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";
import { findLiveNode } from "@/lib/server/nodes/find-live-node";
import { RELATION_ROW } from "@/lib/server/nodes/node-row";
import { recordRevision } from "@/lib/server/revisions/record-revision";

/** Links two nodes already on the map; refuses self-links, duplicates and circular support. */
export async function createRelation({ actor, slug, input }: { actor: Actor; slug: string; input: TCreateRelationRequest }): Promise<TMapRelation> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "relation:create");
  const debateId = access.debate.id;
  return db.$transaction(async (tx) => {
    await findLiveNode(tx, access, input.fromId, "fromId");
    await findLiveNode(tx, access, input.toId, "toId");
    // Lock the debate's relations so two concurrent links cannot both pass the checks.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${debateId}))`;
    const existing = await tx.relation.findMany({ where: { debateId, deletedAt: null, status: { not: "rejected" } }, select: { fromId: true, toId: true, type: true } });
    const problem = relationProblem(existing, input);
    if (problem) throw new AppError(input.fromId === input.toId ? "VALIDATION" : "CONFLICT", problem);
    const status = needsModeration(access.who.role, access.debate.moderationMode) ? "pending" : "approved";
    const relation = await tx.relation.create({ data: { debateId, ...input, authorId: actor.userId, status }, select: RELATION_ROW });
    await recordRevision(tx, { debateId, entityType: "relation", entityId: relation.id, version: 1, action: "create", actorId: actor.userId, before: null, after: { ...input, groupId: null } });
    await publishEvent(tx, { debateId, type: "relation.created", entityId: relation.id, authorId: actor.userId, status });
    return withAuthorKey(debateId, relation);
  });
}
