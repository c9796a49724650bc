import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZMapDocument, ZMapNode, type TMapDocument, type TMapNode } from "@/lib/schemas/map";
import { readLachinSeed, seedLachin } from "@/prisma/seed/seed-lachin";
import { connect } from "@/scripts/lib/prisma-client";
import { countRows, createUser, expectError, expectNoChange, jsonRequest, openToParticipants, seedOtherDebate, sessionCookie, type TestUser } from "@/test/session";

import { GET } from "../../route";
import { POST } from "../route";
import { DELETE, PATCH } from "./route";

const SLUG = "lachin-crisis";
const { map } = readLachinSeed();
let prisma: PrismaClient;
let alice: TestUser;
let bob: TestUser;
let aliceCookie: string;
let bobCookie: string;
let thesisId: string;

type Options = { cookie?: string | null; slug?: string };

function params(nodeId: string, slug: string) {
  return { params: Promise.resolve({ slug: slug, nodeId }) };
}

function patchNode(nodeId: string, body: unknown, options: Options = {}): Promise<Response> {
  const slug = options.slug ?? SLUG;
  const cookie = options.cookie === null ? undefined : (options.cookie ?? aliceCookie);
  return PATCH(jsonRequest("PATCH", `http://localhost/api/debates/${slug}/nodes/${nodeId}`, body, cookie), params(nodeId, slug));
}

function deleteNode(nodeId: string, query: string, options: Options = {}): Promise<Response> {
  const slug = options.slug ?? SLUG;
  const cookie = options.cookie === null ? undefined : (options.cookie ?? aliceCookie);
  const request = new Request(`http://localhost/api/debates/${slug}/nodes/${nodeId}${query}`, { method: "DELETE", headers: cookie ? { cookie } : {} });
  return DELETE(request, params(nodeId, slug));
}

/** Adds a node through the API, as `cookie`'s user. */
async function addNode(text: string, targetId: string, cookie: string): Promise<{ node: TMapNode; relationId: string }> {
  const body = { kind: "claim", text, link: { type: "supports", targetId }, sources: [{ title: "A source", url: "https://example.org/a", perspective: "neutral" }] };
  const response = await POST(jsonRequest("POST", `http://localhost/api/debates/${SLUG}/nodes`, body, cookie), { params: Promise.resolve({ slug: SLUG }) });
  expect(response.status).toBe(201);
  const created = (await response.json()) as { node: TMapNode; relations: { id: string }[] };
  return { node: created.node, relationId: created.relations[0]!.id };
}

async function getMap(): Promise<TMapDocument> {
  const response = await GET(new Request(`http://localhost/api/debates/${SLUG}`), { params: Promise.resolve({ slug: SLUG }) });
  expect(response.status).toBe(200);
  return ZMapDocument.parse(await response.json());
}

async function seededNodeId(key: string): Promise<string> {
  const seedNode = map.nodes.find((n) => n.key === key)!;
  return (await prisma.node.findFirstOrThrow({ where: { text: seedNode.text }, select: { id: true } })).id;
}

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  await seedLachin(prisma);
  alice = await createUser(prisma, "Alice Example");
  bob = await createUser(prisma, "Bob Example");
  await openToParticipants(prisma, SLUG, [alice, bob]);
  aliceCookie = await sessionCookie(alice);
  bobCookie = await sessionCookie(bob);
  thesisId = await seededNodeId("thesis");
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("PATCH /api/debates/{slug}/nodes/{nodeId}", () => {
  let node: TMapNode;

  beforeAll(async () => {
    node = (await addNode("Alice's first wording.", thesisId, aliceCookie)).node;
  });

  it("lets the author edit the text; the version goes up, a revision is kept and the map shows the new text", async () => {
    const before = await countRows(prisma);
    const response = await patchNode(node.id, { text: "  Alice's second wording.  ", version: 1 });
    expect(response.status).toBe(200);
    const updated = ZMapNode.parse(await response.json());
    expect(updated).toEqual({ ...node, text: "Alice's second wording.", version: 2 });
    expect(await countRows(prisma)).toEqual({ ...before, revisions: before.revisions + 1 });
    const revision = await prisma.revision.findFirstOrThrow({ where: { entityId: node.id, action: "update" } });
    expect(revision).toMatchObject({ version: 2, actorId: alice.id, before: expect.objectContaining({ text: "Alice's first wording." }), after: expect.objectContaining({ text: "Alice's second wording." }) });
    expect((await getMap()).nodes.find((n) => n.id === node.id)).toEqual(updated);
    node = updated;
  });

  it("answers 409 with the current node for a stale version, and changes nothing", async () => {
    const response = await expectNoChange(prisma, () => patchNode(node.id, { text: "An edit from an old copy.", version: 1 }));
    const body = await expectError(response, 409, "CONFLICT");
    expect(body.message).toMatch(/changed this statement/);
    expect(ZMapNode.parse(body.current)).toEqual(node);
    // A version from the future is just as stale.
    await expectError(await expectNoChange(prisma, () => patchNode(node.id, { text: "An edit from nowhere.", version: 9 })), 409, "CONFLICT");
  });

  it("lets only one of two simultaneous edits of the same version through", async () => {
    const responses = await Promise.all(["Edit one.", "Edit two."].map((text) => patchNode(node.id, { text, version: node.version })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const row = await prisma.node.findUniqueOrThrow({ where: { id: node.id } });
    expect(row.version).toBe(node.version + 1);
    expect(await prisma.revision.count({ where: { entityId: node.id, version: row.version } })).toBe(1);
    node = ZMapNode.parse((await getMap()).nodes.find((n) => n.id === node.id));
  });

  it("answers 403 when someone else edits the author's node, or a seeded node without author", async () => {
    let body = await expectError(await expectNoChange(prisma, () => patchNode(node.id, { text: "Bob rewrites Alice.", version: node.version }, { cookie: bobCookie })), 403, "FORBIDDEN");
    expect(body.message).toMatch(/only edit statements you added/);
    body = await expectError(await expectNoChange(prisma, () => patchNode(thesisId, { text: "Alice rewrites the thesis.", version: 1 })), 403, "FORBIDDEN");
    expect(body.message).toMatch(/only edit statements you added/);
  });

  it("lets a moderator of the debate edit someone else's node", async () => {
    const debate = await prisma.debate.findUniqueOrThrow({ where: { slug: SLUG } });
    const moderator = await createUser(prisma, "Mona Moderator");
    await prisma.member.create({ data: { debateId: debate.id, userId: moderator.id, role: "moderator" } });
    const response = await patchNode(node.id, { text: "Reworded by the moderator.", version: node.version }, { cookie: await sessionCookie(moderator) });
    expect(response.status).toBe(200);
    node = ZMapNode.parse(await response.json());
    expect(node.text).toBe("Reworded by the moderator.");
  });

  it("answers 401 without a session", async () => {
    const body = await expectError(await expectNoChange(prisma, () => patchNode(node.id, { text: "Anonymous edit.", version: node.version }, { cookie: null })), 401, "UNAUTHORIZED");
    expect(body.message).toMatch(/Sign in/);
  });

  it.each([
    { name: "empty text", body: () => ({ text: "", version: node.version }), field: "text", message: /at least 3 characters/ },
    { name: "text of 601 characters", body: () => ({ text: "y".repeat(601), version: node.version }), field: "text", message: /at most 600 characters/ },
    { name: "no version", body: () => ({ text: "A fine text." }), field: "version", message: /./ },
    { name: "a version that is not a positive integer", body: () => ({ text: "A fine text.", version: 0 }), field: "version", message: /./ },
  ])("answers 422 for $name", async ({ body, field, message }) => {
    const error = await expectError(await expectNoChange(prisma, () => patchNode(node.id, body())), 422, "VALIDATION");
    expect(error.fieldErrors?.[field]?.join(" ")).toMatch(message);
  });

  it("answers 400 for malformed JSON", async () => {
    const body = await expectError(await expectNoChange(prisma, () => patchNode(node.id, `{"text": "x", "version": `)), 400, "BAD_REQUEST");
    expect(body.message).toMatch(/not valid JSON/);
  });

  it("stores script and HTML in the text verbatim", async () => {
    const text = "<script>alert(1)</script>";
    const response = await patchNode(node.id, { text, version: node.version });
    expect(response.status).toBe(200);
    node = ZMapNode.parse(await response.json());
    expect(node.text).toBe(text);
    expect((await getMap()).nodes.find((n) => n.id === node.id)!.text).toBe(text);
  });

  it("answers 404 for a node that does not exist or is in another debate, 400 for a malformed id", async () => {
    await expectError(await expectNoChange(prisma, () => patchNode(randomUUID(), { text: "Nowhere.", version: 1 })), 404, "NOT_FOUND");
    const other = await seedOtherDebate(prisma);
    await prisma.node.update({ where: { id: other.claimId }, data: { authorId: alice.id } });
    // Alice's node of the other debate, addressed through this debate.
    await expectError(await expectNoChange(prisma, () => patchNode(other.claimId, { text: "Crossing debates.", version: 1 })), 404, "NOT_FOUND");
    const body = await expectError(await expectNoChange(prisma, () => patchNode("not-a-uuid", { text: "Bad id.", version: 1 })), 400, "BAD_REQUEST");
    expect(body.message).toMatch(/UUID/);
  });

  // PostgreSQL rejects U+0000 in text columns, so the schema must refuse it first.
  it("refuses a NUL character in the text with a 4xx, not 500", async () => {
    const response = await expectNoChange(prisma, () => patchNode(node.id, { text: "abc\u0000def", version: node.version }));
    expect(response.status).toBeLessThan(500);
  });

  it("answers 403 'closed' in a closed debate", async () => {
    await prisma.debate.update({ where: { slug: SLUG }, data: { phase: "closed" } });
    try {
      const body = await expectError(await expectNoChange(prisma, () => patchNode(node.id, { text: "Too late.", version: node.version })), 403, "FORBIDDEN");
      expect(body.message).toContain("closed");
    } finally {
      await prisma.debate.update({ where: { slug: SLUG }, data: { phase: "open" } });
    }
  });
});

describe("DELETE /api/debates/{slug}/nodes/{nodeId}", () => {
  let node: TMapNode;
  let ownRelationId: string;
  let childRelationId: string;
  let childId: string;

  beforeAll(async () => {
    const added = await addNode("Alice's node to delete.", thesisId, aliceCookie);
    node = added.node;
    ownRelationId = added.relationId;
    // Bob supports Alice's node: deleting it takes that relation off the map too.
    const child = await addNode("Bob's reason for Alice's node.", node.id, bobCookie);
    childId = child.node.id;
    childRelationId = child.relationId;
  });

  it("answers 409 with the current node for a stale version, and changes nothing", async () => {
    const body = await expectError(await expectNoChange(prisma, () => deleteNode(node.id, "?version=2")), 409, "CONFLICT");
    expect(body.message).toMatch(/changed this statement/);
    expect(ZMapNode.parse(body.current)).toEqual(node);
  });

  it("answers 400 without a version or with one that is not a number", async () => {
    for (const query of ["", "?version=abc", "?version=0"]) {
      const body = await expectError(await expectNoChange(prisma, () => deleteNode(node.id, query)), 400, "BAD_REQUEST");
      expect(body.message).toMatch(/version/);
    }
  });

  it("answers 403 when someone else deletes the author's node, or a seeded node without author", async () => {
    let body = await expectError(await expectNoChange(prisma, () => deleteNode(node.id, "?version=1", { cookie: bobCookie })), 403, "FORBIDDEN");
    expect(body.message).toMatch(/only delete statements you added/);
    body = await expectError(await expectNoChange(prisma, () => deleteNode(thesisId, "?version=1")), 403, "FORBIDDEN");
    expect(body.message).toMatch(/only delete statements you added/);
  });

  it("answers 401 without a session", async () => {
    const body = await expectError(await expectNoChange(prisma, () => deleteNode(node.id, "?version=1", { cookie: null })), 401, "UNAUTHORIZED");
    expect(body.message).toMatch(/Sign in/);
  });

  it("answers 404 for a node that does not exist", async () => {
    await expectError(await expectNoChange(prisma, () => deleteNode(randomUUID(), "?version=1")), 404, "NOT_FOUND");
  });

  it("answers 403 'closed' in a closed debate", async () => {
    await prisma.debate.update({ where: { slug: SLUG }, data: { phase: "closed" } });
    try {
      const body = await expectError(await expectNoChange(prisma, () => deleteNode(node.id, "?version=1")), 403, "FORBIDDEN");
      expect(body.message).toContain("closed");
    } finally {
      await prisma.debate.update({ where: { slug: SLUG }, data: { phase: "open" } });
    }
  });

  it("lets the author delete: node and relations leave the map, the rows stay marked deleted, with revisions", async () => {
    const before = await countRows(prisma);
    const revisionsBefore = await prisma.revision.findMany({ where: { entityId: node.id } });
    const response = await deleteNode(node.id, "?version=1");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { deletedNodeId: string; deletedRelationIds: string[] };
    expect(body.deletedNodeId).toBe(node.id);
    expect(body.deletedRelationIds.sort()).toEqual([ownRelationId, childRelationId].sort());

    // Nothing is removed: the same number of rows, plus one revision per deleted row.
    expect(await countRows(prisma)).toEqual({ ...before, revisions: before.revisions + 3 });
    const row = await prisma.node.findUniqueOrThrow({ where: { id: node.id } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(row.version).toBe(2);
    expect(row.text).toBe("Alice's node to delete.");
    for (const id of [ownRelationId, childRelationId]) {
      const relation = await prisma.relation.findUniqueOrThrow({ where: { id } });
      expect(relation.deletedAt).toEqual(row.deletedAt);
    }
    const revisions = await prisma.revision.findMany({ where: { entityId: node.id }, orderBy: { version: "asc" } });
    expect(revisions.slice(0, revisionsBefore.length)).toEqual(revisionsBefore.sort((a, b) => a.version - b.version));
    expect(revisions.at(-1)).toMatchObject({ action: "delete", version: 2, actorId: alice.id, after: null });
    expect(await prisma.nodeSource.count({ where: { nodeId: node.id } })).toBe(1);

    const doc = await getMap();
    expect(doc.nodes.map((n) => n.id)).not.toContain(node.id);
    expect(doc.nodes.map((n) => n.id)).toContain(childId);
    const relationIds = doc.relations.map((r) => r.id);
    expect(relationIds).not.toContain(ownRelationId);
    expect(relationIds).not.toContain(childRelationId);
  });

  it("answers 404 when deleting or editing the deleted node again", async () => {
    await expectError(await expectNoChange(prisma, () => deleteNode(node.id, "?version=2")), 404, "NOT_FOUND");
    await expectError(await expectNoChange(prisma, () => patchNode(node.id, { text: "Back from the dead.", version: 2 })), 404, "NOT_FOUND");
  });

  // Node.version is a PostgreSQL integer: a version above 2^31 - 1 must be refused, not overflow.
  it("answers a 4xx, not 500, for a version too large for the database", async () => {
    const { node: target } = await addNode("A node with a huge version.", thesisId, aliceCookie);
    for (const version of [2 ** 31, 1e10]) {
      const patched = await expectNoChange(prisma, () => patchNode(target.id, { text: "New text.", version }));
      expect(patched.status).toBeLessThan(500);
      const deleted = await expectNoChange(prisma, () => deleteNode(target.id, `?version=${version}`));
      expect(deleted.status).toBeLessThan(500);
    }
  });

  it("lets only one of two simultaneous deletions through", async () => {
    const { node: target } = await addNode("Deleted twice at once.", thesisId, aliceCookie);
    const responses = await Promise.all([deleteNode(target.id, "?version=1"), deleteNode(target.id, "?version=1")]);
    const statuses = responses.map((r) => r.status).sort();
    // The loser sees either the newer version (409) or the node already gone (404).
    expect(statuses[0]).toBe(200);
    expect([404, 409]).toContain(statuses[1]);
    expect(await prisma.revision.count({ where: { entityId: target.id, action: "delete" } })).toBe(1);
  });
});
