import { randomUUID } from "node:crypto";

import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { testDatabase } from "@/test/database";
import { NOT_OWNERS, callRoute, expectAudit, expectEvent, expectNothingWritten, ownedDebate, seedOwnedDebate } from "@/test/owned-debate";
import { createUser, expectError } from "@/test/session";

import { DELETE, PATCH } from "./route";

const prisma = testDatabase();
const debate = ownedDebate(prisma, "member-debate");
let teamA: string;

const call = (handler: typeof PATCH, method: string, userId: string, options: { body?: unknown; cookie?: string | null; slug?: string } = {}) => {
  const slug = options.slug ?? debate.slug;
  return callRoute(handler, {
    method,
    path: `/api/debates/${slug}/members/${userId}`,
    params: { slug: slug, userId },
    body: options.body,
    cookie: options.cookie === null ? undefined : (options.cookie ?? debate.people.owner.cookie),
  });
};
const patchMember = (userId: string, body: unknown, options: { cookie?: string | null; slug?: string } = {}) => call(PATCH, "PATCH", userId, { ...options, body });
const removeMember = (userId: string, options: { cookie?: string | null; slug?: string } = {}) => call(DELETE, "DELETE", userId, options);
const memberOf = (userId: string) => prisma.member.findUnique({ where: { debateId_userId: { debateId: debate.debateId, userId } } });

beforeAll(async () => {
  teamA = (await prisma.team.create({ data: { debateId: debate.debateId, name: "Team A", colour: "#B42318", perspective: "armenian" } })).id;
});

beforeEach(async () => {
  await prisma.member.update({ where: { debateId_userId: { debateId: debate.debateId, userId: debate.people.participant.id } }, data: { role: "participant", teamId: null } });
});

describe("PATCH /api/debates/{slug}/members/{userId}", () => {
  it("makes a participant a moderator, then a viewer; each change audited and announced", async () => {
    const { participant, owner } = debate.people;
    const membership = (await memberOf(participant.id))!.id;
    let response = await patchMember(participant.id, { role: "moderator" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: participant.id, role: "moderator", teamId: null });
    await expectAudit(prisma, debate.debateId, { action: "member.role-changed", actorId: owner.id, detail: { userId: participant.id, name: participant.name, from: "participant", to: "moderator" } });
    // Every listener hears of it: the membership's id, not the account's.
    await expectEvent(prisma, debate.debateId, { type: "member.updated", entityId: membership });

    response = await patchMember(participant.id, { role: "viewer" });
    expect((await memberOf(participant.id))?.role).toBe("viewer");
  });

  it("assigns a member to a team and takes them off it", async () => {
    const { participant, owner } = debate.people;
    expect((await patchMember(participant.id, { teamId: teamA })).status).toBe(200);
    expect((await memberOf(participant.id))?.teamId).toBe(teamA);
    await expectAudit(prisma, debate.debateId, { action: "member.team-changed", actorId: owner.id, detail: { userId: participant.id, from: null, to: "Team A" } });

    expect((await patchMember(participant.id, { teamId: null })).status).toBe(200);
    expect((await memberOf(participant.id))?.teamId).toBeNull();
    await expectAudit(prisma, debate.debateId, { action: "member.team-changed", actorId: owner.id, detail: { from: "Team A", to: null } });
  });

  it("puts the owner on a team, but never changes the owner's role", async () => {
    const { owner } = debate.people;
    expect((await patchMember(owner.id, { teamId: teamA })).status).toBe(200);
    const body = await expectError(await expectNothingWritten(prisma, () => patchMember(owner.id, { role: "viewer" })), 409, "CONFLICT");
    expect(body.message).toContain("owner's role cannot be changed");
    expect((await memberOf(owner.id))?.role).toBe("owner");
  });

  it("records nothing when nothing changes", async () => {
    expect((await expectNothingWritten(prisma, () => patchMember(debate.people.participant.id, { role: "participant", teamId: null }))).status).toBe(200);
  });

  it.each([
    { name: "the owner role", body: { role: "owner" }, field: "role" },
    { name: "an unknown role", body: { role: "admin" }, field: "role" },
    { name: "a team id that is not a UUID", body: { teamId: "team-a" }, field: "teamId" },
    { name: "an empty body", body: {}, field: "_" },
  ])("answers 422 for $name", async ({ body, field }) => {
    const error = await expectError(await expectNothingWritten(prisma, () => patchMember(debate.people.participant.id, body)), 422, "VALIDATION");
    expect(error.fieldErrors?.[field]?.length).toBeGreaterThan(0);
  });

  it("answers 422 for a team of another debate", async () => {
    const other = await seedOwnedDebate(prisma, "member-other");
    const foreign = (await prisma.team.create({ data: { debateId: other.debateId, name: "Theirs", colour: "#B42318", perspective: "neutral" } })).id;
    const error = await expectError(await expectNothingWritten(prisma, () => patchMember(debate.people.participant.id, { teamId: foreign })), 422, "VALIDATION");
    expect(error.fieldErrors?.teamId).toBeDefined();
  });

  it("answers 404 for someone who is not a member, and for an unknown debate", async () => {
    const body = await expectError(await expectNothingWritten(prisma, () => patchMember(debate.people.outsider.id, { role: "viewer" })), 404, "NOT_FOUND");
    expect(body.message).toContain("not a member");
    await expectError(await expectNothingWritten(prisma, () => patchMember(randomUUID(), { role: "viewer" })), 404, "NOT_FOUND");
    await expectError(await expectNothingWritten(prisma, () => patchMember(debate.people.participant.id, { role: "viewer" }, { slug: "no-such-debate" })), 404, "NOT_FOUND");
  });

  it("answers 401 without a session and 403 to everyone but the owner (a moderator cannot promote themselves)", async () => {
    await expectError(await expectNothingWritten(prisma, () => patchMember(debate.people.participant.id, { role: "moderator" }, { cookie: null })), 401, "UNAUTHORIZED");
    for (const who of NOT_OWNERS) {
      await expectError(await expectNothingWritten(prisma, () => patchMember(debate.people[who].id, { role: "moderator", teamId: teamA }, { cookie: debate.people[who].cookie })), 403, "FORBIDDEN");
    }
  });
});

describe("DELETE /api/debates/{slug}/members/{userId}", () => {
  it("removes a member; what they wrote stays on the map, and they can no longer write", async () => {
    const leaver = await createUser(prisma, "Lea Leaver");
    const membership = (await prisma.member.create({ data: { debateId: debate.debateId, userId: leaver.id, role: "participant", teamId: teamA } })).id;
    await prisma.node.update({ where: { id: debate.claimId }, data: { authorId: leaver.id, teamId: teamA } });

    const response = await removeMember(leaver.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: leaver.id });
    expect(await memberOf(leaver.id)).toBeNull();
    expect(await prisma.node.findUniqueOrThrow({ where: { id: debate.claimId } })).toMatchObject({ authorId: leaver.id, teamId: teamA, deletedAt: null });
    await expectAudit(prisma, debate.debateId, { action: "member.removed", actorId: debate.people.owner.id, detail: { userId: leaver.id, name: "Lea Leaver", role: "participant", team: "Team A" } });
    await expectEvent(prisma, debate.debateId, { type: "member.removed", entityId: membership });
  });

  it("refuses to remove the owner (409), a non-member (404), and answers 404 for an unknown debate", async () => {
    const body = await expectError(await expectNothingWritten(prisma, () => removeMember(debate.people.owner.id)), 409, "CONFLICT");
    expect(body.message).toContain("owner cannot be removed");
    await expectError(await expectNothingWritten(prisma, () => removeMember(debate.people.outsider.id)), 404, "NOT_FOUND");
    await expectError(await expectNothingWritten(prisma, () => removeMember(debate.people.viewer.id, { slug: "no-such-debate" })), 404, "NOT_FOUND");
  });

  it("answers 401 without a session and 403 to everyone but the owner", async () => {
    await expectError(await expectNothingWritten(prisma, () => removeMember(debate.people.viewer.id, { cookie: null })), 401, "UNAUTHORIZED");
    for (const who of NOT_OWNERS) await expectError(await expectNothingWritten(prisma, () => removeMember(debate.people.viewer.id, { cookie: debate.people[who].cookie })), 403, "FORBIDDEN");
  });
});
