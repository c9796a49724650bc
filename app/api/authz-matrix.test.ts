/**
 * Every debate route × every kind of person, with the status each must get,
 * and no row of any table changed where the answer is a refusal. The people:
 * nobody signed in, a member of another debate, and the viewer, participant,
 * moderator and owner of an owned classroom debate.
 */
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { connect } from "@/scripts/lib/prisma-client";
import { createUser, jsonRequest, seedOtherDebate, sessionCookie, type TestUser } from "@/test/session";

import * as exportRoute from "./debates/[debateId]/export/route";
import * as nodeRoute from "./debates/[debateId]/nodes/[nodeId]/route";
import * as revisionsRoute from "./debates/[debateId]/nodes/[nodeId]/revisions/route";
import * as nodesRoute from "./debates/[debateId]/nodes/route";
import * as relationsRoute from "./debates/[debateId]/relations/route";
import * as debateRoute from "./debates/[debateId]/route";

const PEOPLE = ["anonymous", "outsider", "viewer", "participant", "moderator", "owner"] as const;
type Person = (typeof PEOPLE)[number];

const SLUG = "classroom";
let prisma: PrismaClient;
const users = {} as Record<Exclude<Person, "anonymous">, TestUser>;
const cookies = {} as Record<Person, string | undefined>;
let ids: { thesisId: string; claimId: string; sourceId: string };

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

type Case = {
  name: string;
  /** Makes what the request acts on, fresh for each person (a node to edit, say). */
  prepare?: () => Promise<Record<string, string>>;
  request: (made: Record<string, string>, cookie: string | undefined) => { handler: Handler; request: Request; params: Record<string, string> };
  expected: Record<Person, number>;
};

const ALL = (status: number): Record<Person, number> => ({ anonymous: status, outsider: status, viewer: status, participant: status, moderator: status, owner: status });
/** Writes any member but a viewer may make. */
const CONTRIBUTE = (ok: number): Record<Person, number> => ({ anonymous: 401, outsider: 403, viewer: 403, participant: ok, moderator: ok, owner: ok });
/** Changes to someone else's statement: moderators and the owner only. */
const MODERATE = (ok: number): Record<Person, number> => ({ anonymous: 401, outsider: 403, viewer: 403, participant: 403, moderator: ok, owner: ok });

const url = (path: string) => `http://localhost/api/debates/${SLUG}${path}`;
const get = (path: string, cookie: string | undefined) => new Request(url(path), { headers: cookie ? { cookie } : {} });

/** A statement by the owner, on the thesis, made straight in the database. */
async function ownersClaim(): Promise<Record<string, string>> {
  const debate = await prisma.debate.findUniqueOrThrow({ where: { slug: SLUG } });
  const node = await prisma.node.create({ data: { debateId: debate.id, kind: "claim", text: "A claim by the owner.", authorId: users.owner.id, nodeSources: { create: [{ sourceId: ids.sourceId }] } } });
  await prisma.relation.create({ data: { debateId: debate.id, fromId: node.id, toId: ids.thesisId, type: "supports", authorId: users.owner.id } });
  return { nodeId: node.id };
}

const SOURCE = { title: "A report", publisher: "Example", url: "https://example.org/report", perspective: "neutral" };

const CASES: Case[] = [
  {
    name: "GET the map",
    request: (_, cookie) => ({ handler: debateRoute.GET, request: get("", cookie), params: { debateId: SLUG } }),
    expected: ALL(200),
  },
  {
    name: "GET the export",
    request: (_, cookie) => ({ handler: exportRoute.GET, request: get("/export?format=json", cookie), params: { debateId: SLUG } }),
    expected: ALL(200),
  },
  {
    name: "GET a statement's history",
    request: (_, cookie) => ({ handler: revisionsRoute.GET, request: get(`/nodes/${ids.claimId}/revisions`, cookie), params: { debateId: SLUG, nodeId: ids.claimId } }),
    expected: ALL(200),
  },
  {
    name: "POST a statement",
    request: (_, cookie) => ({
      handler: nodesRoute.POST,
      request: jsonRequest("POST", url("/nodes"), { kind: "claim", text: "A new claim.", link: { type: "supports", targetId: ids.thesisId }, sources: [SOURCE] }, cookie),
      params: { debateId: SLUG },
    }),
    expected: CONTRIBUTE(201),
  },
  {
    name: "POST a relation",
    prepare: ownersClaim,
    request: ({ nodeId }, cookie) => ({
      handler: relationsRoute.POST,
      request: jsonRequest("POST", url("/relations"), { fromId: nodeId, toId: ids.claimId, type: "attacks" }, cookie),
      params: { debateId: SLUG },
    }),
    expected: CONTRIBUTE(201),
  },
  {
    name: "PATCH someone else's statement",
    prepare: ownersClaim,
    request: ({ nodeId }, cookie) => ({
      handler: nodeRoute.PATCH,
      request: jsonRequest("PATCH", url(`/nodes/${nodeId}`), { text: "Edited.", version: 1 }, cookie),
      params: { debateId: SLUG, nodeId: nodeId! },
    }),
    expected: MODERATE(200),
  },
  {
    name: "DELETE someone else's statement",
    prepare: ownersClaim,
    request: ({ nodeId }, cookie) => ({
      handler: nodeRoute.DELETE,
      request: new Request(url(`/nodes/${nodeId}?version=1`), { method: "DELETE", headers: cookie ? { cookie } : {} }),
      params: { debateId: SLUG, nodeId: nodeId! },
    }),
    expected: MODERATE(200),
  },
];

/** Every table a request could write to, whole, to show that a refusal changed nothing. */
function snapshot() {
  return Promise.all([
    prisma.debate.findMany({ orderBy: { id: "asc" } }),
    prisma.article.findMany({ orderBy: { id: "asc" } }),
    prisma.node.findMany({ orderBy: { id: "asc" } }),
    prisma.relation.findMany({ orderBy: { id: "asc" } }),
    prisma.premiseGroup.findMany({ orderBy: { id: "asc" } }),
    prisma.source.findMany({ orderBy: { id: "asc" } }),
    prisma.nodeSource.findMany({ orderBy: [{ nodeId: "asc" }, { sourceId: "asc" }] }),
    prisma.member.findMany({ orderBy: { id: "asc" } }),
    prisma.team.findMany({ orderBy: { id: "asc" } }),
    prisma.revision.findMany({ orderBy: { id: "asc" } }),
    prisma.auditEntry.findMany({ orderBy: { id: "asc" } }),
    prisma.debateEvent.findMany({ orderBy: { id: "asc" } }),
    prisma.user.findMany({ orderBy: { id: "asc" } }),
  ]);
}

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  const classroom = await seedOtherDebate(prisma, SLUG);
  const elsewhere = await seedOtherDebate(prisma, "elsewhere");
  ids = { thesisId: classroom.thesisId, claimId: classroom.claimId, sourceId: classroom.sourceId };
  for (const person of PEOPLE) {
    if (person === "anonymous") continue;
    users[person] = await createUser(prisma, `${person[0]!.toUpperCase()}${person.slice(1)} Example`);
    cookies[person] = await sessionCookie(users[person]);
  }
  await prisma.debate.update({ where: { id: classroom.debateId }, data: { ownerId: users.owner.id } });
  await prisma.debate.update({ where: { id: elsewhere.debateId }, data: { ownerId: users.outsider.id } });
  await prisma.member.createMany({
    data: [
      { debateId: classroom.debateId, userId: users.owner.id, role: "owner" },
      { debateId: classroom.debateId, userId: users.moderator.id, role: "moderator" },
      { debateId: classroom.debateId, userId: users.participant.id, role: "participant" },
      { debateId: classroom.debateId, userId: users.viewer.id, role: "viewer" },
      { debateId: elsewhere.debateId, userId: users.outsider.id, role: "owner" },
    ],
  });
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe.each(CASES)("$name", (testCase) => {
  it.each(PEOPLE)("answers %s as the rule table says", async (person) => {
    const made = (await testCase.prepare?.()) ?? {};
    const { handler, request, params } = testCase.request(made, cookies[person]);
    const expected = testCase.expected[person];
    const before = expected >= 400 ? await snapshot() : null;
    const response = await handler(request, { params: Promise.resolve(params) });
    const body = await response.text();
    expect(response.status, body.slice(0, 300)).toBe(expected);
    if (before) expect(await snapshot()).toEqual(before);
  });
});
