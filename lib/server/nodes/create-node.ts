import "server-only";

import type { Prisma } from "@prisma/client";

import { needsModeration } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import { relationOfLink, takesCoPremises } from "@/lib/schemas/link-kinds";
import type { TCreatedNode } from "@/lib/schemas/map";
import type { TCreateNodeInput } from "@/lib/schemas/node";
import type { Actor } from "@/lib/server/auth/get-actor";
import { withAuthorKey } from "@/lib/server/debates/author-key";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { toMapNode, toMapSource } from "@/lib/server/debates/to-map-document";
import { db } from "@/lib/server/db";
import { publishEvent } from "@/lib/server/events/publish-event";
import { recordRevision } from "@/lib/server/revisions/record-revision";
import { resolveSources } from "@/lib/server/sources/resolve-sources";

import { articleSourceFor, assertNoThesis } from "./article-passage";
import { findLiveNode } from "./find-live-node";
import { NODE_ROW, RELATION_ROW, nodeSnapshot } from "./node-row";
import { statementColumns } from "./statement-columns";

/**
 * Adds a statement in one transaction that also writes the revisions: a
 * sourced argument for or against a node, or as a co-premise beside a premise
 * (which then forms a linked group with it); or a passage of the article
 * mapped as a statement, which may start unlinked.
 */
export async function createNode({ actor, slug, input }: { actor: Actor; slug: string; input: TCreateNodeInput }): Promise<TCreatedNode> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "node:create");
  // Mapping the article, and statements linked to nothing, shape the map: for its owner and moderators.
  if (input.anchor || !input.link) assertCan(access, "node:anchor");
  const debateId = access.debate.id;
  const actorId = actor.userId;

  return db.$transaction(async (tx) => {
    const { link, anchor } = input;
    let targetId: string | null = null;
    let groupId: string | null = null;
    const updatedRelationIds: string[] = [];
    if (link?.type === "co-premise") {
      const premise = await findLiveNode(tx, access, link.premiseId, "link.premiseId");
      if (!takesCoPremises(premise.kind)) throw new AppError("VALIDATION", "Only a premise can have co-premises.", { "link.premiseId": ["Pick a premise."] });
      const relation = await tx.relation.findFirst({
        where: { fromId: premise.id, type: "supports", deletedAt: null, status: { not: "rejected" } },
        orderBy: { createdAt: "asc" },
      });
      if (!relation) throw new AppError("VALIDATION", "That premise supports nothing yet, so it has no co-premise to share.", { "link.premiseId": ["Pick a premise that supports a statement."] });
      targetId = relation.toId;
      groupId = relation.groupId;
      if (!groupId) {
        groupId = (await tx.premiseGroup.create({ data: { debateId }, select: { id: true } })).id;
        await tx.relation.update({ where: { id: relation.id }, data: { groupId, version: { increment: 1 } } });
        await recordRevision(tx, { debateId, entityType: "relation", entityId: relation.id, version: relation.version + 1, action: "update", actorId, before: { groupId: null }, after: { groupId } });
        updatedRelationIds.push(relation.id);
      }
    } else if (link) {
      targetId = (await findLiveNode(tx, access, link.targetId, "link.targetId")).id;
    }
    if (input.kind === "thesis") await assertNoThesis(tx, debateId);

    const cited = await resolveSources(tx, debateId, access.who, input.sources);
    const sourceIds = anchor ? [...new Set([await articleSourceFor(tx, debateId, actorId, anchor), ...cited])] : cited;
    const status = needsModeration(access.who.role, access.debate.moderationMode) ? "pending" : "approved";
    const node = await tx.node.create({
      data: {
        debateId,
        ...statementColumns(input),
        authorId: actorId,
        teamId: access.teamId,
        teamSide: access.teamSide,
        status,
        nodeSources: { create: sourceIds.map((sourceId) => ({ sourceId })) },
      },
      select: NODE_ROW,
    });
    const after = { ...(nodeSnapshot(node) as Prisma.JsonObject), ...(anchor && { anchor }), ...(node.attributedTo && { attributedTo: node.attributedTo }) };
    await recordRevision(tx, { debateId, entityType: "node", entityId: node.id, version: 1, action: "create", actorId, before: null, after });
    const relation = targetId && link
      ? await tx.relation.create({
          data: { debateId, fromId: node.id, toId: targetId, type: relationOfLink(link.type), groupId, authorId: actorId, status },
          select: RELATION_ROW,
        })
      : null;
    if (relation) {
      await recordRevision(tx, { debateId, entityType: "relation", entityId: relation.id, version: 1, action: "create", actorId, before: null, after: { fromId: node.id, toId: targetId, type: relation.type, groupId } });
    }

    await publishEvent(tx, { debateId, type: "node.created", entityId: node.id, authorId: actorId, status });

    const [updated, sources] = await Promise.all([
      tx.relation.findMany({ where: { id: { in: updatedRelationIds } }, select: RELATION_ROW }),
      tx.source.findMany({ where: { id: { in: sourceIds } } }),
    ]);
    return {
      node: withAuthorKey(debateId, toMapNode(node)),
      relations: [...(relation ? [relation] : []), ...updated].map((r) => withAuthorKey(debateId, r)),
      sources: sources.map(toMapSource),
    };
  });
}
