import { describe, expect, it } from "vitest";

import { ZMapDocument } from "@/lib/schemas/map";

import { toMapDocument, type MapRows } from "./to-map-document";

const TEXT = "0123456789abcdefghij"; // 20 characters

type NodeRow = MapRows["nodes"][number];

function node(id: string, anchorStart: number | null, anchorEnd: number | null, extra: Partial<NodeRow> = {}): NodeRow {
  return { id, kind: "claim", text: `Statement ${id}`, attributedTo: null, anchorStart, anchorEnd, status: "approved", authorId: null, teamId: null, teamSide: null, rejectionReason: null, version: 1, nodeSources: [], ...extra };
}

function rows(nodes: NodeRow[]): MapRows {
  return {
    debate: {
      id: "d1",
      slug: "some-debate",
      title: "A debate",
      description: null,
      createdAt: new Date("2024-03-05T12:34:56.789Z"),
      phase: "open",
      moderationMode: "premoderated",
      anonymous: false,
      ownerId: null,
      article: { id: "a1", title: "The article", author: "A. Writer", publisher: null, publishedAt: new Date("2023-08-30T00:00:00.000Z"), url: "https://example.org/a", perspective: "azerbaijani", text: TEXT },
    },
    nodes,
    relations: [
      { id: "r1", fromId: "n2", toId: "n1", type: "supports", groupId: "g1", status: "approved", authorId: null, rejectionReason: null, version: 3 },
      { id: "r2", fromId: "n3", toId: "n1", type: "attacks", groupId: null, status: "approved", authorId: null, rejectionReason: null, version: 1 },
      { id: "r3", fromId: "n4", toId: "n1", type: "supports", groupId: "g1", status: "approved", authorId: null, rejectionReason: null, version: 1 },
    ],
    sources: [
      { id: "s-article", articleId: "a1", title: "The article", author: "A. Writer", publisher: null, url: "https://example.org/a", publishedAt: new Date("2023-08-30T00:00:00.000Z"), quote: null, perspective: "azerbaijani" },
      { id: "s-report", articleId: null, title: "A report", author: null, publisher: "An NGO", url: null, publishedAt: null, quote: "A quoted line.", perspective: "neutral" },
    ],
    teams: [],
    authors: [],
  };
}

describe("toMapDocument", () => {
  it("converts the rows into a document that parses as a map document", () => {
    const doc = toMapDocument(
      rows([
        node("n1", 0, 10, { kind: "thesis", nodeSources: [{ sourceId: "s-article" }] }),
        node("n2", null, null, { attributedTo: "Someone", authorId: "u1", status: "pending", version: 2, nodeSources: [{ sourceId: "s-article" }, { sourceId: "s-report" }] }),
        node("n3", 5, 8),
      ]),
    );
    expect(ZMapDocument.safeParse(doc).success).toBe(true);
    expect(doc.debate).toEqual({
      id: "d1",
      slug: "some-debate",
      title: "A debate",
      description: null,
      createdAt: "2024-03-05T12:34:56.789Z",
      phase: "open",
      moderationMode: "premoderated",
      anonymous: false,
      hasOwner: false,
    });
    expect(doc.article).toEqual({ id: "a1", title: "The article", author: "A. Writer", publisher: null, publishedAt: "2023-08-30", url: "https://example.org/a", perspective: "azerbaijani", text: TEXT });
    expect(doc.nodes.map((n) => n.id)).toEqual(["n1", "n2", "n3"]);
    expect(doc.nodes[0]).toEqual({ id: "n1", kind: "thesis", text: "Statement n1", attributedTo: null, anchor: { start: 0, end: 10 }, sourceIds: ["s-article"], status: "approved", authorId: null, teamId: null, teamSide: null, rejectionReason: null, version: 1 });
    expect(doc.nodes[1]).toMatchObject({ attributedTo: "Someone", authorId: "u1", status: "pending", version: 2, anchor: null, sourceIds: ["s-article", "s-report"] });
    expect(doc.relations).toEqual(rows([]).relations);
  });

  it("keeps a group only while two of its relations are on the map: a co-premise deleted (or not shown) leaves a plain support", () => {
    const input = rows([]);
    expect(toMapDocument(input).relations.map((r) => r.groupId)).toEqual(["g1", null, "g1"]);
    input.relations = input.relations.filter((r) => r.id !== "r3");
    expect(toMapDocument(input).relations.map((r) => [r.id, r.groupId])).toEqual([
      ["r1", null],
      ["r2", null],
    ]);
  });

  it("marks the article's own source and writes dates as YYYY-MM-DD", () => {
    const doc = toMapDocument(rows([]));
    expect(doc.sources).toEqual([
      { id: "s-article", title: "The article", author: "A. Writer", publisher: null, url: "https://example.org/a", publishedAt: "2023-08-30", quote: null, perspective: "azerbaijani", isArticle: true },
      { id: "s-report", title: "A report", author: null, publisher: "An NGO", url: null, publishedAt: null, quote: "A quoted line.", perspective: "neutral", isArticle: false },
    ]);
    const undated = rows([]);
    undated.debate.article.publishedAt = null;
    expect(toMapDocument(undated).article.publishedAt).toBeNull();
  });

  it("keeps anchors inside the text, up to its very end", () => {
    const doc = toMapDocument(rows([node("whole", 0, TEXT.length), node("tail", 19, 20), node("one", 3, 4)]));
    expect(doc.nodes.map((n) => n.anchor)).toEqual([{ start: 0, end: 20 }, { start: 19, end: 20 }, { start: 3, end: 4 }]);
  });

  it("drops anchors past the end of the text, empty or reversed, or half missing", () => {
    const doc = toMapDocument(
      rows([node("past-end", 15, 21), node("far", 100, 120), node("empty", 4, 4), node("reversed", 8, 2), node("no-start", null, 5), node("no-end", 5, null)]),
    );
    expect(doc.nodes.map((n) => [n.id, n.anchor])).toEqual([
      ["past-end", null],
      ["far", null],
      ["empty", null],
      ["reversed", null],
      ["no-start", null],
      ["no-end", null],
    ]);
    expect(ZMapDocument.safeParse(doc).success).toBe(true);
  });

  // The database has no CHECK on anchorStart; a negative one must not reach the map.
  it("drops anchors that start before the text", () => {
    const doc = toMapDocument(rows([node("negative", -3, 5)]));
    expect(doc.nodes[0]!.anchor).toBeNull();
    expect(ZMapDocument.safeParse(doc).success).toBe(true);
  });
});
