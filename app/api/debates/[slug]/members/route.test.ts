import { describe, expect, it } from "vitest";

import type { TMember } from "@/lib/schemas/member";
import { testDatabase } from "@/test/database";
import { callRoute, ownedDebate } from "@/test/owned-debate";
import { expectError } from "@/test/session";

import { GET } from "./route";

const prisma = testDatabase();
const debate = ownedDebate(prisma, "members-debate");

const listMembers = (options: { cookie?: string | null; slug?: string } = {}) => {
  const slug = options.slug ?? debate.slug;
  return callRoute(GET, { method: "GET", path: `/api/debates/${slug}/members`, params: { slug: slug }, cookie: options.cookie === null ? undefined : (options.cookie ?? debate.people.owner.cookie) });
};

describe("GET /api/debates/{slug}/members", () => {
  it("lists members in order of joining, with names, roles and teams, to the owner and to moderators", async () => {
    for (const who of ["owner", "moderator"] as const) {
      const response = await listMembers({ cookie: debate.people[who].cookie });
      expect(response.status).toBe(200);
      const { members } = (await response.json()) as { members: TMember[] };
      expect(members.map((m) => [m.name, m.role, m.teamId, m.shownAs])).toEqual(
        (["owner", "moderator", "participant", "viewer"] as const).map((role) => [debate.people[role].name, role, null, null]),
      );
    }
  });

  it("says how participants see each member in an anonymous debate", async () => {
    const team = await prisma.team.create({ data: { debateId: debate.debateId, name: "Team A", colour: "#B42318", perspective: "armenian" } });
    await prisma.member.update({ where: { debateId_userId: { debateId: debate.debateId, userId: debate.people.viewer.id } }, data: { teamId: team.id } });
    await prisma.debate.update({ where: { id: debate.debateId }, data: { anonymous: true } });
    const { members } = (await (await listMembers()).json()) as { members: TMember[] };
    expect(members.map((m) => [m.role, m.shownAs])).toEqual([
      ["owner", debate.people.owner.name],
      ["moderator", debate.people.moderator.name],
      ["participant", "Participant 1"],
      ["viewer", "Team A 1"],
    ]);
    expect(members[3]!.teamId).toBe(team.id);
  });

  it("answers 401 without a session, 403 to participants, viewers and outsiders, 404 for an unknown debate", async () => {
    await expectError(await listMembers({ cookie: null }), 401, "UNAUTHORIZED");
    for (const who of ["participant", "viewer", "outsider"] as const) {
      const body = await expectError(await listMembers({ cookie: debate.people[who].cookie }), 403, "FORBIDDEN");
      expect(body.message).toMatch(/owner and moderators|members/);
    }
    await expectError(await listMembers({ slug: "no-such-debate" }), 404, "NOT_FOUND");
  });
});
