import type { TMapDocument } from "@/lib/schemas/map";

/**
 * The argument tree under a node: the node and everything that supports or
 * attacks it, transitively, with the relations among them.
 */
export function subtreeOf(doc: TMapDocument, rootId: string): TMapDocument {
  const incoming = new Map<string, string[]>();
  for (const r of doc.relations) incoming.set(r.toId, [...(incoming.get(r.toId) ?? []), r.fromId]);
  const kept = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (kept.has(id)) continue;
    kept.add(id);
    stack.push(...(incoming.get(id) ?? []));
  }
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => kept.has(n.id)),
    relations: doc.relations.filter((r) => kept.has(r.fromId) && kept.has(r.toId)),
  };
}
