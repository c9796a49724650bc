import { TANGLED_SUPPORTS_MESSAGE, relationProblem, relationProblems, type Edge, type RelationProblem, type RelationProblemKind } from "@/lib/graph/semantics";
import type { TRelationType } from "@/lib/schemas/domain";

import { ImportError } from "./portable";

/** How a report counts a relation left out for each problem (the same words for every format). */
export const DROPPED_AS: Record<RelationProblemKind, string> = { "self-link": "self-link", duplicate: "duplicate relation", reverse: "reverse relation", circular: "circular support" };

type Link = { from: string; to: string; type: TRelationType };

const pairOf = (edge: Edge) => JSON.stringify(edge.fromId < edge.toId ? [edge.fromId, edge.toId] : [edge.toId, edge.fromId]);

/**
 * The problem of each relation of a file, taken in file order, by the map's
 * rules (relationProblems: no self-links, one relation per pair of
 * statements, no circular support), but for what files say and the map can
 * hold: two statements that attack each other keep both attacks. Throws when
 * the supports are too tangled to sort out.
 */
export function fileRelationProblems(links: Link[]): (RelationProblem | null)[] {
  const edges: Edge[] = links.map((l) => ({ fromId: l.from, toId: l.to, type: l.type }));
  const problems = relationProblems(edges);
  if (!problems) throw new ImportError(`The file's relations cannot be imported. ${TANGLED_SUPPORTS_MESSAGE}`);
  const first = new Map<string, Edge>();
  const counterAttack = new Map<string, Edge>();
  return problems.map((problem, i) => {
    const edge = edges[i]!;
    const pair = pairOf(edge);
    if (!problem) {
      first.set(pair, edge);
      return problem;
    }
    if (problem.kind !== "reverse") return problem;
    // Attacks cannot make support circular, so an attack answering an attack changes nothing else.
    const answered = counterAttack.get(pair);
    if (answered) return { kind: "duplicate", message: relationProblem([answered], edge)! };
    if (edge.type !== "attacks" || first.get(pair)?.type !== "attacks") return problem;
    counterAttack.set(pair, edge);
    return null;
  });
}

/** A linked group left with one premise is no longer linked: its relation stands on its own, and `say` tells the report. */
export function unlinkLoneMembers<R extends { group: string | null }>(relations: R[], say: (relation: R) => string): string[] {
  const size = new Map<string, number>();
  for (const r of relations) if (r.group) size.set(r.group, (size.get(r.group) ?? 0) + 1);
  const said: string[] = [];
  for (const r of relations) {
    if (r.group && size.get(r.group) === 1) {
      said.push(say(r));
      r.group = null;
    }
  }
  return said;
}
