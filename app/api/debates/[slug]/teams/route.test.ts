import { describe, expect, it } from "vitest";

import { testDatabase } from "@/test/database";
import { NOT_OWNERS, callRoute, expectAudit, expectEvent, expectNothingWritten, ownedDebate, seedOwnedDebate } from "@/test/owned-debate";
import { expectError } from "@/test/session";

import { POST } from "./route";

const prisma = testDatabase();
const debate = ownedDebate(prisma, "teams-debate");

const createTeam = (body: unknown, options: { cookie?: string | null; slug?: string } = {}) => {
  const slug = options.slug ?? debate.slug;
  return callRoute(POST, { method: "POST", path: `/api/debates/${slug}/teams`, params: { slug: slug }, body, cookie: options.cookie === null ? undefined : (options.cookie ?? debate.people.owner.cookie) });
};

describe("POST /api/debates/{slug}/teams", () => {
  it("creates a team with its name, colour and perspective; audited and announced", async () => {
    const response = await createTeam({ name: "  Team A ", colour: "#b42318", perspective: "armenian" });
    expect(response.status).toBe(201);
    const { team } = (await response.json()) as { team: { id: string } };
    expect(team).toEqual({ id: expect.any(String), name: "Team A", colour: "#B42318", perspective: "armenian" });
    expect(await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ debateId: debate.debateId, name: "Team A", colour: "#B42318", perspective: "armenian" });
    await expectAudit(prisma, debate.debateId, { action: "team.created", actorId: debate.people.owner.id, detail: { teamId: team.id, name: "Team A", colour: "#B42318", perspective: "armenian" } });
    await expectEvent(prisma, debate.debateId, { type: "team.created", entityId: team.id });
  });

  it("refuses a second team of the same name, whatever its case, with 422 on the name", async () => {
    const body = await expectError(await expectNothingWritten(prisma, () => createTeam({ name: "team a", colour: "#1849A9", perspective: "azerbaijani" })), 422, "VALIDATION");
    expect(body.message).toContain('"Team A"');
    expect(body.fieldErrors?.name).toBeDefined();
  });

  it("lets only one of two simultaneous teams of one name through", async () => {
    const body = { name: "Racers", colour: "#067647", perspective: "neutral" };
    const responses = await Promise.all([createTeam(body), createTeam(body)]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(await prisma.team.count({ where: { debateId: debate.debateId, name: "Racers" } })).toBe(1);
  });

  it("lets another debate have a team of the same name", async () => {
    const other = await seedOwnedDebate(prisma, "teams-other");
    expect((await createTeam({ name: "Team A", colour: "#1849A9", perspective: "neutral" }, { slug: other.slug, cookie: other.people.owner.cookie })).status).toBe(201);
  });

  it.each([
    { name: "a colour outside the palette", body: { name: "Team B", colour: "#FFFF00", perspective: "armenian" }, field: "colour" },
    { name: "a colour that is not hex", body: { name: "Team B", colour: "red", perspective: "armenian" }, field: "colour" },
    { name: "an unknown perspective", body: { name: "Team B", colour: "#1849A9", perspective: "russian" }, field: "perspective" },
    { name: "an empty name", body: { name: "  ", colour: "#1849A9", perspective: "armenian" }, field: "name" },
    { name: "a name over 40 characters", body: { name: "T".repeat(41), colour: "#1849A9", perspective: "armenian" }, field: "name" },
    { name: "an unknown field", body: { name: "Team B", colour: "#1849A9", perspective: "armenian", debateId: "x" }, field: "_" },
  ])("answers 422 for $name", async ({ body, field }) => {
    const error = await expectError(await expectNothingWritten(prisma, () => createTeam(body)), 422, "VALIDATION");
    expect(error.fieldErrors?.[field]?.length).toBeGreaterThan(0);
  });

  it("answers 401 without a session", async () => {
    await expectError(await expectNothingWritten(prisma, () => createTeam({ name: "Team B", colour: "#1849A9", perspective: "armenian" }, { cookie: null })), 401, "UNAUTHORIZED");
  });

  it.each(NOT_OWNERS)("answers 403 to the debate's %s", async (who) => {
    const body = await expectError(await expectNothingWritten(prisma, () => createTeam({ name: "Team B", colour: "#1849A9", perspective: "armenian" }, { cookie: debate.people[who].cookie })), 403, "FORBIDDEN");
    expect(body.message).toMatch(/owner|members/);
  });

  it("answers 404 for an unknown debate", async () => {
    await expectError(await expectNothingWritten(prisma, () => createTeam({ name: "Team B", colour: "#1849A9", perspective: "armenian" }, { slug: "no-such-debate" })), 404, "NOT_FOUND");
  });

  it("caps a debate at 12 teams", async () => {
    const other = await seedOwnedDebate(prisma, "teams-many");
    await prisma.team.createMany({ data: Array.from({ length: 12 }, (_, i) => ({ debateId: other.debateId, name: `T${i}`, colour: "#1849A9", perspective: "neutral" as const })) });
    const body = await expectError(await expectNothingWritten(prisma, () => createTeam({ name: "One more", colour: "#1849A9", perspective: "neutral" }, { slug: other.slug, cookie: other.people.owner.cookie })), 409, "CONFLICT");
    expect(body.message).toContain("at most 12");
  });

  it("still lets the owner create teams in a closed or archived debate", async () => {
    await prisma.debate.update({ where: { id: debate.debateId }, data: { phase: "archived" } });
    try {
      expect((await createTeam({ name: "Round two", colour: "#067647", perspective: "neutral" })).status).toBe(201);
    } finally {
      await prisma.debate.update({ where: { id: debate.debateId }, data: { phase: "open" } });
    }
  });
});
