import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { formatJoinCode } from "@/lib/schemas/join";
import { connect } from "@/scripts/lib/prisma-client";
import { callRoute, expectAudit, expectEvent, expectNothingWritten, seedOwnedDebate, type OwnedDebate } from "@/test/owned-debate";
import { createUser, expectError, sessionCookie } from "@/test/session";

import { POST as REGENERATE } from "../debates/[slug]/join-code/route";
import { PATCH as SETTINGS } from "../debates/[slug]/settings/route";
import { POST } from "./route";

let prisma: PrismaClient;
let debate: OwnedDebate;
let code: string;

const join = (body: unknown, cookie?: string) => callRoute(POST, { method: "POST", path: "/api/join", params: {}, body, cookie });
const settings = (body: unknown) => callRoute(SETTINGS, { method: "PATCH", path: `/api/debates/${debate.slug}/settings`, params: { slug: debate.slug }, body, cookie: debate.people.owner.cookie });
async function regenerate(): Promise<string> {
  const response = await callRoute(REGENERATE, { method: "POST", path: `/api/debates/${debate.slug}/join-code`, params: { slug: debate.slug }, cookie: debate.people.owner.cookie });
  return ((await response.json()) as { joinCode: string }).joinCode;
}
async function newcomer(name: string) {
  const user = await createUser(prisma, name);
  return { ...user, cookie: await sessionCookie(user) };
}
const roleOf = async (userId: string) => (await prisma.member.findUnique({ where: { debateId_userId: { debateId: debate.debateId, userId } } }))?.role ?? null;

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  debate = await seedOwnedDebate(prisma, "join-debate");
});

beforeEach(async () => {
  await prisma.debate.update({ where: { id: debate.debateId }, data: { phase: "open", joinRole: "participant" } });
  code = await regenerate();
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("POST /api/join", () => {
  it("makes a signed-in person a participant and answers the debate's slug; audited and announced", async () => {
    const nora = await newcomer("Nora Newcomer");
    const response = await join({ code }, nora.cookie);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ slug: debate.slug });
    expect(await roleOf(nora.id)).toBe("participant");
    await expectAudit(prisma, debate.debateId, { action: "member.joined", actorId: nora.id, detail: { userId: nora.id, name: "Nora Newcomer", role: "participant" } });
    const membership = await prisma.member.findUniqueOrThrow({ where: { debateId_userId: { debateId: debate.debateId, userId: nora.id } } });
    await expectEvent(prisma, debate.debateId, { type: "member.joined", entityId: membership.id });
  });

  it("makes joiners viewers when the owner chose so", async () => {
    expect((await settings({ joinRole: "viewer" })).status).toBe(200);
    const vera = await newcomer("Vera Viewer");
    expect((await join({ code }, vera.cookie)).status).toBe(200);
    expect(await roleOf(vera.id)).toBe("viewer");
  });

  it("takes the code in any case, with spaces or a dash", async () => {
    const [a, b] = [await newcomer("Lower Case"), await newcomer("Spaced Out")];
    expect((await join({ code: code.toLowerCase() }, a.cookie)).status).toBe(200);
    expect((await join({ code: ` ${formatJoinCode(code).replace("-", " - ")} ` }, b.cookie)).status).toBe(200);
    expect([await roleOf(a.id), await roleOf(b.id)]).toEqual(["participant", "participant"]);
  });

  it("changes nothing for a member joining again, and never lowers their role", async () => {
    await prisma.debate.update({ where: { id: debate.debateId }, data: { joinRole: "viewer" } });
    for (const who of ["owner", "moderator", "participant"] as const) {
      const response = await expectNothingWritten(prisma, () => join({ code }, debate.people[who].cookie));
      expect(await response.json()).toEqual({ slug: debate.slug });
    }
    expect(await roleOf(debate.people.moderator.id)).toBe("moderator");
  });

  it("lets only one membership through when the same person joins twice at once", async () => {
    const twin = await newcomer("Double Clicker");
    const responses = await Promise.all([join({ code }, twin.cookie), join({ code }, twin.cookie)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(await prisma.member.count({ where: { debateId: debate.debateId, userId: twin.id } })).toBe(1);
  });

  it("answers 404 for an old code once a new one is made, and for a disabled code", async () => {
    const old = code;
    const fresh = await regenerate();
    const late = await newcomer("Late Comer");
    const body = await expectError(await expectNothingWritten(prisma, () => join({ code: old }, late.cookie)), 404, "NOT_FOUND");
    expect(body.message).toContain("No debate has this join code");
    await prisma.debate.update({ where: { id: debate.debateId }, data: { joinCode: null } });
    await expectError(await expectNothingWritten(prisma, () => join({ code: fresh }, late.cookie)), 404, "NOT_FOUND");
    expect(await roleOf(late.id)).toBeNull();
  });

  it("refuses to let anyone join an archived debate, but lets them join a closed one", async () => {
    const late = await newcomer("Archive Visitor");
    await prisma.debate.update({ where: { id: debate.debateId }, data: { phase: "archived" } });
    const body = await expectError(await expectNothingWritten(prisma, () => join({ code }, late.cookie)), 403, "FORBIDDEN");
    expect(body.message).toContain("archived");
    await prisma.debate.update({ where: { id: debate.debateId }, data: { phase: "closed" } });
    expect((await join({ code }, late.cookie)).status).toBe(200);
  });

  it("answers 401 without a session", async () => {
    await expectError(await expectNothingWritten(prisma, () => join({ code })), 401, "UNAUTHORIZED");
  });

  it.each([
    { name: "no code", body: {} },
    { name: "a code too short", body: { code: "ABC" } },
    { name: "a code with a 0 or an O", body: { code: "ABCDEFG0" } },
    { name: "a code that is not text", body: { code: 12345678 } },
  ])("answers 422 for $name", async ({ body }) => {
    const error = await expectError(await expectNothingWritten(prisma, () => join(body, debate.people.outsider.cookie)), 422, "VALIDATION");
    expect(error.fieldErrors?.code?.length).toBeGreaterThan(0);
  });
});
