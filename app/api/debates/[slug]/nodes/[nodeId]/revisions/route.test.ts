import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TMapNode } from "@/lib/schemas/map";
import { seedLachin } from "@/prisma/seed/seed-lachin";
import { connect } from "@/scripts/lib/prisma-client";
import { createUser, expectError, jsonRequest, openToParticipants, seedOtherDebate, sessionCookie, type TestUser } from "@/test/session";

import { POST } from "../../route";
import { DELETE, PATCH } from "../route";
import { GET } from "./route";

const SLUG = "lachin-crisis";
let prisma: PrismaClient;
let alice: TestUser;
let mona: TestUser;
let node: TMapNode;

type Revision = { id: string; version: number; action: string; actorName: string | null; createdAt: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

function getRevisions(nodeId: string, options: { slug?: string; cookie?: string } = {}): Promise<Response> {
  const slug = options.slug ?? SLUG;
  const request = new Request(`http://localhost/api/debates/${slug}/nodes/${nodeId}/revisions`, { headers: options.cookie ? { cookie: options.cookie } : {} });
  return GET(request, { params: Promise.resolve({ slug: slug, nodeId }) });
}

async function history(nodeId: string, cookie?: string): Promise<Revision[]> {
  const response = await getRevisions(nodeId, { cookie });
  const body = (await response.json()) as { revisions: Revision[] };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.revisions;
}

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  await seedLachin(prisma);
  alice = await createUser(prisma, "Alice Example");
  mona = await createUser(prisma, "Mona Moderator");
  await openToParticipants(prisma, SLUG, [alice]);
  const debate = await prisma.debate.findUniqueOrThrow({ where: { slug: SLUG } });
  await prisma.member.create({ data: { debateId: debate.id, userId: mona.id, role: "moderator" } });
  const thesis = await prisma.node.findFirstOrThrow({ where: { debateId: debate.id, kind: "thesis" } });

  const body = { kind: "claim", text: "The first wording.", link: { type: "supports", targetId: thesis.id }, sources: [{ title: "A source", url: "https://example.org/a", perspective: "armenian" }] };
  const response = await POST(jsonRequest("POST", `http://localhost/api/debates/${SLUG}/nodes`, body, await sessionCookie(alice)), { params: Promise.resolve({ slug: SLUG }) });
  expect(response.status).toBe(201);
  node = ((await response.json()) as { node: TMapNode }).node;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("GET /api/debates/{slug}/nodes/{nodeId}/revisions", () => {
  it("lists the creation, with the author's name, to anyone (no session needed)", async () => {
    const revisions = await history(node.id);
    expect(revisions).toEqual([
      { id: expect.any(String), version: 1, action: "create", actorName: "Alice Example", createdAt: expect.any(String), before: null, after: expect.objectContaining({ kind: "claim", text: "The first wording.", sourceIds: node.sourceIds }) },
    ]);
    expect(Number.isNaN(Date.parse(revisions[0]!.createdAt))).toBe(false);
  });

  it("lists create then update, newest first, each with its actor's name and the text before and after", async () => {
    const response = await PATCH(
      jsonRequest("PATCH", `http://localhost/api/debates/${SLUG}/nodes/${node.id}`, { text: "The second wording.", version: 1 }, await sessionCookie(mona)),
      { params: Promise.resolve({ slug: SLUG, nodeId: node.id }) },
    );
    expect(response.status).toBe(200);

    const revisions = await history(node.id);
    expect(revisions.map((r) => [r.version, r.action, r.actorName])).toEqual([
      [2, "update", "Mona Moderator"],
      [1, "create", "Alice Example"],
    ]);
    expect(revisions[0]!.before).toMatchObject({ text: "The first wording." });
    expect(revisions[0]!.after).toMatchObject({ text: "The second wording." });
    expect(Date.parse(revisions[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(revisions[1]!.createdAt));
  });

  it("keeps the history after the node is deleted, with the deletion on top, for its author (and no one but the owner and moderators)", async () => {
    const request = new Request(`http://localhost/api/debates/${SLUG}/nodes/${node.id}?version=2`, { method: "DELETE", headers: { cookie: await sessionCookie(alice) } });
    expect((await DELETE(request, { params: Promise.resolve({ slug: SLUG, nodeId: node.id }) })).status).toBe(200);
    await expectError(await getRevisions(node.id), 404, "NOT_FOUND");
    const revisions = await history(node.id, await sessionCookie(alice));
    expect(revisions.map((r) => [r.version, r.action, r.actorName])).toEqual([
      [3, "delete", "Alice Example"],
      [2, "update", "Mona Moderator"],
      [1, "create", "Alice Example"],
    ]);
    expect(revisions[0]).toMatchObject({ before: { text: "The second wording." }, after: null });
  });

  it("answers an empty list for a seeded node, which has no revisions", async () => {
    const seeded = await prisma.node.findFirstOrThrow({ where: { debate: { slug: SLUG }, authorId: null } });
    expect(await history(seeded.id)).toEqual([]);
  });

  it("answers 404 for a node that does not exist, or of another debate, or for an unknown debate", async () => {
    let body = await expectError(await getRevisions(randomUUID()), 404, "NOT_FOUND");
    expect(body.message).toMatch(/not in this debate/);
    const other = await seedOtherDebate(prisma);
    await expectError(await getRevisions(other.claimId), 404, "NOT_FOUND");
    body = await expectError(await getRevisions(node.id, { slug: "other-debate" }), 404, "NOT_FOUND");
    await expectError(await getRevisions(node.id, { slug: "no-such-debate" }), 404, "NOT_FOUND");
  });

  it("answers 400 for a malformed node id", async () => {
    const body = await expectError(await getRevisions("not-a-uuid"), 400, "BAD_REQUEST");
    expect(body.message).toMatch(/UUID/);
  });
});
