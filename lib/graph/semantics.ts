import type { TRelationType } from "@/lib/schemas/domain";

export type Edge = { fromId: string; toId: string; type: TRelationType };

/**
 * Why a new relation may not be added to the map, or null when it may: no
 * self-links, one relation per pair of nodes, and no circular support (a
 * reason cannot end up supporting itself).
 */
export function relationProblem(existing: Edge[], candidate: Edge): string | null {
  if (candidate.fromId === candidate.toId) return "A statement cannot support or attack itself.";
  const duplicate = existing.find(
    (e) => (e.fromId === candidate.fromId && e.toId === candidate.toId) || (e.fromId === candidate.toId && e.toId === candidate.fromId),
  );
  if (duplicate) {
    return duplicate.fromId === candidate.fromId
      ? `These statements are already linked: one ${duplicate.type} the other.`
      : `These statements are already linked the other way: the second ${duplicate.type} the first.`;
  }
  if (candidate.type === "supports" && supportReaches(existing, candidate.toId, candidate.fromId)) {
    return "That would make the support circular: the target already supports this statement, directly or through others.";
  }
  return null;
}

/** True when `from` reaches `to` by following supports relations. */
function supportReaches(edges: Edge[], from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of edges) if (e.type === "supports") next.set(e.fromId, [...(next.get(e.fromId) ?? []), e.toId]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}
