import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { relationProblem, relationProblems, type Edge } from "./semantics";

const edges: Edge[] = [
  { fromId: "b", toId: "a", type: "supports" },
  { fromId: "c", toId: "b", type: "supports" },
  { fromId: "d", toId: "a", type: "attacks" },
];

describe("relationProblem", () => {
  it("refuses self-links", () => {
    expect(relationProblem(edges, { fromId: "a", toId: "a", type: "attacks" })).toMatch(/itself/);
  });

  it("refuses a second relation between the same pair, either way round", () => {
    expect(relationProblem(edges, { fromId: "b", toId: "a", type: "attacks" })).toMatch(/already linked/);
    expect(relationProblem(edges, { fromId: "a", toId: "b", type: "attacks" })).toMatch(/other way/);
  });

  it("refuses circular support but allows a counter-attack", () => {
    expect(relationProblem(edges, { fromId: "a", toId: "c", type: "supports" })).toMatch(/circular/);
    expect(relationProblem(edges, { fromId: "a", toId: "c", type: "attacks" })).toBeNull();
  });

  it("accepts a new, sound relation", () => {
    expect(relationProblem(edges, { fromId: "d", toId: "c", type: "supports" })).toBeNull();
  });
});

describe("relationProblems", () => {
  const node = fc.constantFrom("a", "b", "c", "d", "e", "f");
  const edge = fc.record({ fromId: node, toId: node, type: fc.constantFrom("supports" as const, "attacks" as const) });

  it("finds what relationProblem finds, taking the relations in order and keeping those without a problem", () => {
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 40 }), (edges) => {
        const kept: Edge[] = [];
        const expected = edges.map((e) => {
          const problem = relationProblem(kept, e);
          if (!problem) kept.push(e);
          return problem;
        });
        expect(relationProblems(edges)?.map((p) => p?.message ?? null)).toEqual(expected);
      }),
      { seed: 12, numRuns: 500 },
    );
  });

  const chain = (length: number): Edge[] => Array.from({ length }, (_, i) => ({ fromId: `n${i + 1}`, toId: `n${i}`, type: "supports" }));

  it("keeps a chain of 20,000 supports, and leaves out the support that closes it into a cycle of 300", () => {
    expect(relationProblems(chain(20_000))?.every((p) => p === null)).toBe(true);
    const problems = relationProblems([{ fromId: "n0", toId: "n300", type: "supports" }, ...chain(300)]);
    expect(problems?.at(-1)?.kind).toBe("circular");
    expect(problems?.filter((p) => p !== null)).toHaveLength(1);
  });

  it("gives up (null) on a file whose support cycle would take more than its budget to search", () => {
    expect(relationProblems([{ fromId: "n0", toId: "n20000", type: "supports" }, ...chain(20_000)])).toBeNull();
  });
});
