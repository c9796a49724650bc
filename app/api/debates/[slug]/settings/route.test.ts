import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { connect } from "@/scripts/lib/prisma-client";
import { NOT_OWNERS, callRoute, expectEvent, expectNothingWritten, seedOwnedDebate, type OwnedDebate } from "@/test/owned-debate";
import { expectError } from "@/test/session";

import { POST as POST_NODE } from "../nodes/route";
import { PATCH } from "./route";

let prisma: PrismaClient;
let debate: OwnedDebate;

const patchSettings = (body: unknown, options: { cookie?: string | null; slug?: string } = {}) => {
  const slug = options.slug ?? debate.slug;
  return callRoute(PATCH, { method: "PATCH", path: `/api/debates/${slug}/settings`, params: { slug: slug }, body, cookie: options.cookie === null ? undefined : (options.cookie ?? debate.people.owner.cookie) });
};
const postNode = (cookie: string) =>
  callRoute(POST_NODE, {
    method: "POST",
    path: `/api/debates/${debate.slug}/nodes`,
    params: { slug: debate.slug },
    cookie,
    body: { kind: "premise", text: "A premise for the claim.", link: { type: "supports", targetId: debate.claimId }, sources: [{ sourceId: debate.sourceId }] },
  });
const auditOf = (action: string) => prisma.auditEntry.findMany({ where: { debateId: debate.debateId, action }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  debate = await seedOwnedDebate(prisma, "settings-debate");
});

beforeEach(async () => {
  await prisma.debate.update({ where: { id: debate.debateId }, data: { phase: "open", moderationMode: "open", anonymous: false, joinRole: "participant" } });
  await prisma.auditEntry.deleteMany({ where: { debateId: debate.debateId } });
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("PATCH /api/debates/{slug}/settings", () => {
  it("changes the moderation mode, anonymity and joiners' role in one audit entry, and the phase in another", async () => {
    const response = await patchSettings({ moderationMode: "premoderated", anonymous: true, joinRole: "viewer", phase: "closed" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ moderationMode: "premoderated", anonymous: true, joinRole: "viewer", phase: "closed", joinCode: null });
    expect(await prisma.debate.findUniqueOrThrow({ where: { id: debate.debateId } })).toMatchObject({ moderationMode: "premoderated", anonymous: true, joinRole: "viewer", phase: "closed" });
    const [settings] = await auditOf("debate.settings-changed");
    expect(settings).toMatchObject({
      actorId: debate.people.owner.id,
      detail: { moderationMode: { from: "open", to: "premoderated" }, anonymous: { from: false, to: true }, joinRole: { from: "participant", to: "viewer" } },
    });
    expect(await auditOf("debate.phase-changed")).toMatchObject([{ actorId: debate.people.owner.id, detail: { from: "open", to: "closed" } }]);
    await expectEvent(prisma, debate.debateId, { type: "debate.updated", entityId: debate.debateId });
  });

  it("changes the phase alone, with only a phase entry", async () => {
    expect((await patchSettings({ phase: "archived" })).status).toBe(200);
    expect(await auditOf("debate.settings-changed")).toEqual([]);
    expect(await auditOf("debate.phase-changed")).toMatchObject([{ detail: { from: "open", to: "archived" } }]);
  });

  it("records nothing when the values are those the debate already has", async () => {
    const response = await expectNothingWritten(prisma, () => patchSettings({ moderationMode: "open", phase: "open", anonymous: false }));
    expect(response.status).toBe(200);
  });

  it("lets the owner reopen a closed or archived debate", async () => {
    await prisma.debate.update({ where: { id: debate.debateId }, data: { phase: "archived" } });
    expect((await patchSettings({ phase: "open" })).status).toBe(200);
    expect((await prisma.debate.findUniqueOrThrow({ where: { id: debate.debateId } })).phase).toBe("open");
  });

  it("closes the map to participants with a message saying it is closed, but not to the owner", async () => {
    expect((await patchSettings({ phase: "closed" })).status).toBe(200);
    const body = await expectError(await expectNothingWritten(prisma, () => postNode(debate.people.participant.cookie)), 403, "FORBIDDEN");
    expect(body.message).toContain("closed");
    expect((await postNode(debate.people.owner.cookie)).status).toBe(201);
  });

  it.each([
    { name: "an empty body", body: {}, field: "_" },
    { name: "an unknown phase", body: { phase: "paused" }, field: "phase" },
    { name: "an unknown moderation mode", body: { moderationMode: "strict" }, field: "moderationMode" },
    { name: "anonymity that is not true or false", body: { anonymous: "yes" }, field: "anonymous" },
    { name: "moderators joining by code", body: { joinRole: "moderator" }, field: "joinRole" },
    { name: "an unknown setting", body: { ownerId: "someone" }, field: "_" },
  ])("answers 422 for $name", async ({ body, field }) => {
    const error = await expectError(await expectNothingWritten(prisma, () => patchSettings(body)), 422, "VALIDATION");
    expect(error.fieldErrors?.[field]?.length).toBeGreaterThan(0);
  });

  it("answers 401 without a session, 403 to everyone but the owner, 404 for an unknown debate", async () => {
    await expectError(await expectNothingWritten(prisma, () => patchSettings({ phase: "closed" }, { cookie: null })), 401, "UNAUTHORIZED");
    for (const who of NOT_OWNERS) {
      const body = await expectError(await expectNothingWritten(prisma, () => patchSettings({ phase: "closed" }, { cookie: debate.people[who].cookie })), 403, "FORBIDDEN");
      expect(body.message).toMatch(/Only the owner|Only members/);
    }
    await expectError(await expectNothingWritten(prisma, () => patchSettings({ phase: "closed" }, { slug: "no-such-debate" })), 404, "NOT_FOUND");
  });
});
