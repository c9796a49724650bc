import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { relationProblem, type Edge } from "@/lib/graph/semantics";

import { aifToPortable, portableToAif } from "./aif";
import { ImportError, PORTABLE_SCHEMA_VERSION, ZPortableDebate, type TPortableDebate } from "./portable";

const FIXTURES = path.join(process.cwd(), "test/fixtures/interop/aif");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const options = { fileName: "map.json", perspective: "neutral" as const };

/** A small AIF document: nodes as [id, type, text?], edges as [from, to] (edge ids e1, e2, ...). */
function aif(nodes: [string, string, string?][], edges: [string, string][]): string {
  return JSON.stringify({
    nodes: nodes.map(([nodeID, type, text]) => ({ nodeID, type, text: text ?? type })),
    edges: edges.map(([fromID, toID], i) => ({ edgeID: `e${i + 1}`, fromID, toID })),
  });
}

/** Relations as "from text --type--> to text", sorted, so imports can be compared by content. */
function relationsByText(debate: TPortableDebate): string[] {
  const text = new Map(debate.nodes.map((n) => [n.key, n.text]));
  return debate.relations.map((r) => `${text.get(r.from)} --${r.type}--> ${text.get(r.to)}`).sort();
}

/** Linked groups as sorted lists of their relations (by text), sorted. */
function groupsByText(debate: TPortableDebate): string[][] {
  const text = new Map(debate.nodes.map((n) => [n.key, n.text]));
  const groups = new Map<string, string[]>();
  for (const r of debate.relations) if (r.group) groups.set(r.group, [...(groups.get(r.group) ?? []), `${text.get(r.from)} --${r.type}--> ${text.get(r.to)}`]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => a.join().localeCompare(b.join()));
}

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error("expected an ImportError");
}

const kinds = (debate: TPortableDebate) => Object.fromEntries(debate.nodes.map((n) => [n.key, n.kind]));

describe("aifToPortable on AIFdb nodeset 6064", () => {
  const { debate, report } = aifToPortable(fixture("nodeset-6064.json"), { fileName: "nodeset-6064.json", perspective: "armenian" });

  it("keeps the 9 I-nodes as statements and the 5 RA-nodes as 5 supports, none linked", () => {
    expect(report.format).toBe("aif");
    expect(report.nodes).toBe(9);
    expect(debate.nodes).toHaveLength(9);
    expect(report.relations).toBe(5);
    expect(debate.relations.filter((r) => r.type === "supports")).toHaveLength(5);
    expect(debate.relations.filter((r) => r.type === "attacks")).toHaveLength(0);
    expect(debate.relations.every((r) => r.group === null)).toBe(true);
    // Read from the file by hand: premise -> RA -> conclusion.
    expect(debate.relations.map((r) => [r.key, r.from, r.to])).toEqual([
      ["aif-111803-1", "aif-29053", "aif-29054"],
      ["aif-111814-1", "aif-111809", "aif-111805"],
      ["aif-111821-1", "aif-111809", "aif-111816"],
      ["aif-111824-1", "aif-111816", "aif-29053"],
      ["aif-111844-1", "aif-111833", "aif-111839"],
    ]);
  });

  it("drops the dialogue layer and counts it by type", () => {
    expect(report.dropped).toEqual({ "L-node": 16, "YA-node": 14, "TA-node": 8 });
    // 54 edges, 10 of them around the RA-nodes.
    expect(report.repairs.some((r) => r.startsWith("44 edges to or from dropped nodes"))).toBe(true);
  });

  it("gives kinds from the relations: conclusions that support nothing are theses", () => {
    expect(kinds(debate)).toEqual({
      "aif-29045": "premise",
      "aif-29053": "claim",
      "aif-29054": "thesis",
      "aif-111805": "thesis",
      "aif-111809": "premise",
      "aif-111816": "claim",
      "aif-111829": "premise",
      "aif-111833": "premise",
      "aif-111839": "thesis",
    });
  });

  it("has every statement cite the file, which is the article, and anchors each statement in it", () => {
    expect(debate.sources).toEqual([
      { key: "imported-file", title: "nodeset-6064.json", author: null, publisher: null, url: null, publishedAt: null, quote: null, perspective: "armenian", isArticle: true },
    ]);
    expect(debate.article.title).toBe("nodeset-6064.json");
    expect(debate.article.perspective).toBe("armenian");
    expect(debate.article.text).toBe(debate.nodes.map((n) => n.text).join("\n\n"));
    expect(debate.article.text.startsWith("they got to a point where Macmillan realised")).toBe(true);
    for (const n of debate.nodes) {
      expect(n.sourceKeys).toEqual(["imported-file"]);
      expect(n.status).toBe("approved");
      expect(debate.article.text.slice(n.anchor!.start, n.anchor!.end)).toBe(n.text);
    }
    expect(debate.relations.every((r) => r.status === "approved")).toBe(true);
    expect(report.repairs[0]).toContain("all 9 statements cite the imported file “nodeset-6064.json”");
    expect(ZPortableDebate.safeParse(debate).success).toBe(true);
    expect(debate.schemaVersion).toBe(PORTABLE_SCHEMA_VERSION);
  });
});

describe("aifToPortable on the xAIF twitter file 3915", () => {
  const { debate, report } = aifToPortable(fixture("twitter-3915-xaif.json"), options);

  it("reads the AIF under the xAIF wrapper: 2 statements, the CA-node as one attack", () => {
    expect(report.nodes).toBe(2);
    expect(report.relations).toBe(1);
    expect(debate.relations).toEqual([{ key: "aif-59039-1", from: "aif-59040", to: "aif-58779", type: "attacks", group: null, status: "approved" }]);
    expect(kinds(debate)).toEqual({ "aif-58779": "thesis", "aif-59040": "rebuttal" });
    expect(debate.nodes[0]!.text).toBe("a tweet is fundamentally valueless");
  });

  it("counts the dropped nodes by type and the 8 edges left with them", () => {
    expect(report.dropped).toEqual({ "L-node": 2, "YA-node": 3, "TA-node": 1 });
    expect(report.repairs.some((r) => r.startsWith("8 edges to or from dropped nodes"))).toBe(true);
  });
});

describe("aifToPortable on a map as OVA saves it", () => {
  const { debate, report } = aifToPortable(readFileSync(path.join(FIXTURES, "../realistic/library-sunday-ova.json"), "utf8"), options);

  it("keeps the two conflicts between two statements that attack each other", () => {
    expect(relationsByText(debate)).toEqual([
      "Students have nowhere quiet to study at weekends --supports--> The library should open on Sundays",
      "Sunday opening would cost more than the budget allows --attacks--> The library should open on Sundays",
      "Sunday opening would cost more than the budget allows --attacks--> The savings from shorter weekday hours would pay for it",
      "The savings from shorter weekday hours would pay for it --attacks--> Sunday opening would cost more than the budget allows",
    ]);
  });

  it("counts the relations it leaves out as the Argdown report does: the repeated inference and the undercut", () => {
    expect(report).toMatchObject({ nodes: 4, relations: 4, dropped: { "duplicate relation": 1, "relation to a node the app cannot represent": 1 } });
    expect(report.repairs.some((r) => r.includes("aif-9-1 from RA-node 9") && r.includes("already linked"))).toBe(true);
  });
});

describe("mapping AIF schemes", () => {
  it("makes an RA with several premises one linked group, keyed by the RA", () => {
    const { debate } = aifToPortable(aif([["p1", "I", "A"], ["p2", "I", "B"], ["c", "I", "C"], ["ra", "RA"]], [["p1", "ra"], ["p2", "ra"], ["ra", "c"]]), options);
    expect(debate.relations).toEqual([
      { key: "aif-ra-1", from: "aif-p1", to: "aif-c", type: "supports", group: "aif-ra", status: "approved" },
      { key: "aif-ra-2", from: "aif-p2", to: "aif-c", type: "supports", group: "aif-ra", status: "approved" },
    ]);
    expect(kinds(debate)).toEqual({ "aif-p1": "premise", "aif-p2": "premise", "aif-c": "thesis" });
  });

  it("leaves a rephrase (MA) out, reported, rather than reading it as support", () => {
    const { debate, report } = aifToPortable(aif([["x", "I", "Taxes are too high"], ["y", "I", "We pay too much tax"], ["ma", "MA"]], [["x", "ma"], ["ma", "y"]]), options);
    expect(debate.nodes.map((n) => n.text)).toEqual(["Taxes are too high", "We pay too much tax"]);
    expect(debate.relations).toEqual([]);
    expect(report.dropped).toEqual({ "MA-node": 1 });
    expect(report.repairs.some((r) => r.includes("MA-node ma") && r.includes("“We pay too much tax” rephrases “Taxes are too high”"))).toBe(true);
  });

  it("drops preference and unknown scheme nodes, counted by type", () => {
    const { report } = aifToPortable(
      aif([["a", "I", "A"], ["b", "I", "B"], ["pa", "PA"], ["x", "XYZ"], ["x2", "XYZ"]], [["a", "pa"], ["pa", "b"]]),
      options,
    );
    expect(report.dropped).toEqual({ "PA-node": 1, "XYZ-node": 2 });
    expect(report.relations).toBe(0);
  });

  it("skips an undercut (a CA attacking an RA), since the app links statements only", () => {
    const { debate, report } = aifToPortable(
      aif([["a", "I", "A"], ["b", "I", "B"], ["u", "I", "U"], ["ra", "RA"], ["ca", "CA"]], [["a", "ra"], ["ra", "b"], ["u", "ca"], ["ca", "ra"]]),
      options,
    );
    expect(relationsByText(debate)).toEqual(["A --supports--> B"]);
    expect(report.repairs.some((r) => r.includes("Edge e4") && r.includes("CA-node ca"))).toBe(true);
    expect(report.repairs.some((r) => r.includes("CA-node ca has no attacked statement"))).toBe(true);
  });

  it("accepts numeric ids, as some AIFdb exports have", () => {
    const text = JSON.stringify({ nodes: [{ nodeID: 1, type: "I", text: "A" }, { nodeID: 2, type: "I", text: "B" }, { nodeID: 3, type: "RA", text: "RA" }], edges: [{ edgeID: 1, fromID: 1, toID: 3 }, { edgeID: 2, fromID: 3, toID: 2 }] });
    expect(aifToPortable(text, options).debate.relations.map((r) => [r.key, r.from, r.to])).toEqual([["aif-3-1", "aif-1", "aif-2"]]);
  });
});

describe("portableToAif", () => {
  const node = (key: string, text: string, status: "approved" | "pending" = "approved") => ({
    key,
    kind: "premise" as const,
    text,
    attributedTo: null,
    anchor: null,
    sourceKeys: [],
    status,
    author: null,
    team: null,
  });
  const rel = (key: string, from: string, to: string, type: "supports" | "attacks", group: string | null = null, status: "approved" | "rejected" = "approved") => ({ key, from, to, type, group, status });
  const debate: TPortableDebate = {
    schemaVersion: PORTABLE_SCHEMA_VERSION,
    debate: { title: "T", description: null, moderationMode: "open", phase: "open", anonymous: false },
    article: { title: "A", author: null, publisher: null, publishedAt: null, url: null, perspective: "neutral", text: "" },
    sources: [],
    nodes: [node("t", "Thesis"), node("a", "Premise A"), node("b", "Premise B"), node("c", "Premise C"), node("r", "Rebuttal R"), node("p", "Pending P", "pending")],
    relations: [
      rel("r1", "a", "t", "supports", "g"),
      rel("r2", "b", "t", "supports", "g"),
      rel("r3", "c", "t", "supports"),
      rel("r4", "r", "a", "attacks"),
      rel("r5", "p", "t", "supports"),
      rel("r6", "c", "a", "supports", null, "rejected"),
    ],
    teams: [],
    revisions: [],
  };
  const text = portableToAif(debate);
  const out = JSON.parse(text) as { nodes: { nodeID: string; type: string; text: string }[]; edges: { edgeID: string; fromID: string; toID: string }[]; locutions: unknown[] };

  it("writes approved statements as I-nodes, a linked group as one RA, each attack as a CA", () => {
    expect(out.locutions).toEqual([]);
    expect(out.nodes.filter((n) => n.type === "I").map((n) => n.text)).toEqual(["Thesis", "Premise A", "Premise B", "Premise C", "Rebuttal R"]);
    expect(out.nodes.filter((n) => n.type === "RA")).toHaveLength(2);
    expect(out.nodes.filter((n) => n.type === "CA")).toHaveLength(1);
    // 2 + 1 premises into RAs, 1 into the CA, and one conclusion edge per scheme node.
    expect(out.edges).toHaveLength(7);
    const idOf = (t: string) => out.nodes.find((n) => n.text === t)!.nodeID;
    const linked = out.nodes.find((n) => n.type === "RA" && out.edges.filter((e) => e.toID === n.nodeID).length === 2)!;
    expect(out.edges.filter((e) => e.toID === linked.nodeID).map((e) => e.fromID)).toEqual([idOf("Premise A"), idOf("Premise B")]);
    expect(out.edges.filter((e) => e.fromID === linked.nodeID).map((e) => e.toID)).toEqual([idOf("Thesis")]);
    expect(text).not.toContain("Pending P");
  });

  it("is deterministic and pretty-printed, with unique ids", () => {
    expect(portableToAif(debate)).toBe(text);
    expect(text).toContain('\n  "nodes": [\n');
    expect(new Set(out.nodes.map((n) => n.nodeID)).size).toBe(out.nodes.length);
    expect(new Set(out.edges.map((e) => e.edgeID)).size).toBe(out.edges.length);
  });

  it("round-trips: the same statements, relations and linked groups come back", () => {
    const back = aifToPortable(text, options).debate;
    expect(back.nodes.map((n) => n.text)).toEqual(["Thesis", "Premise A", "Premise B", "Premise C", "Rebuttal R"]);
    expect(relationsByText(back)).toEqual(["Premise A --supports--> Thesis", "Premise B --supports--> Thesis", "Premise C --supports--> Thesis", "Rebuttal R --attacks--> Premise A"]);
    expect(groupsByText(back)).toEqual([["Premise A --supports--> Thesis", "Premise B --supports--> Thesis"]]);
  });

  it.each(["nodeset-6064.json", "twitter-3915-xaif.json"])("round-trips the fixture %s", (name) => {
    const first = aifToPortable(fixture(name), options).debate;
    const second = aifToPortable(portableToAif(first), options);
    expect(second.debate.nodes.map((n) => n.text)).toEqual(first.nodes.map((n) => n.text));
    expect(relationsByText(second.debate)).toEqual(relationsByText(first));
    expect(groupsByText(second.debate)).toEqual(groupsByText(first));
    expect(second.debate.nodes.map((n) => n.kind)).toEqual(first.nodes.map((n) => n.kind));
    expect(second.report.dropped).toEqual({});
  });
});

describe("bad input", () => {
  it("refuses text that is not JSON, such as Argdown, naming the line and column", () => {
    const argdown = fixture("../argdown/intro.argdown");
    const error = importError(() => aifToPortable(argdown, options));
    expect(error.message).toContain("not valid JSON");
    expect(error.where).toMatch(/^line \d+, column \d+$/);
    const broken = importError(() => aifToPortable('{\n  "nodes": [],\n  "edges": [,]\n}', options));
    expect(broken.where).toBe("line 3, column 13");
  });

  it("refuses an empty file", () => {
    expect(importError(() => aifToPortable("  \n", options)).message).toContain("empty");
  });

  it("refuses JSON that is not AIF, saying what it holds", () => {
    const error = importError(() => aifToPortable('{"foo":1}', options));
    expect(error.message).toContain("not AIF");
    expect(error.message).toContain('"foo"');
    expect(importError(() => aifToPortable("[1,2]", options)).message).toContain("a list");
    expect(importError(() => aifToPortable('{"nodes":[]}', options)).message).toMatch(/"edges" .*list/);
  });

  it("names the node and field of a wrong shape", () => {
    const error = importError(() => aifToPortable(JSON.stringify({ nodes: [{ nodeID: "7", type: "I", text: "ok" }, { nodeID: "8", type: "I" }], edges: [] }), options));
    expect(error.where).toBe("nodeID 8");
    expect(error.message).toContain('field "text"');
    const edge = importError(() => aifToPortable(JSON.stringify({ nodes: [{ nodeID: "7", type: "I", text: "ok" }], edges: [{ edgeID: "e9", fromID: "7", toID: { id: 1 } }] }), options));
    expect(edge.where).toBe("edgeID e9");
    expect(edge.message).toContain('field "toID"');
  });

  it("refuses duplicate node ids", () => {
    const error = importError(() => aifToPortable(aif([["n1", "I", "A"], ["n2", "I", "B"], ["n1", "I", "C"]], []), options));
    expect(error.message).toContain("Two nodes have the id n1");
    expect(error.where).toBe("nodeID n1");
  });

  it("refuses a file without statements", () => {
    expect(importError(() => aifToPortable(aif([["ra", "RA"]], []), options)).message).toContain("no I-nodes");
  });

  it("skips a dangling edge and reports it by its id", () => {
    const { debate, report } = aifToPortable(aif([["a", "I", "A"], ["b", "I", "B"], ["ra", "RA"]], [["a", "ra"], ["ra", "b"], ["ghost", "ra"]]), options);
    expect(relationsByText(debate)).toEqual(["A --supports--> B"]);
    expect(report.repairs.some((r) => r.startsWith("Edge e3 (ghost -> ra) points at node ghost"))).toBe(true);
  });

  it("skips an RA without a conclusion, or without premises, and reports it", () => {
    const { debate, report } = aifToPortable(aif([["a", "I", "A"], ["b", "I", "B"], ["ra1", "RA"], ["ra2", "RA"]], [["a", "ra1"], ["ra2", "b"]]), options);
    expect(debate.relations).toEqual([]);
    expect(report.repairs).toContain("RA-node ra1 has no conclusion among the statements, so it links nothing and was skipped.");
    expect(report.repairs).toContain("RA-node ra2 has no premise among the statements, so it links nothing and was skipped.");
    expect(kinds(debate)).toEqual({ "aif-a": "premise", "aif-b": "premise" });
  });

  it("breaks a support cycle at the relation that closes it, in file order", () => {
    const { debate, report } = aifToPortable(
      aif(
        [["a", "I", "A"], ["b", "I", "B"], ["c", "I", "C"], ["r1", "RA"], ["r2", "RA"], ["r3", "RA"]],
        [["a", "r1"], ["r1", "b"], ["b", "r2"], ["r2", "c"], ["c", "r3"], ["r3", "a"]],
      ),
      options,
    );
    expect(debate.relations.map((r) => r.key)).toEqual(["aif-r1-1", "aif-r2-1"]);
    const dropped = report.repairs.filter((r) => r.includes("circular"));
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toContain("aif-r3-1 from RA-node r3 (“C” supports “A”)");
    // No relation left can reach its own start by support.
    const edges: Edge[] = debate.relations.map((r) => ({ fromId: r.from, toId: r.to, type: r.type }));
    edges.forEach((e, i) => expect(relationProblem(edges.filter((_, j) => j !== i), e)).toBeNull());
    expect(kinds(debate)).toEqual({ "aif-a": "premise", "aif-b": "claim", "aif-c": "thesis" });
  });

  it("skips self-links and second links between the same two statements", () => {
    const { debate, report } = aifToPortable(
      aif(
        [["a", "I", "A"], ["b", "I", "B"], ["self", "RA"], ["r1", "RA"], ["r2", "RA"], ["ca", "CA"]],
        [["a", "self"], ["self", "a"], ["a", "r1"], ["r1", "b"], ["a", "r2"], ["r2", "b"], ["b", "ca"], ["ca", "a"]],
      ),
      options,
    );
    expect(debate.relations.map((r) => r.key)).toEqual(["aif-r1-1"]);
    expect(report.repairs.some((r) => r.includes("aif-self-1") && r.includes("cannot support or attack itself"))).toBe(true);
    expect(report.repairs.some((r) => r.includes("aif-r2-1") && r.includes("already linked"))).toBe(true);
    expect(report.repairs.some((r) => r.includes("aif-ca-1") && r.includes("already linked the other way"))).toBe(true);
    expect(report.dropped).toEqual({ "self-link": 1, "duplicate relation": 1, "reverse relation": 1 });
  });

  it("unlinks a group left with one premise after a skip", () => {
    const { debate, report } = aifToPortable(
      aif(
        [["a", "I", "A"], ["b", "I", "B"], ["c", "I", "C"], ["x", "I", "X"], ["r0", "RA"], ["r1", "RA"], ["ra", "RA"]],
        [["c", "r0"], ["r0", "x"], ["x", "r1"], ["r1", "a"], ["a", "ra"], ["b", "ra"], ["ra", "c"]],
      ),
      options,
    );
    // c supports a through x, so a supporting c would be circular; b alone remains.
    expect(debate.relations.map((r) => [r.key, r.group])).toEqual([["aif-r0-1", null], ["aif-r1-1", null], ["aif-ra-2", null]]);
    expect(report.repairs.some((r) => r.includes("aif-ra-1") && r.includes("circular"))).toBe(true);
    expect(report.repairs).toContain("The relation aif-ra-2 was the only premise of its linked group left, so it supports on its own.");
  });
});
