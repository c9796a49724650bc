import "server-only";

import type { Prisma } from "@prisma/client";

import { canSee } from "@/lib/authz/can";
import { AppError } from "@/lib/errors";
import type { DebateAccess } from "@/lib/server/debates/debate-access";

/**
 * A node of this debate that is on the map (not deleted, not rejected) and
 * that the actor can see (someone else's pending node is not there for them);
 * else a 422 on `field`.
 */
export async function findLiveNode(tx: Prisma.TransactionClient, access: DebateAccess, nodeId: string, field: string) {
  const node = await tx.node.findFirst({
    where: { id: nodeId, debateId: access.debate.id, deletedAt: null, status: { not: "rejected" } },
    select: { id: true, kind: true, status: true, authorId: true },
  });
  if (!node || !canSee(access.who, node)) {
    throw new AppError("VALIDATION", "That statement is not on this debate's map (it may have been deleted).", {
      [field]: ["Pick a statement on this debate's map."],
    });
  }
  return node;
}
