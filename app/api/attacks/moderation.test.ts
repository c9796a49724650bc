/**
 * Attacks on pre-moderation (issue 12, items 2 and 3): what a pending or
 * rejected contribution brings (its sources, the words a moderator rejected
 * or edited away, a deleted statement's history, a linked group it started)
 * must not reach an anonymous reader, another participant or a viewer by the
 * map, any export format, citing by id, or a statement's history; and a
 * redacted revision's text reaches the owner alone.
 */
import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { connect } from "@/scripts/lib/prisma-client";
import { createUser, expectError, expectNoChange, sessionCookie } from "@/test/session";
import { callRoute, expectAudit, expectEvent, seedOwnedDebate, type OwnedDebate, type Person } from "@/test/owned-debate";

import * as auditRoute from "../debates/[slug]/audit/route";
import * as decisionsRoute from "../debates/[slug]/moderation/decisions/route";
import * as redactRoute from "../debates/[slug]/nodes/[nodeId]/revisions/[revisionId]/redact/route";
import * as revisionsRoute from "../debates/[slug]/nodes/[nodeId]/revisions/route";
import * as nodeRoute from "../debates/[slug]/nodes/[nodeId]/route";
import * as nodesRoute from "../debates/[slug]/nodes/route";
import * as exportRoute from "../debates/[slug]/export/route";
import * as mapRoute from "../debates/[slug]/route";

const SLUG = "premoderated-class";
const FORMATS = ["json", "aif", "argdown"] as const;

let prisma: PrismaClient;
let debate: OwnedDebate;
/** A second participant, with pending work of their own: the classmate who must not see the author's. */
let classmate: Person;

/** The people who must not see another's unapproved contribution: null is nobody signed in. */
const READERS = ["anonymous", "classmate", "viewer"] as const;
type Reader = (typeof READERS)[number];
const cookieOf = (reader: Reader) => (reader === "anonymous" ? undefined : reader === "classmate" ? classmate.cookie : debate.people.viewer.cookie);

const PENDING_SOURCE = { title: "Pending-only pamphlet", url: "https://pending.example/pamphlet", quote: "A quote only the pending statement cites.", perspective: "armenian" };
const REJECTED_SOURCE = { title: "Rejected-only leaflet", url: "https://rejected.example/leaflet", quote: "A quote only the rejected statement cites.", perspective: "azerbaijani" };
/** Words that only the author, the owner and moderators may ever read. */
const SECRETS = [
  PENDING_SOURCE.title,
  PENDING_SOURCE.url,
  PENDING_SOURCE.quote,
  REJECTED_SOURCE.title,
  REJECTED_SOURCE.url,
  REJECTED_SOURCE.quote,
  "first words a moderator rejected",
  "a reason only the author reads",
  "words a moderator edited away",
  "a statement its author deleted",
  "a co-premise awaiting review",
];

const ids = {} as {
  pendingNode: string;
  pendingSource: string;
  rejectedNode: string;
  rejectedSource: string;
  resentNode: string;
  editedNode: string;
  deletedNode: string;
  premise: string;
  premiseRelation: string;
};

async function addStatement(person: Person, body: Record<string, unknown>): Promise<{ node: { id: string; sourceIds: string[]; version: number }; relations: { id: string }[] }> {
  const response = await callRoute(nodesRoute.POST, { method: "POST", path: `/api/debates/${SLUG}/nodes`, params: { slug: SLUG }, body, cookie: person.cookie });
  const created = await response.json();
  expect(response.status, JSON.stringify(created)).toBe(201);
  return created;
}

const claimOnThesis = (text: string, source: Record<string, unknown>) => ({ kind: "claim", text, link: { type: "supports", targetId: debate.thesisId }, sources: [source] });

async function decide(id: string, decision: "approve" | "reject", reason?: string): Promise<void> {
  const response = await callRoute(decisionsRoute.POST, {
    method: "POST",
    path: `/api/debates/${SLUG}/moderation/decisions`,
    params: { slug: SLUG },
    body: { items: [{ type: "node", id }], decision, ...(reason && { reason }) },
    cookie: debate.people.moderator.cookie,
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function edit(person: Person, nodeId: string, text: string): Promise<void> {
  const { version } = await prisma.node.findUniqueOrThrow({ where: { id: nodeId } });
  const response = await callRoute(nodeRoute.PATCH, { method: "PATCH", path: `/api/debates/${SLUG}/nodes/${nodeId}`, params: { slug: SLUG, nodeId }, body: { text, version }, cookie: person.cookie });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function readMap(cookie: string | undefined): Promise<{ text: string; doc: { sources: { id: string }[]; relations: { id: string; groupId: string | null }[] } }> {
  const response = await callRoute(mapRoute.GET, { method: "GET", path: `/api/debates/${SLUG}`, params: { slug: SLUG }, cookie });
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  return { text, doc: JSON.parse(text) };
}

async function readExport(format: (typeof FORMATS)[number], cookie: string | undefined): Promise<string> {
  const response = await callRoute(exportRoute.GET, { method: "GET", path: `/api/debates/${SLUG}/export?format=${format}`, params: { slug: SLUG }, cookie });
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  return text;
}

function revisionsOf(nodeId: string, cookie: string | undefined): Promise<Response> {
  return callRoute(revisionsRoute.GET, { method: "GET", path: `/api/debates/${SLUG}/nodes/${nodeId}/revisions`, params: { slug: SLUG, nodeId }, cookie });
}

async function historyText(nodeId: string, cookie: string | undefined): Promise<string> {
  const response = await revisionsOf(nodeId, cookie);
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  return text;
}

function redact(nodeId: string, revisionId: string, cookie: string | undefined, body: unknown = { reason: "Personal details" }): Promise<Response> {
  return callRoute(redactRoute.POST, { method: "POST", path: `/api/debates/${SLUG}/nodes/${nodeId}/revisions/${revisionId}/redact`, params: { slug: SLUG, nodeId, revisionId }, body, cookie });
}

const expectNoSecret = (text: string, secrets: string[] = SECRETS) => {
  for (const secret of secrets) expect(text, `"${secret}" leaked`).not.toContain(secret);
};

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  debate = await seedOwnedDebate(prisma, SLUG);
  await prisma.debate.update({ where: { id: debate.debateId }, data: { moderationMode: "premoderated" } });
  const user = await createUser(prisma, `Classmate of ${SLUG}`);
  classmate = { ...user, cookie: await sessionCookie(user) };
  await prisma.member.create({ data: { debateId: debate.debateId, userId: classmate.id, role: "participant" } });
  const { participant: author, owner } = debate.people;

  // A statement waiting for review, citing a source nothing else cites.
  const pending = await addStatement(author, claimOnThesis("A claim still awaiting review.", PENDING_SOURCE));
  ids.pendingNode = pending.node.id;
  ids.pendingSource = pending.node.sourceIds[0]!;

  // A rejected statement, citing a source nothing else cites.
  const rejected = await addStatement(author, claimOnThesis("A claim a moderator rejected.", REJECTED_SOURCE));
  ids.rejectedNode = rejected.node.id;
  ids.rejectedSource = rejected.node.sourceIds[0]!;
  await decide(ids.rejectedNode, "reject", "Not civil");

  // Rejected with a reason, sent again in other words, then approved.
  const resent = await addStatement(author, claimOnThesis("The first words a moderator rejected.", { sourceId: debate.sourceId }));
  ids.resentNode = resent.node.id;
  await decide(ids.resentNode, "reject", "Here is a reason only the author reads.");
  await edit(author, ids.resentNode, "Second, approved wording of the resent claim.");
  await decide(ids.resentNode, "approve");

  // Edited by a moderator before approval.
  const edited = await addStatement(author, claimOnThesis("Some words a moderator edited away.", { sourceId: debate.sourceId }));
  ids.editedNode = edited.node.id;
  await edit(debate.people.moderator, ids.editedNode, "The wording the moderator approved.");
  await decide(ids.editedNode, "approve");

  // Approved, then deleted by its author.
  const deleted = await addStatement(author, claimOnThesis("This was a statement its author deleted.", { sourceId: debate.sourceId }));
  ids.deletedNode = deleted.node.id;
  await decide(ids.deletedNode, "approve");
  const response = await callRoute(nodeRoute.DELETE, { method: "DELETE", path: `/api/debates/${SLUG}/nodes/${ids.deletedNode}?version=2`, params: { slug: SLUG, nodeId: ids.deletedNode }, cookie: author.cookie });
  expect(response.status).toBe(200);

  // The owner's premise on the map; the author proposes a co-premise beside it, which starts a linked group.
  const premise = await addStatement(owner, { kind: "premise", text: "The owner's premise.", link: { type: "supports", targetId: debate.claimId }, sources: [{ sourceId: debate.sourceId }] });
  ids.premise = premise.node.id;
  ids.premiseRelation = premise.relations[0]!.id;
  await addStatement(author, { kind: "premise", text: "Only with a co-premise awaiting review.", link: { type: "co-premise", premiseId: ids.premise }, sources: [{ sourceId: debate.sourceId }] });

  // The classmate has a pending statement of their own, so the map they read is made for them, not the public one.
  await addStatement(classmate, claimOnThesis("The classmate's own claim awaiting review.", { sourceId: debate.sourceId }));
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("a source first cited by a pending or a rejected statement", () => {
  it.each(READERS)("is absent from the map the %s reads, and so from its source picker", async (reader) => {
    const { text, doc } = await readMap(cookieOf(reader));
    expect(doc.sources.map((s) => s.id)).not.toContain(ids.pendingSource);
    expect(doc.sources.map((s) => s.id)).not.toContain(ids.rejectedSource);
    expect(doc.sources.map((s) => s.id)).toContain(debate.sourceId);
    expectNoSecret(text);
  });

  it.each(READERS.flatMap((reader) => FORMATS.map((format) => [reader, format] as const)))("is absent from the %s's %s export", async (reader, format) => {
    const text = await readExport(format, cookieOf(reader));
    expectNoSecret(text);
    expect(text).not.toContain(ids.pendingSource);
    expect(text).not.toContain(ids.rejectedSource);
  });

  it("is still on the map and in the export of its author, the owner and moderators", async () => {
    for (const person of [debate.people.participant, debate.people.owner, debate.people.moderator]) {
      const { doc } = await readMap(person.cookie);
      expect(doc.sources.map((s) => s.id)).toEqual(expect.arrayContaining([ids.pendingSource, ids.rejectedSource]));
      expect(await readExport("json", person.cookie)).toContain(PENDING_SOURCE.quote);
    }
  });

  it("cannot be cited by id by another participant: the same 422 as an unknown id, and nothing written", async () => {
    const unknown = await expectNoChange(prisma, async () =>
      expectError(await callRoute(nodesRoute.POST, { method: "POST", path: `/api/debates/${SLUG}/nodes`, params: { slug: SLUG }, body: claimOnThesis("Citing a made-up id.", { sourceId: randomUUID() }), cookie: classmate.cookie }), 422, "VALIDATION"),
    );
    for (const sourceId of [ids.pendingSource, ids.rejectedSource]) {
      const refused = await expectNoChange(prisma, async () =>
        expectError(await callRoute(nodesRoute.POST, { method: "POST", path: `/api/debates/${SLUG}/nodes`, params: { slug: SLUG }, body: claimOnThesis("Citing a hidden source.", { sourceId }), cookie: classmate.cookie }), 422, "VALIDATION"),
      );
      expect(refused).toEqual(unknown);
    }
  });

  it.each([
    ["anonymous", 401, "UNAUTHORIZED"],
    ["viewer", 403, "FORBIDDEN"],
  ] as const)("cannot be cited by id by the %s either (%i, nothing written)", async (reader, status, code) => {
    await expectNoChange(prisma, async () =>
      expectError(await callRoute(nodesRoute.POST, { method: "POST", path: `/api/debates/${SLUG}/nodes`, params: { slug: SLUG }, body: claimOnThesis("Citing a hidden source.", { sourceId: ids.pendingSource }), cookie: cookieOf(reader) }), status, code),
    );
  });

  it("can be cited again by its own author, who knows it", async () => {
    const created = await addStatement(debate.people.participant, claimOnThesis("The author cites their pending source again.", { sourceId: ids.pendingSource }));
    expect(created.node.sourceIds).toEqual([ids.pendingSource]);
  });
});

describe("a linked group a pending co-premise started", () => {
  it.each(READERS)("is absent from the %s's map and exports", async (reader) => {
    const { text, doc } = await readMap(cookieOf(reader));
    expect(doc.relations.find((r) => r.id === ids.premiseRelation)).toMatchObject({ groupId: null });
    expectNoSecret(text);
    const json = JSON.parse(await readExport("json", cookieOf(reader))) as { relations: { key: string; group: string | null }[]; revisions: { key: string; after: unknown }[] };
    expect(json.relations.find((r) => r.key === ids.premiseRelation)).toMatchObject({ group: null });
    const group = (await prisma.relation.findUniqueOrThrow({ where: { id: ids.premiseRelation } })).groupId!;
    expect(group).toEqual(expect.any(String));
    for (const format of FORMATS) expect(await readExport(format, cookieOf(reader))).not.toContain(group);
  });
});

describe("the history of a statement", () => {
  it.each(READERS)("rejected, then sent again and approved, shows the %s neither the rejected words nor the reason", async (reader) => {
    const text = await historyText(ids.resentNode, cookieOf(reader));
    expectNoSecret(text);
    expect(text).toContain("Second, approved wording of the resent claim.");
    for (const format of FORMATS) expectNoSecret(await readExport(format, cookieOf(reader)));
  });

  it.each(READERS)("rejected, shows the %s nothing: 404 as for a statement that does not exist", async (reader) => {
    await expectError(await revisionsOf(ids.rejectedNode, cookieOf(reader)), 404, "NOT_FOUND");
    await expectError(await revisionsOf(ids.pendingNode, cookieOf(reader)), 404, "NOT_FOUND");
  });

  it.each(READERS)("edited by a moderator before approval, shows the %s only the approved words", async (reader) => {
    const text = await historyText(ids.editedNode, cookieOf(reader));
    expectNoSecret(text);
    expect(text).toContain("The wording the moderator approved.");
    const revisions = JSON.parse(text) as { revisions: { action: string }[] };
    expect(revisions.revisions.map((r) => r.action)).toEqual(["approve"]);
  });

  it.each(READERS)("deleted, shows the %s nothing: 404", async (reader) => {
    await expectError(await revisionsOf(ids.deletedNode, cookieOf(reader)), 404, "NOT_FOUND");
  });

  it("shows its author, the owner and moderators every word", async () => {
    for (const person of [debate.people.participant, debate.people.owner, debate.people.moderator]) {
      expect(await historyText(ids.resentNode, person.cookie)).toContain("first words a moderator rejected");
      expect(await historyText(ids.editedNode, person.cookie)).toContain("words a moderator edited away");
      expect(await historyText(ids.deletedNode, person.cookie)).toContain("a statement its author deleted");
    }
  });
});

describe("redacting a revision", () => {
  const firstRevision = () => prisma.revision.findFirstOrThrow({ where: { entityType: "node", entityId: ids.editedNode, version: 1 } });

  it.each([
    ["anonymous", undefined, 401, "UNAUTHORIZED"],
    ["outsider", "outsider", 403, "FORBIDDEN"],
    ["viewer", "viewer", 403, "FORBIDDEN"],
    ["author", "participant", 403, "FORBIDDEN"],
    ["classmate", "classmate", 403, "FORBIDDEN"],
  ] as const)("is refused to the %s, and changes nothing", async (_, who, status, code) => {
    const revision = await firstRevision();
    const cookie = who === undefined ? undefined : who === "classmate" ? classmate.cookie : debate.people[who].cookie;
    const [audit, events] = await Promise.all([prisma.auditEntry.count(), prisma.debateEvent.count()]);
    await expectError(await redact(ids.editedNode, revision.id, cookie), status, code);
    expect(await firstRevision()).toEqual(revision);
    expect(await Promise.all([prisma.auditEntry.count(), prisma.debateEvent.count()])).toEqual([audit, events]);
  });

  it("by a moderator hides the text from the moderators and everyone else, but not from the owner, who sees who redacted it and when", async () => {
    const { moderator, owner, participant: author } = debate.people;
    const revisions = await prisma.revision.findMany({ where: { entityType: "node", entityId: ids.editedNode, version: { in: [1, 2] } }, orderBy: { version: "asc" } });
    for (const revision of revisions) {
      const response = await redact(ids.editedNode, revision.id, moderator.cookie);
      expect(response.status, await response.clone().text()).toBe(200);
      await expectAudit(prisma, debate.debateId, { action: "revision.redacted", actorId: moderator.id, detail: { nodeId: ids.editedNode, revisionId: revision.id, version: revision.version, reason: "Personal details" } });
      await expectEvent(prisma, debate.debateId, { type: "node.redacted", entityId: ids.editedNode });
    }
    const hidden = ["words a moderator edited away"];
    for (const person of [moderator, author, classmate, debate.people.viewer]) {
      expectNoSecret(await historyText(ids.editedNode, person.cookie), hidden);
      for (const format of FORMATS) expectNoSecret(await readExport(format, person.cookie), hidden);
    }
    expectNoSecret(await historyText(ids.editedNode, undefined), hidden);
    // The audit log keeps the moderator's edit, but not the redacted words, for moderators.
    const auditFor = async (person: Person) => (await callRoute(auditRoute.GET, { method: "GET", path: `/api/debates/${SLUG}/audit?limit=100`, params: { slug: SLUG }, cookie: person.cookie })).text();
    expectNoSecret(await auditFor(moderator), hidden);
    expect(await auditFor(owner)).toContain("words a moderator edited away");

    const forOwner = JSON.parse(await historyText(ids.editedNode, owner.cookie)) as { revisions: { version: number; before: unknown; after: unknown; redaction?: { at: string; by: string | null } }[] };
    const first = forOwner.revisions.find((r) => r.version === 1)!;
    expect(first.after).toMatchObject({ text: "Some words a moderator edited away." });
    expect(first.redaction).toEqual({ at: expect.any(String), by: moderator.name });
    expect(Number.isNaN(Date.parse(first.redaction!.at))).toBe(false);
    const forModerator = JSON.parse(await historyText(ids.editedNode, moderator.cookie)) as typeof forOwner;
    expect(forModerator.revisions.find((r) => r.version === 1)).toMatchObject({ before: null, after: null, redaction: { at: first.redaction!.at, by: null } });
  });

  it("twice is refused with 409; a revision of another statement or an unknown one with 404", async () => {
    const revision = await firstRevision();
    await expectError(await redact(ids.editedNode, revision.id, debate.people.owner.cookie), 409, "CONFLICT");
    await expectError(await redact(ids.resentNode, revision.id, debate.people.owner.cookie), 404, "NOT_FOUND");
    await expectError(await redact(ids.editedNode, randomUUID(), debate.people.owner.cookie), 404, "NOT_FOUND");
    await expectError(await redact(ids.editedNode, revision.id, debate.people.owner.cookie, { reason: "x".repeat(301) }), 422, "VALIDATION");
  });
});
