import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TAuditPage } from "@/lib/schemas/audit";
import { connect } from "@/scripts/lib/prisma-client";
import { callRoute, seedOwnedDebate, type OwnedDebate } from "@/test/owned-debate";
import { expectError } from "@/test/session";

import { GET } from "./route";

let prisma: PrismaClient;
let debate: OwnedDebate;

const readAudit = (query = "", options: { cookie?: string | null; slug?: string } = {}) => {
  const slug = options.slug ?? debate.slug;
  return callRoute(GET, { method: "GET", path: `/api/debates/${slug}/audit${query}`, params: { slug: slug }, cookie: options.cookie === null ? undefined : (options.cookie ?? debate.people.owner.cookie) });
};
async function page(query: string, cookie?: string): Promise<TAuditPage> {
  const response = await readAudit(query, { cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as TAuditPage;
}

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  debate = await seedOwnedDebate(prisma, "audit-debate");
  const other = await seedOwnedDebate(prisma, "audit-other");
  const { owner, moderator } = debate.people;
  // Seven entries a second apart, plus three that share one time (as one transaction's do), and one of another debate.
  const base = Date.UTC(2025, 0, 1);
  await prisma.auditEntry.createMany({
    data: [
      ...Array.from({ length: 7 }, (_, i) => ({ debateId: debate.debateId, actorId: i % 2 ? moderator.id : owner.id, action: "team.created", detail: { name: `Team ${i}` }, createdAt: new Date(base + i * 1000) })),
      ...Array.from({ length: 3 }, (_, i) => ({ debateId: debate.debateId, actorId: owner.id, action: "debate.settings-changed", detail: { n: i }, createdAt: new Date(base + 3500) })),
      { debateId: other.debateId, actorId: other.people.owner.id, action: "team.created", detail: { name: "Elsewhere" }, createdAt: new Date(base + 9000) },
    ],
  });
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("GET /api/debates/{slug}/audit", () => {
  it("lists the debate's entries newest first, with actor names, to the owner and to moderators", async () => {
    for (const who of ["owner", "moderator"] as const) {
      const { entries, nextBefore } = await page("", debate.people[who].cookie);
      expect(entries).toHaveLength(10);
      expect(nextBefore).toBeNull();
      expect(entries[0]).toEqual({ id: expect.any(String), action: "team.created", actorName: debate.people.owner.name, detail: { name: "Team 6" }, createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, 6)).toISOString() });
      expect(entries[1]!.actorName).toBe(debate.people.moderator.name);
      const times = entries.map((e) => Date.parse(e.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
  });

  it("pages through the log with before and limit, without skipping or repeating entries that share a time", async () => {
    const seen: string[] = [];
    let query = "?limit=3";
    for (;;) {
      const { entries, nextBefore } = await page(query);
      expect(entries.length).toBeLessThanOrEqual(3);
      seen.push(...entries.map((e) => e.id));
      if (!nextBefore) break;
      query = `?limit=3&before=${nextBefore}`;
    }
    const all = (await page("?limit=100")).entries.map((e) => e.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(10);
  });

  it.each([
    { name: "a limit of 0", query: "?limit=0" },
    { name: "a limit over 100", query: "?limit=101" },
    { name: "a limit that is not a number", query: "?limit=many" },
    { name: "a cursor that is not a UUID", query: "?before=yesterday" },
    { name: "a cursor that is no entry of this debate", query: `?before=${randomUUID()}` },
  ])("answers 400 for $name", async ({ query }) => {
    await expectError(await readAudit(query), 400, "BAD_REQUEST");
  });

  it("answers 401 without a session, 403 to participants, viewers and outsiders, 404 for an unknown debate", async () => {
    await expectError(await readAudit("", { cookie: null }), 401, "UNAUTHORIZED");
    for (const who of ["participant", "viewer", "outsider"] as const) await expectError(await readAudit("", { cookie: debate.people[who].cookie }), 403, "FORBIDDEN");
    await expectError(await readAudit("", { slug: "no-such-debate" }), 404, "NOT_FOUND");
  });
});
