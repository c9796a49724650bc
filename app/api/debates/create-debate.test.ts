import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { MAX_ARTICLE_LENGTH, MAX_NEW_DEBATE_BYTES, MIN_ARTICLE_LENGTH } from "@/lib/schemas/debate";
import { ZDebateSummary, ZMapDocument } from "@/lib/schemas/map";
import { connect } from "@/scripts/lib/prisma-client";
import { createUser, expectError, expectNoChange, jsonRequest, sessionCookie, type TestUser } from "@/test/session";

import { GET as getMap } from "./[slug]/route";
import { GET, POST } from "./route";

let prisma: PrismaClient;
let alice: TestUser;
let cookie: string;

const TEXT = [
  "The town council will vote next month on closing the old market square to cars.",
  "Shop owners say fewer parking spaces will cost them customers; residents' groups say the square is unsafe for children.",
  "A traffic study from last spring counted 4,000 cars a day crossing the square.",
].join("\r\n\r\n");

/** The text as the server keeps it: Windows line endings become "\n". */
const STORED_TEXT = TEXT.replace(/\r\n/g, "\n");

const ARTICLE = {
  title: "Council to vote on closing the market square",
  author: "A. Reporter",
  publisher: "The Example Gazette",
  publishedAt: "2024-03-05",
  url: "https://gazette.example.org/market-square",
  perspective: "neutral",
  text: TEXT,
} as const;

const VALID = { title: "Should the market square close to cars?", description: "What each side argues about the square.", moderationMode: "open", article: ARTICLE } as const;

function postDebate(body: unknown, options: { cookie?: string | null } = {}): Promise<Response> {
  return POST(jsonRequest("POST", "http://localhost/api/debates", body, options.cookie === null ? undefined : (options.cookie ?? cookie)));
}

async function createOk(body: unknown, sessionOf = cookie): Promise<string> {
  const response = await postDebate(body, { cookie: sessionOf });
  const json = (await response.json()) as { slug: string };
  expect(response.status, JSON.stringify(json)).toBe(201);
  expect(Object.keys(json)).toEqual(["slug"]);
  return json.slug;
}

/** Nothing of a debate was written: no article, source, member or audit entry either. */
async function expectNothingCreated(write: () => Promise<Response>): Promise<Response> {
  const count = () => Promise.all([prisma.article.count(), prisma.source.count(), prisma.member.count(), prisma.auditEntry.count(), prisma.debateEvent.count()]);
  const before = await count();
  const response = await expectNoChange(prisma, write);
  expect(await count()).toEqual(before);
  return response;
}

/** The valid body with one field of the article changed. */
const withArticle = (change: Record<string, unknown>) => ({ ...VALID, article: { ...ARTICLE, ...change } });

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  alice = await createUser(prisma, "Alice Example");
  cookie = await sessionCookie(alice);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("POST /api/debates", () => {
  it("creates the article, the debate owned by its creator, their membership, the article as a source, and an audit entry", async () => {
    const slug = await createOk(VALID);
    expect(slug).toBe("should-the-market-square-close-to-cars");

    const debate = await prisma.debate.findUniqueOrThrow({ where: { slug }, include: { article: true, members: true, sources: true, auditEntries: true, events: true } });
    expect(debate).toMatchObject({ title: VALID.title, description: VALID.description, moderationMode: "open", phase: "open", anonymous: false, ownerId: alice.id, deletedAt: null });
    expect(debate.article).toMatchObject({ ...ARTICLE, text: STORED_TEXT, publishedAt: new Date("2024-03-05T00:00:00Z") });
    expect(debate.members.map((m) => [m.userId, m.role])).toEqual([[alice.id, "owner"]]);
    expect(debate.sources).toHaveLength(1);
    expect(debate.sources[0]).toMatchObject({
      articleId: debate.articleId,
      title: ARTICLE.title,
      author: ARTICLE.author,
      publisher: ARTICLE.publisher,
      url: ARTICLE.url,
      perspective: "neutral",
      publishedAt: new Date("2024-03-05T00:00:00Z"),
      createdById: alice.id,
    });
    expect(debate.auditEntries.map((a) => [a.action, a.actorId])).toEqual([["debate.created", alice.id]]);
    expect(debate.events.map((e) => e.type)).toEqual(["debate.created"]);

    const response = await getMap(new Request(`http://localhost/api/debates/${slug}`), { params: Promise.resolve({ slug: slug }) });
    const doc = ZMapDocument.parse(await response.json());
    expect(doc.debate).toMatchObject({ slug, hasOwner: true, moderationMode: "open" });
    expect(doc.article.text).toBe(STORED_TEXT);
    expect(doc.nodes).toEqual([]);
    expect(doc.sources).toEqual([expect.objectContaining({ isArticle: true, perspective: "neutral", title: ARTICLE.title })]);

    const list = (await (await GET(new Request("http://localhost/api/debates"))).json()) as { debates: unknown[] };
    expect(list.debates.map((d) => ZDebateSummary.parse(d)).find((d) => d.slug === slug)).toMatchObject({ title: VALID.title, nodeCount: 0, articleTitle: ARTICLE.title });
  });

  it("keeps the moderation mode chosen, and stores blank optional fields as null", async () => {
    const slug = await createOk({ ...VALID, title: "A premoderated debate", description: "  ", moderationMode: "premoderated", article: { ...ARTICLE, author: "", publisher: " ", publishedAt: "", url: "" } });
    const debate = await prisma.debate.findUniqueOrThrow({ where: { slug }, include: { article: true, sources: true } });
    expect(debate.moderationMode).toBe("premoderated");
    expect(debate.description).toBeNull();
    expect(debate.article).toMatchObject({ author: null, publisher: null, publishedAt: null, url: null });
    expect(debate.sources[0]).toMatchObject({ author: null, publisher: null, publishedAt: null, url: null });
  });

  it("numbers the slug when the title's is taken, and never takes the name of a page", async () => {
    const title = "Two debates, one title";
    expect(await createOk({ ...VALID, title })).toBe("two-debates-one-title");
    expect(await createOk({ ...VALID, title })).toBe("two-debates-one-title-2");
    expect(await createOk({ ...VALID, title: `${title}!` })).toBe("two-debates-one-title-3");
    expect(await createOk({ ...VALID, title: "New" })).toBe("new-2");
    expect(await createOk({ ...VALID, title: "Լաչինի միջանցք" })).toBe("debate");
  });

  it("gives debates of one title created at the same moment different slugs", async () => {
    const bodies = Array.from({ length: 4 }, () => ({ ...VALID, title: "Simultaneous" }));
    const responses = await Promise.all(bodies.map((body) => postDebate(body)));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const slugs = await Promise.all(responses.map(async (r) => ((await r.json()) as { slug: string }).slug));
    expect(slugs.sort()).toEqual(["simultaneous", "simultaneous-2", "simultaneous-3", "simultaneous-4"]);
  });

  it("accepts an article of exactly the smallest and the largest size, counted after line endings are normalised", async () => {
    // 266 characters as sent, 200 once each "\r\n" is one line break.
    const shortest = `${"ab\r\n".repeat(66)}ab`;
    expect(shortest.replace(/\r\n/g, "\n").length).toBe(MIN_ARTICLE_LENGTH);
    await createOk(withArticle({ text: shortest }));
    // Blank edges are trimmed; the line break inside counts as one character.
    const longest = `\r\n  ${"x".repeat(MAX_ARTICLE_LENGTH - 3)}\r\nyz\r\n  `;
    const slug = await createOk({ ...VALID, title: "The longest article", article: { ...ARTICLE, text: longest } });
    expect((await prisma.debate.findUniqueOrThrow({ where: { slug }, include: { article: true } })).article.text).toHaveLength(MAX_ARTICLE_LENGTH);
  });

  const cases: { name: string; body: () => unknown; field: string; message: RegExp }[] = [
    { name: "an article of 199 characters", body: () => withArticle({ text: "a".repeat(MIN_ARTICLE_LENGTH - 1) }), field: "article.text", message: /at least 200 characters/ },
    { name: "199 characters padded with spaces and line breaks", body: () => withArticle({ text: `\r\n   ${"a".repeat(MIN_ARTICLE_LENGTH - 1)}   \r\n` }), field: "article.text", message: /at least 200/ },
    { name: "an article of 100,001 characters", body: () => withArticle({ text: "a".repeat(MAX_ARTICLE_LENGTH + 1) }), field: "article.text", message: /at most 100,000 characters/ },
    { name: "no article text", body: () => withArticle({ text: undefined }), field: "article.text", message: /Paste/ },
    { name: "a NUL character in the text", body: () => withArticle({ text: `${TEXT}\u0000` }), field: "article.text", message: /cannot be stored/ },
    { name: "a lone surrogate in the text", body: () => withArticle({ text: `${TEXT} \ud800 end` }), field: "article.text", message: /cannot be stored/ },
    { name: "a NUL character in the title", body: () => ({ ...VALID, title: "A\u0000B title" }), field: "title", message: /cannot be stored/ },
    { name: "no debate title", body: () => ({ ...VALID, title: "  " }), field: "title", message: /Name the debate/ },
    { name: "a debate title of 201 characters", body: () => ({ ...VALID, title: "t".repeat(201) }), field: "title", message: /at most 200/ },
    { name: "no article title", body: () => withArticle({ title: "" }), field: "article.title", message: /title/ },
    { name: "a javascript: URL", body: () => withArticle({ url: "javascript:alert(1)" }), field: "article.url", message: /http:\/\/ or https:\/\// },
    { name: "a URL that is not one", body: () => withArticle({ url: "gazette dot org" }), field: "article.url", message: /http:\/\/ or https:\/\// },
    { name: "a publication date in the future", body: () => withArticle({ publishedAt: daysFromNow(2) }), field: "article.publishedAt", message: /cannot be in the future/ },
    { name: "a publication date in another format", body: () => withArticle({ publishedAt: "05/03/2024" }), field: "article.publishedAt", message: /YYYY-MM-DD/ },
    { name: "a publication date that does not exist", body: () => withArticle({ publishedAt: "2023-02-30" }), field: "article.publishedAt", message: /does not exist/ },
    { name: "an unknown perspective", body: () => withArticle({ perspective: "russian" }), field: "article.perspective", message: /perspective/ },
    { name: "no perspective", body: () => withArticle({ perspective: undefined }), field: "article.perspective", message: /perspective/ },
    { name: "an unknown moderation mode", body: () => ({ ...VALID, moderationMode: "closed" }), field: "moderationMode", message: /appear at once or wait/ },
    { name: "no article at all", body: () => ({ ...VALID, article: undefined }), field: "article", message: /./ },
  ];

  it.each(cases)("answers 422 for $name, and creates nothing", async ({ body, field, message }) => {
    const error = await expectError(await expectNothingCreated(() => postDebate(body())), 422, "VALIDATION");
    expect(error.fieldErrors?.[field], JSON.stringify(error.fieldErrors)).toBeDefined();
    expect(error.fieldErrors![field]!.join(" ")).toMatch(message);
  });

  it("answers 413 for a body over the size limit, and 400 for malformed JSON", async () => {
    const huge = withArticle({ text: "\u0001".repeat(Math.ceil(MAX_NEW_DEBATE_BYTES / 6) + 10) });
    let error = await expectError(await expectNothingCreated(() => postDebate(huge)), 413, "PAYLOAD_TOO_LARGE");
    expect(error.message).toMatch(/too large/);
    error = await expectError(await expectNothingCreated(() => postDebate('{"title": "x", "article": {')), 400, "BAD_REQUEST");
    expect(error.message).toMatch(/not valid JSON/);
  });

  it("answers 401 without a session, or for a user who does not exist", async () => {
    const error = await expectError(await expectNothingCreated(() => postDebate(VALID, { cookie: null })), 401, "UNAUTHORIZED");
    expect(error.message).toMatch(/Sign in/);
    const ghost = await sessionCookie({ id: "00000000-0000-4000-8000-000000000000", name: "Ghost" });
    await expectError(await expectNothingCreated(() => postDebate(VALID, { cookie: ghost })), 401, "UNAUTHORIZED");
  });

  it("ignores an owner, slug, phase or article id sent in the body", async () => {
    const bob = await createUser(prisma, "Bob Example");
    const article = await prisma.article.findFirstOrThrow();
    const slug = await createOk({ ...VALID, title: "Fields the server owns", ownerId: bob.id, slug: "chosen-slug", phase: "closed", anonymous: true, articleId: article.id });
    const debate = await prisma.debate.findUniqueOrThrow({ where: { slug }, include: { members: true } });
    expect(slug).toBe("fields-the-server-owns");
    expect(debate).toMatchObject({ ownerId: alice.id, phase: "open", anonymous: false });
    expect(debate.articleId).not.toBe(article.id);
    expect(debate.members.map((m) => m.userId)).toEqual([alice.id]);
  });
});
