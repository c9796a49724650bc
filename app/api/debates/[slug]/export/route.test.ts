import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { argdownToPortable } from "@/lib/interop/argdown";
import { ZPortableDebate, type TPortableDebate } from "@/lib/interop/portable";
import { readLachinSeed, seedLachin } from "@/prisma/seed/seed-lachin";
import { connect } from "@/scripts/lib/prisma-client";
import { createUser, expectError, sessionCookie } from "@/test/session";

import { GET } from "./route";

const SLUG = "lachin-crisis";
const { debate: seedDebate, map, text: articleText } = readLachinSeed();
let prisma: PrismaClient;

function exportRequest(query: string, options: { slug?: string; cookie?: string } = {}): Promise<Response> {
  const slug = options.slug ?? SLUG;
  const request = new Request(`http://localhost/api/debates/${slug}/export${query}`, { headers: options.cookie ? { cookie: options.cookie } : {} });
  return GET(request, { params: Promise.resolve({ slug: slug }) });
}

async function exportText(format: string): Promise<string> {
  const response = await exportRequest(`?format=${format}`);
  const text = await response.text();
  expect(response.status, text.slice(0, 500)).toBe(200);
  return text;
}

type AifNode = { nodeID: string; type: string; text: string };
type AifEdge = { edgeID: string; fromID: string; toID: string };

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  expect(await seedLachin(prisma)).toBe(true);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("GET /api/debates/{slug}/export?format=json", () => {
  let doc: TPortableDebate;

  beforeAll(async () => {
    doc = ZPortableDebate.parse(JSON.parse(await exportText("json")));
  });

  it("answers a JSON file download named after the debate", async () => {
    const response = await exportRequest("?format=json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${SLUG}.json"`);
  });

  it("holds the debate, its article text and all 49 nodes with their anchors", () => {
    expect(doc.schemaVersion).toBe(1);
    expect(doc.debate).toEqual({ title: seedDebate.title, description: seedDebate.description, moderationMode: "open", phase: "open", anonymous: false });
    expect(doc.article).toEqual({ title: seedDebate.article.title, author: null, publisher: null, publishedAt: null, url: null, perspective: "azerbaijani", text: articleText });

    expect(map.nodes).toHaveLength(49);
    expect(doc.nodes).toHaveLength(49);
    const byText = new Map(doc.nodes.map((n) => [n.text, n]));
    for (const seedNode of map.nodes) {
      const node = byText.get(seedNode.text);
      expect(node, seedNode.key).toBeDefined();
      expect(node).toMatchObject({ kind: seedNode.kind, attributedTo: seedNode.attributedTo, status: "approved", author: null, team: null });
      // Every node keeps its anchor, and the anchor still points at the quoted passage.
      expect(node!.anchor, seedNode.key).toEqual({ start: seedNode.anchor.start, end: seedNode.anchor.end });
      expect(doc.article.text.slice(node!.anchor!.start, node!.anchor!.end)).toBe(articleText.slice(seedNode.anchor.start, seedNode.anchor.end));
    }
  });

  it("holds the article as the one source every node cites, and every relation with its co-premise groups", () => {
    expect(doc.sources).toHaveLength(1);
    const [article] = doc.sources;
    expect(article).toMatchObject({ title: seedDebate.article.title, perspective: "azerbaijani", isArticle: true });
    for (const node of doc.nodes) expect(node.sourceKeys).toEqual([article!.key]);

    const textOf = new Map(doc.nodes.map((n) => [n.key, n.text]));
    const seedText = new Map(map.nodes.map((n) => [n.key, n.text]));
    const line = (from: string, to: string, type: string) => `${from} ${type} ${to}`;
    expect(doc.relations.map((r) => line(textOf.get(r.from)!, textOf.get(r.to)!, r.type)).sort()).toEqual(
      map.relations.map((r) => line(seedText.get(r.from)!, seedText.get(r.to)!, r.type)).sort(),
    );
    // Groups: the same sets of premises share a group in the export as in the seed.
    const groups = (relations: { from: string; group: string | null }[], text: Map<string, string>) => {
      const byGroup = new Map<string, string[]>();
      for (const r of relations) if (r.group) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), text.get(r.from)!]);
      return [...byGroup.values()].map((members) => members.sort().join(" + ")).sort();
    };
    expect(groups(doc.relations, textOf)).toEqual(groups(map.relations, seedText));
    expect(groups(doc.relations, textOf)).toHaveLength(6);
    expect(doc.teams).toEqual([]);
    expect(doc.revisions).toEqual([]);
  });
});

describe("GET /api/debates/{slug}/export?format=aif", () => {
  it("has an I-node per node, an RA-node per support (one per linked group) and a CA-node per attack", async () => {
    const response = await exportRequest("?format=aif");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${SLUG}.aif.json"`);
    const aif = JSON.parse(await response.text()) as { nodes: AifNode[]; edges: AifEdge[]; locutions: unknown[] };
    const ofType = (type: string) => aif.nodes.filter((n) => n.type === type);
    const iNodes = ofType("I");
    expect(iNodes.map((n) => n.text).sort()).toEqual(map.nodes.map((n) => n.text).sort());

    // Expected from the seed: each ungrouped support is one RA, each group of supports one RA; each attack one CA.
    const supports = map.relations.filter((r) => r.type === "supports");
    const groups = new Set(supports.filter((r) => r.group).map((r) => `${r.group} -> ${r.to}`));
    const expectedRa = supports.filter((r) => !r.group).length + groups.size;
    const expectedCa = map.relations.filter((r) => r.type === "attacks").length;
    expect({ ra: expectedRa, ca: expectedCa }).toEqual({ ra: 30, ca: 14 });
    expect(ofType("RA")).toHaveLength(expectedRa);
    expect(ofType("CA")).toHaveLength(expectedCa);
    expect(aif.nodes).toHaveLength(49 + expectedRa + expectedCa);

    // Edges: premises -> scheme -> conclusion, one edge per relation plus one conclusion edge per scheme.
    expect(aif.edges).toHaveLength(map.relations.length + expectedRa + expectedCa);
    const byId = new Map(aif.nodes.map((n) => [n.nodeID, n]));
    const textOf = new Map(map.nodes.map((n) => [n.key, n.text]));
    const described: string[] = [];
    for (const scheme of [...ofType("RA"), ...ofType("CA")]) {
      const premises = aif.edges.filter((e) => e.toID === scheme.nodeID).map((e) => byId.get(e.fromID)!);
      const conclusions = aif.edges.filter((e) => e.fromID === scheme.nodeID).map((e) => byId.get(e.toID)!);
      expect(conclusions).toHaveLength(1);
      expect([...premises, ...conclusions].every((n) => n.type === "I")).toBe(true);
      for (const premise of premises) described.push(`${premise.text} ${scheme.type === "RA" ? "supports" : "attacks"} ${conclusions[0]!.text}`);
    }
    expect(described.sort()).toEqual(map.relations.map((r) => `${textOf.get(r.from)} ${r.type} ${textOf.get(r.to)}`).sort());
    // A linked group is one RA with both premises.
    const twoPremises = ofType("RA").filter((s) => aif.edges.filter((e) => e.toID === s.nodeID).length === 2);
    expect(twoPremises).toHaveLength(groups.size);
  });
});

describe("GET /api/debates/{slug}/export?format=argdown", () => {
  it("writes Argdown that parses back to the same statements, relations and linked groups", async () => {
    const response = await exportRequest("?format=argdown");
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${SLUG}.argdown"`);
    const text = await response.text();
    expect(text).toContain(`# ${seedDebate.title}`);

    const { debate, report } = argdownToPortable(text, { fileName: `${SLUG}.argdown`, perspective: "neutral" });
    expect(report).toMatchObject({ format: "argdown", nodes: 49, relations: 50 });
    expect(debate.debate.title).toBe(seedDebate.title);
    expect(debate.debate.description).toBe(seedDebate.description);
    expect(debate.nodes.map((n) => n.text).sort()).toEqual(map.nodes.map((n) => n.text).sort());
    const kindOf = new Map(map.nodes.map((n) => [n.text, n.kind]));
    for (const node of debate.nodes) expect(node.kind, node.text).toBe(kindOf.get(node.text));

    const textOf = new Map(debate.nodes.map((n) => [n.key, n.text]));
    const seedText = new Map(map.nodes.map((n) => [n.key, n.text]));
    const line = (from: string, to: string, type: string, grouped: boolean) => `${from} ${type}${grouped ? " (linked)" : ""} ${to}`;
    expect(debate.relations.map((r) => line(textOf.get(r.from)!, textOf.get(r.to)!, r.type, r.group !== null)).sort()).toEqual(
      map.relations.map((r) => line(seedText.get(r.from)!, seedText.get(r.to)!, r.type, r.group !== null)).sort(),
    );
    expect(new Set(debate.relations.flatMap((r) => (r.group ? [r.group] : []))).size).toBe(6);
    // The sources the export recorded come back: every node cites the Azerbaijani article.
    const perspectiveOf = new Map(debate.sources.map((s) => [s.key, s.perspective]));
    for (const node of debate.nodes) expect(node.sourceKeys.map((k) => perspectiveOf.get(k))).toEqual(["azerbaijani"]);
  });
});

describe("GET /api/debates/{slug}/export: who may export, and bad requests", () => {
  it("lets anonymous readers and signed-in people export alike", async () => {
    const anonymous = await exportRequest("?format=json");
    expect(anonymous.status).toBe(200);
    const user = await createUser(prisma, "Export Reader");
    const signedIn = await exportRequest("?format=json", { cookie: await sessionCookie(user) });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).toBe(await anonymous.text());
  });

  it("answers 400 naming the formats for an unknown or missing format", async () => {
    for (const query of ["?format=pdf", "?format=JSON", "", "?format="]) {
      const body = await expectError(await exportRequest(query), 400, "BAD_REQUEST");
      expect(body.message, query).toMatch(/json, aif or argdown/);
    }
  });

  it("answers 404 for a debate that does not exist or was deleted, 400 for a malformed slug", async () => {
    const missing = await expectError(await exportRequest("?format=json", { slug: "no-such-debate" }), 404, "NOT_FOUND");
    expect(missing.message).toContain("no-such-debate");

    const lachin = await prisma.debate.findUniqueOrThrow({ where: { slug: SLUG } });
    await prisma.debate.create({ data: { slug: "deleted-debate", title: "Deleted", articleId: lachin.articleId, deletedAt: new Date() } });
    await expectError(await exportRequest("?format=aif", { slug: "deleted-debate" }), 404, "NOT_FOUND");

    await expectError(await exportRequest("?format=json", { slug: "Not A Slug" }), 400, "BAD_REQUEST");
  });
});

describe("GET /api/debates/{slug}/export as each person may see the debate", () => {
  it("leaves a pending statement out for others, keeps it for its author, and names people by pseudonym in an anonymous debate", async () => {
    const debate = await prisma.debate.findUniqueOrThrow({ where: { slug: SLUG } });
    const author = await createUser(prisma, "Pending Author");
    const pending = await prisma.node.create({ data: { debateId: debate.id, kind: "claim", text: "A statement awaiting review.", authorId: author.id, status: "pending" } });
    const thesis = await prisma.node.findFirstOrThrow({ where: { debateId: debate.id, kind: "thesis" } });
    await prisma.relation.create({ data: { debateId: debate.id, fromId: pending.id, toId: thesis.id, type: "supports", authorId: author.id, status: "pending" } });
    const json = async (cookie?: string) => ZPortableDebate.parse(await (await exportRequest("?format=json", { cookie })).json());

    const publicDoc = await json();
    expect(publicDoc.nodes.some((n) => n.text === pending.text)).toBe(false);
    expect(publicDoc.relations.some((r) => r.from === pending.id)).toBe(false);
    const own = await json(await sessionCookie(author));
    expect(own.nodes.find((n) => n.text === pending.text)).toMatchObject({ status: "pending", author: "Pending Author" });

    await prisma.debate.update({ where: { id: debate.id }, data: { anonymous: true } });
    await prisma.node.update({ where: { id: pending.id }, data: { status: "approved" } });
    const anonymous = await json();
    // Not a member of the debate, so not even a team pseudonym: never the name.
    expect(anonymous.nodes.find((n) => n.text === pending.text)?.author).toBe("Former participant");
  });
});
