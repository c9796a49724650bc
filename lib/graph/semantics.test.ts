import { describe, expect, it } from "vitest";

import { relationProblem, type Edge } from "./semantics";

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
