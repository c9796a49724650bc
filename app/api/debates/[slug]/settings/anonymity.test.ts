import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TMapDocument } from "@/lib/schemas/map";
import type { TRevision } from "@/lib/schemas/revision";
import { authorKey } from "@/lib/server/debates/author-key";
import { connect } from "@/scripts/lib/prisma-client";
import { callRoute, seedOwnedDebate, type OwnedDebate, type Who } from "@/test/owned-debate";
import { createUser, expectError, sessionCookie } from "@/test/session";

import { POST as POST_NODE } from "../nodes/route";
import { GET as GET_REVISIONS } from "../nodes/[nodeId]/revisions/route";
import { DELETE as REMOVE_MEMBER } from "../members/[userId]/route";
import { GET as GET_MAP } from "../route";
import { PATCH as PATCH_SETTINGS } from "./route";

// The participant's own name must not reach other participants, viewers or
// visitors once the debate is anonymous: neither on the map nor in a history.
let prisma: PrismaClient;
let debate: OwnedDebate;
let nodeId: string;
let teamId: string;
const REAL_NAME = "Pat Realname";
let pat: { id: string; cookie: string };
/** Pat's id on this debate's map. */
let patKey: string;
type Reader = Who | "anonymous" | "pat";

const cookieOf = (reader: Reader) => (reader === "anonymous" ? undefined : reader === "pat" ? pat.cookie : debate.people[reader].cookie);
const mapAs = (reader: Reader) => callRoute(GET_MAP, { method: "GET", path: `/api/debates/${debate.slug}`, params: { slug: debate.slug }, cookie: cookieOf(reader) });
const revisionsAs = (reader: Reader, id = nodeId) =>
  callRoute(GET_REVISIONS, { method: "GET", path: `/api/debates/${debate.slug}/nodes/${id}/revisions`, params: { slug: debate.slug, nodeId: id }, cookie: cookieOf(reader) });
const settings = (body: unknown) => callRoute(PATCH_SETTINGS, { method: "PATCH", path: `/api/debates/${debate.slug}/settings`, params: { slug: debate.slug }, body, cookie: debate.people.owner.cookie });
const addPremise = (cookie: string, text: string) =>
  callRoute(POST_NODE, {
    method: "POST",
    path: `/api/debates/${debate.slug}/nodes`,
    params: { slug: debate.slug },
    cookie,
    body: { kind: "premise", text, link: { type: "supports", targetId: debate.claimId }, sources: [{ sourceId: debate.sourceId }] },
  });

async function readMap(reader: Reader): Promise<{ doc: TMapDocument; text: string }> {
  const response = await mapAs(reader);
  expect(response.status).toBe(200);
  const text = await response.text();
  return { doc: JSON.parse(text) as TMapDocument, text };
}

async function readRevisions(reader: Reader): Promise<{ revisions: TRevision[]; text: string }> {
  const response = await revisionsAs(reader);
  expect(response.status).toBe(200);
  const text = await response.text();
  return { revisions: (JSON.parse(text) as { revisions: TRevision[] }).revisions, text };
}

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  debate = await seedOwnedDebate(prisma, "anonymity-debate");
  teamId = (await prisma.team.create({ data: { debateId: debate.debateId, name: "Team A", colour: "#B42318", perspective: "armenian" } })).id;
  const user = await createUser(prisma, REAL_NAME);
  pat = { id: user.id, cookie: await sessionCookie(user) };
  patKey = authorKey(debate.debateId, pat.id);
  await prisma.member.create({ data: { debateId: debate.debateId, userId: pat.id, role: "participant", teamId, joinedAt: new Date(Date.UTC(2024, 1, 1)) } });
  const response = await addPremise(pat.cookie, "Pat's premise, carrying Team A's badge.");
  expect(response.status).toBe(201);
  nodeId = ((await response.json()) as { node: { id: string } }).node.id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("anonymous debates", () => {
  it("names authors while the debate is not anonymous, and the node carries its author's team", async () => {
    const { doc } = await readMap("viewer");
    expect(doc.nodes.find((n) => n.id === nodeId)).toMatchObject({ authorId: patKey, teamId });
    expect(doc.authors.find((a) => a.id === patKey)).toEqual({ id: patKey, label: REAL_NAME, teamId });
    expect(doc.teams).toEqual([{ id: teamId, name: "Team A", colour: "#B42318", perspective: "armenian" }]);
    expect((await readRevisions("anonymous")).revisions[0]!.actorName).toBe(REAL_NAME);
  });

  it("shows participants, viewers and visitors a team pseudonym on the map once anonymous, and the owner and moderators the name", async () => {
    expect((await settings({ anonymous: true })).status).toBe(200);
    for (const reader of ["anonymous", "participant", "viewer", "outsider", "pat"] as const) {
      const { doc, text } = await readMap(reader);
      expect(doc.authors.find((a) => a.id === patKey)?.label, reader).toBe("Team A 1");
      expect(text, reader).not.toContain(REAL_NAME);
      expect(text, reader).not.toContain(debate.people.participant.name);
      // Members who wrote nothing (the owner here) are not listed.
      expect(doc.authors.map((a) => a.id), reader).toEqual([patKey]);
    }
    for (const reader of ["owner", "moderator"] as const) {
      const { doc } = await readMap(reader);
      expect(doc.authors.find((a) => a.id === patKey)?.label, reader).toBe(REAL_NAME);
      // The owner and moderators keep their names.
      expect(doc.authors.find((a) => a.id === authorKey(debate.debateId, debate.people.owner.id))?.label).toBe(debate.people.owner.name);
    }
  });

  it("uses the same pseudonyms in a statement's history; real names only for the owner and moderators", async () => {
    for (const reader of ["anonymous", "participant", "viewer", "outsider"] as const) {
      const { revisions, text } = await readRevisions(reader);
      expect(revisions.map((r) => r.actorName), reader).toEqual(["Team A 1"]);
      expect(text, reader).not.toContain(REAL_NAME);
    }
    for (const reader of ["owner", "moderator"] as const) expect((await readRevisions(reader)).revisions.map((r) => r.actorName), reader).toEqual([REAL_NAME]);
  });

  it("keeps a pending statement's history from those who cannot see the statement", async () => {
    expect((await settings({ moderationMode: "premoderated" })).status).toBe(200);
    const response = await addPremise(pat.cookie, "Pat's premise, waiting for a moderator.");
    const pending = ((await response.json()) as { node: { id: string; status: string } }).node;
    expect(pending.status).toBe("pending");
    for (const reader of ["anonymous", "participant", "viewer"] as const) await expectError(await revisionsAs(reader, pending.id), 404, "NOT_FOUND");
    for (const reader of ["pat", "moderator"] as const) expect((await revisionsAs(reader, pending.id)).status).toBe(200);
  });

  it("calls a removed member a former participant", async () => {
    const response = await callRoute(REMOVE_MEMBER, { method: "DELETE", path: `/api/debates/${debate.slug}/members/${pat.id}`, params: { slug: debate.slug, userId: pat.id }, cookie: debate.people.owner.cookie });
    expect(response.status).toBe(200);
    expect((await readRevisions("viewer")).revisions[0]!.actorName).toBe("Former participant");
    expect((await readMap("viewer")).doc.authors.find((a) => a.id === patKey)?.label).toBe("Former participant");
    expect((await readMap("owner")).doc.authors.find((a) => a.id === patKey)?.label).toBe(REAL_NAME);
  });
});
