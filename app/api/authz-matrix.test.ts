/**
 * Every route that reads or writes a debate's data, with starting, importing
 * and joining a debate and signing up, × every kind of person, with the status each must get, and no row of any table changed
 * where the answer is a refusal. The people:
 * nobody signed in, a member of another debate, and the viewer, participant,
 * moderator and owner of an owned classroom debate.
 */
import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { connect } from "@/scripts/lib/prisma-client";
import { createUser, jsonRequest, seedOtherDebate, sessionCookie, type TestUser } from "@/test/session";

import * as auditRoute from "./debates/[slug]/audit/route";
import * as dashboardRoute from "./debates/[slug]/dashboard/route";
import * as eventsRoute from "./debates/[slug]/events/route";
import * as exportRoute from "./debates/[slug]/export/route";
import * as joinCodeRoute from "./debates/[slug]/join-code/route";
import * as memberRoute from "./debates/[slug]/members/[userId]/route";
import * as membersRoute from "./debates/[slug]/members/route";
import * as decisionsRoute from "./debates/[slug]/moderation/decisions/route";
import * as moderationRoute from "./debates/[slug]/moderation/route";
import * as nodeRoute from "./debates/[slug]/nodes/[nodeId]/route";
import * as redactRoute from "./debates/[slug]/nodes/[nodeId]/revisions/[revisionId]/redact/route";
import * as revisionsRoute from "./debates/[slug]/nodes/[nodeId]/revisions/route";
import * as nodesRoute from "./debates/[slug]/nodes/route";
import * as relationsRoute from "./debates/[slug]/relations/route";
import * as debateRoute from "./debates/[slug]/route";
import * as settingsRoute from "./debates/[slug]/settings/route";
import * as teamRoute from "./debates/[slug]/teams/[teamId]/route";
import * as teamsRoute from "./debates/[slug]/teams/route";
import * as swapSidesRoute from "./debates/[slug]/teams/swap-sides/route";
import * as importRoute from "./debates/import/route";
import * as debatesRoute from "./debates/route";
import * as joinRoute from "./join/route";
import * as usersRoute from "./users/route";

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
  /** An event stream: the answer's head is checked, then the stream is closed. */
  isStream?: boolean;
};

const ALL = (status: number): Record<Person, number> => ({ anonymous: status, outsider: status, viewer: status, participant: status, moderator: status, owner: status });
/** Writes any member but a viewer may make. */
const CONTRIBUTE = (ok: number): Record<Person, number> => ({ anonymous: 401, outsider: 403, viewer: 403, participant: ok, moderator: ok, owner: ok });
/** Changes to someone else's statement: moderators and the owner only. */
const MODERATE = (ok: number): Record<Person, number> => ({ anonymous: 401, outsider: 403, viewer: 403, participant: 403, moderator: ok, owner: ok });
/** Settings, teams, members and the join code: the owner only. */
const MANAGE = (ok: number): Record<Person, number> => ({ anonymous: 401, outsider: 403, viewer: 403, participant: 403, moderator: 403, owner: ok });
/** What any signed-in person may do, in no debate in particular. */
const SIGNED_IN = (ok: number): Record<Person, number> => ({ anonymous: 401, outsider: ok, viewer: ok, participant: ok, moderator: ok, owner: ok });

const url = (path: string) => `http://localhost/api/debates/${SLUG}${path}`;
const get = (path: string, cookie: string | undefined) => new Request(url(path), { headers: cookie ? { cookie } : {} });

/** A statement by the owner, on the thesis, made straight in the database. */
async function ownersClaim(): Promise<Record<string, string>> {
  const debate = await prisma.debate.findUniqueOrThrow({ where: { slug: SLUG } });
  const node = await prisma.node.create({ data: { debateId: debate.id, kind: "claim", text: "A claim by the owner.", authorId: users.owner.id, nodeSources: { create: [{ sourceId: ids.sourceId }] } } });
  await prisma.relation.create({ data: { debateId: debate.id, fromId: node.id, toId: ids.thesisId, type: "supports", authorId: users.owner.id } });
  return { nodeId: node.id };
}

async function classroomId(): Promise<string> {
  return (await prisma.debate.findUniqueOrThrow({ where: { slug: SLUG } })).id;
}

/** A team made straight in the database, under a name no other case uses. */
async function team(perspective: "armenian" | "azerbaijani" | "neutral" = "neutral"): Promise<string> {
  return (await prisma.team.create({ data: { debateId: await classroomId(), name: `Team ${randomUUID().slice(0, 8)}`, colour: "#B42318", perspective } })).id;
}

/** A new participant of the classroom, for the owner to move or remove. */
async function newcomer(): Promise<Record<string, string>> {
  const user = await createUser(prisma, "Newcomer Example");
  await prisma.member.create({ data: { debateId: await classroomId(), userId: user.id, role: "participant" } });
  return { userId: user.id };
}

/** The owner's statement with the revision that added it, for a moderator to redact. */
async function revisedClaim(): Promise<Record<string, string>> {
  const { nodeId } = await ownersClaim();
  const revision = await prisma.revision.create({
    data: { debateId: await classroomId(), entityType: "node", entityId: nodeId!, version: 1, action: "create", actorId: users.owner.id, after: { kind: "claim", text: "A claim by the owner.", status: "approved", sourceIds: [ids.sourceId] } },
  });
  return { nodeId: nodeId!, revisionId: revision.id };
}

/** A participant's statement waiting for a moderator. */
async function pendingClaim(): Promise<Record<string, string>> {
  const debateId = await classroomId();
  const node = await prisma.node.create({ data: { debateId, kind: "claim", text: "A claim awaiting review.", authorId: users.participant.id, status: "pending", nodeSources: { create: [{ sourceId: ids.sourceId }] } } });
  await prisma.relation.create({ data: { debateId, fromId: node.id, toId: ids.thesisId, type: "supports", authorId: users.participant.id, status: "pending" } });
  return { nodeId: node.id };
}

const write = (method: string, path: string, body: unknown, cookie: string | undefined) =>
  body === undefined ? new Request(url(path), { method, headers: cookie ? { cookie } : {} }) : jsonRequest(method, url(path), body, cookie);

const ARTICLE_TEXT = "A town council article about closing the market square to cars. ".repeat(5);

const SOURCE = { title: "A report", publisher: "Example", url: "https://example.org/report", perspective: "neutral" };

const CASES: Case[] = [
  {
    name: "GET the map",
    request: (_, cookie) => ({ handler: debateRoute.GET, request: get("", cookie), params: { slug: SLUG } }),
    expected: ALL(200),
  },
  {
    name: "GET the export",
    request: (_, cookie) => ({ handler: exportRoute.GET, request: get("/export?format=json", cookie), params: { slug: SLUG } }),
    expected: ALL(200),
  },
  {
    name: "GET a statement's history",
    request: (_, cookie) => ({ handler: revisionsRoute.GET, request: get(`/nodes/${ids.claimId}/revisions`, cookie), params: { slug: SLUG, nodeId: ids.claimId } }),
    expected: ALL(200),
  },
  {
    name: "POST a statement",
    request: (_, cookie) => ({
      handler: nodesRoute.POST,
      request: jsonRequest("POST", url("/nodes"), { kind: "claim", text: "A new claim.", link: { type: "supports", targetId: ids.thesisId }, sources: [SOURCE] }, cookie),
      params: { slug: SLUG },
    }),
    expected: CONTRIBUTE(201),
  },
  {
    name: "POST a relation",
    prepare: ownersClaim,
    request: ({ nodeId }, cookie) => ({
      handler: relationsRoute.POST,
      request: jsonRequest("POST", url("/relations"), { fromId: nodeId, toId: ids.claimId, type: "attacks" }, cookie),
      params: { slug: SLUG },
    }),
    expected: CONTRIBUTE(201),
  },
  {
    name: "PATCH someone else's statement",
    prepare: ownersClaim,
    request: ({ nodeId }, cookie) => ({
      handler: nodeRoute.PATCH,
      request: jsonRequest("PATCH", url(`/nodes/${nodeId}`), { text: "Edited.", version: 1 }, cookie),
      params: { slug: SLUG, nodeId: nodeId! },
    }),
    expected: MODERATE(200),
  },
  {
    name: "DELETE someone else's statement",
    prepare: ownersClaim,
    request: ({ nodeId }, cookie) => ({
      handler: nodeRoute.DELETE,
      request: new Request(url(`/nodes/${nodeId}?version=1`), { method: "DELETE", headers: cookie ? { cookie } : {} }),
      params: { slug: SLUG, nodeId: nodeId! },
    }),
    expected: MODERATE(200),
  },
  {
    name: "GET the live events",
    request: (_, cookie) => ({ handler: eventsRoute.GET, request: get("/events", cookie), params: { slug: SLUG } }),
    expected: ALL(200),
    isStream: true,
  },
  {
    name: "GET the moderation queue",
    request: (_, cookie) => ({ handler: moderationRoute.GET, request: get("/moderation", cookie), params: { slug: SLUG } }),
    expected: MODERATE(200),
  },
  {
    name: "POST a moderation decision",
    prepare: pendingClaim,
    request: ({ nodeId }, cookie) => ({ handler: decisionsRoute.POST, request: write("POST", "/moderation/decisions", { decision: "approve", items: [{ type: "node", id: nodeId }] }, cookie), params: { slug: SLUG } }),
    expected: MODERATE(200),
  },
  {
    name: "POST a revision's redaction",
    prepare: revisedClaim,
    request: ({ nodeId, revisionId }, cookie) => ({
      handler: redactRoute.POST,
      request: write("POST", `/nodes/${nodeId}/revisions/${revisionId}/redact`, { reason: "Personal details" }, cookie),
      params: { slug: SLUG, nodeId: nodeId!, revisionId: revisionId! },
    }),
    expected: MODERATE(200),
  },
  {
    name: "GET the dashboard",
    request: (_, cookie) => ({ handler: dashboardRoute.GET, request: get("/dashboard", cookie), params: { slug: SLUG } }),
    expected: MODERATE(200),
  },
  {
    name: "GET the audit log",
    request: (_, cookie) => ({ handler: auditRoute.GET, request: get("/audit", cookie), params: { slug: SLUG } }),
    expected: MODERATE(200),
  },
  {
    name: "GET the members",
    request: (_, cookie) => ({ handler: membersRoute.GET, request: get("/members", cookie), params: { slug: SLUG } }),
    expected: MODERATE(200),
  },
  {
    name: "PATCH a member's role",
    prepare: newcomer,
    request: ({ userId }, cookie) => ({ handler: memberRoute.PATCH, request: write("PATCH", `/members/${userId}`, { role: "viewer" }, cookie), params: { slug: SLUG, userId: userId! } }),
    expected: MANAGE(200),
  },
  {
    name: "DELETE a member",
    prepare: newcomer,
    request: ({ userId }, cookie) => ({ handler: memberRoute.DELETE, request: write("DELETE", `/members/${userId}`, undefined, cookie), params: { slug: SLUG, userId: userId! } }),
    expected: MANAGE(200),
  },
  {
    name: "POST a team",
    request: (_, cookie) => ({ handler: teamsRoute.POST, request: write("POST", "/teams", { name: `Team ${randomUUID().slice(0, 8)}`, colour: "#B42318", perspective: "armenian" }, cookie), params: { slug: SLUG } }),
    expected: MANAGE(201),
  },
  {
    name: "PATCH a team",
    prepare: async () => ({ teamId: await team() }),
    request: ({ teamId }, cookie) => ({ handler: teamRoute.PATCH, request: write("PATCH", `/teams/${teamId}`, { perspective: "azerbaijani" }, cookie), params: { slug: SLUG, teamId: teamId! } }),
    expected: MANAGE(200),
  },
  {
    name: "DELETE a team",
    prepare: async () => ({ teamId: await team() }),
    request: ({ teamId }, cookie) => ({ handler: teamRoute.DELETE, request: write("DELETE", `/teams/${teamId}`, undefined, cookie), params: { slug: SLUG, teamId: teamId! } }),
    expected: MANAGE(200),
  },
  {
    name: "POST swap sides",
    prepare: async () => ({ a: await team("armenian"), b: await team("azerbaijani") }),
    request: (_, cookie) => ({ handler: swapSidesRoute.POST, request: write("POST", "/teams/swap-sides", undefined, cookie), params: { slug: SLUG } }),
    expected: MANAGE(200),
  },
  {
    name: "PATCH the settings",
    request: (_, cookie) => ({ handler: settingsRoute.PATCH, request: write("PATCH", "/settings", { moderationMode: "premoderated" }, cookie), params: { slug: SLUG } }),
    expected: MANAGE(200),
  },
  {
    name: "POST a new join code",
    request: (_, cookie) => ({ handler: joinCodeRoute.POST, request: write("POST", "/join-code", undefined, cookie), params: { slug: SLUG } }),
    expected: MANAGE(200),
  },
  {
    name: "DELETE the join code",
    request: (_, cookie) => ({ handler: joinCodeRoute.DELETE, request: write("DELETE", "/join-code", undefined, cookie), params: { slug: SLUG } }),
    expected: MANAGE(200),
  },
  {
    name: "POST a new debate",
    request: (_, cookie) => ({
      handler: debatesRoute.POST,
      request: jsonRequest("POST", "http://localhost/api/debates", { title: "Close the square?", moderationMode: "open", article: { title: "Close the square", perspective: "neutral", text: ARTICLE_TEXT } }, cookie),
      params: {},
    }),
    expected: SIGNED_IN(201),
  },
  {
    name: "POST an imported debate",
    request: (_, cookie) => ({
      handler: importRoute.POST,
      request: jsonRequest("POST", "http://localhost/api/debates/import", { format: "argdown", fileName: "square.argdown", perspective: "neutral", content: "[Close]: The square should close to cars.\n  <- [Shops]: Shops would lose customers.\n" }, cookie),
      params: {},
    }),
    expected: SIGNED_IN(201),
  },
  {
    name: "POST a new account",
    request: (_, cookie) => ({
      handler: usersRoute.POST,
      request: jsonRequest("POST", "http://localhost/api/users", { name: "New Person", email: `new-${randomUUID().slice(0, 8)}@example.test`, password: "a long enough password" }, cookie),
      params: {},
    }),
    expected: ALL(201),
  },
  // Last: the outsider joins the classroom here.
  {
    name: "POST a join code",
    prepare: async () => {
      await prisma.debate.update({ where: { slug: SLUG }, data: { joinCode: "KQMW3XH7" } });
      return {};
    },
    request: (_, cookie) => ({ handler: joinRoute.POST, request: jsonRequest("POST", "http://localhost/api/join", { code: "kqmw-3xh7" }, cookie), params: {} }),
    expected: SIGNED_IN(200),
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
    if (testCase.isStream && response.ok) {
      expect(response.headers.get("content-type")).toContain("text/event-stream");
      await response.body?.cancel();
    }
    const body = testCase.isStream && response.ok ? "" : await response.text();
    expect(response.status, body.slice(0, 300)).toBe(expected);
    if (before) expect(await snapshot()).toEqual(before);
  });
});
