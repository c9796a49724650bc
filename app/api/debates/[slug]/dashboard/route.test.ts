import type { ContributionStatus, NodeKind, PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TDashboard } from "@/lib/schemas/dashboard";
import { connect } from "@/scripts/lib/prisma-client";
import { createUser, expectError, seedOtherDebate, sessionCookie, type TestUser } from "@/test/session";

import { GET } from "./route";

const SLUG = "dash-debate";
let prisma: PrismaClient;
let debateId: string;
const people = {} as Record<"olga" | "mo" | "ann" | "bob" | "cem" | "dee" | "vee" | "fay" | "outsider", TestUser & { cookie: string }>;
const ids: Record<string, string> = {};

function getDashboard(cookie?: string, query = ""): Promise<Response> {
  return GET(new Request(`http://localhost/api/debates/${SLUG}/dashboard${query}`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({ slug: SLUG }) });
}

async function dashboard(): Promise<TDashboard> {
  const response = await getDashboard(people.mo.cookie);
  expect(response.status).toBe(200);
  return (await response.json()) as TDashboard;
}

/** A tiny RFC 4180 reader: quoted fields with doubled quotes and line breaks, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(field);
      field = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  expect(field === "" && row.length === 0, "the file ends with CRLF").toBe(true);
  return rows;
}

/**
 * The fixture, with what each item adds up to. T and C are the seeded thesis
 * and claim (no author). Sources: article (neutral), report (armenian),
 * baku (azerbaijani), un (neutral). Teams: Red (armenian: Ann, Bob), Blue
 * (azerbaijani: Cem). Dee has no team; Fay wrote while on Blue and has left.
 *
 *   node  author  team  status    kind      sources         relation (same author unless said)
 *   n1    Ann     Red   approved  rebuttal  report          r1 attacks T, approved
 *   n2    Ann     Red   pending   premise   report, un      r2 supports n1, pending
 *   n3    Bob     Red   rejected  rebuttal  baku            r3 attacks C, rejected
 *   n4    Cem     Blue  approved  rebuttal  baku, article   r4 attacks n1, approved
 *   n5    Dee     -     approved  claim     un              r5 supports T, approved
 *   n6    Fay     Blue  approved  premise   article         r6 supports C, approved
 *   n7    Ann     Red   approved  rebuttal  baku            r7 attacks n5, approved — both deleted
 *   n8    Olga    -     approved  claim     report          r11 supports T, approved
 *   links on their own: r8 Bob n5 attacks n4, pending; r9 Cem n5 attacks C, approved;
 *   r12 (no author) n2 attacks n6, approved — from a pending statement.
 */
async function buildFixture(): Promise<void> {
  const seeded = await seedOtherDebate(prisma, SLUG);
  debateId = seeded.debateId;
  ids.T = seeded.thesisId;
  ids.C = seeded.claimId;
  ids.report = seeded.sourceId;
  ids.article = (await prisma.source.findFirstOrThrow({ where: { debateId, articleId: { not: null } } })).id;
  ids.baku = (await prisma.source.create({ data: { debateId, title: "Baku report", perspective: "azerbaijani" } })).id;
  ids.un = (await prisma.source.create({ data: { debateId, title: "UN note", perspective: "neutral" } })).id;
  const other = await seedOtherDebate(prisma, "dash-other");

  const names = { olga: "Olga Owner", mo: "Mo Moderator", ann: "Ann Red", bob: "Bob Red", cem: "Cem Blue", dee: "=SUM(1,2) Dee", vee: "Vee Viewer", fay: "Fay Former", outsider: "Oscar Outsider" };
  for (const [key, name] of Object.entries(names)) {
    const user = await createUser(prisma, name);
    people[key as keyof typeof people] = { ...user, cookie: await sessionCookie(user) };
  }
  await prisma.debate.update({ where: { id: debateId }, data: { ownerId: people.olga.id, moderationMode: "premoderated" } });
  ids.red = (await prisma.team.create({ data: { debateId, name: "Team Red", colour: "#9a3412", perspective: "armenian" } })).id;
  ids.blue = (await prisma.team.create({ data: { debateId, name: "Team Blue", colour: "#0e7490", perspective: "azerbaijani" } })).id;
  await prisma.member.createMany({
    data: [
      { debateId, userId: people.olga.id, role: "owner" },
      { debateId, userId: people.mo.id, role: "moderator" },
      { debateId, userId: people.ann.id, role: "participant", teamId: ids.red },
      { debateId, userId: people.bob.id, role: "participant", teamId: ids.red },
      { debateId, userId: people.cem.id, role: "participant", teamId: ids.blue },
      { debateId, userId: people.dee.id, role: "participant" },
      { debateId, userId: people.vee.id, role: "viewer" },
      { debateId: other.debateId, userId: people.outsider.id, role: "moderator" },
    ],
  });

  const start = Date.now() - 60_000;
  let tick = 0;
  const node = async (key: string, author: keyof typeof people, team: string | null, status: ContributionStatus, kind: NodeKind, sources: string[], text: string, deleted = false) => {
    ids[key] = (
      await prisma.node.create({
        data: { debateId, kind, text, authorId: people[author].id, teamId: team, status, createdAt: new Date(start + tick++ * 1000), deletedAt: deleted ? new Date() : null, nodeSources: { create: sources.map((s) => ({ sourceId: ids[s]! })) } },
      })
    ).id;
  };
  const relation = (from: string, to: string, type: "supports" | "attacks", author: keyof typeof people | null, status: ContributionStatus, deleted = false) =>
    prisma.relation.create({ data: { debateId, fromId: ids[from]!, toId: ids[to]!, type, authorId: author ? people[author].id : null, status, deletedAt: deleted ? new Date() : null } });

  await node("n1", "ann", ids.red, "approved", "rebuttal", ["report"], "The road was closed by protesters, not the state.");
  await node("n2", "ann", ids.red, "pending", "premise", ["report", "un"], "Protest camps stood on the road for months.");
  await node("n3", "bob", ids.red, "rejected", "rebuttal", ["baku"], "Nothing happened on the road.");
  await node("n4", "cem", ids.blue, "approved", "rebuttal", ["baku", "article"], "The protesters were sent by the state.");
  await node("n5", "dee", null, "approved", "claim", ["un"], "@everyone the corridor stayed closed to trucks.");
  await node("n6", "fay", ids.blue, "approved", "premise", ["article"], "Officials said so on television.");
  await node("n7", "ann", ids.red, "approved", "rebuttal", ["baku"], "A statement its author deleted.", true);
  await node("n8", "olga", null, "approved", "claim", ["report"], "+ the owner's own claim, starting with a plus.");
  await relation("n1", "T", "attacks", "ann", "approved");
  await relation("n2", "n1", "supports", "ann", "pending");
  await relation("n3", "C", "attacks", "bob", "rejected");
  await relation("n4", "n1", "attacks", "cem", "approved");
  await relation("n5", "T", "supports", "dee", "approved");
  await relation("n6", "C", "supports", "fay", "approved");
  await relation("n7", "n5", "attacks", "ann", "approved", true);
  await relation("n5", "n4", "attacks", "bob", "pending");
  await relation("n5", "C", "attacks", "cem", "approved");
  await relation("n8", "T", "supports", "olga", "approved");
  await relation("n2", "n6", "attacks", null, "approved");
}

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  await buildFixture();
});

afterAll(async () => {
  await prisma.$disconnect();
});

const counts = (statements: number, links: number, approved: number, pending: number, rejected: number) => ({ statements, links, approved, pending, rejected });

describe("GET /api/debates/{slug}/dashboard", () => {
  it("counts contributions by team, team perspective and person, as derived by hand from the fixture", async () => {
    const d = await dashboard();
    expect(d.debate).toEqual({ slug: SLUG, title: "Another debate", moderationMode: "premoderated", phase: "open" });
    // Statements n1-n6 and n8 (7), links r1-r6, r8, r9, r11 (9); pending n2, r2, r8; rejected n3, r3.
    expect(d.totals).toEqual(counts(7, 9, 11, 3, 2));
    expect(d.teams).toEqual([
      // Blue: n4 and Fay's n6 (written while on Blue); Cem's links r4, r9.
      { id: ids.blue, name: "Team Blue", perspective: "azerbaijani", counts: counts(2, 2, 4, 0, 0) },
      // Red: n1, n2, n3; Ann's r1, r2 and Bob's r3, r8.
      { id: ids.red, name: "Team Red", perspective: "armenian", counts: counts(3, 4, 2, 3, 2) },
      // No team: Dee's n5, r5; Olga's n8, r11; Fay's r6 (she has no team now).
      { id: null, name: "No team", perspective: null, counts: counts(2, 3, 5, 0, 0) },
    ]);
    expect(d.teamPerspectives).toEqual([
      { perspective: "armenian", counts: counts(3, 4, 2, 3, 2) },
      { perspective: "azerbaijani", counts: counts(2, 2, 4, 0, 0) },
      { perspective: "neutral", counts: counts(0, 0, 0, 0, 0) },
    ]);
    expect(d.people.map((p) => [p.name, p.team, p.role, p.counts])).toEqual([
      ["Olga Owner", null, "owner", counts(1, 1, 2, 0, 0)],
      ["Mo Moderator", null, "moderator", counts(0, 0, 0, 0, 0)],
      ["Cem Blue", "Team Blue", "participant", counts(1, 2, 3, 0, 0)],
      ["Ann Red", "Team Red", "participant", counts(2, 2, 2, 2, 0)],
      ["Bob Red", "Team Red", "participant", counts(1, 2, 0, 1, 2)],
      ["=SUM(1,2) Dee", null, "participant", counts(1, 1, 2, 0, 0)],
      ["Vee Viewer", null, "viewer", counts(0, 0, 0, 0, 0)],
      ["Fay Former", null, "former member", counts(1, 1, 2, 0, 0)],
    ]);
  });

  it("counts statements and citations by the perspective of the sources cited", async () => {
    const d = await dashboard();
    expect(d.citedPerspectives).toEqual([
      // n1, n2, n8 cite the (armenian) report.
      { perspective: "armenian", statements: 3, approved: 2, pending: 1, rejected: 0 },
      // n3, n4 cite the Baku report (n7 is deleted).
      { perspective: "azerbaijani", statements: 2, approved: 1, pending: 0, rejected: 1 },
      // n2 and n5 cite the UN note, n4 and n6 the article.
      { perspective: "neutral", statements: 4, approved: 3, pending: 1, rejected: 0 },
    ]);
    expect(d.sources).toEqual([
      { perspective: "armenian", citations: 3, distinctSources: 1 },
      { perspective: "azerbaijani", citations: 2, distinctSources: 1 },
      { perspective: "neutral", citations: 4, distinctSources: 2 },
    ]);
  });

  it("lists statements on the map that nothing approved attacks yet, by kind", async () => {
    // T is attacked by n1, C by n5 (r9), n1 by n4. n4's attacker r8 is pending, n5's was
    // deleted, n6's comes from a pending statement; n8 has none.
    expect((await dashboard()).unattacked).toEqual([
      { id: ids.n5, kind: "claim", text: "@everyone the corridor stayed closed to trucks." },
      { id: ids.n8, kind: "claim", text: "+ the owner's own claim, starting with a plus." },
      { id: ids.n6, kind: "premise", text: "Officials said so on television." },
      { id: ids.n4, kind: "rebuttal", text: "The protesters were sent by the state." },
    ]);
  });

  it("downloads the same figures as one CSV that parses back, with text a spreadsheet would run disarmed", async () => {
    const response = await getDashboard(people.mo.cookie, "?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${SLUG}-dashboard.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)], "a UTF-8 byte order mark").toEqual([0xef, 0xbb, 0xbf]);
    // The decoder drops the byte order mark.
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual(["section", "key", "detail", "statements", "links", "approved", "pending", "rejected", "citations", "distinct_sources"]);
    expect(rows.every((r) => r.length === 10)).toBe(true);
    // header, totals, 3 teams, 3 team perspectives, 8 people, 3 cited perspectives, 3 source rows, 4 unattacked.
    expect(rows).toHaveLength(1 + 1 + 3 + 3 + 8 + 3 + 3 + 4);
    const find = (section: string, key: string) => rows.find((r) => r[0] === section && r[1] === key);
    expect(find("totals", "all contributions")).toEqual(["totals", "all contributions", "", "7", "9", "11", "3", "2", "", ""]);
    expect(find("team", "Team Red")).toEqual(["team", "Team Red", "Armenian perspective", "3", "4", "2", "3", "2", "", ""]);
    expect(find("person", "Bob Red")).toEqual(["person", "Bob Red", "Team Red; participant", "1", "2", "0", "1", "2", "", ""]);
    expect(find("sources", "Neutral")).toEqual(["sources", "Neutral", "", "", "", "", "", "", "4", "2"]);
    expect(find("cited-perspective", "Azerbaijani")).toEqual(["cited-perspective", "Azerbaijani", "", "2", "", "1", "0", "1", "", ""]);

    expect(find("person", "'=SUM(1,2) Dee")?.slice(2, 4)).toEqual(["no team; participant", "1"]);
    expect(find("not-attacked", "'@everyone the corridor stayed closed to trucks.")?.[2]).toBe("Claim");
    expect(find("not-attacked", "'+ the owner's own claim, starting with a plus.")).toBeDefined();
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it("answers 400 for an unknown format", async () => {
    await expectError(await getDashboard(people.mo.cookie, "?format=xlsx"), 400, "BAD_REQUEST");
  });

  it.each([
    ["a participant", "ann"],
    ["a viewer", "vee"],
    ["a moderator of another debate", "outsider"],
  ] as const)("refuses %s (403), as JSON and as CSV", async (_label, who) => {
    await expectError(await getDashboard(people[who].cookie), 403, "FORBIDDEN");
    await expectError(await getDashboard(people[who].cookie, "?format=csv"), 403, "FORBIDDEN");
  });

  it("asks a signed-out visitor to sign in (401)", async () => {
    await expectError(await getDashboard(undefined, "?format=csv"), 401, "UNAUTHORIZED");
  });

  it("stays readable to the owner and moderators once the debate is archived", async () => {
    await prisma.debate.update({ where: { id: debateId }, data: { phase: "archived" } });
    try {
      expect((await getDashboard(people.olga.cookie)).status).toBe(200);
      expect((await dashboard()).debate.phase).toBe("archived");
    } finally {
      await prisma.debate.update({ where: { id: debateId }, data: { phase: "open" } });
    }
  });
});
