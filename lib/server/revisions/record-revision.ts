import "server-only";

import type { Prisma, RevisionAction } from "@prisma/client";

type Tx = Prisma.TransactionClient;

/** One change to a node or relation: who, when, the state before and after. */
export type RevisionInput = {
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
};

/** Keeps changes to nodes and relations, in one statement however many there are. */
export async function recordRevision(tx: Tx, revisions: RevisionInput | RevisionInput[]): Promise<void> {
  const data = [revisions].flat().map(({ before, after, ...rest }) => ({ ...rest, before: before ?? undefined, after: after ?? undefined }));
  await tx.revision.createMany({ data });
}
