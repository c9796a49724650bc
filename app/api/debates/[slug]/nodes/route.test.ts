import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZMapDocument, ZMapNode, ZMapRelation, ZMapSource, type TMapDocument, type TMapNode, type TMapRelation, type TMapSource } from "@/lib/schemas/map";
import { readLachinSeed, seedLachin } from "@/prisma/seed/seed-lachin";
import { connect } from "@/scripts/lib/prisma-client";
import { authorIdIn } from "@/test/author-id";
import { countRows, createUser, expectError, expectNoChange, jsonRequest, openToParticipants, seedOtherDebate, sessionCookie, type TestUser } from "@/test/session";

import { GET } from "../route";
import { POST } from "./route";

const SLUG = "lachin-crisis";
const { map } = readLachinSeed();
let prisma: PrismaClient;
let alice: TestUser;
let cookie: string;
let other: Awaited<ReturnType<typeof seedOtherDebate>>;

type Created = { node: TMapNode; relations: TMapRelation[]; sources: TMapSource[] };

function postNode(body: unknown, options: { cookie?: string | null; slug?: string } = {}): Promise<Response> {
  const slug = options.slug ?? SLUG;
  const request = jsonRequest("POST", `http://localhost/api/debates/${slug}/nodes`, body, options.cookie === null ? undefined : (options.cookie ?? cookie));
  return POST(request, { params: Promise.resolve({ slug: slug }) });
}

async function create(body: unknown): Promise<Created> {
  const response = await postNode(body);
  const json = (await response.json()) as Created;
  expect(response.status, JSON.stringify(json)).toBe(201);
  return { node: ZMapNode.parse(json.node), relations: json.relations.map((r) => ZMapRelation.parse(r)), sources: json.sources.map((s) => ZMapSource.parse(s)) };
}

async function getMap(): Promise<TMapDocument> {
  const response = await GET(new Request(`http://localhost/api/debates/${SLUG}`), { params: Promise.resolve({ slug: SLUG }) });
  expect(response.status).toBe(200);
  return ZMapDocument.parse(await response.json());
}

/** The database id of the seeded node with this key (node texts are unique in the seed). */
async function nodeId(key: string): Promise<string> {
  const seedNode = map.nodes.find((n) => n.key === key)!;
  return (await prisma.node.findFirstOrThrow({ where: { text: seedNode.text }, select: { id: true } })).id;
}

async function articleSourceId(): Promise<string> {
  return (await getMap()).sources.find((s) => s.isArticle)!.id;
}

const NEWS = {
  title: "Lachin corridor: what we know",
  author: "Jane Doe",
  publisher: "Example News",
  url: "https://news.example.org/lachin?x=1",
  publishedAt: "2023-08-01",
  quote: "The road has been closed since December.",
  perspective: "neutral",
} as const;

/** A date some days from today, as YYYY-MM-DD (UTC). */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

let thesisId: string;
let validBody: { kind: string; text: string; link: Record<string, string>; sources: Record<string, unknown>[] };

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  await seedLachin(prisma);
  other = await seedOtherDebate(prisma);
  alice = await createUser(prisma, "Alice Example");
  await openToParticipants(prisma, SLUG, [alice]);
  cookie = await sessionCookie(alice);
  thesisId = await nodeId("thesis");
  validBody = { kind: "claim", text: "A valid statement about the road.", link: { type: "supports", targetId: thesisId }, sources: [{ ...NEWS }] };
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("POST /api/debates/{slug}/nodes: adding statements", () => {
  it("adds a claim supporting the thesis with a new source; the map then shows the node, its source and its relation", async () => {
    const before = await countRows(prisma);
    const created = await create({ ...validBody, text: "  The blockade endangered the peace process.  " });

    const aliceId = await authorIdIn(prisma, SLUG, alice.id);
    expect(created.node).toMatchObject({ kind: "claim", text: "The blockade endangered the peace process.", status: "approved", authorId: aliceId, version: 1, anchor: null, attributedTo: null });
    expect(created.sources).toHaveLength(1);
    const source = created.sources[0]!;
    expect(source).toEqual({ id: expect.any(String), ...NEWS, isArticle: false });
    expect(created.node.sourceIds).toEqual([source.id]);
    expect(created.relations).toEqual([{ id: expect.any(String), fromId: created.node.id, toId: thesisId, type: "supports", groupId: null, status: "approved", authorId: aliceId, rejectionReason: null, version: 1 }]);

    expect(await countRows(prisma)).toEqual({ ...before, nodes: before.nodes + 1, relations: before.relations + 1, sources: before.sources + 1, nodeSources: before.nodeSources + 1, revisions: before.revisions + 2 });
    const revisions = await prisma.revision.findMany({ where: { entityId: { in: [created.node.id, created.relations[0]!.id] } }, orderBy: { entityType: "asc" } });
    expect(revisions.map((r) => [r.entityType, r.action, r.version, r.actorId])).toEqual([
      ["node", "create", 1, alice.id],
      ["relation", "create", 1, alice.id],
    ]);

    const doc = await getMap();
    expect(doc.nodes.find((n) => n.id === created.node.id)).toEqual(created.node);
    expect(doc.relations.find((r) => r.id === created.relations[0]!.id)).toEqual(created.relations[0]);
    expect(doc.sources.find((s) => s.id === source.id)).toEqual(source);
  });

  it("cites sources already in the debate by sourceId without creating new ones", async () => {
    const article = await articleSourceId();
    const news = (await prisma.source.findFirstOrThrow({ where: { title: NEWS.title } })).id;
    const before = await countRows(prisma);
    const created = await create({ ...validBody, text: "Sources can be picked again.", sources: [{ sourceId: article }, { sourceId: news }, { sourceId: article }] });

    expect(created.node.sourceIds.sort()).toEqual([article, news].sort());
    expect(created.sources.map((s) => s.id).sort()).toEqual([article, news].sort());
    expect(await countRows(prisma)).toMatchObject({ sources: before.sources, nodeSources: before.nodeSources + 2, nodes: before.nodes + 1 });
    const doc = await getMap();
    expect(doc.nodes.find((n) => n.id === created.node.id)!.sourceIds.sort()).toEqual([article, news].sort());
  });

  it("cites sources of two perspectives in one node, new and picked together", async () => {
    const article = await articleSourceId(); // azerbaijani
    const armenian = { title: "Statement of the Armenian MFA", url: "http://mfa.example.am/statement", perspective: "armenian" };
    const created = await create({ ...validBody, text: "Both sides reported the closure.", sources: [armenian, { sourceId: article }] });

    const doc = await getMap();
    const node = doc.nodes.find((n) => n.id === created.node.id)!;
    const cited = doc.sources.filter((s) => node.sourceIds.includes(s.id));
    expect(cited.map((s) => s.perspective).sort()).toEqual(["armenian", "azerbaijani"]);
    expect(cited.find((s) => s.perspective === "armenian")).toMatchObject({ ...armenian, author: null, publisher: null, publishedAt: null, quote: null, isArticle: false });
  });

  it("stores empty optional source fields as null", async () => {
    const created = await create({ ...validBody, text: "Optional fields may be left empty.", sources: [{ ...NEWS, title: "Another report", author: "", publisher: " ", publishedAt: "", quote: null }] });
    expect(created.sources[0]).toMatchObject({ author: null, publisher: null, publishedAt: null, quote: null });
  });

  it("adds a rebuttal attacking a node", async () => {
    const target = await nodeId("lachin-only");
    const created = await create({ ...validBody, kind: "rebuttal", text: "Other roads were used before.", link: { type: "attacks", targetId: target } });
    expect(created.relations[0]).toMatchObject({ fromId: created.node.id, toId: target, type: "attacks", groupId: null });
    expect((await getMap()).relations.find((r) => r.fromId === created.node.id)).toMatchObject({ toId: target, type: "attacks" });
  });

  it("accepts a statement of exactly 600 characters", async () => {
    const text = "x".repeat(600);
    expect((await create({ ...validBody, text })).node.text).toBe(text);
  });

  it("adds a co-premise: a new linked group shared by the premise's relation and the new one", async () => {
    const premise = await nodeId("pashinyan-recognition");
    const target = await nodeId("progress-at-risk");
    const old = await prisma.relation.findFirstOrThrow({ where: { fromId: premise, toId: target } });
    expect(old.groupId).toBeNull();
    const before = await countRows(prisma);

    const created = await create({ ...validBody, kind: "premise", text: "Armenia also accepted the 1991 borders.", link: { type: "co-premise", premiseId: premise } });
    const [added, updated] = created.relations;
    expect(created.relations).toHaveLength(2);
    expect(added).toMatchObject({ fromId: created.node.id, toId: target, type: "supports", groupId: expect.any(String) });
    expect(updated).toMatchObject({ id: old.id, fromId: premise, toId: target, type: "supports", groupId: added!.groupId, version: old.version + 1 });
    expect(await countRows(prisma)).toEqual({
      ...before,
      nodes: before.nodes + 1,
      relations: before.relations + 1,
      premiseGroups: before.premiseGroups + 1,
      sources: before.sources + 1,
      nodeSources: before.nodeSources + 1,
      revisions: before.revisions + 3,
    });
    expect(await prisma.premiseGroup.findUnique({ where: { id: added!.groupId! } })).not.toBeNull();

    const doc = await getMap();
    const grouped = doc.relations.filter((r) => r.groupId === added!.groupId);
    expect(grouped.map((r) => r.fromId).sort()).toEqual([premise, created.node.id].sort());
    expect(grouped.every((r) => r.toId === target && r.type === "supports")).toBe(true);
  });

  it("adds a co-premise to a premise already in a linked group, joining that group", async () => {
    const premise = await nodeId("aghdam-flour-trucks");
    const group = (await prisma.relation.findFirstOrThrow({ where: { fromId: premise, type: "supports" } })).groupId;
    expect(group).not.toBeNull();
    const before = await countRows(prisma);
    const created = await create({ ...validBody, kind: "premise", text: "The trucks were sent without agreement.", link: { type: "co-premise", premiseId: premise } });
    expect(created.relations).toEqual([expect.objectContaining({ fromId: created.node.id, groupId: group })]);
    expect((await countRows(prisma)).premiseGroups).toBe(before.premiseGroups);
    expect((await getMap()).relations.filter((r) => r.groupId === group)).toHaveLength(3);
  });

  it("stores and returns script and HTML in the text verbatim, as a plain JSON string", async () => {
    const text = `<script>alert(1)</script> & <img src=x onerror="alert('x')"> "quoted"`;
    const title = "<b>Bold</b> title </script>";
    const response = await postNode({ ...validBody, text, sources: [{ ...NEWS, title, quote: "<script>alert(2)</script>" }] });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const created = (await response.json()) as Created;
    expect(created.node.text).toBe(text);
    expect(created.sources[0]).toMatchObject({ title, quote: "<script>alert(2)</script>" });
    expect((await prisma.node.findUniqueOrThrow({ where: { id: created.node.id } })).text).toBe(text);

    const doc = await getMap();
    expect(doc.nodes.find((n) => n.id === created.node.id)!.text).toBe(text);
    expect(doc.sources.find((s) => s.id === created.sources[0]!.id)).toMatchObject({ title, quote: "<script>alert(2)</script>" });
  });
});

describe("POST /api/debates/{slug}/nodes: refused input changes nothing", () => {
  const cases: { name: string; change: (body: typeof validBody) => unknown; field: string; message: RegExp }[] = [
    { name: "no source (empty array)", change: (b) => ({ ...b, sources: [] }), field: "sources", message: /at least one source/ },
    { name: "no sources field", change: (b) => Object.fromEntries(Object.entries(b).filter(([key]) => key !== "sources")), field: "sources", message: /./ },
    { name: "more than 5 sources", change: (b) => ({ ...b, sources: Array.from({ length: 6 }, (_, i) => ({ ...NEWS, title: `Source ${i}` })) }), field: "sources", message: /at most 5/ },
    { name: "a URL that is not one", change: (b) => ({ ...b, sources: [{ ...NEWS, url: "not a url" }] }), field: "sources.0.url", message: /http:\/\/ or https:\/\// },
    { name: "a javascript: URL", change: (b) => ({ ...b, sources: [{ ...NEWS, url: "javascript:alert(document.cookie)" }] }), field: "sources.0.url", message: /http:\/\/ or https:\/\// },
    { name: "an ftp: URL", change: (b) => ({ ...b, sources: [{ ...NEWS, url: "ftp://files.example.org/report.pdf" }] }), field: "sources.0.url", message: /http:\/\/ or https:\/\// },
    { name: "a data: URL", change: (b) => ({ ...b, sources: [{ ...NEWS, url: "data:text/html,<script>alert(1)</script>" }] }), field: "sources.0.url", message: /http:\/\/ or https:\/\// },
    { name: "a source without title", change: (b) => ({ ...b, sources: [{ ...NEWS, title: "  " }] }), field: "sources.0.title", message: /title/ },
    { name: "an unknown perspective", change: (b) => ({ ...b, sources: [{ ...NEWS, perspective: "russian" }] }), field: "sources.0.perspective", message: /perspective/ },
    { name: "a publication date in the future", change: (b) => ({ ...b, sources: [{ ...NEWS, publishedAt: daysFromNow(2) }] }), field: "sources.0.publishedAt", message: /cannot be in the future/ },
    { name: "a publication date that does not exist (2023-02-30)", change: (b) => ({ ...b, sources: [{ ...NEWS, publishedAt: "2023-02-30" }] }), field: "sources.0.publishedAt", message: /does not exist/ },
    { name: "a publication date in another format", change: (b) => ({ ...b, sources: [{ ...NEWS, publishedAt: "30/01/2023" }] }), field: "sources.0.publishedAt", message: /YYYY-MM-DD/ },
    { name: "a picked source id that is not a UUID", change: (b) => ({ ...b, sources: [{ sourceId: "42" }] }), field: "sources.0.sourceId", message: /source/ },
    { name: "empty text", change: (b) => ({ ...b, text: "" }), field: "text", message: /at least 3 characters/ },
    { name: "text of only spaces", change: (b) => ({ ...b, text: "     " }), field: "text", message: /at least 3 characters/ },
    { name: "text of 601 characters", change: (b) => ({ ...b, text: "x".repeat(601) }), field: "text", message: /at most 600 characters/ },
    { name: "text that is not a string", change: (b) => ({ ...b, text: 42 }), field: "text", message: /./ },
    { name: "a new thesis", change: (b) => ({ ...b, kind: "thesis" }), field: "kind", message: /./ },
    { name: "a rebuttal that supports", change: (b) => ({ ...b, kind: "rebuttal" }), field: "kind", message: /premise or claim/ },
    { name: "a claim that attacks", change: (b) => ({ ...b, link: { type: "attacks", targetId: b.link.targetId } }), field: "kind", message: /rebuttal/ },
    { name: "an unknown link type", change: (b) => ({ ...b, link: { type: "refutes", targetId: b.link.targetId } }), field: "link.type", message: /./ },
    { name: "a target id that is not a UUID", change: (b) => ({ ...b, link: { type: "supports", targetId: "thesis" } }), field: "link.targetId", message: /Pick the statement/ },
  ];

  it.each(cases)("answers 422 for $name", async ({ change, field, message }) => {
    const response = await expectNoChange(prisma, () => postNode(change(validBody)));
    const body = await expectError(response, 422, "VALIDATION");
    expect(body.fieldErrors?.[field], JSON.stringify(body.fieldErrors)).toBeDefined();
    expect(body.fieldErrors![field]!.join(" ")).toMatch(message);
  });

  it("accepts the dates right around the limits: today and 2024-02-29", async () => {
    for (const publishedAt of [daysFromNow(0), "2024-02-29"]) {
      const created = await create({ ...validBody, text: `Published on ${publishedAt}.`, sources: [{ ...NEWS, publishedAt }] });
      expect(created.sources[0]!.publishedAt).toBe(publishedAt);
    }
  });

  it("answers 422 when the parent node is in another debate", async () => {
    let body = await expectError(await expectNoChange(prisma, () => postNode({ ...validBody, link: { type: "supports", targetId: other.claimId } })), 422, "VALIDATION");
    expect(body.fieldErrors?.["link.targetId"]).toEqual(["Pick a statement on this debate's map."]);
    body = await expectError(await expectNoChange(prisma, () => postNode({ ...validBody, kind: "premise", link: { type: "co-premise", premiseId: other.claimId } })), 422, "VALIDATION");
    expect(body.fieldErrors?.["link.premiseId"]).toBeDefined();
  });

  it("answers 422 when the parent node does not exist", async () => {
    const body = await expectError(await expectNoChange(prisma, () => postNode({ ...validBody, link: { type: "supports", targetId: randomUUID() } })), 422, "VALIDATION");
    expect(body.message).toMatch(/not on this debate's map/);
    expect(body.fieldErrors?.["link.targetId"]).toBeDefined();
  });

  it("answers 422 when the parent node is deleted or rejected", async () => {
    const deleted = await nodeId("izaura-ignored");
    const rejected = await nodeId("kvien-walkback");
    await prisma.node.update({ where: { id: deleted }, data: { deletedAt: new Date() } });
    await prisma.node.update({ where: { id: rejected }, data: { status: "rejected" } });
    for (const targetId of [deleted, rejected]) {
      const body = await expectError(await expectNoChange(prisma, () => postNode({ ...validBody, link: { type: "supports", targetId } })), 422, "VALIDATION");
      expect(body.message).toMatch(/may have been deleted/);
    }
    const body = await expectError(await expectNoChange(prisma, () => postNode({ ...validBody, kind: "premise", link: { type: "co-premise", premiseId: deleted } })), 422, "VALIDATION");
    expect(body.fieldErrors?.["link.premiseId"]).toBeDefined();
  });

  it("answers 422 for a co-premise of a premise that supports nothing", async () => {
    const premiseId = await nodeId("april-23-checkpoint");
    await prisma.relation.updateMany({ where: { fromId: premiseId, type: "supports" }, data: { deletedAt: new Date() } });
    const body = await expectError(await expectNoChange(prisma, () => postNode({ ...validBody, kind: "premise", link: { type: "co-premise", premiseId } })), 422, "VALIDATION");
    expect(body.message).toMatch(/supports nothing/);
  });

  it("answers 422 for a co-premise of a claim or a rebuttal", async () => {
    for (const key of ["progress-at-risk", "lachin-only"]) {
      const premiseId = await nodeId(key);
      const body = await expectError(await expectNoChange(prisma, () => postNode({ ...validBody, kind: "premise", link: { type: "co-premise", premiseId } })), 422, "VALIDATION");
      expect(body.message).toMatch(/Only a premise/);
    }
  });

  it("answers 422 for a picked source of another debate or one that does not exist", async () => {
    for (const sourceId of [other.sourceId, randomUUID()]) {
      const body = await expectError(await expectNoChange(prisma, () => postNode({ ...validBody, sources: [{ sourceId }] })), 422, "VALIDATION");
      expect(body.message).toMatch(/not cited in this debate/);
      expect(body.fieldErrors?.["sources.0"]).toBeDefined();
    }
  });

  it("rolls everything back when a later source is refused: no new source, no linked group, no changed relation", async () => {
    const premise = await nodeId("us-urges-dialogue");
    expect((await prisma.relation.findFirstOrThrow({ where: { fromId: premise } })).groupId).toBeNull();
    const body = await expectError(
      await expectNoChange(prisma, () => postNode({ ...validBody, kind: "premise", link: { type: "co-premise", premiseId: premise }, sources: [{ ...NEWS, title: "Created first" }, { sourceId: randomUUID() }] })),
      422,
      "VALIDATION",
    );
    expect(body.fieldErrors?.["sources.1"]).toBeDefined();
    expect(await prisma.source.count({ where: { title: "Created first" } })).toBe(0);
  });

  it("answers 401 without a session, or with a session cookie not signed by this server", async () => {
    let body = await expectError(await expectNoChange(prisma, () => postNode(validBody, { cookie: null })), 401, "UNAUTHORIZED");
    expect(body.message).toMatch(/Sign in/);
    const forged = await sessionCookie(alice, "some-other-secret-that-is-long-enough");
    body = await expectError(await expectNoChange(prisma, () => postNode(validBody, { cookie: forged })), 401, "UNAUTHORIZED");
    body = await expectError(await expectNoChange(prisma, () => postNode(validBody, { cookie: "next-auth.session-token=garbage" })), 401, "UNAUTHORIZED");
    expect(body.message).toMatch(/Sign in/);
  });

  it("answers 400 for malformed JSON or no body", async () => {
    for (const raw of ['{"kind": "claim", "text": ', "", "not json"]) {
      const body = await expectError(await expectNoChange(prisma, () => postNode(raw)), 400, "BAD_REQUEST");
      expect(body.message).toMatch(/not valid JSON/);
    }
  });

  it("answers 404 for an unknown debate and 400 for a malformed debate id", async () => {
    let body = await expectError(await expectNoChange(prisma, () => postNode(validBody, { slug: "no-such-debate" })), 404, "NOT_FOUND");
    expect(body.message).toContain("no-such-debate");
    body = await expectError(await expectNoChange(prisma, () => postNode(validBody, { slug: "Bad_Slug" })), 400, "BAD_REQUEST");
  });

  it("answers 403 to someone who is not a member of an owned debate", async () => {
    const owner = await createUser(prisma, "Owner Example");
    await prisma.debate.update({ where: { id: other.debateId }, data: { ownerId: owner.id } });
    const body = await expectError(
      await expectNoChange(prisma, () => postNode({ ...validBody, link: { type: "supports", targetId: other.thesisId } }, { slug: "other-debate" })),
      403,
      "FORBIDDEN",
    );
    expect(body.message).toMatch(/members/);
    // The owner may.
    const response = await postNode({ ...validBody, link: { type: "supports", targetId: other.thesisId } }, { slug: "other-debate", cookie: await sessionCookie(owner) });
    expect(response.status).toBe(201);
  });

  it("answers 403 'closed' in a closed debate", async () => {
    await prisma.debate.update({ where: { slug: SLUG }, data: { phase: "closed" } });
    try {
      const body = await expectError(await expectNoChange(prisma, () => postNode(validBody)), 403, "FORBIDDEN");
      expect(body.message).toContain("closed");
    } finally {
      await prisma.debate.update({ where: { slug: SLUG }, data: { phase: "open" } });
    }
  });
});

describe("POST /api/debates/{slug}/nodes: fields the client cannot set", () => {
  it("ignores an author, status, debate or article sent in the body", async () => {
    const article = await prisma.article.findFirstOrThrow({ where: { debates: { some: { slug: SLUG } } } });
    const response = await postNode({
      ...validBody,
      text: "Trying to set fields the server owns.",
      authorId: other.claimId,
      status: "pending",
      debateId: other.debateId,
      sources: [{ ...NEWS, title: "Not the article", articleId: article.id, debateId: other.debateId, createdById: randomUUID() }],
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Created;
    expect(created.node).toMatchObject({ authorId: await authorIdIn(prisma, SLUG, alice.id), status: "approved" });
    expect(created.sources[0]!.isArticle).toBe(false);
    const source = await prisma.source.findUniqueOrThrow({ where: { id: created.sources[0]!.id } });
    expect(source).toMatchObject({ articleId: null, createdById: alice.id, debateId: (await prisma.debate.findUniqueOrThrow({ where: { slug: SLUG } })).id });
  });
});

// Input the database itself would refuse must get a 4xx from the schemas, never a 500.
describe("POST /api/debates/{slug}/nodes: input the database would refuse", () => {
  async function expectRefused(body: unknown, options: { cookie?: string | null } = {}) {
    const response = await expectNoChange(prisma, () => postNode(body, options));
    expect(response.status, JSON.stringify(await response.clone().json())).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  }

  // PostgreSQL rejects U+0000 in text columns ("invalid byte sequence for encoding UTF8: 0x00").
  it("refuses a NUL character in the text with a 4xx", () => expectRefused({ ...validBody, text: "abc\u0000def" }));
  it("refuses a NUL character in a source's title or URL with a 4xx", async () => {
    await expectRefused({ ...validBody, sources: [{ ...NEWS, title: "a\u0000b" }] });
    await expectRefused({ ...validBody, sources: [{ ...NEWS, url: "https://example.org/\u0000" }] });
  });
  // Prisma's query protocol fails on a lone UTF-16 surrogate ("JSON Error: unexpected end of hex escape").
  it("refuses a lone surrogate in the text with a 4xx", () => expectRefused({ ...validBody, text: "abc \ud800 def" }));
  // PostgreSQL has no year 0 ("date/time field value out of range").
  it("refuses the publication date 0000-01-01 with a 4xx", () => expectRefused({ ...validBody, sources: [{ ...NEWS, publishedAt: "0000-01-01" }] }));
  // A well-signed session whose user is not in the database (account gone, database reset) is nobody.
  it("answers 401 to a session of a user who does not exist", async () => {
    const ghost = await sessionCookie({ id: randomUUID(), name: "Ghost" });
    const response = await expectNoChange(prisma, () => postNode(validBody, { cookie: ghost }));
    expect(response.status).toBe(401);
  });
  it("answers 401 to a session whose user id is not a UUID", async () => {
    const odd = await sessionCookie({ id: "not-a-uuid", name: "Odd" });
    const response = await expectNoChange(prisma, () => postNode(validBody, { cookie: odd }));
    expect(response.status).toBe(401);
  });
});
