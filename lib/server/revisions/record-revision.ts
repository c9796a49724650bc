import "server-only";

import type { Prisma, RevisionAction } from "@prisma/client";

type Tx = Prisma.TransactionClient;

/** Keeps one change to a node or relation: who, when, the state before and after. */
export async function recordRevision(
  tx: Tx,
  revision: {
    debateId: string;
    entityType: "node" | "relation";
    entityId: string;
    version: number;
    action: RevisionAction;
    actorId: string;
    before: Prisma.InputJsonValue | null;
    after: Prisma.InputJsonValue | null;
    /** Why a moderator rejected the item. */
    reason?: string | null;
  },
): Promise<void> {
  const { before, after, ...rest } = revision;
  await tx.revision.create({ data: { ...rest, before: before ?? undefined, after: after ?? undefined } });
}
