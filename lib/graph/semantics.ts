import type { TRelationType } from "@/lib/schemas/domain";

export type Edge = { fromId: string; toId: string; type: TRelationType };

export type RelationProblemKind = "self-link" | "duplicate" | "reverse" | "circular";
export type RelationProblem = { kind: RelationProblemKind; message: string };

const MESSAGE = {
  self: "A statement cannot support or attack itself.",
  duplicate: (type: TRelationType) => `These statements are already linked: one ${type} the other.`,
  reverse: (type: TRelationType) => `These statements are already linked the other way: the second ${type} the first.`,
  circular: "That would make the support circular: the target already supports this statement, directly or through others.",
};

/**
 * Why a new relation may not be added to the map, or null when it may: no
 * self-links, one relation per pair of nodes, and no circular support (a
 * reason cannot end up supporting itself).
 */
export function relationProblem(existing: Edge[], candidate: Edge): string | null {
  if (candidate.fromId === candidate.toId) return MESSAGE.self;
  const duplicate = existing.find(
    (e) => (e.fromId === candidate.fromId && e.toId === candidate.toId) || (e.fromId === candidate.toId && e.toId === candidate.fromId),
  );
  if (duplicate) return duplicate.fromId === candidate.fromId ? MESSAGE.duplicate(duplicate.type) : MESSAGE.reverse(duplicate.type);
  if (candidate.type === "supports" && supportReaches(supportsGraph(existing), candidate.toId, candidate.fromId, () => true)) return MESSAGE.circular;
  return null;
}

/** Statements visited, over all searches of one file, before relationProblems gives up on its support cycles. */
export const MAX_CYCLE_SEARCH_STEPS = 200_000;
export const TANGLED_SUPPORTS_MESSAGE = "Its supports go round in circles too many times to sort out which to leave out; break the cycles and import it again.";

/**
 * The problem of each relation of a file taken in order, as if each were
 * added with relationProblem to those before it that had none: the one that
 * closes a cycle or repeats a pair is the one left out. Linear in the number
 * of relations when supports make no cycle (every file this app writes), so
 * a large import cannot stall the server: a support can only close a cycle
 * inside a strongly connected part of the file's support graph, and only
 * there is a path searched for. Null when those searches would visit more
 * than MAX_CYCLE_SEARCH_STEPS statements (thousands of statements on one
 * support cycle), which only a file made to stall the server has.
 */
export function relationProblems(edges: Edge[]): (RelationProblem | null)[] | null {
  const component = supportComponents(edges.filter((e) => e.type === "supports" && e.fromId !== e.toId));
  const byPair = new Map<string, Edge>();
  const kept = new Map<string, string[]>();
  const budget = { steps: MAX_CYCLE_SEARCH_STEPS };
  const problems = edges.map((edge): RelationProblem | null => {
    if (edge.fromId === edge.toId) return { kind: "self-link", message: MESSAGE.self };
    const pair = JSON.stringify(edge.fromId < edge.toId ? [edge.fromId, edge.toId] : [edge.toId, edge.fromId]);
    const linked = byPair.get(pair);
    if (linked) return linked.fromId === edge.fromId ? { kind: "duplicate", message: MESSAGE.duplicate(linked.type) } : { kind: "reverse", message: MESSAGE.reverse(linked.type) };
    if (edge.type === "supports") {
      const part = component.get(edge.fromId);
      if (part !== undefined && part === component.get(edge.toId) && supportReaches(kept, edge.toId, edge.fromId, (id) => component.get(id) === part, budget)) {
        return { kind: "circular", message: MESSAGE.circular };
      }
      const next = kept.get(edge.fromId);
      if (next) next.push(edge.toId);
      else kept.set(edge.fromId, [edge.toId]);
    }
    byPair.set(pair, edge);
    return null;
  });
  return budget.steps < 0 ? null : problems;
}

function supportsGraph(edges: Edge[]): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (e.type !== "supports") continue;
    const targets = next.get(e.fromId);
    if (targets) targets.push(e.toId);
    else next.set(e.fromId, [e.toId]);
  }
  return next;
}

/** True when `from` reaches `to` by following supports, through nodes `within` allows; each visit costs a step of `budget`, and none is made once it is spent. */
function supportReaches(next: Map<string, string[]>, from: string, to: string, within: (id: string) => boolean, budget = { steps: Infinity }): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length && budget.steps-- >= 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const target of next.get(id) ?? []) if (within(target)) stack.push(target);
  }
  return false;
}

/**
 * The strongly connected component of each node that lies on a support cycle
 * (Tarjan's algorithm, iterative so that long chains cannot overflow the
 * stack). Nodes on no cycle are left out.
 */
function supportComponents(edges: Edge[]): Map<string, number> {
  const next = supportsGraph(edges);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const root of next.keys()) {
    if (index.has(root)) continue;
    const work: { id: string; child: number }[] = [{ id: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const targets = next.get(frame.id) ?? [];
      if (frame.child < targets.length) {
        const target = targets[frame.child++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, child: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const members: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
      } while (member !== frame.id);
      if (members.length > 1) {
        for (const m of members) component.set(m, components);
        components++;
      }
    }
  }
  return component;
}
