// Attacks on the server itself (issue 12, items 5 and 6): bodies too large to
// hold, text that breaks storage or exports, and import files made to crash
// the import. Each test repeats an attack and asserts that it now fails.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportSvg } from "@/lib/export/export-view";
import { NO_FILTERS } from "@/lib/graph/filter-map";
import { PORTABLE_SCHEMA_VERSION, type TPortableDebate } from "@/lib/interop/portable";
import { ZMapDocument } from "@/lib/schemas/map";
import { connect } from "@/scripts/lib/prisma-client";
import { callRoute, seedOwnedDebate, type OwnedDebate } from "@/test/owned-debate";
import { nested } from "@/test/fuzz-values";
import { countRows, expectError, jsonRequest } from "@/test/session";

import { GET as getMap } from "../debates/[slug]/route";
import { PATCH as patchNode } from "../debates/[slug]/nodes/[nodeId]/route";
import { POST as postNode } from "../debates/[slug]/nodes/route";
import { POST as postTeam } from "../debates/[slug]/teams/route";
import { POST as importRoute } from "../debates/import/route";
import { POST as postDebate } from "../debates/route";
import { POST as signUp } from "../users/route";

const SLUG = "abused-debate";
const MB = 1_000_000;

let prisma: PrismaClient;
let debate: OwnedDebate;

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  debate = await seedOwnedDebate(prisma, SLUG);
});

afterAll(async () => {
  await prisma.$disconnect();
});

/** Every table's row count: a refused request leaves them all as they were. */
async function allCounts() {
  const [users, debates, teams, members, audit] = await Promise.all([prisma.user.count(), prisma.debate.count(), prisma.team.count(), prisma.member.count(), prisma.auditEntry.count()]);
  return { ...(await countRows(prisma)), users, debates, teams, members, audit };
}

async function refusedWithoutChange(send: () => Promise<Response>): Promise<Response> {
  const before = await allCounts();
  const response = await send();
  expect(response.status, await response.clone().text()).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(await allCounts()).toEqual(before);
  return response;
}

/** A body of `total` bytes sent in 64 kB chunks, counting how many the server pulled. */
function countingStream(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

function streamedRequest(url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: "POST", headers: { "content-type": "application/json", cookie: debate.people.outsider.cookie, ...headers }, body, duplex: "half" } as RequestInit);
}

describe("a body too large to hold", () => {
  it("a 50 MB body to POST /api/users is refused with 413 after less than 1 MB is read", async () => {
    const { stream, counter } = countingStream(50 * MB);
    const response = await refusedWithoutChange(() => signUp(streamedRequest("http://localhost/api/users", stream)));
    await expectError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(counter.pulled).toBeLessThan(MB);
  });

  it("a 50 MB body that says its size in Content-Length is refused with 413 before any of it is read", async () => {
    const { stream, counter } = countingStream(50 * MB);
    const response = await refusedWithoutChange(() => signUp(streamedRequest("http://localhost/api/users", stream, { "content-length": String(50 * MB) })));
    await expectError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("a 50 MB import is refused with 413 once past the import's limit, not read whole", async () => {
    const { stream, counter } = countingStream(50 * MB);
    const response = await refusedWithoutChange(() => importRoute(streamedRequest("http://localhost/api/debates/import", stream)));
    await expectError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(counter.pulled).toBeLessThan(11 * MB);
  });
});

const BAD_TEXT = { "U+0001": "\u0001", "a lone surrogate": "\uD800", NUL: "\u0000", DEL: "\u007F", "U+0085": "\u0085" } as const;

describe.each(Object.entries(BAD_TEXT))("text with %s", (_name, bad) => {
  const owner = () => debate.people.owner.cookie;
  const statement = (text: string) => ({ kind: "claim", text, link: { type: "supports", targetId: debate.thesisId }, sources: [{ sourceId: debate.sourceId }] });
  const newSource = (fields: Record<string, string>) => ({ kind: "claim", text: "A claim citing a new source.", link: { type: "supports", targetId: debate.thesisId }, sources: [{ title: "A report", url: "https://example.org/r", perspective: "neutral", ...fields }] });
  const send = (handler: Parameters<typeof callRoute>[0], method: string, path: string, params: Record<string, string>, body: unknown) =>
    refusedWithoutChange(() => callRoute(handler, { method, path, params, body, cookie: owner() }));

  it("is refused in a new statement", async () => {
    const response = await send(postNode, "POST", `/api/debates/${SLUG}/nodes`, { slug: SLUG }, statement(`A claim ${bad} with a bad character.`));
    expect((await expectError(response, 422, "VALIDATION")).fieldErrors?.text).toBeDefined();
  });

  it("is refused in an edited statement", async () => {
    const response = await send(patchNode, "PATCH", `/api/debates/${SLUG}/nodes/${debate.claimId}`, { slug: SLUG, nodeId: debate.claimId }, { text: `Edited ${bad} claim.`, version: 1 });
    await expectError(response, 422, "VALIDATION");
  });

  it("is refused in a new source's title, quote and URL", async () => {
    const fields: Record<string, string>[] = [{ title: `Report ${bad}` }, { quote: `Quoted ${bad}` }, { url: `https://example.org/${bad}` }];
    for (const field of fields) {
      await expectError(await send(postNode, "POST", `/api/debates/${SLUG}/nodes`, { slug: SLUG }, newSource(field)), 422, "VALIDATION");
    }
  });

  it("is refused in a new debate's title and article", async () => {
    const body = (title: string, text: string) => ({ title, moderationMode: "open", article: { title: "An article", perspective: "neutral", text } });
    const article = "Words of a long enough article. ".repeat(10);
    await expectError(await send(postDebate, "POST", "/api/debates", {}, body(`Debate ${bad}`, article)), 422, "VALIDATION");
    await expectError(await send(postDebate, "POST", "/api/debates", {}, body("A debate", `${article}${bad}`)), 422, "VALIDATION");
  });

  it("is refused in a team name and a display name", async () => {
    await expectError(await send(postTeam, "POST", `/api/debates/${SLUG}/teams`, { slug: SLUG }, { name: `Reds ${bad}`, colour: "#B42318", perspective: "armenian" }), 422, "VALIDATION");
    const response = await refusedWithoutChange(() => signUp(jsonRequest("POST", "http://localhost/api/users", { name: `Eve ${bad}`, email: "eve@example.test", password: "a long enough password" })));
    await expectError(response, 422, "VALIDATION");
  });

  it("is refused in an import as JSON, AIF and Argdown", async () => {
    const json = validExport();
    json.nodes[0]!.text = `The thesis ${bad}.`;
    const aif = JSON.stringify({ nodes: [{ nodeID: "1", type: "I", text: `A statement ${bad}.` }, { nodeID: "2", type: "I", text: "Another." }, { nodeID: "3", type: "RA" }], edges: [{ edgeID: "a", fromID: "1", toID: "3" }, { edgeID: "b", fromID: "3", toID: "2" }] });
    const argdown = `[Thesis]: The thesis ${bad}.\n  <+ [Reason]: A reason.\n`;
    for (const [format, content] of [["json", JSON.stringify(json)], ["aif", aif], ["argdown", argdown]] as const) {
      const response = await importFile({ format, content });
      expect(response.status, `${format}: ${await response.clone().text()}`).toBe(422);
    }
  });
});

function validExport(): TPortableDebate {
  return {
    schemaVersion: PORTABLE_SCHEMA_VERSION,
    debate: { title: "Imported", description: null, moderationMode: "open", phase: "open", anonymous: false },
    article: { title: "An article", author: null, publisher: null, publishedAt: "2023-01-05", url: "https://example.org/a", perspective: "neutral", text: "The article text." },
    sources: [{ key: "s", title: "A source", author: null, publisher: null, url: "https://example.org/s", publishedAt: "2022-12-01", quote: null, perspective: "armenian", isArticle: false }],
    nodes: [
      { key: "t", kind: "thesis", text: "The thesis.", attributedTo: null, anchor: null, sourceKeys: ["s"], status: "approved", author: null, team: null },
      { key: "c", kind: "claim", text: "A claim.", attributedTo: null, anchor: null, sourceKeys: ["s"], status: "approved", author: null, team: null },
    ],
    relations: [{ key: "r", from: "c", to: "t", type: "supports", group: null, status: "approved" }],
    teams: [],
    revisions: [{ entity: "node", key: "t", version: 1, action: "create", actor: "Ann", at: "2024-01-01T10:00:00.000Z", before: null, after: { text: "The thesis." }, reason: null }],
  };
}

function importFile({ format = "json", content }: { format?: string; content: string }): Promise<Response> {
  return refusedWithoutChange(() => importRoute(jsonRequest("POST", "http://localhost/api/debates/import", { format, fileName: "attack.json", content, perspective: "neutral" }, debate.people.outsider.cookie)));
}

describe("an import file made to break the import", () => {
  const mutated = (change: (file: TPortableDebate) => void) => {
    const file = validExport();
    change(file);
    return JSON.stringify(file);
  };

  it("a javascript: URL in a source or the article is refused", async () => {
    for (const content of [mutated((f) => (f.sources[0]!.url = "javascript:alert(document.cookie)")), mutated((f) => (f.article.url = "JavaScript:alert(1)"))]) {
      const body = await expectError(await importFile({ content }), 422, "VALIDATION");
      expect(body.message).toMatch(/http:\/\/ or https:\/\//);
    }
  });

  it("a javascript: URL in an Argdown file's sources is not stored", async () => {
    const argdown = `===\ndebate:\n  sources:\n    - {key: evil, title: Evil, author: null, publisher: null, url: "javascript:alert(1)", publishedAt: null, quote: null, perspective: neutral}\n===\n\n[Thesis]: The thesis. {sources: [evil]}\n  <+ [Reason]: A reason.\n`;
    const response = await importRoute(jsonRequest("POST", "http://localhost/api/debates/import", { format: "argdown", fileName: "evil.argdown", content: argdown, perspective: "neutral" }, debate.people.outsider.cookie));
    expect(response.status).toBeLessThan(500);
    expect(await prisma.source.count({ where: { url: { startsWith: "javascript", mode: "insensitive" } } })).toBe(0);
  });

  it("a date that does not exist, or out of range, is refused", async () => {
    for (const content of [
      mutated((f) => (f.sources[0]!.publishedAt = "2023-02-31")),
      mutated((f) => (f.article.publishedAt = "0000-01-01")),
      mutated((f) => (f.revisions[0]!.at = "not a date")),
      mutated((f) => (f.revisions[0]!.at = "+275760-09-13T00:00:00.000Z")),
    ]) {
      await expectError(await importFile({ content }), 422, "VALIDATION");
    }
  });

  it("a version over 2^31 is refused", async () => {
    for (const content of [mutated((f) => (f.revisions[0]!.version = 2 ** 31)), mutated((f) => (f.nodes[0]!.version = 2 ** 31)), mutated((f) => (f.relations[0]!.version = 2 ** 40))]) {
      await expectError(await importFile({ content }), 422, "VALIDATION");
    }
  });

  it("a revision nested 3000 deep is refused", async () => {
    const body = await expectError(await importFile({ content: mutated((f) => (f.revisions[0]!.after = nested(3000))) }), 422, "VALIDATION");
    expect(body.message).toMatch(/nested/);
  });

  it("NUL characters and lone surrogates anywhere in the file are refused", async () => {
    for (const content of [
      mutated((f) => (f.sources[0]!.title = "A\u0000source")),
      mutated((f) => (f.revisions[0]!.after = { text: "\uDC00" })),
      mutated((f) => (f.revisions[0]!.after = { "key\u0000": "x" })),
      mutated((f) => (f.debate.title = "\uD800")),
      mutated((f) => (f.article.text = "text\u0000")),
    ]) {
      await expectError(await importFile({ content }), 422, "VALIDATION");
    }
  });

  it("an anchor or offset past PostgreSQL's integers is refused", async () => {
    await expectError(await importFile({ content: mutated((f) => (f.nodes[0]!.anchor = { start: 0, end: 2 ** 40 })) }), 422, "VALIDATION");
  });
});

describe("a node and source with a javascript: URL", () => {
  it("is refused when a statement cites it", async () => {
    const body = { kind: "claim", text: "A claim citing a script.", link: { type: "supports", targetId: debate.thesisId }, sources: [{ title: "Evil", url: "javascript:alert(1)", perspective: "neutral" }] };
    const response = await refusedWithoutChange(() => callRoute(postNode, { method: "POST", path: `/api/debates/${SLUG}/nodes`, params: { slug: SLUG }, body, cookie: debate.people.owner.cookie }));
    expect((await expectError(response, 422, "VALIDATION")).fieldErrors?.["sources.0.url"]).toBeDefined();
  });
});

/** XML 1.0's Char production: what a well-formed document may contain at all. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDBFF\uDC00-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("a row that already holds a control character", () => {
  it("still exports as well-formed XML in the SVG", async () => {
    await prisma.node.update({ where: { id: debate.claimId }, data: { text: "A claim stored \u0001 before text was checked, with <markup> & \u007F." } });
    await prisma.debate.update({ where: { id: debate.debateId }, data: { title: "A title \u0008 stored earlier" } });
    const response = await callRoute(getMap, { method: "GET", path: `/api/debates/${SLUG}`, params: { slug: SLUG } });
    const doc = ZMapDocument.parse(await response.json());
    const { svg } = exportSvg(doc, { filters: NO_FILTERS, rootId: null, date: "2026-12-02" });
    expect(svg).toContain("A claim stored");
    expect(NOT_XML_CHAR.exec(svg)).toBeNull();
    // Markup in the text stays text: the only elements are the exporter's own.
    expect(svg).toContain("&lt;markup&gt; &amp;");
    expect(svg.match(/<[a-zA-Z][^>]*>/g)?.every((tag) => /^<(svg|title|desc|defs|marker|path|g|rect|text|line|polygon|circle|tspan|style)[\s>]/.test(tag))).toBe(true);
  });
});
