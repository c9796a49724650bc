import { describe, expect, it } from "vitest";

import { ZMapDocument, ZMapNode } from "@/lib/schemas/map";
import { testDatabase } from "@/test/database";
import { NOT_OWNERS, callRoute, expectAudit, expectEvent, expectNothingWritten, ownedDebate } from "@/test/owned-debate";
import { expectError } from "@/test/session";

import { GET as getMap } from "../../route";
import { POST as postNode } from "../../nodes/route";
import { POST } from "./route";

const prisma = testDatabase();
const debate = ownedDebate(prisma, "swap-debate");

const swap = (options: { cookie?: string | null; slug?: string } = {}) => {
  const slug = options.slug ?? debate.slug;
  return callRoute(POST, { method: "POST", path: `/api/debates/${slug}/teams/swap-sides`, params: { slug: slug }, cookie: options.cookie === null ? undefined : (options.cookie ?? debate.people.owner.cookie) });
};
const perspectives = async () => Object.fromEntries((await prisma.team.findMany({ where: { debateId: debate.debateId } })).map((t) => [t.name, t.perspective]));

describe("POST /api/debates/{slug}/teams/swap-sides", () => {
  it("refuses with 409 while no team argues a side", async () => {
    await prisma.team.create({ data: { debateId: debate.debateId, name: "Team C", colour: "#475467", perspective: "neutral" } });
    const body = await expectError(await expectNothingWritten(prisma, () => swap()), 409, "CONFLICT");
    expect(body.message).toContain("no sides to swap");
  });

  it("exchanges the two sides' cases and keeps the neutral team neutral; members stay on their teams", async () => {
    const a = await prisma.team.create({ data: { debateId: debate.debateId, name: "Team A", colour: "#B42318", perspective: "armenian" } });
    const b = await prisma.team.create({ data: { debateId: debate.debateId, name: "Team B", colour: "#1849A9", perspective: "azerbaijani" } });
    await prisma.member.update({ where: { debateId_userId: { debateId: debate.debateId, userId: debate.people.participant.id } }, data: { teamId: a.id } });

    const response = await swap();
    expect(response.status).toBe(200);
    const { teams } = (await response.json()) as { teams: { name: string; perspective: string }[] };
    expect(teams.map((t) => [t.name, t.perspective])).toEqual([
      ["Team C", "neutral"],
      ["Team A", "azerbaijani"],
      ["Team B", "armenian"],
    ]);
    expect(await perspectives()).toEqual({ "Team A": "azerbaijani", "Team B": "armenian", "Team C": "neutral" });
    expect((await prisma.member.findUniqueOrThrow({ where: { debateId_userId: { debateId: debate.debateId, userId: debate.people.participant.id } } })).teamId).toBe(a.id);
    await expectAudit(prisma, debate.debateId, {
      action: "teams.sides-swapped",
      actorId: debate.people.owner.id,
      detail: { teams: [{ teamId: a.id, name: "Team A", from: "armenian", to: "azerbaijani" }, { teamId: b.id, name: "Team B", from: "azerbaijani", to: "armenian" }] },
    });
    await expectEvent(prisma, debate.debateId, { type: "team.sides-swapped", entityId: debate.debateId });
  });

  it("leaves each statement with the case its team argued when it was written", async () => {
    const participant = debate.people.participant;
    const write = async (text: string) => {
      const body = { kind: "rebuttal", text, link: { type: "attacks", targetId: debate.claimId }, sources: [{ sourceId: debate.sourceId }] };
      const response = await callRoute(postNode, { method: "POST", path: `/api/debates/${debate.slug}/nodes`, params: { slug: debate.slug }, body, cookie: participant.cookie });
      expect(response.status).toBe(201);
      return ZMapNode.parse(((await response.json()) as { node: unknown }).node);
    };
    // Team A argues the Azerbaijani case since the swap above.
    const before = await write("Written while Team A argued the Azerbaijani case.");
    expect(before.teamSide).toBe("azerbaijani");
    expect((await swap()).status).toBe(200);
    const after = await write("Written once Team A argued the Armenian case.");
    expect(after.teamSide).toBe("armenian");

    const map = ZMapDocument.parse(await (await callRoute(getMap, { method: "GET", path: `/api/debates/${debate.slug}`, params: { slug: debate.slug }, cookie: participant.cookie })).json());
    const sideOf = (id: string) => map.nodes.find((n) => n.id === id)?.teamSide;
    expect([sideOf(before.id), sideOf(after.id)]).toEqual(["azerbaijani", "armenian"]);
    expect(map.teams.find((t) => t.id === before.teamId)?.perspective).toBe("armenian");
    expect((await swap()).status).toBe(200);
  });

  it("swaps back on a second swap, and two swaps at once make two swaps", async () => {
    expect((await swap()).status).toBe(200);
    expect(await perspectives()).toEqual({ "Team A": "armenian", "Team B": "azerbaijani", "Team C": "neutral" });
    const responses = await Promise.all([swap(), swap()]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(await perspectives()).toEqual({ "Team A": "armenian", "Team B": "azerbaijani", "Team C": "neutral" });
  });

  it("answers 401 without a session, 403 to everyone but the owner, 404 for an unknown debate", async () => {
    await expectError(await expectNothingWritten(prisma, () => swap({ cookie: null })), 401, "UNAUTHORIZED");
    for (const who of NOT_OWNERS) await expectError(await expectNothingWritten(prisma, () => swap({ cookie: debate.people[who].cookie })), 403, "FORBIDDEN");
    await expectError(await expectNothingWritten(prisma, () => swap({ slug: "no-such-debate" })), 404, "NOT_FOUND");
  });
});
