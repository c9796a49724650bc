import "server-only";

import type { Prisma } from "@prisma/client";

/** A node's own columns, without its citations. */
export const NODE_COLUMNS = {
  id: true,
  kind: true,
  text: true,
  attributedTo: true,
  anchorStart: true,
  anchorEnd: true,
  status: true,
  authorId: true,
  teamId: true,
  teamSide: true,
  rejectionReason: true,
  version: true,
} satisfies Prisma.NodeSelect;

/** The columns a map node is built from (see toMapNode). */
export const NODE_ROW = { ...NODE_COLUMNS, nodeSources: { select: { sourceId: true } } } satisfies Prisma.NodeSelect;

export const RELATION_ROW = { id: true, fromId: true, toId: true, type: true, groupId: true, status: true, authorId: true, rejectionReason: true, version: true } satisfies Prisma.RelationSelect;

/** What a revision keeps of a node. */
export function nodeSnapshot(node: { kind: string; text: string; status: string; nodeSources: { sourceId: string }[] }): Prisma.InputJsonValue {
  return { kind: node.kind, text: node.text, status: node.status, sourceIds: node.nodeSources.map((s) => s.sourceId) };
}
