import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { ZSeedMap } from "@/lib/schemas/seed-map";

import { layoutMap, type Layout, type LayoutNode, type LayoutRelation } from "./layout";
import { nodeBox } from "./node-size";

type Input = { nodes: LayoutNode[]; relations: LayoutRelation[] };

function lachinInput(): Input {
  const file = path.join(process.cwd(), "prisma", "seed", "lachin-map.json");
  const map = ZSeedMap.parse(JSON.parse(readFileSync(file, "utf8")));
  return {
    nodes: map.nodes.map((n) => ({ id: n.key, ...nodeBox(n.text, n.attributedTo) })),
    relations: map.relations.map((r) => ({ fromId: r.from, toId: r.to, type: r.type, groupId: r.group })),
  };
}

/** A deterministic pseudo-random tree: each node has exactly one relation, to an earlier node. */
function generatedTree(size: number, seed = 7): Input {
  let state = seed;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const nodes: LayoutNode[] = [];
  const relations: LayoutRelation[] = [];
  const openGroup = new Map<string, string>();
  for (let i = 0; i < size; i++) {
    const text = Array.from({ length: 3 + Math.floor(random() * 60) }, () => "word").join(" ");
    nodes.push({ id: `n${i}`, ...nodeBox(text, random() < 0.3 ? "Someone quoted" : null) });
    if (i === 0) continue;
    // Prefer recent nodes as parents so the tree gets deep as well as broad.
    const parent = `n${i - 1 - Math.floor(random() * Math.min(i, 10))}`;
    const type = random() < 0.3 ? "attacks" : "supports";
    let groupId: string | null = null;
    if (type === "supports" && random() < 0.4) {
      // Join the parent's open group, or open one; close it now and then.
      groupId = openGroup.get(parent) ?? `g${i}`;
      if (random() < 0.7) openGroup.set(parent, groupId);
      else openGroup.delete(parent);
    }
    relations.push({ fromId: `n${i}`, toId: parent, type, groupId });
  }
  return { nodes, relations };
}

const firstRelationOf = (relations: LayoutRelation[]) => {
  const first = new Map<string, LayoutRelation>();
  for (const r of relations) if (!first.has(r.fromId)) first.set(r.fromId, r);
  return first;
};

function expectEveryNodePlaced({ nodes }: Input, layout: Layout) {
  for (const n of nodes) {
    const p = layout.positions.get(n.id);
    expect(p, n.id).toBeDefined();
    expect(Number.isFinite(p!.x) && Number.isFinite(p!.y), n.id).toBe(true);
  }
}

function overlappingPairs({ nodes }: Input, layout: Layout): string[] {
  const boxes = nodes.map((n) => ({ id: n.id, ...layout.positions.get(n.id)!, width: n.width, height: n.height }));
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${a.id} / ${b.id}`);
    }
  }
  return found;
}

/** Supports relations whose supporter is not fully below the node it supports. */
function supportersNotBelow({ nodes, relations }: Input, layout: Layout, only: (r: LayoutRelation) => boolean = () => true): string[] {
  const height = new Map(nodes.map((n) => [n.id, n.height]));
  return relations
    .filter((r) => r.type === "supports" && only(r))
    .filter((r) => layout.positions.get(r.fromId)!.y < layout.positions.get(r.toId)!.y + height.get(r.toId)!)
    .map((r) => `${r.fromId} -> ${r.toId}`);
}

/** Nodes whose first relation is an attack but that do not share their target's row and y. */
function attackersOutOfRow({ relations }: Input, layout: Layout, { orListedUnder = false } = {}): string[] {
  const at = (id: string) => layout.positions.get(id)!;
  const inRow = (r: LayoutRelation) => at(r.fromId).y === at(r.toId).y && layout.rowOf.get(r.fromId) === layout.rowOf.get(r.toId);
  // One indent to the right of its target, somewhere below it in the same list.
  const listedUnder = (r: LayoutRelation) => layout.outlined.has(r.fromId) && at(r.fromId).x - at(r.toId).x === 36 && at(r.fromId).y > at(r.toId).y;
  return [...firstRelationOf(relations).values()]
    .filter((r) => r.type === "attacks")
    .filter((r) => !inRow(r) && !(orListedUnder && listedUnder(r)))
    .map((r) => `${r.fromId} -> ${r.toId}`);
}

/** Linked groups (by members whose place is the group's relation) whose members are not in one row. */
function splitGroups({ relations }: Input, layout: Layout): { checked: number; split: string[] } {
  const members = new Map<string, string[]>();
  for (const r of firstRelationOf(relations).values()) {
    if (r.groupId) members.set(r.groupId, [...(members.get(r.groupId) ?? []), r.fromId]);
  }
  const groups = [...members].filter(([, ids]) => ids.length > 1);
  const split = groups
    .filter(([, ids]) => !ids.every((id) => layout.rowOf.get(id) === layout.rowOf.get(ids[0]!) && layout.positions.get(id)!.y === layout.positions.get(ids[0]!)!.y))
    .map(([group]) => group);
  return { checked: groups.length, split };
}

describe("layoutMap on the Lachin seed map", () => {
  const input = lachinInput();
  const layout = layoutMap(input.nodes, input.relations);
  const first = firstRelationOf(input.relations);

  it("places every node, and no two boxes overlap", () => {
    expect(input.nodes.length).toBeGreaterThanOrEqual(30);
    expectEveryNodePlaced(input, layout);
    expect(overlappingPairs(input, layout)).toEqual([]);
  });

  it("puts the thesis on top", () => {
    const thesisY = layout.positions.get("thesis")!.y;
    for (const p of layout.positions.values()) expect(p.y).toBeGreaterThanOrEqual(thesisY);
  });

  it("places every supporting node below the node it supports", () => {
    // A node whose first relation is an attack sits beside its target instead
    // (see the next test), which wins over any support it also gives.
    const placedBySupport = (r: LayoutRelation) => first.get(r.fromId)?.type !== "attacks";
    expect(input.relations.filter((r) => r.type === "supports" && placedBySupport(r)).length).toBeGreaterThan(25);
    expect(supportersNotBelow(input, layout, placedBySupport)).toEqual([]);
  });

  it("puts a node whose first relation is an attack in its target's row, or in a list right under it", () => {
    const attacks = [...first.values()].filter((r) => r.type === "attacks");
    expect(attacks.length).toBeGreaterThan(5);
    // Above the lists they sit beside their target, in a list under it: both happen here.
    expect(attackersOutOfRow(input, layout).length).toBeLessThan(attacks.length);
    expect(attackersOutOfRow(input, layout).length).toBeGreaterThan(0);
    expect(attackersOutOfRow(input, layout, { orListedUnder: true })).toEqual([]);
  });

  it("puts the co-premises of each linked group in one row", () => {
    const { checked, split } = splitGroups(input, layout);
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(split).toEqual([]);
  });
});

describe("layoutMap on a generated 300-node tree", () => {
  const input = generatedTree(300);
  const layout = layoutMap(input.nodes, input.relations);

  it("generates a tree with every kind of relation", () => {
    expect(input.relations).toHaveLength(299);
    expect(input.relations.some((r) => r.type === "attacks")).toBe(true);
    expect(splitGroups(input, layout).checked).toBeGreaterThan(5);
  });

  it("places every node, and no two boxes overlap", () => {
    expectEveryNodePlaced(input, layout);
    expect(overlappingPairs(input, layout)).toEqual([]);
  });

  it("places every supporting node below the node it supports", () => {
    expect(supportersNotBelow(input, layout)).toEqual([]);
  });

  it("puts every attacking node in its target's row, or in a list right under it", () => {
    expect(attackersOutOfRow(input, layout)).not.toEqual([]);
    expect(attackersOutOfRow(input, layout, { orListedUnder: true })).toEqual([]);
  });

  it("puts the co-premises of each linked group in one row", () => {
    expect(splitGroups(input, layout).split).toEqual([]);
  });
});

describe("layoutMap edge cases", () => {
  const box = (id: string): LayoutNode => ({ id, width: 260, height: 80 });

  it("ignores self-links and relations to unknown nodes", () => {
    const layout = layoutMap(
      [box("a"), box("b")],
      [
        { fromId: "a", toId: "a", type: "attacks", groupId: null },
        { fromId: "b", toId: "missing", type: "attacks", groupId: null },
        { fromId: "b", toId: "a", type: "supports", groupId: null },
      ],
    );
    expect(layout.positions.get("b")!.y).toBeGreaterThanOrEqual(layout.positions.get("a")!.y + 80);
  });

  it("does not loop on nodes that attack each other", () => {
    const nodes = [box("a"), box("b")];
    const relations: LayoutRelation[] = [
      { fromId: "a", toId: "b", type: "attacks", groupId: null },
      { fromId: "b", toId: "a", type: "attacks", groupId: null },
    ];
    const layout = layoutMap(nodes, relations);
    expectEveryNodePlaced({ nodes, relations }, layout);
    expect(overlappingPairs({ nodes, relations }, layout)).toEqual([]);
  });
});
