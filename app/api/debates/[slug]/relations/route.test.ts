import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZMapDocument, ZMapRelation, type TMapDocument } from "@/lib/schemas/map";
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

function postRelation(body: unknown, options: { cookie?: string | null; slug?: string } = {}): Promise<Response> {
  const slug = options.slug ?? SLUG;
  const request = jsonRequest("POST", `http://localhost/api/debates/${slug}/relations`, body, options.cookie === null ? undefined : (options.cookie ?? cookie));
  return POST(request, { params: Promise.resolve({ slug: slug }) });
}

async function getMap(): Promise<TMapDocument> {
  const response = await GET(new Request(`http://localhost/api/debates/${SLUG}`), { params: Promise.resolve({ slug: SLUG }) });
  expect(response.status).toBe(200);
  return ZMapDocument.parse(await response.json());
}

/** Database ids of seeded nodes, by their keys in the seed. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  await seedLachin(prisma);
  alice = await createUser(prisma, "Alice Example");
  await openToParticipants(prisma, SLUG, [alice]);
  cookie = await sessionCookie(alice);
  const nodes = await prisma.node.findMany({ select: { id: true, text: true } });
  for (const seedNode of map.nodes) ids[seedNode.key] = nodes.find((n) => n.text === seedNode.text)!.id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("POST /api/debates/{slug}/relations", () => {
  it("links two nodes with an attack; the map then shows the relation, and a revision is kept", async () => {
    const before = await countRows(prisma);
    const input = { fromId: ids["joyful-photos"]!, toId: ids["pressing-situation"]!, type: "attacks" };
    const response = await postRelation(input);
    expect(response.status).toBe(201);
    const { relation } = (await response.json()) as { relation: unknown };
    const parsed = ZMapRelation.parse(relation);
    expect(parsed).toEqual({ id: expect.any(String), ...input, groupId: null, status: "approved", authorId: await authorIdIn(prisma, SLUG, alice.id), rejectionReason: null, version: 1 });
    expect(await countRows(prisma)).toEqual({ ...before, relations: before.relations + 1, revisions: before.revisions + 1 });
    expect(await prisma.revision.findFirstOrThrow({ where: { entityId: parsed.id } })).toMatchObject({ entityType: "relation", action: "create", version: 1, actorId: alice.id });
    expect((await prisma.relation.findUniqueOrThrow({ where: { id: parsed.id } })).authorId).toBe(alice.id);
    expect((await getMap()).relations.find((r) => r.id === parsed.id)).toEqual(parsed);
  });

  it("links two nodes with a support", async () => {
    const response = await postRelation({ fromId: ids["izaura-flight"], toId: ids["silenced-victims"], type: "supports" });
    expect(response.status).toBe(201);
    const { relation } = (await response.json()) as { relation: { id: string } };
    expect((await getMap()).relations.find((r) => r.id === relation.id)).toMatchObject({ fromId: ids["izaura-flight"], toId: ids["silenced-victims"], type: "supports" });
  });

  it("answers 422 for a relation from a node to itself", async () => {
    const body = await expectError(await expectNoChange(prisma, () => postRelation({ fromId: ids.thesis, toId: ids.thesis, type: "supports" })), 422, "VALIDATION");
    expect(body.message).toMatch(/cannot support or attack itself/);
  });

  it("answers 409 for a second relation between the same pair, either way round and of either type", async () => {
    const pair = { fromId: ids["progress-at-risk"], toId: ids.thesis };
    let body = await expectError(await expectNoChange(prisma, () => postRelation({ ...pair, type: "supports" })), 409, "CONFLICT");
    expect(body.message).toMatch(/already linked/);
    body = await expectError(await expectNoChange(prisma, () => postRelation({ ...pair, type: "attacks" })), 409, "CONFLICT");
    expect(body.message).toMatch(/already linked/);
    body = await expectError(await expectNoChange(prisma, () => postRelation({ fromId: pair.toId, toId: pair.fromId, type: "attacks" })), 409, "CONFLICT");
    expect(body.message).toMatch(/already linked the other way/);
  });

  it("answers 409 for a support that would be circular", async () => {
    // pashinyan-recognition supports progress-at-risk, which supports the thesis.
    const body = await expectError(await expectNoChange(prisma, () => postRelation({ fromId: ids.thesis, toId: ids["pashinyan-recognition"], type: "supports" })), 409, "CONFLICT");
    expect(body.message).toMatch(/circular/);
  });

  it("lets only one of two simultaneous identical links through", async () => {
    const input = { fromId: ids["kvien-walkback"], toId: ids["izaura-ignored"], type: "attacks" };
    const responses = await Promise.all([postRelation(input), postRelation(input)]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await prisma.relation.count({ where: { fromId: input.fromId, toId: input.toId } })).toBe(1);
  });

  it("answers 422 when a node is in another debate", async () => {
    const other = await seedOtherDebate(prisma);
    let body = await expectError(await expectNoChange(prisma, () => postRelation({ fromId: ids["lachin-only"], toId: other.thesisId, type: "attacks" })), 422, "VALIDATION");
    expect(body.fieldErrors?.toId).toEqual(["Pick a statement on this debate's map."]);
    body = await expectError(await expectNoChange(prisma, () => postRelation({ fromId: other.claimId, toId: ids.thesis, type: "attacks" })), 422, "VALIDATION");
    expect(body.fieldErrors?.fromId).toBeDefined();
  });

  it("answers 422 when a node does not exist or is deleted", async () => {
    let body = await expectError(await expectNoChange(prisma, () => postRelation({ fromId: randomUUID(), toId: ids.thesis, type: "attacks" })), 422, "VALIDATION");
    expect(body.message).toMatch(/not on this debate's map/);
    await prisma.node.update({ where: { id: ids["stepanyan-advice"] }, data: { deletedAt: new Date() } });
    body = await expectError(await expectNoChange(prisma, () => postRelation({ fromId: ids["joyful-photos"], toId: ids["stepanyan-advice"], type: "attacks" })), 422, "VALIDATION");
    expect(body.fieldErrors?.toId).toBeDefined();
  });

  it("links a pair again once their relation is deleted", async () => {
    const relation = await prisma.relation.findFirstOrThrow({ where: { fromId: ids["vardanyan-purge"], toId: ids["russia-impedes"] } });
    await prisma.relation.update({ where: { id: relation.id }, data: { deletedAt: new Date() } });
    const response = await postRelation({ fromId: ids["vardanyan-purge"], toId: ids["russia-impedes"], type: "supports" });
    expect(response.status).toBe(201);
  });

  it.each([
    { name: "an unknown type", body: () => ({ fromId: ids["lachin-only"], toId: ids.thesis, type: "refutes" }), field: "type" },
    { name: "ids that are not UUIDs", body: () => ({ fromId: "lachin-only", toId: ids.thesis, type: "attacks" }), field: "fromId" },
    { name: "a missing target", body: () => ({ fromId: ids["lachin-only"], type: "attacks" }), field: "toId" },
  ])("answers 422 for $name", async ({ body, field }) => {
    const error = await expectError(await expectNoChange(prisma, () => postRelation(body())), 422, "VALIDATION");
    expect(error.fieldErrors?.[field]?.[0]?.length).toBeGreaterThan(5);
  });

  it("answers 401 without a session", async () => {
    const body = await expectError(await expectNoChange(prisma, () => postRelation({ fromId: ids["lachin-only"], toId: ids.thesis, type: "attacks" }, { cookie: null })), 401, "UNAUTHORIZED");
    expect(body.message).toMatch(/Sign in/);
  });

  it("answers 400 for malformed JSON", async () => {
    const body = await expectError(await expectNoChange(prisma, () => postRelation(`{"fromId": "`)), 400, "BAD_REQUEST");
    expect(body.message).toMatch(/not valid JSON/);
  });

  it("answers 404 for an unknown debate", async () => {
    await expectError(await expectNoChange(prisma, () => postRelation({ fromId: ids["lachin-only"], toId: ids.thesis, type: "attacks" }, { slug: "no-such-debate" })), 404, "NOT_FOUND");
  });

  it("answers 403 'closed' in a closed debate", async () => {
    await prisma.debate.update({ where: { slug: SLUG }, data: { phase: "closed" } });
    try {
      const body = await expectError(await expectNoChange(prisma, () => postRelation({ fromId: ids["lachin-only"], toId: ids.thesis, type: "attacks" })), 403, "FORBIDDEN");
      expect(body.message).toContain("closed");
    } finally {
      await prisma.debate.update({ where: { slug: SLUG }, data: { phase: "open" } });
    }
  });
});
