// Attack of issue 12, item 8: the example debate has no owner, so any new
// account wrote straight onto the home page's map, and nobody could moderate
// or remove it.
import type { PrismaClient } from "@prisma/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { readEnv } from "@/lib/env";
import type { TMapDocument } from "@/lib/schemas/map";
import { seedLachin } from "@/prisma/seed/seed-lachin";
import { connect } from "@/scripts/lib/prisma-client";
import { callRoute, seedOwnedDebate } from "@/test/owned-debate";
import { createUser, expectError, expectNoChange, sessionCookie, type TestUser } from "@/test/session";

import { GET as getAudit } from "../debates/[slug]/audit/route";
import { POST as postDecisions } from "../debates/[slug]/moderation/decisions/route";
import { GET as getQueue } from "../debates/[slug]/moderation/route";
import { DELETE as deleteNode } from "../debates/[slug]/nodes/[nodeId]/route";
import { POST as postNode } from "../debates/[slug]/nodes/route";
import { POST as postRelation } from "../debates/[slug]/relations/route";
import { GET as getMap } from "../debates/[slug]/route";
import { PATCH as patchSettings } from "../debates/[slug]/settings/route";
import { POST as postTeam } from "../debates/[slug]/teams/route";

const SLUG = "lachin-crisis";
const params = { slug: SLUG };
const base = `/api/debates/${SLUG}`;

let prisma: PrismaClient;
let stranger: TestUser & { cookie: string };
let admin: TestUser & { cookie: string };
let thesisId: string;
let articleSourceId: string;

async function person(name: string, email?: string) {
  const user = await createUser(prisma, name, email ? { email } : {});
  return { ...user, cookie: await sessionCookie(user) };
}

async function map(cookie?: string): Promise<TMapDocument> {
  const response = await getMap(new Request(`http://localhost${base}`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve(params) });
  expect(response.status).toBe(200);
  return (await response.json()) as TMapDocument;
}

async function addClaim(cookie: string, text: string) {
  const response = await callRoute(postNode, { method: "POST", path: `${base}/nodes`, params, cookie, body: { kind: "claim", text, link: { type: "supports", targetId: thesisId }, sources: [{ sourceId: articleSourceId }] } });
  const body = (await response.json()) as { node: { id: string; status: string; version: number }; relations: { id: string; status: string }[] };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body;
}

const decide = (cookie: string, items: { type: "node" | "relation"; id: string }[]) => callRoute(postDecisions, { method: "POST", path: `${base}/moderation/decisions`, params, cookie, body: { items, decision: "approve" } });

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  await seedLachin(prisma);
  const debate = await prisma.debate.findUniqueOrThrow({ where: { slug: SLUG } });
  // The example as every database has it: no owner, and the stored mode open.
  expect(debate).toMatchObject({ ownerId: null, moderationMode: "open" });
  thesisId = (await prisma.node.findFirstOrThrow({ where: { debateId: debate.id, kind: "thesis" } })).id;
  articleSourceId = (await prisma.source.findFirstOrThrow({ where: { debateId: debate.id, articleId: { not: null } } })).id;
  stranger = await person("Stranger");
  admin = await person("Site Admin", "site-admin@example.test");
});

afterEach(() => {
  delete process.env.ADMIN_EMAILS;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("a new account writes on the home page's example debate", () => {
  it("keeps a stranger's statement and its link pending, out of the public map, with ADMIN_EMAILS unset", async () => {
    const { node, relations } = await addClaim(stranger.cookie, "Anything a stranger wants the whole class to read.");
    expect(node.status).toBe("pending");
    expect(relations.map((r) => r.status)).toEqual(["pending"]);
    const publicMap = await map();
    expect(publicMap.debate.moderationMode).toBe("premoderated");
    expect(publicMap.nodes.map((n) => n.id)).not.toContain(node.id);
    expect(publicMap.relations.map((r) => r.id)).not.toContain(relations[0]!.id);
    // Another signed-in person does not see it either; its author does, marked pending.
    const other = await person("Other Pupil");
    expect((await map(other.cookie)).nodes.map((n) => n.id)).not.toContain(node.id);
    expect((await map(stranger.cookie)).nodes.find((n) => n.id === node.id)?.status).toBe("pending");
  });

  it("keeps a stranger's link between two approved statements pending", async () => {
    const [a, b] = await prisma.node.findMany({ where: { debate: { slug: SLUG }, kind: "claim", status: "approved" }, take: 2, orderBy: { createdAt: "asc" } });
    const response = await callRoute(postRelation, { method: "POST", path: `${base}/relations`, params, cookie: stranger.cookie, body: { fromId: a!.id, toId: b!.id, type: "attacks" } });
    const body = (await response.json()) as { relation: { id: string; status: string } };
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body.relation.status).toBe("pending");
    expect((await map()).relations.map((r) => r.id)).not.toContain(body.relation.id);
  });

  it("lets nobody approve it while ADMIN_EMAILS is unset, the would-be admin included", async () => {
    const { node } = await addClaim(stranger.cookie, "A second statement waiting for a moderator.");
    for (const who of [stranger, admin]) {
      await expectError(await expectNoChange(prisma, () => decide(who.cookie, [{ type: "node", id: node.id }])), 403, "FORBIDDEN");
    }
  });
});

describe("ADMIN_EMAILS names the site administrators, who run debates without an owner", () => {
  it("reads the list comma-separated, trimmed and lower-cased, and refuses an address that is not one", () => {
    expect(readEnv({ NODE_ENV: "test", ADMIN_EMAILS: " Site-Admin@Example.test , other@example.test,," }).ADMIN_EMAILS).toEqual(["site-admin@example.test", "other@example.test"]);
    expect(readEnv({ NODE_ENV: "test" }).ADMIN_EMAILS).toEqual([]);
    expect(() => readEnv({ NODE_ENV: "test", ADMIN_EMAILS: "not an email" })).toThrow(/ADMIN_EMAILS/);
  });

  it("lets an administrator find a stranger's statement in the queue and approve it onto the public map", async () => {
    process.env.ADMIN_EMAILS = "Site-Admin@Example.test, someone-else@example.test";
    const { node, relations } = await addClaim(stranger.cookie, "A statement the administrator approves.");
    const queue = await callRoute(getQueue, { method: "GET", path: `${base}/moderation`, params, cookie: admin.cookie });
    expect(queue.status).toBe(200);
    expect(JSON.stringify(await queue.json())).toContain(node.id);
    const decided = await decide(admin.cookie, [
      { type: "node", id: node.id },
      { type: "relation", id: relations[0]!.id },
    ]);
    expect(decided.status, await decided.clone().text()).toBe(200);
    const publicMap = await map();
    expect(publicMap.nodes.find((n) => n.id === node.id)?.status).toBe("approved");
    expect(publicMap.relations.map((r) => r.id)).toContain(relations[0]!.id);
  });

  it("lets an administrator remove a stranger's statement, manage the debate and read its audit log", async () => {
    process.env.ADMIN_EMAILS = "site-admin@example.test";
    const { node } = await addClaim(stranger.cookie, "A statement the administrator removes.");
    const removed = await callRoute(deleteNode, { method: "DELETE", path: `${base}/nodes/${node.id}?version=${node.version}`, params: { ...params, nodeId: node.id } , cookie: admin.cookie });
    expect(removed.status, await removed.clone().text()).toBe(200);
    const team = await callRoute(postTeam, { method: "POST", path: `${base}/teams`, params, cookie: admin.cookie, body: { name: "Example readers", colour: "#1849A9", perspective: "neutral" } });
    expect(team.status, await team.clone().text()).toBe(201);
    const closed = await callRoute(patchSettings, { method: "PATCH", path: `${base}/settings`, params, cookie: admin.cookie, body: { phase: "closed" } });
    expect(closed.status, await closed.clone().text()).toBe(200);
    const audit = await callRoute(getAudit, { method: "GET", path: `${base}/audit`, params, cookie: admin.cookie });
    expect(audit.status).toBe(200);
    expect(JSON.stringify(await audit.json())).toContain("debate.phase-changed");
    const reopened = await callRoute(patchSettings, { method: "PATCH", path: `${base}/settings`, params, cookie: admin.cookie, body: { phase: "open" } });
    expect(reopened.status).toBe(200);
  });

  it("refuses to make the example open: a debate without an owner stays pre-moderated", async () => {
    process.env.ADMIN_EMAILS = "site-admin@example.test";
    const response = await expectNoChange(prisma, () => callRoute(patchSettings, { method: "PATCH", path: `${base}/settings`, params, cookie: admin.cookie, body: { moderationMode: "open" } }));
    const body = await expectError(response, 422, "VALIDATION");
    expect(body.fieldErrors?.moderationMode).toBeDefined();
  });

  it("approves an administrator's own statement at once", async () => {
    process.env.ADMIN_EMAILS = "site-admin@example.test";
    const { node } = await addClaim(admin.cookie, "The administrator's own statement.");
    expect(node.status).toBe("approved");
  });

  it("refuses a non-admin the queue, the decisions and the settings, and writes nothing", async () => {
    process.env.ADMIN_EMAILS = "site-admin@example.test";
    const { node } = await addClaim(stranger.cookie, "A statement its author tries to approve.");
    await expectError(await expectNoChange(prisma, () => decide(stranger.cookie, [{ type: "node", id: node.id }])), 403, "FORBIDDEN");
    await expectError(await callRoute(getQueue, { method: "GET", path: `${base}/moderation`, params, cookie: stranger.cookie }), 403, "FORBIDDEN");
    await expectError(await expectNoChange(prisma, () => callRoute(patchSettings, { method: "PATCH", path: `${base}/settings`, params, cookie: stranger.cookie, body: { phase: "archived" } })), 403, "FORBIDDEN");
    expect((await map()).nodes.map((n) => n.id)).not.toContain(node.id);
  });

  it("gives an administrator nothing on a debate that has an owner", async () => {
    process.env.ADMIN_EMAILS = "site-admin@example.test";
    const owned = await seedOwnedDebate(prisma, "owned-by-a-teacher");
    const response = await expectNoChange(prisma, () =>
      callRoute(patchSettings, { method: "PATCH", path: `/api/debates/${owned.slug}/settings`, params: { slug: owned.slug }, cookie: admin.cookie, body: { phase: "archived" } }),
    );
    await expectError(response, 403, "FORBIDDEN");
  });
});
