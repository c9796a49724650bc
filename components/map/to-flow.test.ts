import { describe, expect, it } from "vitest";

import type { TMapDocument, TMapNode, TMapRelation } from "@/lib/schemas/map";

import { nodeBox } from "@/lib/graph/node-size";
import { perspectivesOf } from "@/lib/graph/perspectives";
import { mapNode, mapRelation } from "@/test/map-items";

import { toFlow, type GroupFrameNode, type MapEdge, type StatementNode } from "./to-flow";

const relation = (id: string, fromId: string, toId: string, type: TMapRelation["type"], groupId: string | null = null): TMapRelation => mapRelation(id, fromId, toId, { type, groupId });

function documentOf(nodes: TMapNode[], relations: TMapRelation[]): TMapDocument {
  return {
    debate: { id: "d", slug: "d", title: "D", description: null, createdAt: "2024-01-01T00:00:00.000Z", phase: "open", moderationMode: "open", anonymous: false, hasOwner: false },
    article: { id: "a", title: "A", author: null, publisher: null, publishedAt: null, url: null, perspective: "azerbaijani", text: "x".repeat(200) },
    nodes,
    relations,
    sources: [
      { id: "s-arm", title: "S1", author: null, publisher: null, url: null, publishedAt: null, quote: null, perspective: "armenian", isArticle: false },
      { id: "s-neu", title: "S2", author: null, publisher: null, url: null, publishedAt: null, quote: null, perspective: "neutral", isArticle: false },
      { id: "s-aze", title: "S3", author: null, publisher: null, url: null, publishedAt: null, quote: null, perspective: "azerbaijani", isArticle: true },
    ],
    teams: [],
    authors: [],
  };
}

/**
 * t is the thesis; a and b support it together (group g); c, e and x attack it
 * (and so share its row); d supports it alone; s supports d in a group of one.
 */
const doc = documentOf(
  [
    mapNode("t", { kind: "thesis", anchor: { start: 0, end: 10 }, sourceIds: ["s-aze"] }),
    mapNode("a", { kind: "premise", sourceIds: ["s-neu", "s-arm"], attributedTo: "Someone" }),
    mapNode("b", { kind: "premise", text: "A long statement that needs more than six lines. ".repeat(6) }),
    mapNode("c", { kind: "rebuttal" }),
    mapNode("e", { kind: "rebuttal" }),
    mapNode("x", { kind: "rebuttal" }),
    mapNode("d"),
    mapNode("s", { kind: "premise", sourceIds: ["unknown-source"] }),
  ],
  [
    relation("r-a", "a", "t", "supports", "g"),
    relation("r-b", "b", "t", "supports", "g"),
    relation("r-c", "c", "t", "attacks"),
    relation("r-e", "e", "t", "attacks"),
    relation("r-x", "x", "t", "attacks"),
    relation("r-d", "d", "t", "supports"),
    relation("r-s", "s", "d", "supports", "solo"),
    relation("r-ghost", "ghost", "t", "attacks"),
  ],
);

const flow = toFlow(doc);
const statements = flow.nodes.filter((n): n is StatementNode => n.type === "statement");
const frames = flow.nodes.filter((n): n is GroupFrameNode => n.type === "group-frame");
const statement = (id: string) => statements.find((s) => s.id === id)!;
const edge = (id: string) => flow.edges.find((e) => e.id === id)!;

describe("toFlow", () => {
  it("makes one statement node per map node, sized by nodeBox", () => {
    expect(statements.map((s) => s.id).sort()).toEqual(doc.nodes.map((n) => n.id).sort());
    for (const n of doc.nodes) {
      const box = nodeBox(n.text, n.attributedTo);
      expect(statement(n.id)).toMatchObject({ width: box.width, height: box.height, data: { kind: n.kind, text: n.text, lines: box.lines, isClamped: box.isClamped } });
    }
    expect(statement("b").data.isClamped).toBe(true);
    expect(statement("t").data.isAnchored).toBe(true);
    expect(statement("a").data.isAnchored).toBe(false);
    expect(statement("a").data.attributedTo).toBe("Someone");
  });

  it("names the author's team of a node whose team the map has, in a box one line taller", () => {
    const withTeams = { ...doc, teams: [{ id: "team-a", name: "Team A", colour: "#B42318", perspective: "armenian" as const }] };
    withTeams.nodes = doc.nodes.map((n) => (n.id === "c" ? { ...n, teamId: "team-a" } : n.id === "e" ? { ...n, teamId: "deleted-team" } : n));
    const nodes = toFlow(withTeams).nodes.filter((n): n is StatementNode => n.type === "statement");
    const c = nodes.find((n) => n.id === "c")!;
    expect(c.data.team).toEqual({ name: "Team A", colour: "#B42318" });
    expect(c.height).toBe(nodeBox(c.data.text, null, false, true).height);
    expect(nodes.find((n) => n.id === "e")!.data.team).toBeNull();
    expect(statement("c").data.team).toBeNull();
  });

  it("gives each node the perspectives of its sources, in a stable order, ignoring unknown sources", () => {
    expect(statement("a").data.perspectives).toEqual(["armenian", "neutral"]);
    expect(statement("t").data.perspectives).toEqual(["azerbaijani"]);
    expect(statement("s").data.perspectives).toEqual([]);
    const bySource = new Map([["s-neu", "neutral"], ["s-arm", "armenian"], ["s-aze", "azerbaijani"]] as const);
    expect(perspectivesOf(mapNode("n", { sourceIds: ["s-aze", "s-neu", "s-arm", "s-neu"] }), new Map(bySource))).toEqual(["armenian", "azerbaijani", "neutral"]);
  });

  it("makes one edge per relation between existing nodes, keeping its id, ends and type", () => {
    const live = doc.relations.filter((r) => r.id !== "r-ghost");
    expect(flow.edges).toHaveLength(live.length);
    for (const r of live) expect(edge(r.id)).toMatchObject({ type: "relation", source: r.fromId, target: r.toId, data: { type: r.type } });
    expect(flow.edges.some((e) => e.source === "ghost")).toBe(false);
  });

  it("labels a linked group once, a group of one as a plain relation, and nothing inside an indented list", () => {
    const isListed = (e: MapEdge) => e.sourceHandle === "left" && e.targetHandle === "left";
    const linked = [edge("r-a"), edge("r-b")];
    expect(linked.every((e) => e.data?.isLinked)).toBe(true);
    const shown = linked.filter((e) => !isListed(e));
    expect(linked.map((e) => e.data?.label).filter(Boolean)).toEqual(shown.length > 0 ? ["linked supports"] : []);
    expect(edge("r-s").data).toEqual({ type: "supports", isLinked: false, label: isListed(edge("r-s")) ? null : "supports", status: "approved" });
    expect(edge("r-c").data).toEqual({ type: "attacks", isLinked: false, label: "attacks", status: "approved" });
  });

  it("routes a support from below: top to bottom between rows, left to left inside an indented list", () => {
    for (const id of ["r-a", "r-b", "r-d", "r-s"]) {
      const e = edge(id);
      const [source, target] = [statement(e.source).position, statement(e.target).position];
      expect(source.y, id).toBeGreaterThan(target.y);
      const handles = [e.sourceHandle, e.targetHandle];
      if (handles[0] === "left") {
        expect(handles, id).toEqual(["left", "left"]);
        expect(source.x, `${id} is indented under its target`).toBeGreaterThan(target.x);
      } else {
        expect(handles, id).toEqual(["top", "bottom"]);
      }
    }
    expect(["r-a", "r-b", "r-d", "r-s"].some((id) => edge(id).sourceHandle === "top")).toBe(true);
  });

  it("routes attacks within a row sideways between neighbours and over the top otherwise", () => {
    const row = statements.filter((s) => s.position.y === statement("t").position.y).sort((p, q) => p.position.x - q.position.x);
    const order = row.map((s) => s.id);
    expect([...order].sort()).toEqual(["c", "e", "t", "x"]);
    const handles = (e: MapEdge) => {
      const distance = order.indexOf(e.source) - order.indexOf(e.target);
      if (distance === 1) return ["left", "right"];
      if (distance === -1) return ["right", "left"];
      return ["top", "top"];
    };
    const seen = new Set<string>();
    for (const id of ["r-c", "r-e", "r-x"]) {
      const expected = handles(edge(id));
      seen.add(expected.join("/"));
      expect([edge(id).sourceHandle, edge(id).targetHandle], id).toEqual(expected);
    }
    // Three attackers of one node: one on each side of it and one further out.
    expect([...seen].sort()).toEqual(["left/right", "right/left", "top/top"]);
  });

  it("puts a frame around each linked group that has two or more members, behind the statements", () => {
    expect(frames).toHaveLength(1);
    const frame = frames[0]!;
    expect(frame).toMatchObject({ id: "group-g", data: { size: 2 }, zIndex: -1, selectable: false, draggable: false });
    expect(flow.nodes.indexOf(frame)).toBeLessThan(Math.min(...statements.map((s) => flow.nodes.indexOf(s))));
    for (const member of [statement("a"), statement("b")]) {
      expect(member.position.x).toBeGreaterThan(frame.position.x);
      expect(member.position.y).toBeGreaterThan(frame.position.y);
      expect(member.position.x + member.width!).toBeLessThan(frame.position.x + frame.width!);
      expect(member.position.y + member.height!).toBeLessThan(frame.position.y + frame.height!);
    }
    for (const other of [statement("t"), statement("d"), statement("c")]) {
      const inside = other.position.x >= frame.position.x && other.position.x + other.width! <= frame.position.x + frame.width! && other.position.y >= frame.position.y && other.position.y + other.height! <= frame.position.y + frame.height!;
      expect(inside, other.id).toBe(false);
    }
  });

  it("gives a pending or rejected statement a line more for its status, and a relation its status in the label", () => {
    const moderated = toFlow(
      documentOf(
        [mapNode("t", { kind: "thesis" }), mapNode("p", { kind: "rebuttal", status: "pending" }), mapNode("r", { kind: "rebuttal", status: "rejected", rejectionReason: "Off topic" })],
        [{ ...relation("r-p", "p", "t", "attacks"), status: "pending" }, { ...relation("r-r", "r", "t", "attacks"), status: "rejected" }],
      ),
    );
    const node = (id: string) => moderated.nodes.find((n): n is StatementNode => n.id === id)!;
    const plain = nodeBox("Statement p", null).height;
    expect([node("t").height, node("p").height, node("r").height]).toEqual([nodeBox("Statement t", null).height, plain + 18, plain + 18]);
    expect([node("t").data.status, node("p").data.status, node("r").data.status]).toEqual(["approved", "pending", "rejected"]);
    const data = (id: string) => moderated.edges.find((e) => e.id === id)!.data!;
    expect(data("r-p")).toMatchObject({ status: "pending", label: expect.stringMatching(/\(pending review\)$/) });
    expect(data("r-r")).toMatchObject({ status: "rejected", label: expect.stringMatching(/\(rejected\)$/) });
  });

  it("returns an empty flow for an empty map", () => {
    expect(toFlow(documentOf([], []))).toEqual({ nodes: [], edges: [] });
  });
});
