import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZPortableDebate, type TPortableDebate } from "@/lib/interop/portable";
import { ZDebateSummary, ZMapDocument, ZMapNode, type TMapDocument, type TMapNode } from "@/lib/schemas/map";
import { readLachinSeed, seedLachin } from "@/prisma/seed/seed-lachin";
import { connect } from "@/scripts/lib/prisma-client";
import { createUser, expectError, expectNoChange, jsonRequest, sessionCookie, type ErrorBody, type TestUser } from "@/test/session";

import { GET as getMap } from "../[slug]/route";
import { GET as exportRoute } from "../[slug]/export/route";
import { GET as listRevisions } from "../[slug]/nodes/[nodeId]/revisions/route";
import { PATCH as patchNodeRoute } from "../[slug]/nodes/[nodeId]/route";
import { POST as postNodeRoute } from "../[slug]/nodes/route";
import { GET as listDebates } from "../route";
import { POST } from "./route";

const SLUG = "lachin-crisis";
const FIXTURES = path.join(process.cwd(), "test", "fixtures", "interop");
const { map } = readLachinSeed();

let prisma: PrismaClient;
let alice: TestUser;
let bob: TestUser;
let aliceCookie: string;
let bobCookie: string;

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  expect(await seedLachin(prisma)).toBe(true);
  alice = await createUser(prisma, "Alice Example");
  bob = await createUser(prisma, "Bob Importer");
  aliceCookie = await sessionCookie(alice);
  bobCookie = await sessionCookie(bob);
});

afterAll(async () => {
  await prisma.$disconnect();
});

// ---------------------------------------------------------------------------
// Requests

function importRequest(body: unknown, cookie: string | null = bobCookie): Promise<Response> {
  return POST(jsonRequest("POST", "http://localhost/api/debates/import", body, cookie ?? undefined));
}

type ImportAnswer = { slug: string; report: { format: string; nodes: number; relations: number; dropped: Record<string, number>; repairs: string[] } };

async function importOk(body: unknown, cookie: string = bobCookie): Promise<ImportAnswer> {
  const response = await importRequest(body, cookie);
  const json = (await response.json()) as ImportAnswer;
  expect(response.status, JSON.stringify(json).slice(0, 1000)).toBe(201);
  return json;
}

/** The export as `cookie`'s person sees the debate: only its owner and moderators get everything, under real names. */
async function exportJson(slug: string, cookie?: string): Promise<TPortableDebate> {
  const request = new Request(`http://localhost/api/debates/${slug}/export?format=json`, { headers: cookie ? { cookie } : {} });
  const response = await exportRoute(request, { params: Promise.resolve({ slug: slug }) });
  const text = await response.text();
  expect(response.status, text.slice(0, 500)).toBe(200);
  return ZPortableDebate.parse(JSON.parse(text));
}

async function mapOf(slug: string): Promise<TMapDocument> {
  const response = await getMap(new Request(`http://localhost/api/debates/${slug}`), { params: Promise.resolve({ slug: slug }) });
  expect(response.status).toBe(200);
  return ZMapDocument.parse(await response.json());
}

async function debateList() {
  const response = await listDebates(new Request("http://localhost/api/debates"));
  expect(response.status).toBe(200);
  return ((await response.json()) as { debates: unknown[] }).debates.map((d) => ZDebateSummary.parse(d));
}

async function postNode(body: unknown): Promise<{ node: TMapNode }> {
  const response = await postNodeRoute(jsonRequest("POST", `http://localhost/api/debates/${SLUG}/nodes`, body, aliceCookie), { params: Promise.resolve({ slug: SLUG }) });
  const json = (await response.json()) as { node: unknown };
  expect(response.status, JSON.stringify(json)).toBe(201);
  return { node: ZMapNode.parse(json.node) };
}

async function patchNode(nodeId: string, body: unknown): Promise<TMapNode> {
  const response = await patchNodeRoute(jsonRequest("PATCH", `http://localhost/api/debates/${SLUG}/nodes/${nodeId}`, body, aliceCookie), {
    params: Promise.resolve({ slug: SLUG, nodeId }),
  });
  const json = (await response.json()) as unknown;
  expect(response.status, JSON.stringify(json)).toBe(200);
  return ZMapNode.parse(json);
}

async function seedNodeId(key: string): Promise<string> {
  const text = map.nodes.find((n) => n.key === key)!.text;
  return (await prisma.node.findFirstOrThrow({ where: { text }, select: { id: true } })).id;
}

/** Row counts of every table an import writes to, besides what expectNoChange compares. */
async function importTables(db: PrismaClient) {
  const [debates, articles, nodes, relations, sources, members, teams, premiseGroups, nodeSources, revisions, auditEntries] = await Promise.all([
    db.debate.count(),
    db.article.count(),
    db.node.count(),
    db.relation.count(),
    db.source.count(),
    db.member.count(),
    db.team.count(),
    db.premiseGroup.count(),
    db.nodeSource.count(),
    db.revision.count(),
    db.auditEntry.count(),
  ]);
  return { debates, articles, nodes, relations, sources, members, teams, premiseGroups, nodeSources, revisions, auditEntries };
}

/** Runs a refused import and checks that no row of any table was added or changed. */
async function expectNothingImported(write: () => Promise<Response>): Promise<Response> {
  const before = await importTables(prisma);
  const response = await expectNoChange(prisma, write);
  expect(await importTables(prisma)).toEqual(before);
  return response;
}

/** The error's message and field messages together, to look for the words naming the problem. */
const said = (body: ErrorBody) => [body.message, ...Object.values(body.fieldErrors ?? {}).flat()].join(" ");

// ---------------------------------------------------------------------------
// (a) Round trip

/**
 * The document with every key replaced by what it stands for: nodes by their
 * text (unique in these debates), sources by their fields, relations by their
 * ends, groups by their members, revisions by the entity's text. Lists are
 * sorted, since rows written together share a creation time.
 */
function withoutIds(doc: TPortableDebate) {
  const textOf = new Map(doc.nodes.map((n) => [n.key, n.text]));
  expect(new Set(textOf.values()).size, "node texts are unique").toBe(doc.nodes.length);
  const sourceOf = new Map(doc.sources.map(({ key, ...source }) => [key, source]));
  const relationOf = new Map(doc.relations.map((r) => [r.key, `${textOf.get(r.from)} —${r.type}→ ${textOf.get(r.to)}`]));
  const groups = new Map<string, string[]>();
  for (const r of doc.relations) if (r.group) groups.set(r.group, [...(groups.get(r.group) ?? []), relationOf.get(r.key)!]);
  const sorted = <T>(items: T[]) => items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  // Snapshots name sources, nodes and groups by id: compare what the ids stand for.
  const groupOf = (id: unknown) => (typeof id === "string" ? [...(groups.get(id) ?? [])].sort() : id);
  const snapshot = (value: unknown) => {
    if (typeof value !== "object" || value === null) return value;
    const copy: Record<string, unknown> = { ...value };
    if (Array.isArray(copy.sourceIds)) copy.sourceIds = sorted(copy.sourceIds.map((id) => sourceOf.get(id as string) ?? id));
    for (const field of ["fromId", "toId"]) if (typeof copy[field] === "string") copy[field] = textOf.get(copy[field] as string) ?? copy[field];
    if ("groupId" in copy) copy.groupId = groupOf(copy.groupId);
    return copy;
  };
  const keyless = <T extends { key: string }>(item: T): Omit<T, "key"> => {
    const copy: Partial<T> = { ...item };
    delete copy.key;
    return copy as Omit<T, "key">;
  };
  return {
    schemaVersion: doc.schemaVersion,
    debate: doc.debate,
    article: doc.article,
    sources: sorted(doc.sources.map(keyless)),
    nodes: sorted(doc.nodes.map(({ sourceKeys, ...node }) => ({ ...keyless(node), sources: sorted(sourceKeys.map((k) => sourceOf.get(k)!)) }))),
    relations: sorted(
      doc.relations.map(({ from, to, group, ...relation }) => ({ ...keyless(relation), from: textOf.get(from)!, to: textOf.get(to)!, group: group ? [...groups.get(group)!].sort() : null })),
    ),
    teams: doc.teams,
    revisions: sorted(
      doc.revisions.map(({ key, before, after, ...revision }) => ({
        ...revision,
        before: snapshot(before),
        after: snapshot(after),
        of: revision.entity === "node" ? textOf.get(key) : relationOf.get(key),
      })),
    ),
  };
}

describe("POST /api/debates/import: a JSON export comes back as the same debate", () => {
  let original: TPortableDebate;
  let imported: TPortableDebate;
  let answer: ImportAnswer;

  beforeAll(async () => {
    // Alice moderates: the example has no owner, so anyone else's contributions would wait for review.
    const debate = await prisma.debate.findUniqueOrThrow({ where: { slug: SLUG } });
    await prisma.member.create({ data: { debateId: debate.id, userId: alice.id, role: "moderator" } });
    // Contributions: a claim citing an Armenian and a neutral source, edited once.
    const thesisId = await seedNodeId("thesis");
    const { node: claim } = await postNode({
      kind: "claim",
      text: "The closure of the road was reported by both sides.",
      link: { type: "supports", targetId: thesisId },
      sources: [
        { title: "Statement of the Armenian MFA", author: "Press office", publisher: "MFA of Armenia", url: "https://mfa.example.am/statement", publishedAt: "2023-07-12", quote: "The corridor is closed.", perspective: "armenian" },
        { title: "Crisis Group briefing", url: "https://crisis.example.org/lachin", perspective: "neutral" },
      ],
    });
    await patchNode(claim.id, { text: "The closure of the road was reported by both sides, with different reasons.", version: 1 });
    // Data an imported file gave the statement (an Argdown data block): kept and exported, never read.
    await prisma.node.update({ where: { id: claim.id }, data: { data: { credence: 0.7, reviewer: { name: "Seminar", seen: "2024-03-12" } } } });
    // A co-premise beside a seeded premise that supported its target alone: a new linked group.
    const premise = map.nodes.find((n) => n.key === "media-campaign")!;
    expect(premise.kind).toBe("premise");
    expect(map.relations.filter((r) => r.from === premise.key)).toEqual([{ from: premise.key, to: "campaign-pressure", type: "supports", group: null }]);
    const { node: coPremise } = await postNode({
      kind: "premise",
      text: "The campaign was coordinated with foreign lobbyists.",
      link: { type: "co-premise", premiseId: await seedNodeId(premise.key) },
      sources: [{ title: "A lobbying register", url: "https://register.example.org/", perspective: "neutral" }],
    });
    // A rebuttal that a moderator rejected, and its relation awaiting review.
    const { node: rebuttal } = await postNode({
      kind: "rebuttal",
      text: "Only one side reported the closure at first.",
      link: { type: "attacks", targetId: claim.id },
      sources: [{ title: "Azerbaijani state news", url: "https://news.example.az/", perspective: "azerbaijani" }],
    });
    await prisma.node.update({ where: { id: rebuttal.id }, data: { status: "rejected" } });
    await prisma.relation.updateMany({ where: { fromId: rebuttal.id }, data: { status: "pending" } });
    // Teams, one of which a node belongs to.
    const team = await prisma.team.create({ data: { debateId: debate.id, name: "Yerevan readers", colour: "#9a3412", perspective: "armenian" } });
    await prisma.team.create({ data: { debateId: debate.id, name: "Baku readers", colour: "#0e7490", perspective: "azerbaijani" } });
    // Written while the team argued the other case (teams swap sides between rounds).
    await prisma.node.update({ where: { id: coPremise.id }, data: { teamId: team.id, teamSide: "azerbaijani" } });
    // Debate settings other than the defaults, so that a field lost on the way shows.
    await prisma.debate.update({ where: { id: debate.id }, data: { moderationMode: "premoderated", phase: "closed", anonymous: true } });
    // A moderator exports it whole: the rejected statement and names included.
    original = await exportJson(SLUG, aliceCookie);
    answer = await importOk({ format: "json", fileName: "lachin-crisis.json", content: JSON.stringify(original, null, 2), perspective: "neutral" });
    imported = await exportJson(answer.slug, bobCookie);
  });

  it("exports the contributions: two perspectives, an author, a team, statuses, groups and revisions", () => {
    const claim = original.nodes.find((n) => n.text.startsWith("The closure of the road"))!;
    expect(claim).toMatchObject({ author: "Alice Example", status: "approved", team: null });
    const perspectiveOf = new Map(original.sources.map((s) => [s.key, s.perspective]));
    expect(claim.sourceKeys.map((k) => perspectiveOf.get(k)).sort()).toEqual(["armenian", "neutral"]);
    expect(original.nodes.find((n) => n.text.startsWith("The campaign was coordinated"))).toMatchObject({ team: "Yerevan readers", teamSide: "azerbaijani", author: "Alice Example" });
    expect(original.nodes.find((n) => n.text.startsWith("Only one side"))).toMatchObject({ status: "rejected" });
    expect(original.relations.filter((r) => r.status === "pending")).toHaveLength(1);
    expect(original.nodes).toHaveLength(52);
    expect(original.relations).toHaveLength(53);
    expect(new Set(original.relations.flatMap((r) => (r.group ? [r.group] : []))).size).toBe(7);
    expect(original.teams.map((t) => t.name)).toEqual(["Baku readers", "Yerevan readers"]);
    // create claim, create relation, update claim, update (group) the premise's relation, create co-premise and its relation, create rebuttal and its relation.
    expect(original.revisions.map((r) => `${r.entity} ${r.action}`).sort()).toEqual(
      ["node create", "node create", "node create", "node update", "relation create", "relation create", "relation create", "relation update"].sort(),
    );
    expect(original.revisions.every((r) => r.actor === "Alice Example")).toBe(true);
  });

  it("answers 201 with the new debate's slug and a report of what it kept", () => {
    expect(answer.slug).toMatch(/^guiding-conflicting-factions-toward-addressing-the-lachin-c/);
    expect(answer.slug).not.toBe(SLUG);
    expect(answer.report).toEqual({ format: "json", nodes: 52, relations: 53, dropped: {}, repairs: [] });
  });

  it("exports the imported debate as the same document, field by field, ids aside", () => {
    const before = withoutIds(original);
    const after = withoutIds(imported);
    expect(after.debate).toEqual(before.debate);
    expect(after.article).toEqual(before.article);
    expect(after.sources).toEqual(before.sources);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relations).toEqual(before.relations);
    expect(after.teams).toEqual(before.teams);
    expect(after.revisions).toEqual(before.revisions);
    expect(after).toEqual(before);
    // The comparison is not vacuous, and the copy has ids of its own.
    expect(before.nodes.filter((n) => n.author === "Alice Example")).toHaveLength(3);
    expect(before.relations.filter((r) => r.group)).toHaveLength(14);
    expect(before.revisions).toHaveLength(8);
    expect(before.nodes.filter((n) => n.data)).toEqual([expect.objectContaining({ data: { credence: 0.7, reviewer: { name: "Seminar", seen: "2024-03-12" } } })]);
    const keys = new Set([...original.nodes.map((n) => n.key), ...original.relations.map((r) => r.key), ...original.sources.map((s) => s.key)]);
    expect([...imported.nodes, ...imported.relations, ...imported.sources].filter((x) => keys.has(x.key))).toEqual([]);
  });

  it("gives a statement of a file without teamSide (written before statements kept it) its team's case", async () => {
    const older = structuredClone(original);
    for (const n of older.nodes) delete n.teamSide;
    const copy = await exportJson((await importOk({ format: "json", fileName: "older.json", content: JSON.stringify(older), perspective: "neutral" })).slug, bobCookie);
    expect(copy.nodes.filter((n) => n.team).map((n) => [n.team, n.teamSide])).toEqual([["Yerevan readers", "armenian"]]);
    expect(copy.nodes.filter((n) => !n.team).every((n) => n.teamSide === null)).toBe(true);
  });

  it("makes the importer the owner, with a Member row of role owner, and leaves the original as it was", async () => {
    const debate = await prisma.debate.findUniqueOrThrow({ where: { slug: answer.slug }, include: { members: true } });
    expect(debate.ownerId).toBe(bob.id);
    expect(debate.members.map((m) => ({ userId: m.userId, role: m.role }))).toEqual([{ userId: bob.id, role: "owner" }]);
    const lachin = await prisma.debate.findUniqueOrThrow({ where: { slug: SLUG } });
    expect(lachin.ownerId).toBeNull();
    expect(debate.articleId).not.toBe(lachin.articleId);
    expect(withoutIds(await exportJson(SLUG, aliceCookie))).toEqual(withoutIds(original));
  });

  it("continues each imported statement's history: its version, and who made each change", async () => {
    const edited = original.nodes.find((n) => (n.version ?? 1) > 1)!;
    const copy = await prisma.node.findFirstOrThrow({ where: { debate: { slug: answer.slug }, text: edited.text } });
    expect(copy.version).toBe(edited.version);
    const response = await listRevisions(new Request(`http://localhost/api/debates/${answer.slug}/nodes/${copy.id}/revisions`), {
      params: Promise.resolve({ slug: answer.slug, nodeId: copy.id }),
    });
    const { revisions } = (await response.json()) as { revisions: { actorName: string | null; version: number }[] };
    expect(revisions.map((r) => r.version)).toEqual([2, 1]);
    expect(revisions.every((r) => r.actorName === "Alice Example")).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// (b) Files from other projects

type Fixture = { file: string; format: "aif" | "argdown"; nodes: number; relations: number; dropped: Record<string, number> };

/**
 * Expected counts, worked out by hand from test/fixtures/interop/LICENSES.md
 * and the mapping rules at the top of lib/interop/aif/index.ts and argdown/index.ts.
 *
 * AIF: a statement per I-node; a relation per premise of each RA- and CA-node
 * (none of these has more than one); L, YA and TA nodes dropped.
 * - nodeset-6064: 9 I, 5 RA with one premise each -> 9 nodes, 5 relations; 16 L, 14 YA, 8 TA dropped.
 * - twitter-3915: 2 I, 1 CA with one attacker -> 2 nodes, 1 relation; 2 L, 3 YA, 1 TA dropped.
 *
 * Argdown: a node per statement (equivalence class) and per argument; a PCS of
 * n statements gives n supports; then the file's relations, less those the
 * map's rules refuse; distinct non-perspective tags, inference rules and
 * headings after the first are reported as dropped.
 * - argdown-primer: 17 + 4 = 21 nodes. <Argument 1>'s PCS has 3 statements
 *   (2 premises -> argument, argument -> conclusion) = 3, plus 10 relations = 13.
 *   Tags "tag", "Another tag", "yet-another-tag"; one inference rule; 3 headings.
 * - intro: 12 + 5 = 17 nodes; PCS of 3 statements = 3, plus 7 relations = 10.
 *   One inference rule; 3 headings.
 * - state-censorship: 28 + 7 = 35 nodes. PCS relations, one per statement:
 *   4 + 4 + 3 + 5 + 6 + 3 + 5 = 30, plus 4 attacks = 34. Tags "pro", "con";
 *   two inferences with rules ("Specification, Modus ponens", "Inference to the
 *   best explanation"); no heading.
 * - veggie-debate: 25 + 22 = 47 nodes. 58 relations, [Fleisch-OK] and
 *   [Strikt-Veggie] attacking each other among them. Tags "test", "test test";
 *   13 headings.
 */
const EXPECTED: Fixture[] = [
  { file: "aif/nodeset-6064.json", format: "aif", nodes: 9, relations: 5, dropped: { "L-node": 16, "YA-node": 14, "TA-node": 8 } },
  { file: "aif/twitter-3915-xaif.json", format: "aif", nodes: 2, relations: 1, dropped: { "L-node": 2, "YA-node": 3, "TA-node": 1 } },
  { file: "argdown/argdown-primer.argdown", format: "argdown", nodes: 21, relations: 13, dropped: { tag: 3, "inference rule": 1, heading: 2 } },
  { file: "argdown/intro.argdown", format: "argdown", nodes: 17, relations: 10, dropped: { "inference rule": 1, heading: 2 } },
  { file: "argdown/state-censorship.argdown", format: "argdown", nodes: 35, relations: 34, dropped: { tag: 2, "inference rule": 2 } },
  { file: "argdown/veggie-debate.argdown", format: "argdown", nodes: 47, relations: 58, dropped: { tag: 2, heading: 12 } },
];

describe("POST /api/debates/import: AIF and Argdown files of other projects", () => {
  it("has expected counts for exactly the files in test/fixtures/interop", () => {
    const files = ["aif", "argdown"].flatMap((folder) => readdirSync(path.join(FIXTURES, folder)).map((f) => `${folder}/${f}`));
    expect(files.sort()).toEqual(EXPECTED.map((e) => e.file).sort());
  });

  it("has AIF files whose node types match the table in LICENSES.md", () => {
    for (const { file, nodes } of EXPECTED.filter((e) => e.format === "aif")) {
      const json = JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as { AIF?: { nodes: { type: string }[] }; nodes?: { type: string }[] };
      const types = (json.AIF ?? json).nodes!.map((n) => n.type);
      expect(types.filter((t) => t === "I"), file).toHaveLength(nodes);
    }
  });

  it.each(EXPECTED)("imports $file: $nodes nodes, $relations relations, owned by the importer and listed", async ({ file, format, nodes, relations, dropped }) => {
    const content = readFileSync(path.join(FIXTURES, file), "utf8");
    const fileName = path.basename(file);
    const { slug, report } = await importOk({ format, fileName, content, perspective: "neutral" }, aliceCookie);
    expect(report).toMatchObject({ format, nodes, relations });
    expect(report.dropped).toEqual(dropped);
    expect(report.repairs.length).toBeGreaterThan(0);

    const summary = (await debateList()).find((d) => d.slug === slug);
    expect(summary, `${slug} in GET /api/debates`).toBeDefined();
    expect(summary!.nodeCount).toBe(nodes);
    const doc = await mapOf(slug);
    expect(doc.nodes).toHaveLength(nodes);
    expect(doc.relations).toHaveLength(relations);
    // The file is the article, in the perspective chosen for it, and every node cites a source.
    expect(doc.sources.find((s) => s.isArticle)).toMatchObject({ perspective: "neutral" });
    expect(doc.nodes.every((n) => n.sourceIds.length > 0)).toBe(true);

    const debate = await prisma.debate.findUniqueOrThrow({ where: { slug }, include: { members: true } });
    expect(debate.ownerId).toBe(alice.id);
    expect(debate.members.map((m) => [m.userId, m.role])).toEqual([[alice.id, "owner"]]);

    if (format === "aif") {
      // Statements are the I-nodes' texts.
      const json = JSON.parse(content) as { AIF?: { nodes: { type: string; text: string }[] }; nodes?: { type: string; text: string }[] };
      const iTexts = (json.AIF ?? json).nodes!.filter((n) => n.type === "I").map((n) => n.text.trim());
      expect(doc.nodes.map((n) => n.text).sort()).toEqual(iTexts.sort());
    }
  });
});

describe("POST /api/debates/import: a Quarto file with Argdown code blocks", () => {
  it("keeps its data blocks, link addresses and two statements attacking each other through the database and a JSON export", async () => {
    const content = readFileSync(path.join(FIXTURES, "realistic", "car-free-centre.qmd"), "utf8");
    const { slug, report } = await importOk({ format: "argdown", fileName: "car-free-centre.qmd", content, perspective: "neutral" }, aliceCookie);
    expect(report).toMatchObject({ nodes: 5, relations: 5, dropped: {} });
    const exported = await exportJson(slug, aliceCookie);
    expect(exported.debate.title).toBe("Should the old town go car-free?");
    const text = new Map(exported.nodes.map((n) => [n.key, n.text]));
    const attacks = exported.relations.filter((r) => r.type === "attacks").map((r) => `${text.get(r.from)!.slice(0, 10)} -> ${text.get(r.to)!.slice(0, 10)}`);
    expect(attacks).toEqual(expect.arrayContaining(["Pedestrian -> Delivery v", "Delivery v -> Pedestrian"]));
    expect(exported.nodes.find((n) => n.text.startsWith("Traffic causes"))).toMatchObject({
      text: "Traffic causes most of the old town's air pollution, as the 2023 air quality survey (https://example.org/reports/air-quality-2023.pdf) shows.",
      data: { credence: 0.8, speaker: "Environmental office" },
    });
    const again = await exportJson((await importOk({ format: "json", fileName: "car-free.json", content: JSON.stringify(exported), perspective: "neutral" }, aliceCookie)).slug, aliceCookie);
    expect(withoutIds(again).nodes).toEqual(withoutIds(exported).nodes);
    expect(again.relations).toHaveLength(5);
  });
});

// ---------------------------------------------------------------------------
// (c) Refused imports

describe("POST /api/debates/import: refused files change nothing", () => {
  let lachinExport: TPortableDebate;
  const argdown = () => readFileSync(path.join(FIXTURES, "argdown", "intro.argdown"), "utf8");
  const aif = () => readFileSync(path.join(FIXTURES, "aif", "nodeset-6064.json"), "utf8");

  beforeAll(async () => {
    lachinExport = await exportJson(SLUG);
  });

  async function refused(body: unknown, status: number, code: string, cookie: string | null = bobCookie): Promise<ErrorBody> {
    const response = await expectNothingImported(() => importRequest(body, cookie));
    return expectError(response, status, code);
  }

  it("refuses Argdown sent as AIF", async () => {
    const body = await refused({ format: "aif", fileName: "intro.argdown", content: argdown(), perspective: "neutral" }, 422, "VALIDATION");
    expect(body.message).toMatch(/not valid JSON, so it cannot be AIF/);
    expect(body.message).toContain("line 1, column 1");
  });

  it("refuses JSON sent as Argdown", async () => {
    const body = await refused({ format: "argdown", fileName: "lachin.json", content: JSON.stringify(lachinExport), perspective: "neutral" }, 422, "VALIDATION");
    expect(body.message).toMatch(/This file is JSON, not Argdown/);
  });

  it("refuses AIF sent as a JSON export, and random text sent as JSON", async () => {
    const asJson = await refused({ format: "json", fileName: "nodeset.json", content: aif(), perspective: "neutral" }, 422, "VALIDATION");
    expect(asJson.message).toMatch(/not a debate export: it has no schemaVersion/);
    const text = await refused({ format: "json", fileName: "notes.txt", content: "These are my notes about the debate, not a file of it.", perspective: "neutral" }, 422, "VALIDATION");
    expect(text.message).toMatch(/not valid JSON/);
  });

  it("refuses a file over 5 MB, whether the body is read or not", async () => {
    const content = `{"nodes": [], "edges": []}${" ".repeat(5_000_000)}`;
    const overLimit = await refused({ format: "aif", fileName: "big.json", content, perspective: "neutral" }, 422, "VALIDATION");
    expect(overLimit.fieldErrors?.content).toEqual(["The file is too large: at most 5 MB."]);
    const farOver = await refused({ format: "aif", fileName: "huge.json", content: "x".repeat(10_100_000), perspective: "neutral" }, 413, "PAYLOAD_TOO_LARGE");
    expect(farOver.message).toMatch(/too large/);
  });

  it("refuses malformed JSON and says where it broke", async () => {
    const content = '{"schemaVersion": 1,, "debate": {}}';
    const asJson = await refused({ format: "json", fileName: "broken.json", content, perspective: "neutral" }, 422, "VALIDATION");
    expect(asJson.message).toMatch(/not valid JSON/);
    expect(asJson.message).toMatch(/position 20\b/);

    const asAif = await refused({ format: "aif", fileName: "broken.json", content: '{\n  "nodes": [\n    {"nodeID": 1, "type": "I" "text": "x"}\n  ],\n  "edges": []\n}', perspective: "neutral" }, 422, "VALIDATION");
    expect(asAif.message).toContain("line 3, column 31");
  });

  it("refuses a JSON export with a relation to a statement not in the file", async () => {
    const relation = lachinExport.relations[0]!;
    const broken = { ...lachinExport, relations: [{ ...relation, to: "no-such-statement" }, ...lachinExport.relations.slice(1)] };
    const body = await refused({ format: "json", fileName: "dangling.json", content: JSON.stringify(broken), perspective: "neutral" }, 422, "VALIDATION");
    expect(body.message).toContain(`Relation "${relation.key}" points at a statement that is not in the file`);
  });

  it("refuses a JSON export with two statements of the same key", async () => {
    const [first, second, ...rest] = lachinExport.nodes;
    const broken = { ...lachinExport, nodes: [first!, { ...second!, key: first!.key }, ...rest] };
    const body = await refused({ format: "json", fileName: "duplicates.json", content: JSON.stringify(broken), perspective: "neutral" }, 422, "VALIDATION");
    expect(body.message).toContain(`Two statements share the id "${first!.key}"`);
  });

  it("refuses a JSON export of an unknown schema version", async () => {
    const body = await refused({ format: "json", fileName: "future.json", content: JSON.stringify({ ...lachinExport, schemaVersion: 99 }), perspective: "neutral" }, 422, "VALIDATION");
    expect(body.message).toMatch(/schema version 99; this app reads versions 1 to 1/);
  });

  it("refuses a request without the file's perspective, or with an unknown one", async () => {
    const missing = await refused({ format: "argdown", fileName: "intro.argdown", content: argdown() }, 422, "VALIDATION");
    expect(missing.fieldErrors?.perspective).toEqual(["Choose the perspective: Armenian, Azerbaijani or neutral."]);
    const unknown = await refused({ format: "argdown", fileName: "intro.argdown", content: argdown(), perspective: "martian" }, 422, "VALIDATION");
    expect(said(unknown)).toMatch(/Choose the perspective/);
  });

  it("refuses an unknown format, a missing file name and an empty file", async () => {
    const format = await refused({ format: "xml", fileName: "a.xml", content: "<a/>", perspective: "neutral" }, 422, "VALIDATION");
    expect(format.fieldErrors?.format).toEqual(["Choose the format: JSON, AIF or Argdown."]);
    const name = await refused({ format: "argdown", fileName: "  ", content: argdown(), perspective: "neutral" }, 422, "VALIDATION");
    expect(name.fieldErrors?.fileName).toEqual(["Name the file."]);
    const empty = await refused({ format: "argdown", fileName: "empty.argdown", content: "", perspective: "neutral" }, 422, "VALIDATION");
    expect(empty.fieldErrors?.content).toEqual(["The file is empty."]);
  });

  // Two are read at once and eight wait: the twelve arrive together, so two find no room. Each waits for a worker, hence the time allowed.
  it("answers 503 with Retry-After, changing nothing, to imports past those the server reads or queues at once", { timeout: 120_000 }, async () => {
    const bodies = Array.from({ length: 12 }, (_, i) => ({ format: "json", fileName: `broken-${i}.json`, content: '{"schemaVersion": 1,, "debate": {}}', perspective: "neutral" }));
    const before = await importTables(prisma);
    const responses = await expectNoChange(prisma, () => Promise.all(bodies.map((body) => importRequest(body))));
    expect(await importTables(prisma)).toEqual(before);
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(10).fill(422), 503, 503]);
    const busy = responses.find((r) => r.status === 503)!;
    expect(busy.headers.get("retry-after")).toMatch(/^\d+$/);
    await expectError(busy, 503, "UNAVAILABLE");
  });

  it("answers 401 without a session", async () => {
    const body = await refused({ format: "argdown", fileName: "intro.argdown", content: argdown(), perspective: "neutral" }, 401, "UNAUTHORIZED", null);
    expect(body.message).toMatch(/Sign in/);
  });
});
