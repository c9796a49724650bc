import { gunzipSync } from "node:zlib";

import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZMapDocument, type TMapDocument } from "@/lib/schemas/map";
import { acceptsGzip } from "@/lib/server/gzipped-route";
import { readLachinSeed, seedLachin } from "@/prisma/seed/seed-lachin";
import { connect } from "@/scripts/lib/prisma-client";

import { GET } from "./route";

const { debate: seedDebate, map, text } = readLachinSeed();
let prisma: PrismaClient;

function get(slug: string): Promise<Response> {
  return GET(new Request(`http://localhost/api/debates/${encodeURIComponent(slug)}`), { params: Promise.resolve({ slug }) });
}

async function getMap(slug: string): Promise<TMapDocument> {
  const response = await get(slug);
  expect(response.status).toBe(200);
  return ZMapDocument.parse(await response.json());
}

/** The database id of the seeded node with this key (node texts are unique in the seed). */
async function nodeId(key: string): Promise<string> {
  const seedNode = map.nodes.find((n) => n.key === key)!;
  return (await prisma.node.findFirstOrThrow({ where: { text: seedNode.text }, select: { id: true } })).id;
}

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  await seedLachin(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("GET /api/debates/{slug}", () => {
  it("answers the whole Lachin map as a map document", async () => {
    const doc = await getMap(seedDebate.slug);
    // Without an owner the example is pre-moderated, whatever its stored mode: nothing a stranger writes reaches it unreviewed.
    expect(doc.debate).toMatchObject({ slug: seedDebate.slug, title: seedDebate.title, phase: "open", moderationMode: "premoderated", hasOwner: false });
    expect(doc.article).toMatchObject({ title: seedDebate.article.title, perspective: "azerbaijani", text });
    expect(doc.nodes).toHaveLength(49);
    expect(doc.relations).toHaveLength(map.relations.length);
    expect(doc.nodes.filter((n) => n.kind === "thesis")).toHaveLength(1);
  });

  it("anchors every node within the article, on its seeded quote", async () => {
    const doc = await getMap(seedDebate.slug);
    const quoteOf = new Map(map.nodes.map((n) => [n.text, n.anchor.quote]));
    for (const node of doc.nodes) {
      expect(node.anchor, node.text).not.toBeNull();
      const { start, end } = node.anchor!;
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(doc.article.text.length);
      expect(doc.article.text.slice(start, end)).toBe(quoteOf.get(node.text));
    }
  });

  it("lists the article among the sources, from the Azerbaijani perspective, cited by every node", async () => {
    const doc = await getMap(seedDebate.slug);
    const articleSources = doc.sources.filter((s) => s.isArticle);
    expect(articleSources).toHaveLength(1);
    expect(articleSources[0]).toMatchObject({ title: seedDebate.article.title, perspective: "azerbaijani" });
    for (const node of doc.nodes) expect(node.sourceIds).toContain(articleSources[0]!.id);
  });

  it("relates only nodes of the map, in linked groups where the seed has them", async () => {
    const doc = await getMap(seedDebate.slug);
    const ids = new Set(doc.nodes.map((n) => n.id));
    for (const r of doc.relations) {
      expect(ids.has(r.fromId)).toBe(true);
      expect(ids.has(r.toId)).toBe(true);
    }
    const seedGroups = new Set(map.relations.map((r) => r.group).filter((g) => g !== null));
    expect(new Set(doc.relations.map((r) => r.groupId).filter((g) => g !== null)).size).toBe(seedGroups.size);
  });

  it("answers 404 with a message for an unknown debate", async () => {
    const response = await get("no-such-debate");
    expect(response.status).toBe(404);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe("NOT_FOUND");
    expect(body.message).toContain("no-such-debate");
  });

  it("answers 400 with a message for a malformed id", async () => {
    const response = await get("Bad_ID!");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string };
    expect(body.code).toBe("BAD_REQUEST");
    expect(body.message.length).toBeGreaterThan(10);
  });

  it("answers 404 for a deleted debate", async () => {
    const lachin = await prisma.debate.findUniqueOrThrow({ where: { slug: seedDebate.slug } });
    await prisma.debate.create({ data: { slug: "deleted-debate", title: "Deleted", articleId: lachin.articleId, deletedAt: new Date() } });
    expect((await get("deleted-debate")).status).toBe(404);
  });

  // Changes the data: keep it last in the file.
  it("leaves out deleted and pending nodes with their relations, and deleted or pending relations", async () => {
    const deleted = await nodeId("unsc-pretext");
    const pending = await nodeId("campaign-pressure");
    await prisma.node.update({ where: { id: deleted }, data: { deletedAt: new Date() } });
    await prisma.node.update({ where: { id: pending }, data: { status: "pending" } });
    // Relations between two visible nodes that are themselves deleted or pending.
    const thesis = await nodeId("thesis");
    const usUrges = await prisma.relation.findFirstOrThrow({ where: { fromId: await nodeId("us-urges-dialogue"), toId: thesis } });
    const delay = await prisma.relation.findFirstOrThrow({ where: { fromId: await nodeId("delay-peace"), toId: thesis } });
    await prisma.relation.update({ where: { id: usUrges.id }, data: { deletedAt: new Date() } });
    await prisma.relation.update({ where: { id: delay.id }, data: { status: "pending" } });

    const involved = await prisma.relation.findMany({ where: { OR: [{ fromId: { in: [deleted, pending] } }, { toId: { in: [deleted, pending] } }] } });
    expect(involved.length).toBeGreaterThanOrEqual(5);

    const doc = await getMap(seedDebate.slug);
    const ids = doc.nodes.map((n) => n.id);
    expect(ids).not.toContain(deleted);
    expect(ids).not.toContain(pending);
    expect(doc.nodes).toHaveLength(47);
    const relationIds = doc.relations.map((r) => r.id);
    for (const r of [...involved, usUrges, delay]) expect(relationIds).not.toContain(r.id);
    for (const r of doc.relations) {
      expect([deleted, pending]).not.toContain(r.fromId);
      expect([deleted, pending]).not.toContain(r.toId);
    }
    expect(doc.relations).toHaveLength(map.relations.length - involved.length - 2);
  });
});

describe("GET /api/debates/{slug}: caching by revision", () => {
  const slug = seedDebate.slug;
  const request = (headers: Record<string, string>) => GET(new Request(`http://localhost/api/debates/${slug}`, { headers }), { params: Promise.resolve({ slug: slug }) });

  it("answers 304 to a browser that holds the current version", async () => {
    const first = await get(slug);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    expect((await request({ "If-None-Match": etag })).status).toBe(304);
    expect((await request({ "If-None-Match": '"another"' })).status).toBe(200);
  });

  it("serves a changed map as soon as the database changes, never a stale copy", async () => {
    const before = await get(slug);
    const etag = before.headers.get("etag")!;
    const id = await nodeId("june-15-attack");
    await prisma.node.update({ where: { id }, data: { text: "Edited directly in the database." } });
    const after = await request({ "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    const doc = ZMapDocument.parse(await after.json());
    expect(doc.nodes.find((n) => n.id === id)?.text).toBe("Edited directly in the database.");
    await prisma.node.update({ where: { id }, data: { deletedAt: new Date() } });
    expect((await getMap(slug)).nodes.some((n) => n.id === id)).toBe(false);
  });

  it("serves a write that commits after a later-stamped one, though no count or latest time moves", async () => {
    const debateId = (await prisma.debate.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
    const id = await nodeId("irgc-smuggling");
    const other = await nodeId("july-26-convoy");
    await prisma.node.update({ where: { id: other }, data: { text: "Stamped later, committed first." } });
    const etag = (await get(slug)).headers.get("etag")!;
    // Stamped before the write above, committed after it, with its event as the app records one.
    const stampedEarlier = new Date(Date.now() - 60_000);
    await prisma.$transaction([
      prisma.node.update({ where: { id }, data: { text: "Stamped first, committed later.", updatedAt: stampedEarlier } }),
      prisma.debateEvent.create({ data: { debateId, type: "node.updated", entityType: "node", entityId: id } }),
    ]);
    const after = await request({ "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(ZMapDocument.parse(await after.json()).nodes.find((n) => n.id === id)?.text).toBe("Stamped first, committed later.");
  });
});

describe("GET /api/debates/{slug}: gzip", () => {
  const getWith = (slug: string, encoding: string) =>
    GET(new Request(`http://localhost/api/debates/${encodeURIComponent(slug)}`, { headers: { "accept-encoding": encoding } }), { params: Promise.resolve({ slug }) });

  it("answers in gzip when asked (the server marks such answers), the same map as without", async () => {
    const plain = await (await getWith(seedDebate.slug, "identity")).text();
    for (let i = 0; i < 2; i++) {
      const response = await getWith(seedDebate.slug, "gzip, deflate, br");
      expect(response.status).toBe(200);
      expect(response.headers.get("vary")).toContain("Accept-Encoding");
      expect(response.headers.has("x-gzipped-body")).toBe(false);
      expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString("utf8")).toBe(plain);
    }
    expect(ZMapDocument.parse(JSON.parse(plain)).debate.slug).toBe(seedDebate.slug);
  });

  it("gzips its refusals too, for a client that accepts gzip", async () => {
    const missing = await getWith("no-such-debate", "gzip");
    expect(missing.status).toBe(404);
    expect(JSON.parse(gunzipSync(Buffer.from(await missing.arrayBuffer())).toString("utf8"))).toMatchObject({ code: "NOT_FOUND" });
    const malformed = await getWith("Not A Slug", "gzip");
    expect(malformed.status).toBe(400);
    expect(JSON.parse(gunzipSync(Buffer.from(await malformed.arrayBuffer())).toString("utf8"))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("matches the pattern next.config.ts marks gzipped, and only for clients that accept gzip", () => {
    const accepts = (encoding: string) => acceptsGzip(new Request("http://localhost/", { headers: { "accept-encoding": encoding } }));
    expect(accepts("gzip, deflate, br")).toBe(true);
    expect(accepts("br, gzip")).toBe(true);
    expect(accepts("gzip;q=0.5, identity")).toBe(true);
    expect(accepts("identity")).toBe(false);
    expect(accepts("br, gzip;q=0, deflate")).toBe(false);
    expect(accepts("gzip; q=0.0")).toBe(false);
    expect(accepts("")).toBe(false);
  });
});
