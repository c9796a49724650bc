import { randomUUID } from "node:crypto";

import { beforeEach, describe, expect, it } from "vitest";

import { testDatabase } from "@/test/database";
import { NOT_OWNERS, callRoute, expectAudit, expectEvent, expectNothingWritten, ownedDebate, seedOwnedDebate } from "@/test/owned-debate";
import { expectError } from "@/test/session";

import { DELETE, PATCH } from "./route";

const prisma = testDatabase();
const debate = ownedDebate(prisma, "team-debate");
let teamA: string;
let teamB: string;

const call = (handler: typeof PATCH, method: string, teamId: string, options: { body?: unknown; cookie?: string | null; slug?: string } = {}) => {
  const slug = options.slug ?? debate.slug;
  return callRoute(handler, {
    method,
    path: `/api/debates/${slug}/teams/${teamId}`,
    params: { slug: slug, teamId },
    body: options.body,
    cookie: options.cookie === null ? undefined : (options.cookie ?? debate.people.owner.cookie),
  });
};
const patchTeam = (teamId: string, body: unknown, options: { cookie?: string | null; slug?: string } = {}) => call(PATCH, "PATCH", teamId, { ...options, body });
const deleteTeam = (teamId: string, options: { cookie?: string | null; slug?: string } = {}) => call(DELETE, "DELETE", teamId, options);

beforeEach(async () => {
  await prisma.member.updateMany({ where: { debateId: debate.debateId }, data: { teamId: null } });
  await prisma.team.deleteMany({ where: { debateId: debate.debateId } });
  teamA = (await prisma.team.create({ data: { debateId: debate.debateId, name: "Team A", colour: "#B42318", perspective: "armenian" } })).id;
  teamB = (await prisma.team.create({ data: { debateId: debate.debateId, name: "Team B", colour: "#1849A9", perspective: "azerbaijani" } })).id;
});

describe("PATCH /api/debates/{slug}/teams/{teamId}", () => {
  it("renames, recolours and reassigns a team; the audit entry lists each change", async () => {
    const response = await patchTeam(teamA, { name: "Advocates", colour: "#067647", perspective: "neutral" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ team: { id: teamA, name: "Advocates", colour: "#067647", perspective: "neutral" } });
    await expectAudit(prisma, debate.debateId, {
      action: "team.updated",
      actorId: debate.people.owner.id,
      detail: { teamId: teamA, name: "Advocates", changes: { name: { from: "Team A", to: "Advocates" }, colour: { from: "#B42318", to: "#067647" }, perspective: { from: "armenian", to: "neutral" } } },
    });
    await expectEvent(prisma, debate.debateId, { type: "team.updated", entityId: teamA });
  });

  it("changes one field alone, and lets a team change the case of its own name", async () => {
    expect((await patchTeam(teamA, { perspective: "azerbaijani" })).status).toBe(200);
    expect((await patchTeam(teamA, { name: "TEAM A" })).status).toBe(200);
    expect(await prisma.team.findUniqueOrThrow({ where: { id: teamA } })).toMatchObject({ name: "TEAM A", colour: "#B42318", perspective: "azerbaijani" });
  });

  it("records nothing when nothing changes", async () => {
    const response = await expectNothingWritten(prisma, () => patchTeam(teamA, { name: "Team A", colour: "#b42318" }));
    expect(response.status).toBe(200);
  });

  it("refuses the name of another team with 422", async () => {
    const body = await expectError(await expectNothingWritten(prisma, () => patchTeam(teamA, { name: "team b" })), 422, "VALIDATION");
    expect(body.fieldErrors?.name).toBeDefined();
  });

  it.each([
    { name: "an empty body", body: {}, field: "_" },
    { name: "a colour outside the palette", body: { colour: "#000000" }, field: "colour" },
    { name: "an unknown perspective", body: { perspective: "both" }, field: "perspective" },
  ])("answers 422 for $name", async ({ body, field }) => {
    const error = await expectError(await expectNothingWritten(prisma, () => patchTeam(teamA, body)), 422, "VALIDATION");
    expect(error.fieldErrors?.[field]?.length).toBeGreaterThan(0);
  });

  it("answers 404 for an unknown team, a team of another debate, or an unknown debate", async () => {
    const other = await seedOwnedDebate(prisma, "team-other");
    const foreign = (await prisma.team.create({ data: { debateId: other.debateId, name: "Theirs", colour: "#B42318", perspective: "neutral" } })).id;
    await expectError(await expectNothingWritten(prisma, () => patchTeam(randomUUID(), { name: "X" })), 404, "NOT_FOUND");
    await expectError(await expectNothingWritten(prisma, () => patchTeam(foreign, { name: "X" })), 404, "NOT_FOUND");
    await expectError(await expectNothingWritten(prisma, () => patchTeam(teamA, { name: "X" }, { slug: "no-such-debate" })), 404, "NOT_FOUND");
  });

  it("answers 400 for a team id that is not a UUID, 401 without a session, 403 to everyone but the owner", async () => {
    await expectError(await expectNothingWritten(prisma, () => patchTeam("team-a", { name: "X" })), 400, "BAD_REQUEST");
    await expectError(await expectNothingWritten(prisma, () => patchTeam(teamA, { name: "X" }, { cookie: null })), 401, "UNAUTHORIZED");
    for (const who of NOT_OWNERS) await expectError(await expectNothingWritten(prisma, () => patchTeam(teamA, { name: "X" }, { cookie: debate.people[who].cookie })), 403, "FORBIDDEN");
  });
});

describe("DELETE /api/debates/{slug}/teams/{teamId}", () => {
  it("deletes a team: its members stay in the debate without a team, its statements stay on the map", async () => {
    const { participant } = debate.people;
    await prisma.member.update({ where: { debateId_userId: { debateId: debate.debateId, userId: participant.id } }, data: { teamId: teamA } });
    await prisma.node.update({ where: { id: debate.claimId }, data: { teamId: teamA, authorId: participant.id } });

    const response = await deleteTeam(teamA);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ teamId: teamA });
    expect(await prisma.team.findUnique({ where: { id: teamA } })).toBeNull();
    expect(await prisma.member.findUniqueOrThrow({ where: { debateId_userId: { debateId: debate.debateId, userId: participant.id } } })).toMatchObject({ role: "participant", teamId: null });
    // Node.teamId is ON DELETE SET NULL: the statement stays, without a team.
    expect(await prisma.node.findUniqueOrThrow({ where: { id: debate.claimId } })).toMatchObject({ deletedAt: null, authorId: participant.id, teamId: null });
    await expectAudit(prisma, debate.debateId, { action: "team.deleted", actorId: debate.people.owner.id, detail: { teamId: teamA, name: "Team A", perspective: "armenian", members: 1, statements: 1 } });
    await expectEvent(prisma, debate.debateId, { type: "team.deleted", entityId: teamA });
  });

  it("answers 404 for an unknown team, 401 without a session, 403 to everyone but the owner", async () => {
    await expectError(await expectNothingWritten(prisma, () => deleteTeam(randomUUID())), 404, "NOT_FOUND");
    await expectError(await expectNothingWritten(prisma, () => deleteTeam(teamB, { cookie: null })), 401, "UNAUTHORIZED");
    for (const who of NOT_OWNERS) await expectError(await expectNothingWritten(prisma, () => deleteTeam(teamB, { cookie: debate.people[who].cookie })), 403, "FORBIDDEN");
  });
});
