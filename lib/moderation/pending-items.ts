import type { TMapDocument } from "@/lib/schemas/map";

/**
 * How many items on this map wait for a moderator, counted as the queue lists
 * them: a pending statement and the link it came with are one item. Counted
 * from the map, so the count follows the live map as contributions arrive.
 */
export function pendingItemCount({ nodes, relations }: Pick<TMapDocument, "nodes" | "relations">): number {
  const pendingNodes = new Set(nodes.filter((n) => n.status === "pending").map((n) => n.id));
  return pendingNodes.size + relations.filter((r) => r.status === "pending" && !pendingNodes.has(r.fromId)).length;
}
