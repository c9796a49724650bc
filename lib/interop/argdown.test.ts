import fs from "node:fs";
import path from "node:path";

import { ArgdownApplication, ParserPlugin } from "@argdown/core";
import { describe, expect, it } from "vitest";

import { argdownToPortable, escapeArgdownText, portableToArgdown } from "./argdown";
import { ImportError, ZPortableDebate, type TPortableDebate, type TPortableNode, type TPortableRelation } from "./portable";

const FIXTURES = path.join(process.cwd(), "test/fixtures/interop/argdown");
const read = (file: string) => fs.readFileSync(path.join(FIXTURES, file), "utf8");
const readRealistic = (file: string) => fs.readFileSync(path.join(FIXTURES, "../realistic", file), "utf8");

function importText(text: string, fileName = "test.argdown", perspective: "armenian" | "azerbaijani" | "neutral" = "neutral") {
  return argdownToPortable(text, { fileName, perspective });
}

function count(relations: TPortableRelation[], type: "supports" | "attacks") {
  return relations.filter((r) => r.type === type).length;
}

/** Sizes of the linked groups, largest first. */
function groupSizes(relations: TPortableRelation[]): number[] {
  const sizes = new Map<string, number>();
  for (const r of relations) if (r.group) sizes.set(r.group, (sizes.get(r.group) ?? 0) + 1);
  return [...sizes.values()].sort((a, b) => b - a);
}

function byText(debate: TPortableDebate, text: string): TPortableNode {
  const node = debate.nodes.find((n) => n.text === text);
  if (!node) throw new Error(`no node with the text ${JSON.stringify(text)}`);
  return node;
}

/** Relations as "from text | type | to text", which survive new keys. */
function relationLines(debate: TPortableDebate): string[] {
  const text = new Map(debate.nodes.map((n) => [n.key, n.text]));
  return debate.relations.map((r) => `${text.get(r.from)} | ${r.type} | ${text.get(r.to)}`).sort();
}

/** Linked groups as sorted lists of "premise text -> target text". */
function linkedGroups(debate: TPortableDebate): string[][] {
  const text = new Map(debate.nodes.map((n) => [n.key, n.text]));
  const groups = new Map<string, string[]>();
  for (const r of debate.relations) if (r.group) groups.set(r.group, [...(groups.get(r.group) ?? []), `${text.get(r.from)} -> ${text.get(r.to)}`]);
  return [...groups.values()].map((g) => g.sort()).sort();
}

function argdownErrors(text: string): number {
  const app = new ArgdownApplication({ log: () => {}, setLevel: () => {} });
  app.addPlugin(new ParserPlugin(), "parse-input");
  const response = app.run({ process: ["parse-input"], input: text, logExceptions: false });
  return (response.lexerErrors?.length ?? 0) + (response.parserErrors?.length ?? 0);
}

function expectImportError(run: () => unknown, message: RegExp, where?: string) {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportError);
  expect((caught as ImportError).message).toMatch(message);
  if (where !== undefined) expect((caught as ImportError).where).toBe(where);
}

/*
 * Expected counts, from test/fixtures/interop/LICENSES.md (what @argdown/core
 * reports: statements, arguments, relations by type) and the importer's
 * documented rules, worked out by reading the files:
 * - nodes = statements + arguments;
 * - a premise-conclusion structure (PCS) of n statements adds n supports: the
 *   inputs of each inference step support its output, linked when 2 or more,
 *   the last step's output being the argument, which supports the main
 *   conclusion (so a one-step PCS of k premises is a linked group of k);
 * - Argdown's support -> supports, attack -> attacks, then one relation per
 *   pair of nodes, no self-links, no circular support.
 */
const FIXTURE_EXPECTATIONS = [
  {
    file: "argdown-primer.argdown",
    title: "❤ Welcome to Argdown! ❤",
    nodes: 17 + 4,
    // <Argument 1>: (1), (2) [Statement 2] -- (3): one step, 3 PCS statements.
    supports: 5 + 3,
    attacks: 5,
    groups: [2],
    dropped: { "inference rule": 1 },
  },
  {
    file: "state-censorship.argdown",
    // No heading: the front matter's title.
    title: "Censorship from the State",
    nodes: 28 + 7,
    // PCS sizes: Freedom of Speech 4, No-Harm 4, racial hatred 3, inclusive debate 5 (2 steps),
    // sex and violence 6 (2 steps), expertise 3, causal link questionable 5 (2 steps).
    supports: 0 + (4 + 4 + 3 + 5 + 6 + 3 + 5),
    attacks: 4,
    // One-step PCS: 3, 3, 2, 2 premises; two-step PCS: (2, 2), (3, 2), (2, 2).
    groups: [3, 3, 3, 2, 2, 2, 2, 2, 2, 2],
    // "Specification, Modus ponens {uses: [1,2,3]}" and "Inference to the best explanation {uses: [1,2]}".
    dropped: { "inference rule": 2 },
  },
  {
    file: "intro.argdown",
    title: "Welcome to Argdown!",
    nodes: 12 + 5,
    // <Argument 1>: (1), (2) [Statement 2] -- (3): one step, 3 PCS statements.
    supports: 2 + 3,
    attacks: 5,
    groups: [2],
    dropped: { "inference rule": 1 },
  },
  {
    file: "veggie-debate.argdown",
    title: "Zentrale Thesen",
    nodes: 25 + 22,
    supports: 35,
    // [Fleisch-OK] is attacked by [Strikt-Veggie] and attacks it (lines 35-36): both attacks are kept.
    attacks: 23,
    groups: [],
    dropped: {},
  },
] as const;

describe("argdownToPortable on the Argdown project's example files", () => {
  it.each(FIXTURE_EXPECTATIONS)("imports $file", ({ file, title, nodes, supports, attacks, groups, dropped }) => {
    const text = read(file);
    const { debate, report } = importText(text, file);

    expect(ZPortableDebate.safeParse(debate).success).toBe(true);
    expect(debate.debate.title).toBe(title);
    expect(debate.nodes).toHaveLength(nodes);
    expect(count(debate.relations, "supports")).toBe(supports);
    expect(count(debate.relations, "attacks")).toBe(attacks);
    expect(groupSizes(debate.relations)).toEqual(groups);
    expect(report).toMatchObject({ format: "argdown", nodes, relations: supports + attacks, dropped });

    // The file is the article and the one source every statement cites.
    expect(debate.article.text).toBe(text);
    expect(debate.sources).toEqual([expect.objectContaining({ key: "imported-file", title: file, perspective: "neutral", isArticle: true })]);
    for (const node of debate.nodes) {
      expect(node.sourceKeys).toEqual(["imported-file"]);
      if (node.anchor) expect(text.slice(node.anchor.start, node.anchor.end).trim().length).toBeGreaterThan(0);
    }
  });

  it("maps the censorship debate's arguments, premises and conclusions", () => {
    const { debate, report } = importText(read("state-censorship.argdown"), "state-censorship.argdown");
    const thesis = byText(debate, "Censorship is not wrong in principle.");
    const argument = byText(debate, "Censorship is wrong in principle. In a free and civilized society, everyone must be free to express herself.");
    const conclusion = byText(debate, "Censorship is wrong in principle.");

    // Supported by two arguments, supports nothing.
    expect(thesis.kind).toBe("thesis");
    expect(argument.kind).toBe("claim");
    // The conclusion of <Argument from Freedom of Speech> attacks [Censorship].
    expect(debate.relations).toContainEqual(expect.objectContaining({ from: argument.key, to: conclusion.key, type: "supports", group: null }));
    expect(debate.relations).toContainEqual(expect.objectContaining({ from: conclusion.key, to: thesis.key, type: "attacks" }));
    // Its three premises support it as one linked group.
    const premises = debate.relations.filter((r) => r.to === argument.key);
    expect(premises.map((r) => debate.nodes.find((n) => n.key === r.from)!.text).sort()).toEqual([
      "Censorship violates freedom of speech.",
      "Freedom of speech is an absolute right.",
      "Whatever violates an absolute right, is itself wrong in principle.",
    ]);
    expect(new Set(premises.map((r) => r.group)).size).toBe(1);
    expect(premises[0]!.group).not.toBeNull();

    // A defined statement is anchored at its definition in the article.
    expect(debate.article.text.slice(thesis.anchor!.start, thesis.anchor!.end)).toBe("[Censorship]: Censorship is not wrong in principle.");
    expect(report.repairs.join(" ")).toMatch(/premise-conclusion structure/);
  });

  it("gives attackers the kind rebuttal and supported conclusions the kind thesis", () => {
    const { debate } = importText(read("veggie-debate.argdown"), "veggie-debate.argdown");
    expect(byText(debate, "Es gibt Fleisch und Tierprodukte, die man essen darf.").kind).toBe("thesis");
    expect(byText(debate, "Man sollte kein Fleisch essen.").kind).toBe("thesis");
    // Supports [Fleisch-OK], so a premise.
    expect(byText(debate, "Man darf Fleisch und tierische Produkte beliebiger Art essen.").kind).toBe("premise");
    // <Einzelne-unerheblich-Einwand> only attacks.
    expect(byText(debate, "Ob ein Einzelner Fleisch isst oder nicht, hat keinen Einfluss auf das Problem der Welternährung.").kind).toBe("rebuttal");
    expect(byText(debate, "Jeder bestimmt selbst, was er/sie isst. Deshalb darf jeder essen, was er/sie will.").kind).toBe("claim");
  });
});

describe("argdownToPortable: perspectives, relation types and repairs", () => {
  it("cites the file once per perspective named by data or tag, and takes the tags out of the text", () => {
    const text = [
      "# Perspectives",
      "",
      "[A]: Armenian view. #armenian",
      "  - [B]: Azerbaijani view. {perspective: azerbaijani}",
      "  + [C]: Neutral and Armenian. #neutral #Armenian",
      "",
      "[D]: Plain. {perspective: martian}",
    ].join("\n");
    const { debate, report } = importText(text, "views.argdown", "azerbaijani");
    const perspectiveOf = new Map(debate.sources.map((s) => [s.key, s.perspective]));
    const perspectives = (t: string) => byText(debate, t).sourceKeys.map((k) => perspectiveOf.get(k)).sort();

    expect(perspectives("Armenian view.")).toEqual(["armenian"]);
    expect(perspectives("Azerbaijani view.")).toEqual(["azerbaijani"]);
    expect(perspectives("Neutral and Armenian.")).toEqual(["armenian", "neutral"]);
    expect(perspectives("Plain.")).toEqual(["azerbaijani"]);
    expect(debate.sources).toHaveLength(3);
    for (const source of debate.sources) {
      expect(source.title).toBe("views.argdown");
      expect(source.isArticle).toBe(source.perspective === "azerbaijani");
    }
    expect(debate.article.perspective).toBe("azerbaijani");
    expect(report.repairs.join(" ")).toMatch(/“martian” was ignored/);
  });

  it("maps contradictory to one attack, undercuts to attacks on the argument, and says so", () => {
    const text = [
      "[A]: Apple is red.",
      "  >< [B]: Apple is green.",
      "",
      "<D>: The argument.",
      "",
      "(1) p",
      "(2) q",
      "----",
      "(3) r",
      "  <_ [E]: An undercutter of the inference.",
      "",
      "[X]: An undercutter of the argument.",
      "  _> <D>",
    ].join("\n");
    const { debate, report } = importText(text);
    expect(relationLines(debate)).toEqual(
      [
        "Apple is red. | attacks | Apple is green.",
        "An undercutter of the argument. | attacks | The argument.",
        "An undercutter of the inference. | attacks | The argument.",
        "p | supports | The argument.",
        "q | supports | The argument.",
        "The argument. | supports | r",
      ].sort(),
    );
    const repairs = report.repairs.join(" ");
    expect(repairs).toMatch(/1 contradictory relation \(symmetric in Argdown\) became one attack/);
    expect(repairs).toMatch(/2 undercut relations became attacks/);
    // Argdown turns an undercut of a reconstructed argument into an undercut of its inference: both are.
    expect(repairs).toMatch(/2 relations aimed at an inference now attack the argument/);
  });

  it("maps strict mode's contrary to attacks and entails to supports", () => {
    const text = ["===", "model:", "  mode: strict", "===", "", "[A]: a", "  - [B]: b", "  + [C]: c"].join("\n");
    const { debate, report } = importText(text);
    expect(relationLines(debate)).toEqual(["b | attacks | a", "c | supports | a"]);
    expect(report.repairs).toEqual(expect.arrayContaining(["1 entails relation became supports.", "1 contrary relation became attacks."]));
  });

  it("breaks circular support and drops self-links, saying which", () => {
    const circular = importText(["[A]: a", "  +> [B]: b", "", "[B]", "  +> [C]: c", "", "[C]", "  +> [A]"].join("\n"));
    expect(relationLines(circular.debate)).toEqual(["a | supports | b", "b | supports | c"]);
    expect(circular.report.dropped).toEqual({ "circular support": 1 });
    expect(circular.report.repairs.join(" ")).toMatch(/“c” supports “a” was left out: That would make the support circular/);

    const self = importText(["[A]: a", "  + [A]", "  - [B]: b"].join("\n"));
    expect(relationLines(self.debate)).toEqual(["b | attacks | a"]);
    expect(self.report.dropped).toEqual({ "self-link": 1 });
  });
});

describe("argdownToPortable keeps what real files say", () => {
  it("keeps an attack in each direction between two statements", () => {
    const { debate, report } = importText(read("veggie-debate.argdown"), "veggie-debate.argdown");
    const fleischOk = byText(debate, "Es gibt Fleisch und Tierprodukte, die man essen darf.");
    const striktVeggie = byText(debate, "Man sollte kein Fleisch essen.");
    expect(debate.relations).toContainEqual(expect.objectContaining({ from: striktVeggie.key, to: fleischOk.key, type: "attacks" }));
    expect(debate.relations).toContainEqual(expect.objectContaining({ from: fleischOk.key, to: striktVeggie.key, type: "attacks" }));
    expect(report.dropped).toEqual({ tag: 2, heading: 12 });
  });

  it("still leaves out a support between statements already linked, either way", () => {
    const { debate, report } = importText(["[A]: a", "  -> [B]: b", "  +> [C]: c", "", "[B]", "  -> [A]", "  +> [A]", "", "[C]", "  -> [A]"].join("\n"));
    expect(relationLines(debate)).toEqual(["a | attacks | b", "a | supports | c", "b | attacks | a"]);
    expect(report.dropped).toEqual({ "reverse relation": 1, "duplicate relation": 1 });
  });

  it("keeps a Markdown link's address after its text", () => {
    const { debate } = importText(read("argdown-primer.argdown"), "argdown-primer.argdown");
    const linked = debate.nodes.filter((n) => n.text.includes("link (https://github.com/christianvoigt/argdown-parser)"));
    expect(linked.map((n) => n.text)).toEqual(["This is a normal statement with bold and italic text, a #tag and a link (https://github.com/christianvoigt/argdown-parser)."]);
  });

  it("keeps a data block on its statement or argument, less the fields the import reads", () => {
    const { debate } = importText(read("state-censorship.argdown"), "state-censorship.argdown");
    expect(byText(debate, "Censorship is wrong in principle. In a free and civilized society, everyone must be free to express herself.").data).toEqual({ source: "C1a" });
    const data = debate.nodes.flatMap((n) => (n.data ? [JSON.stringify(n.data)] : [])).sort();
    expect(data).toEqual(['{"isInMap":false}', '{"isInMap":false}', ...["C1a", "C1b", "C2", "P1a", "P1b", "P2"].map((source) => `{"source":"${source}"}`)].sort());
    const own = importText("[A]: a {kind: thesis, perspective: armenian, credence: 0.7, seen: 2024-03-12, tags: [x, y]}\n").debate.nodes[0]!;
    expect(own).toMatchObject({ kind: "thesis", data: { credence: 0.7, seen: "2024-03-12T00:00:00.000Z", tags: ["x", "y"] } });
    expect(importText("[A]: a {kind: thesis}\n").debate.nodes[0]!.data).toBeUndefined();
  });

  it("leaves out a data block too large to keep, and says so", () => {
    const values = Array.from({ length: 3000 }, (_, i) => i).join(", ");
    const { debate, report } = importText(`[A]: a {credence: 0.5}\n\n[B]: b {values: [${values}]}\n`);
    expect(debate.nodes.map((n) => n.data ?? null)).toEqual([{ credence: 0.5 }, null]);
    expect(report.dropped).toEqual({ "data block": 1 });
    expect(report.repairs).toContain("1 data block too large or too deeply nested to keep was left out.");
  });

  it("refuses YAML aliases in a data block, which Argdown would copy out until memory runs out", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(10).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)];
    expectImportError(() => importText(`[A]: a\n\n[B]: b {${levels.join(", ")}}\n`), /YAML anchors or aliases/, "line 3");
    expectImportError(() => importText("===\ntitle: &t Title\nauthor: *t\n===\n\n[A]: a\n"), /YAML anchors or aliases/, "line 1");
    // Stars and ampersands in quoted strings and plain words are no aliases.
    expect(importText(`[A]: a {note: "a *b and &c", other: 'it''s *d', plain: R&D}\n`).debate.nodes[0]!.data).toEqual({ note: "a *b and &c", other: "it's *d", plain: "R&D" });
  });

  it("imports the Argdown code blocks of a Quarto file, its YAML front matter naming the debate", () => {
    const text = readRealistic("car-free-centre.qmd");
    const { debate, report } = importText(text, "car-free-centre.qmd");
    expect(debate.debate.title).toBe("Should the old town go car-free?");
    expect(debate.article).toMatchObject({ title: "Should the old town go car-free?", author: "Urban policy seminar, week 6", text });
    expect(debate.nodes.map((n) => [n.kind, n.text, n.data ?? null])).toEqual([
      ["thesis", "The old town should be closed to private cars.", { credence: 0.6 }],
      ["rebuttal", "Delivery vans would still need access in the morning.", null],
      ["rebuttal", "Pedestrian streets draw more shoppers than parking does.", { credence: 0.7 }],
      ["claim", "Traffic causes most of the old town's air pollution, as the 2023 air quality survey (https://example.org/reports/air-quality-2023.pdf) shows.", { credence: 0.8, speaker: "Environmental office" }],
      ["rebuttal", "Shops in the old town depend on customers who come by car.", { credence: 0.4 }],
    ]);
    expect(relationLines(debate)).toEqual(
      [
        "Traffic causes most of the old town's air pollution, as the 2023 air quality survey (https://example.org/reports/air-quality-2023.pdf) shows. | supports | The old town should be closed to private cars.",
        "Shops in the old town depend on customers who come by car. | attacks | The old town should be closed to private cars.",
        "Pedestrian streets draw more shoppers than parking does. | attacks | Delivery vans would still need access in the morning.",
        "Delivery vans would still need access in the morning. | attacks | Pedestrian streets draw more shoppers than parking does.",
        "Pedestrian streets draw more shoppers than parking does. | attacks | Shops in the old town depend on customers who come by car.",
      ].sort(),
    );
    // Anchored in the file as it is: the Markdown around the code blocks stays in the article.
    expect(text.slice(byText(debate, "The old town should be closed to private cars.").anchor!.start).startsWith("[Car-free]: The old town")).toBe(true);
    expect(report.dropped).toEqual({});
  });

  it("imports the Argdown code block of a Markdown file, and names file lines in errors", () => {
    const { debate } = importText(readRealistic("reading-notes.md"), "reading-notes.md");
    expect(debate.nodes.map((n) => n.text).sort()).toEqual(
      ["Full-time work should move to a four-day week.", "Rotas can cover five or seven days with four-day contracts.", "Services that must run every day would need more staff.", "Trials in several countries found output per hour rose."].sort(),
    );
    expect(debate.relations).toHaveLength(3);
    const broken = ["# Notes", "", "Some prose.", "", "```argdown", "[A]: Apple", "", "    + [B]: b", "```"].join("\n");
    expectImportError(() => importText(broken, "notes.md"), /not valid Argdown: Invalid paragraph start/, "line 8");
    expectImportError(() => importText("# Notes\n\nNo map here.\n", "notes.qmd"), /Markdown file has no Argdown code blocks/);
  });
});

describe("portableToArgdown", () => {
  const node = (key: string, kind: TPortableNode["kind"], text: string, sourceKeys: string[], status: TPortableNode["status"] = "approved"): TPortableNode => ({
    key,
    kind,
    text,
    attributedTo: null,
    anchor: null,
    sourceKeys,
    status,
    author: null,
    team: null,
  });
  const relation = (key: string, from: string, to: string, type: TPortableRelation["type"], group: string | null = null): TPortableRelation => ({
    key,
    from,
    to,
    type,
    group,
    status: "approved",
  });
  const debate: TPortableDebate = {
    schemaVersion: 1,
    debate: { title: "Lachin [2020] #1: the corridor", description: "A test {debate} === here", moderationMode: "open", phase: "open", anonymous: false },
    article: { title: "Article", author: null, publisher: null, publishedAt: null, url: null, perspective: "neutral", text: "The article." },
    sources: [
      { key: "src-am", title: "Armenian outlet", author: "A. Author", publisher: null, url: "https://example.am/news?id=1", publishedAt: "2020-10-01", quote: "a {quote} === b", perspective: "armenian", isArticle: false },
      { key: "src-neutral", title: "Neutral report", author: null, publisher: "UN", url: null, publishedAt: null, quote: null, perspective: "neutral", isArticle: true },
    ],
    nodes: [
      node("t", "thesis", "The road [Lachin corridor] must stay open #peace", ["src-neutral"]),
      node("p1", "premise", "It is the only road: :heart: e.g. most traffic uses it", ["src-am"]),
      node("p2", "premise", "[Citation needed] <b>tags</b>, **bold**, _under_, a\\backslash, {braces}, // and /* */", ["src-am", "src-neutral"]),
      node("r", "rebuttal", "- A leading dash, + plus, > arrow, #hash and #(group), @[Mention] and .^. too", ["src-neutral"]),
      node("c", "claim", "Untitled 1", ["src-am"]),
      node("x", "premise", "Not yet approved", ["src-am"], "pending"),
    ],
    relations: [
      relation("r1", "p1", "t", "supports", "g1"),
      relation("r2", "p2", "t", "supports", "g1"),
      relation("r3", "r", "t", "attacks"),
      relation("r4", "c", "r", "attacks"),
      relation("r5", "x", "t", "supports"),
    ],
    teams: [],
    revisions: [],
  };

  it("writes Argdown that @argdown/core parses without errors", () => {
    const argdown = portableToArgdown(debate);
    expect(argdownErrors(argdown)).toBe(0);
    expect(argdown).toContain("\n# Lachin \\[2020\\] \\#1: the corridor\n");
    expect(argdown).toMatch(/^\[The road Lachin corridor must\]: .* \{kind: thesis, perspective: neutral, sources: \[src-neutral\]\}$/m);
    expect(argdown).toMatch(/^<Linked 1> \{linkedGroup: g1\}$/m);
    expect(argdown).not.toContain("Not yet approved");
  });

  it("imports back to the same statements, relations, linked group, kinds, perspectives and sources", () => {
    const { debate: back, report } = importText(portableToArgdown(debate), "export.argdown");
    const approved = { ...debate, nodes: debate.nodes.filter((n) => n.status === "approved"), relations: debate.relations.filter((r) => r.key !== "r5") };

    expect(back.debate.title).toBe(debate.debate.title);
    expect(back.debate.description).toBe(debate.debate.description);
    expect(back.nodes.map((n) => n.text).sort()).toEqual(approved.nodes.map((n) => n.text).sort());
    expect(relationLines(back)).toEqual(relationLines(approved));
    expect(linkedGroups(back)).toEqual(linkedGroups(approved));
    for (const original of approved.nodes) {
      const copy = byText(back, original.text);
      expect(copy.kind).toBe(original.kind);
      expect(copy.sourceKeys).toEqual(original.sourceKeys);
    }
    // The sources come back from the front matter; the imported file is the article now.
    for (const source of debate.sources) expect(back.sources).toContainEqual({ ...source, isArticle: false });
    expect(back.sources.filter((s) => s.isArticle)).toEqual([expect.objectContaining({ title: "export.argdown" })]);
    expect(report.dropped).toEqual({});
    expect(report.relations).toBe(4);
  });

  it.each(FIXTURE_EXPECTATIONS.map((f) => f.file))("round-trips the import of %s", (file) => {
    const { debate: first } = importText(read(file), file);
    const argdown = portableToArgdown(first);
    expect(argdownErrors(argdown)).toBe(0);
    const { debate: second, report } = importText(argdown, file);
    expect(second.nodes.map((n) => `${n.kind}: ${n.text}`).sort()).toEqual(first.nodes.map((n) => `${n.kind}: ${n.text}`).sort());
    expect(relationLines(second)).toEqual(relationLines(first));
    expect(linkedGroups(second)).toEqual(linkedGroups(first));
    expect(second.debate.title).toBe(first.debate.title);
    expect(report.dropped).toEqual({});
  });

  it("writes each node's data into its data block, and imports it back", () => {
    const withData: TPortableDebate = { ...debate, nodes: debate.nodes.map((n) => (n.key === "p1" ? { ...n, data: { credence: 0.7, speaker: "A {braced} name", nested: { list: [1, "two", null] } } } : n)) };
    const argdown = portableToArgdown(withData);
    expect(argdown).toMatch(/^\[It is the only road\]: .* \{credence: 0\.7, speaker: "A \\u007bbraced\\u007d name", nested: \{list: \[1, two, null\]\}, kind: premise, /m);
    const back = importText(argdown).debate;
    expect(byText(back, debate.nodes[1]!.text).data).toEqual({ credence: 0.7, speaker: "A {braced} name", nested: { list: [1, "two", null] } });
    expect(back.nodes.filter((n) => n.data)).toHaveLength(1);
  });

  it("de-duplicates titles made from the same first words", () => {
    const twins: TPortableDebate = {
      ...debate,
      nodes: [node("a", "thesis", "Same words here", []), node("b", "premise", "Same words here!", []), node("c", "premise", "same words HERE?", [])],
      relations: [relation("r1", "b", "a", "supports"), relation("r2", "c", "a", "attacks")],
    };
    const argdown = portableToArgdown(twins);
    expect(argdown).toMatch(/^\[Same words here\]: /m);
    expect(argdown).toMatch(/^\[Same words here 2\]: /m);
    expect(argdown).toMatch(/^\[same words HERE 3\]: /m);
    expect(relationLines(importText(argdown).debate)).toEqual(relationLines(twins));
  });

  it.each([
    "[Title]: not a definition",
    "<Arg>: not an argument",
    "#tag #(two words) and @[mention] @<mention>",
    "**bold** __bold__ *it* _it_ `code`",
    "{data: 1} and } and {",
    "<!-- not a comment --> // nor /* this */",
    ":heart: .^. .->. :+1: and e.g. U.S.A. 10.5 a:b",
    ".#x. and :a[b: and .y.",
    "=== not front matter ===",
    "a \\ backslash and \\[escaped\\]",
    "+ - -> +> >< _> <_ at the start",
    "(1) not a premise",
  ])("escapes %j so it reads back as itself", (text) => {
    const argdown = `[T]: ${escapeArgdownText(text)}\n`;
    expect(argdownErrors(argdown)).toBe(0);
    expect(importText(argdown).debate.nodes.map((n) => n.text)).toEqual([text]);
  });
});

describe("argdownToPortable refuses what is not Argdown", () => {
  it("names the line of a syntax error", () => {
    expectImportError(() => importText("[A]: Apple\n\n    + [B]: b\n"), /not valid Argdown: Invalid paragraph start/, "line 3");
    expectImportError(() => importText("<A>\n\n(1) a\n--\nmissing end of the inference\n"), /not valid Argdown: Invalid inference syntax/, "line 5");
  });

  it("names the line of a data block that is not YAML", () => {
    expectImportError(() => importText("[A]: a\n\n[B]: b\n  + [C]: c {kind: [premise}\n"), /not valid YAML/, "line 4");
  });

  it("refuses an empty file", () => {
    expectImportError(() => importText(""), /empty/);
    expectImportError(() => importText(" \n\n\t\n"), /empty/);
  });

  it("refuses a JSON file given as Argdown", () => {
    const json = JSON.stringify({ schemaVersion: 1, nodes: [], edges: [] }, null, 2);
    expectImportError(() => importText(json, "debate.json"), /JSON, not Argdown/, "line 1");
  });

  it("refuses a file with only comments", () => {
    expectImportError(() => importText("<!-- nothing here -->\n\n/* nor here */\n"), /no statements or arguments/);
  });
});
