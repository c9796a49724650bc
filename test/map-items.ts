import type { TMapNode, TMapRelation } from "@/lib/schemas/map";

/** An approved claim on a test map, unless `extra` says otherwise. */
export const mapNode = (id: string, extra: Partial<TMapNode> = {}): TMapNode => ({
  id,
  kind: "claim",
  text: `Statement ${id}`,
  attributedTo: null,
  anchor: null,
  sourceIds: [],
  status: "approved",
  authorId: null,
  teamId: null,
  teamSide: null,
  rejectionReason: null,
  version: 1,
  ...extra,
});

/** An approved relation on a test map, unless `extra` says otherwise. */
export const mapRelation = (id: string, fromId: string, toId: string, extra: Partial<TMapRelation> = {}): TMapRelation => ({
  id,
  fromId,
  toId,
  type: "supports",
  groupId: null,
  status: "approved",
  authorId: null,
  rejectionReason: null,
  version: 1,
  ...extra,
});
