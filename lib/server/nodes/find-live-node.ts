import "server-only";

import type { Prisma } from "@prisma/client";

import { AppError } from "@/lib/errors";

/** A node of this debate that is on the map (not deleted, not rejected); else a 422 on `field`. */
export async function findLiveNode(tx: Prisma.TransactionClient, debateId: string, nodeId: string, field: string) {
  const node = await tx.node.findFirst({
    where: { id: nodeId, debateId, deletedAt: null, status: { not: "rejected" } },
    select: { id: true, kind: true },
  });
  if (!node) {
    throw new AppError("VALIDATION", "That statement is not on this debate's map (it may have been deleted).", {
      [field]: ["Pick a statement on this debate's map."],
    });
  }
  return node;
}
