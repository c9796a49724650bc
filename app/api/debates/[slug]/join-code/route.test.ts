import { describe, expect, it } from "vitest";

import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "@/lib/schemas/join";
import { regenerateJoinCode } from "@/lib/server/debates/join-code";
import { testDatabase } from "@/test/database";
import { NOT_OWNERS, callRoute, expectAudit, expectEvent, expectNothingWritten, ownedDebate, seedOwnedDebate } from "@/test/owned-debate";
import { expectError } from "@/test/session";

import { DELETE, POST } from "./route";

const prisma = testDatabase();
const debate = ownedDebate(prisma, "code-debate");

const call = (handler: typeof POST, method: string, options: { cookie?: string | null; slug?: string } = {}) => {
  const slug = options.slug ?? debate.slug;
  return callRoute(handler, { method, path: `/api/debates/${slug}/join-code`, params: { slug: slug }, cookie: options.cookie === null ? undefined : (options.cookie ?? debate.people.owner.cookie) });
};
const regenerate = (options: { cookie?: string | null; slug?: string } = {}) => call(POST, "POST", options);
const disable = (options: { cookie?: string | null; slug?: string } = {}) => call(DELETE, "DELETE", options);
const codeOf = async (debateId: string) => (await prisma.debate.findUniqueOrThrow({ where: { id: debateId } })).joinCode;

describe("POST /api/debates/{slug}/join-code", () => {
  it("makes a short code of unambiguous characters, a new one each time; audited and announced", async () => {
    const first = (await (await regenerate()).json()) as { joinCode: string };
    expect(first.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
    expect(await codeOf(debate.debateId)).toBe(first.joinCode);
    await expectAudit(prisma, debate.debateId, { action: "join-code.regenerated", actorId: debate.people.owner.id, detail: { joinRole: "participant" } });
    await expectEvent(prisma, debate.debateId, { type: "debate.updated", entityId: debate.debateId });
    // The audit log is for moderators too: it never holds the code itself.
    expect(JSON.stringify(await prisma.auditEntry.findMany())).not.toContain(first.joinCode);

    const second = (await (await regenerate()).json()) as { joinCode: string };
    expect(second.joinCode).not.toBe(first.joinCode);
    expect(await codeOf(debate.debateId)).toBe(second.joinCode);
  });

  it("tries another code when the one drawn belongs to another debate", async () => {
    const other = await seedOwnedDebate(prisma, "code-other");
    const taken = await codeOf(debate.debateId);
    const codes = [taken!, "ABCDEFGH"];
    const result = await regenerateJoinCode({ actor: { userId: other.people.owner.id, name: other.people.owner.name }, slug: other.slug, makeCode: () => codes.shift()! });
    expect(result).toEqual({ joinCode: "ABCDEFGH" });
    expect(await codeOf(debate.debateId)).toBe(taken);
    expect(await codeOf(other.debateId)).toBe("ABCDEFGH");
    expect(await prisma.auditEntry.count({ where: { debateId: other.debateId, action: "join-code.regenerated" } })).toBe(1);
  });

  it("answers 401 without a session, 403 to everyone but the owner, 404 for an unknown debate", async () => {
    await expectError(await expectNothingWritten(prisma, () => regenerate({ cookie: null })), 401, "UNAUTHORIZED");
    for (const who of NOT_OWNERS) await expectError(await expectNothingWritten(prisma, () => regenerate({ cookie: debate.people[who].cookie })), 403, "FORBIDDEN");
    await expectError(await expectNothingWritten(prisma, () => regenerate({ slug: "no-such-debate" })), 404, "NOT_FOUND");
  });
});

describe("DELETE /api/debates/{slug}/join-code", () => {
  it("answers 401 without a session, 403 to everyone but the owner, 404 for an unknown debate", async () => {
    await expectError(await expectNothingWritten(prisma, () => disable({ cookie: null })), 401, "UNAUTHORIZED");
    for (const who of NOT_OWNERS) await expectError(await expectNothingWritten(prisma, () => disable({ cookie: debate.people[who].cookie })), 403, "FORBIDDEN");
    await expectError(await expectNothingWritten(prisma, () => disable({ slug: "no-such-debate" })), 404, "NOT_FOUND");
  });

  it("turns the code off; audited and announced once, and a second time records nothing", async () => {
    const response = await disable();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ joinCode: null });
    expect(await codeOf(debate.debateId)).toBeNull();
    await expectAudit(prisma, debate.debateId, { action: "join-code.disabled", actorId: debate.people.owner.id });
    await expectEvent(prisma, debate.debateId, { type: "debate.updated", entityId: debate.debateId });
    expect((await expectNothingWritten(prisma, () => disable())).status).toBe(200);
  });
});
