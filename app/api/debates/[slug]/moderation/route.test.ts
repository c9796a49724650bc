import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ZMapDocument, type TCreatedNode, type TMapDocument, type TMapRelation } from "@/lib/schemas/map";
import type { TModerationDecisionResult, TModerationQueue, TQueueNodeItem, TQueueRelationItem } from "@/lib/schemas/moderation";
import { connect } from "@/scripts/lib/prisma-client";
import { createUser, expectError, expectNoChange, jsonRequest, seedOtherDebate, sessionCookie, type TestUser } from "@/test/session";

import { PATCH } from "../nodes/[nodeId]/route";
import { POST as POST_NODE } from "../nodes/route";
import { POST as POST_RELATION } from "../relations/route";
import { GET as GET_MAP } from "../route";
import { POST as DECIDE } from "./decisions/route";
import { GET } from "./route";

const SLUG = "class-debate";
let prisma: PrismaClient;
let debateId: string;
let thesisId: string;
let claimId: string;
/** A claim the owner added: approved at once, for links between approved statements. */
let ownerClaimId: string;
let other: Awaited<ReturnType<typeof seedOtherDebate>>;
const people = {} as Record<"owner" | "moderator" | "pat" | "paula" | "viewer" | "outsider", TestUser & { cookie: string }>;
let teamA: string;

const url = (path: string) => `http://localhost/api/debates/${SLUG}${path}`;
const params = (extra: Record<string, string> = {}) => ({ params: Promise.resolve({ slug: SLUG, ...extra }) });

function getQueue(cookie?: string): Promise<Response> {
  return GET(new Request(url("/moderation"), { headers: cookie ? { cookie } : {} }), params());
}

async function queue(cookie = people.moderator.cookie): Promise<TModerationQueue> {
  const response = await getQueue(cookie);
  expect(response.status).toBe(200);
  return (await response.json()) as TModerationQueue;
}

function decide(body: unknown, cookie: string | null = people.moderator.cookie, slug = SLUG): Promise<Response> {
  return DECIDE(jsonRequest("POST", `http://localhost/api/debates/${slug}/moderation/decisions`, body, cookie ?? undefined), { params: Promise.resolve({ slug: slug }) });
}

async function decideOk(body: unknown, cookie?: string): Promise<TModerationDecisionResult> {
  const response = await decide(body, cookie);
  const json = (await response.json()) as TModerationDecisionResult;
  expect(response.status, JSON.stringify(json)).toBe(200);
  return json;
}

async function rebut(who: { cookie: string }, targetId: string, text: string, source: Record<string, unknown> = { title: "Field report", publisher: "Example Wire", url: "https://example.org/report", perspective: "neutral" }): Promise<TCreatedNode> {
  const response = await POST_NODE(jsonRequest("POST", url("/nodes"), { kind: "rebuttal", text, link: { type: "attacks", targetId }, sources: [source] }, who.cookie), params());
  const json = (await response.json()) as TCreatedNode;
  expect(response.status, JSON.stringify(json)).toBe(201);
  return json;
}

async function link(who: { cookie: string }, fromId: string, toId: string, type: "supports" | "attacks"): Promise<TMapRelation> {
  const response = await POST_RELATION(jsonRequest("POST", url("/relations"), { fromId, toId, type }, who.cookie), params());
  const json = (await response.json()) as { relation: TMapRelation };
  expect(response.status, JSON.stringify(json)).toBe(201);
  return json.relation;
}

async function mapAs(cookie?: string): Promise<TMapDocument> {
  const response = await GET_MAP(new Request(url(""), { headers: cookie ? { cookie } : {} }), params());
  expect(response.status).toBe(200);
  return ZMapDocument.parse(await response.json());
}

const nodeItem = (q: TModerationQueue, id: string) => q.items.find((i): i is TQueueNodeItem => i.type === "node" && i.id === id);
const approve = (...items: { type: "node" | "relation"; id: string; version?: number }[]) => ({ decision: "approve", items });

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  const seeded = await seedOtherDebate(prisma, SLUG);
  debateId = seeded.debateId;
  thesisId = seeded.thesisId;
  claimId = seeded.claimId;
  other = await seedOtherDebate(prisma, "another-class");
  for (const [key, name] of Object.entries({ owner: "Olga Owner", moderator: "Mo Moderator", pat: "Pat Participant", paula: "Paula Participant", viewer: "Vic Viewer", outsider: "Oscar Outsider" })) {
    const user = await createUser(prisma, name);
    people[key as keyof typeof people] = { ...user, cookie: await sessionCookie(user) };
  }
  await prisma.debate.update({ where: { id: debateId }, data: { ownerId: people.owner.id, moderationMode: "premoderated" } });
  teamA = (await prisma.team.create({ data: { debateId, name: "Team A", colour: "#9a3412", perspective: "armenian" } })).id;
  await prisma.member.createMany({
    data: [
      { debateId, userId: people.owner.id, role: "owner" },
      { debateId, userId: people.moderator.id, role: "moderator" },
      { debateId, userId: people.pat.id, role: "participant", teamId: teamA },
      { debateId, userId: people.paula.id, role: "participant" },
      { debateId, userId: people.viewer.id, role: "viewer" },
      { debateId: other.debateId, userId: people.outsider.id, role: "moderator" },
    ],
  });
  const response = await POST_NODE(
    jsonRequest("POST", url("/nodes"), { kind: "claim", text: "A claim the owner added.", link: { type: "supports", targetId: thesisId }, sources: [{ sourceId: seeded.sourceId }] }, people.owner.cookie),
    params(),
  );
  ownerClaimId = ((await response.json()) as TCreatedNode).node.id;
});

beforeEach(async () => {
  await prisma.debate.update({ where: { id: debateId }, data: { phase: "open", anonymous: false } });
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("the moderation queue", () => {
  it("lists pending statements with their sources, author, team and relation, and links on their own, oldest first", async () => {
    const before = (await queue()).items.length;
    const first = await rebut(people.pat, thesisId, "The thesis ignores the winter closures.", { title: "Winter report", publisher: "Mountain Post", url: "https://example.org/winter", perspective: "armenian" });
    const second = await rebut(people.paula, claimId, "The claim rests on one interview.");
    const standalone = await link(people.pat, ownerClaimId, claimId, "attacks");
    expect([first.node.status, first.relations[0]!.status, second.node.status, standalone.status]).toEqual(["pending", "pending", "pending", "pending"]);

    const items = (await queue()).items.slice(before);
    expect(items.map((i) => [i.type, i.id])).toEqual([
      ["node", first.node.id],
      ["node", second.node.id],
      ["relation", standalone.id],
    ]);
    expect(items[0]).toEqual({
      type: "node",
      id: first.node.id,
      version: 1,
      kind: "rebuttal",
      text: "The thesis ignores the winter closures.",
      createdAt: expect.any(String),
      author: { id: people.pat.id, label: "Pat Participant" },
      team: { id: teamA, name: "Team A" },
      sources: [{ id: expect.any(String), title: "Winter report", publisher: "Mountain Post", url: "https://example.org/winter", perspective: "armenian" }],
      relations: [{ id: first.relations[0]!.id, type: "attacks", to: { id: thesisId, kind: "thesis", text: "The other debate's thesis.", status: "approved" } }],
    } satisfies TQueueNodeItem);
    expect(items[1]).toMatchObject({ author: { label: "Paula Participant" }, team: null });
    expect(items[2]).toEqual({
      type: "relation",
      id: standalone.id,
      version: 1,
      relationType: "attacks",
      createdAt: expect.any(String),
      author: { id: people.pat.id, label: "Pat Participant" },
      from: { id: ownerClaimId, kind: "claim", text: "A claim the owner added.", status: "approved" },
      to: { id: claimId, kind: "claim", text: "A claim of the other debate.", status: "approved" },
    } satisfies TQueueRelationItem);
    const times = items.map((i) => Date.parse(i.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // Moderators see names even when the debate hides them from participants.
    await prisma.debate.update({ where: { id: debateId }, data: { anonymous: true } });
    expect(nodeItem(await queue(), first.node.id)?.author?.label).toBe("Pat Participant");
  });

  it("leaves out approved, rejected and deleted items", async () => {
    const created = await rebut(people.pat, thesisId, "A rebuttal its author deletes.");
    await prisma.node.update({ where: { id: created.node.id }, data: { deletedAt: new Date() } });
    await prisma.relation.update({ where: { id: created.relations[0]!.id }, data: { deletedAt: new Date() } });
    const ids = (await queue()).items.map((i) => i.id);
    expect(ids).not.toContain(created.node.id);
    expect(ids).not.toContain(ownerClaimId);
    expect(ids).not.toContain(thesisId);
  });

  it.each([
    ["a participant", "pat", 403],
    ["a viewer", "viewer", 403],
    ["a moderator of another debate", "outsider", 403],
  ] as const)("refuses %s (%i)", async (_label, who, status) => {
    await expectError(await getQueue(people[who].cookie), status, "FORBIDDEN");
  });

  it("asks a signed-out visitor to sign in (401), and answers 404 for an unknown debate", async () => {
    await expectError(await getQueue(), 401, "UNAUTHORIZED");
    await expectError(await GET(new Request("http://localhost/api/debates/no-such/moderation", { headers: { cookie: people.moderator.cookie } }), { params: Promise.resolve({ slug: "no-such" }) }), 404, "NOT_FOUND");
  });
});

describe("approving and rejecting", () => {
  it("approves a statement with the relation it came with: status, reviewer, version, revisions, audit, events; the public map shows it only afterwards", async () => {
    const created = await rebut(people.pat, thesisId, "Supplies reached the town by air.");
    const relationId = created.relations[0]!.id;
    expect((await mapAs()).nodes.map((n) => n.id)).not.toContain(created.node.id);
    expect((await mapAs(people.paula.cookie)).nodes.map((n) => n.id)).not.toContain(created.node.id);
    expect((await mapAs(people.pat.cookie)).nodes.find((n) => n.id === created.node.id)?.status).toBe("pending");

    const result = await decideOk(approve({ type: "node", id: created.node.id, version: 1 }));
    expect(result.decided).toEqual([
      { type: "node", id: created.node.id, status: "approved", version: 2 },
      { type: "relation", id: relationId, status: "approved", version: 2 },
    ]);
    const node = await prisma.node.findUniqueOrThrow({ where: { id: created.node.id } });
    expect(node).toMatchObject({ status: "approved", reviewedById: people.moderator.id, rejectionReason: null, version: 2 });
    expect(Date.now() - node.reviewedAt!.getTime()).toBeLessThan(60_000);
    expect(await prisma.relation.findUniqueOrThrow({ where: { id: relationId } })).toMatchObject({ status: "approved", reviewedById: people.moderator.id, version: 2 });

    expect(await prisma.revision.findMany({ where: { entityId: { in: [created.node.id, relationId] }, action: "approve" }, orderBy: { entityType: "asc" } })).toMatchObject([
      { entityType: "node", version: 2, actorId: people.moderator.id, before: { status: "pending" }, after: { status: "approved", text: "Supplies reached the town by air." }, reason: null },
      { entityType: "relation", version: 2, actorId: people.moderator.id, before: { status: "pending" }, after: { status: "approved" } },
    ]);
    const audit = await prisma.auditEntry.findMany({ where: { debateId, action: { in: ["node.approved", "relation.approved"] } } });
    expect(audit.filter((a) => (a.detail as { nodeId?: string }).nodeId === created.node.id)).toMatchObject([{ actorId: people.moderator.id, action: "node.approved" }]);
    expect(audit.filter((a) => (a.detail as { relationId?: string }).relationId === relationId)).toMatchObject([{ actorId: people.moderator.id, action: "relation.approved" }]);
    expect(await prisma.debateEvent.findMany({ where: { entityId: { in: [created.node.id, relationId] }, type: { endsWith: ".approved" } }, orderBy: { id: "asc" } })).toMatchObject([
      { type: "node.approved", entityType: "node", authorId: people.pat.id, status: "approved" },
      { type: "relation.approved", entityType: "relation", authorId: people.pat.id, status: "approved" },
    ]);

    const publicMap = await mapAs();
    expect(publicMap.nodes.find((n) => n.id === created.node.id)).toMatchObject({ status: "approved" });
    expect(publicMap.relations.find((r) => r.id === relationId)).toMatchObject({ status: "approved", toId: thesisId });
    expect((await queue()).items.map((i) => i.id)).not.toContain(created.node.id);
  });

  it("refuses a rejection without a reason (422), and a written reason that is too long, changing nothing", async () => {
    const created = await rebut(people.pat, thesisId, "A rebuttal awaiting a reasoned decision.");
    const item = { type: "node", id: created.node.id };
    let body = await expectError(await expectNoChange(prisma, () => decide({ decision: "reject", items: [item] })), 422, "VALIDATION");
    expect(body.fieldErrors?.reason?.[0]).toMatch(/reason/);
    body = await expectError(await expectNoChange(prisma, () => decide({ decision: "reject", items: [item], reason: "x".repeat(301) })), 422, "VALIDATION");
    expect(body.fieldErrors?.reason?.[0]).toMatch(/at most 300/);
    expect((await prisma.node.findUniqueOrThrow({ where: { id: created.node.id } })).status).toBe("pending");
  });

  it("rejects with a reason from the list; the author sees it on their map, others do not see the item", async () => {
    const created = await rebut(people.paula, thesisId, "Everyone knows the thesis is false.");
    await decideOk({ decision: "reject", items: [{ type: "node", id: created.node.id, version: 1 }], reason: "No source supports it" });
    expect(await prisma.node.findUniqueOrThrow({ where: { id: created.node.id } })).toMatchObject({ status: "rejected", rejectionReason: "No source supports it", reviewedById: people.moderator.id, version: 2 });
    expect(await prisma.relation.findUniqueOrThrow({ where: { id: created.relations[0]!.id } })).toMatchObject({ status: "rejected", rejectionReason: "No source supports it" });
    expect(await prisma.revision.findFirstOrThrow({ where: { entityId: created.node.id, action: "reject" } })).toMatchObject({ reason: "No source supports it", after: { status: "rejected" } });
    expect(await prisma.auditEntry.count({ where: { action: "node.rejected", detail: { path: ["nodeId"], equals: created.node.id } } })).toBe(1);
    expect(await prisma.debateEvent.count({ where: { entityId: created.node.id, type: "node.rejected", status: "rejected" } })).toBe(1);

    const authorMap = await mapAs(people.paula.cookie);
    expect(authorMap.nodes.find((n) => n.id === created.node.id)).toMatchObject({ status: "rejected", rejectionReason: "No source supports it" });
    expect(authorMap.relations.find((r) => r.id === created.relations[0]!.id)).toMatchObject({ status: "rejected", rejectionReason: "No source supports it" });
    expect((await mapAs()).nodes.map((n) => n.id)).not.toContain(created.node.id);
    expect((await mapAs(people.pat.cookie)).nodes.map((n) => n.id)).not.toContain(created.node.id);
  });

  it("rejects with a reason of the moderator's own", async () => {
    const created = await rebut(people.pat, thesisId, "A rebuttal about something else entirely.");
    const reason = "This answers a different article; see the other debate.";
    await decideOk({ decision: "reject", items: [{ type: "node", id: created.node.id }], reason });
    expect((await mapAs(people.pat.cookie)).nodes.find((n) => n.id === created.node.id)?.rejectionReason).toBe(reason);
  });

  it("approves three statements at once", async () => {
    const created = await Promise.all(["First of three.", "Second of three.", "Third of three."].map((text) => rebut(people.pat, claimId, text)));
    const result = await decideOk(approve(...created.map((c) => ({ type: "node" as const, id: c.node.id, version: 1 }))));
    expect(result.decided.filter((d) => d.type === "node")).toHaveLength(3);
    expect(result.decided.filter((d) => d.type === "relation")).toHaveLength(3);
    expect(await prisma.node.count({ where: { id: { in: created.map((c) => c.node.id) }, status: "approved", reviewedById: people.moderator.id } })).toBe(3);
    expect(await prisma.revision.count({ where: { entityId: { in: created.flatMap((c) => [c.node.id, c.relations[0]!.id]) }, action: "approve" } })).toBe(6);
    const publicIds = (await mapAs()).nodes.map((n) => n.id);
    for (const c of created) expect(publicIds).toContain(c.node.id);
  });

  it("approves a link between approved statements on its own", async () => {
    const premise = await POST_NODE(
      jsonRequest("POST", url("/nodes"), { kind: "premise", text: "A premise the owner added.", link: { type: "supports", targetId: ownerClaimId }, sources: [{ title: "Owner's source", url: "https://example.org/owner", perspective: "neutral" }] }, people.owner.cookie),
      params(),
    );
    const premiseId = ((await premise.json()) as TCreatedNode).node.id;
    const relation = await link(people.paula, premiseId, claimId, "attacks");
    await decideOk(approve({ type: "relation", id: relation.id, version: 1 }));
    expect((await mapAs()).relations.find((r) => r.id === relation.id)).toMatchObject({ status: "approved" });
  });

  it("answers 409 for a version edited since, and changes nothing; the edit is kept as a revision and audited", async () => {
    const created = await rebut(people.pat, thesisId, "The corridr was closed for months.");
    const edit = await PATCH(jsonRequest("PATCH", url(`/nodes/${created.node.id}`), { text: "The corridor was closed for months.", version: 1 }, people.moderator.cookie), params({ nodeId: created.node.id }));
    expect(edit.status).toBe(200);
    expect(await prisma.revision.findFirstOrThrow({ where: { entityId: created.node.id, action: "update" } })).toMatchObject({ version: 2, actorId: people.moderator.id, before: { text: "The corridr was closed for months." }, after: { text: "The corridor was closed for months.", status: "pending" } });
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { action: "node.edited-before-approval", detail: { path: ["nodeId"], equals: created.node.id } } })).toMatchObject({
      actorId: people.moderator.id,
      detail: { authorId: people.pat.id, before: "The corridr was closed for months.", after: "The corridor was closed for months." },
    });

    const body = await expectError(await expectNoChange(prisma, () => decide(approve({ type: "node", id: created.node.id, version: 1 }))), 409, "CONFLICT");
    expect(body.message).toMatch(/edited after you loaded the queue/);
    await decideOk(approve({ type: "node", id: created.node.id, version: 2 }));
    expect((await mapAs()).nodes.find((n) => n.id === created.node.id)).toMatchObject({ text: "The corridor was closed for months.", status: "approved", version: 3 });
  });

  it("does not audit an author editing their own pending statement", async () => {
    const created = await rebut(people.pat, thesisId, "A rebuttal with a typo in it: teh.");
    const edit = await PATCH(jsonRequest("PATCH", url(`/nodes/${created.node.id}`), { text: "A rebuttal with a typo fixed: the.", version: 1 }, people.pat.cookie), params({ nodeId: created.node.id }));
    expect(edit.status).toBe(200);
    expect(await prisma.auditEntry.count({ where: { action: "node.edited-before-approval", detail: { path: ["nodeId"], equals: created.node.id } } })).toBe(0);
  });

  it("sends a participant's edit of an approved or rejected statement back to review, hidden from others until approved again", async () => {
    const created = await rebut(people.pat, thesisId, "Approved words.");
    await decideOk(approve({ type: "node", id: created.node.id }));
    const edit = await PATCH(jsonRequest("PATCH", url(`/nodes/${created.node.id}`), { text: "Other words, published later.", version: 2 }, people.pat.cookie), params({ nodeId: created.node.id }));
    expect(edit.status).toBe(200);
    expect(await edit.json()).toMatchObject({ status: "pending", version: 3 });
    expect((await mapAs()).nodes.some((n) => n.id === created.node.id)).toBe(false);
    expect(nodeItem(await queue(), created.node.id)).toMatchObject({ text: "Other words, published later." });

    await decideOk({ decision: "reject", reason: "Off topic", items: [{ type: "node", id: created.node.id }] });
    const resent = await PATCH(jsonRequest("PATCH", url(`/nodes/${created.node.id}`), { text: "Words on topic.", version: 4 }, people.pat.cookie), params({ nodeId: created.node.id }));
    expect(await resent.json()).toMatchObject({ status: "pending", rejectionReason: null, version: 5 });
  });

  it("answers 409 for an item already decided, and leaves the rest of the request undone", async () => {
    const decided = await rebut(people.pat, thesisId, "Decided once already.");
    const waiting = await rebut(people.pat, thesisId, "Still waiting for a decision.");
    await decideOk(approve({ type: "node", id: decided.node.id }));
    const body = await expectError(
      await expectNoChange(prisma, () => decide(approve({ type: "node", id: waiting.node.id }, { type: "node", id: decided.node.id }))),
      409,
      "CONFLICT",
    );
    expect(body.message).toMatch(/already approved/);
    expect((await prisma.node.findUniqueOrThrow({ where: { id: waiting.node.id } })).status).toBe("pending");
    await expectError(await expectNoChange(prisma, () => decide({ decision: "reject", reason: "Off topic", items: [{ type: "node", id: decided.node.id }] })), 409, "CONFLICT");
  });

  it("refuses a link or statement whose other end is pending until that end is approved, or together with it", async () => {
    const target = await rebut(people.pat, thesisId, "A pending rebuttal others answer.");
    const answer = await rebut(people.pat, target.node.id, "A rebuttal of the pending rebuttal.");
    const pendingLink = await link(people.pat, ownerClaimId, target.node.id, "attacks");

    let body = await expectError(await expectNoChange(prisma, () => decide(approve({ type: "node", id: answer.node.id }))), 409, "CONFLICT");
    expect(body.message).toMatch(/still pending: approve the statement it answers first/);
    body = await expectError(await expectNoChange(prisma, () => decide(approve({ type: "relation", id: pendingLink.id }))), 409, "CONFLICT");
    expect(body.message).toMatch(/still pending: approve that statement first/);

    await decideOk(approve({ type: "node", id: answer.node.id }, { type: "node", id: target.node.id }));
    await decideOk(approve({ type: "relation", id: pendingLink.id }));
    const publicMap = await mapAs();
    expect(publicMap.relations.map((r) => r.id)).toEqual(expect.arrayContaining([answer.relations[0]!.id, target.relations[0]!.id, pendingLink.id]));
  });

  it("refuses to approve a link to a rejected statement", async () => {
    const target = await rebut(people.pat, thesisId, "A rebuttal that will be rejected.");
    const pendingLink = await link(people.pat, ownerClaimId, target.node.id, "attacks");
    await decideOk({ decision: "reject", reason: "Off topic", items: [{ type: "node", id: target.node.id }] });
    const body = await expectError(await expectNoChange(prisma, () => decide(approve({ type: "relation", id: pendingLink.id }))), 409, "CONFLICT");
    expect(body.message).toMatch(/was rejected, so it cannot be approved/);
    await decideOk({ decision: "reject", reason: "Duplicate of an existing statement", items: [{ type: "relation", id: pendingLink.id }] });
  });

  it("answers 404 for an item of another debate or one that does not exist, changing nothing", async () => {
    const mine = await rebut(people.pat, thesisId, "Pending while a foreign item is refused.");
    for (const foreign of [{ type: "node", id: other.claimId }, { type: "node", id: randomUUID() }, { type: "relation", id: randomUUID() }]) {
      const body = await expectError(await expectNoChange(prisma, () => decide(approve({ type: "node", id: mine.node.id }, foreign as { type: "node"; id: string }))), 404, "NOT_FOUND");
      expect(body.message).toMatch(/in this debate/);
    }
    expect((await prisma.node.findUniqueOrThrow({ where: { id: mine.node.id } })).status).toBe("pending");
  });

  it.each([
    { name: "no items", body: { decision: "approve", items: [] }, field: "items" },
    { name: "an item twice", body: () => approve({ type: "node", id: thesisId }, { type: "node", id: thesisId }), field: "items" },
    { name: "an unknown decision", body: { decision: "maybe", items: [{ type: "node", id: randomUUID() }] }, field: "decision" },
    { name: "a reason with an approval", body: { decision: "approve", reason: "Off topic", items: [{ type: "node", id: randomUUID() }] }, field: "reason" },
    { name: "an id that is not a UUID", body: { decision: "approve", items: [{ type: "node", id: "thesis" }] }, field: "items.0.id" },
  ])("answers 422 for $name", async ({ body, field }) => {
    const error = await expectError(await expectNoChange(prisma, () => decide(typeof body === "function" ? body() : body)), 422, "VALIDATION");
    expect(error.fieldErrors?.[field]?.[0]?.length).toBeGreaterThan(5);
  });
});

describe("who may decide", () => {
  let pendingId: string;
  beforeAll(async () => {
    pendingId = (await rebut(people.pat, thesisId, "A rebuttal only moderators may decide.")).node.id;
  });

  it.each([
    ["its author, a participant", "pat", 403, "FORBIDDEN"],
    ["another participant", "paula", 403, "FORBIDDEN"],
    ["a viewer", "viewer", 403, "FORBIDDEN"],
    ["a moderator of another debate", "outsider", 403, "FORBIDDEN"],
  ] as const)("refuses %s with %i and changes nothing", async (_label, who, status, code) => {
    const body = await expectError(await expectNoChange(prisma, () => decide(approve({ type: "node", id: pendingId }), people[who].cookie)), status, code);
    expect(body.message.length).toBeGreaterThan(10);
  });

  it("asks a signed-out visitor to sign in (401) and changes nothing", async () => {
    await expectError(await expectNoChange(prisma, () => decide(approve({ type: "node", id: pendingId }), null)), 401, "UNAUTHORIZED");
  });

  it("refuses an item of this debate decided through another debate's address (404)", async () => {
    await expectError(await expectNoChange(prisma, () => decide(approve({ type: "node", id: pendingId }), people.outsider.cookie, "another-class")), 404, "NOT_FOUND");
  });

  it("in a closed debate refuses moderators but lets the owner decide", async () => {
    await prisma.debate.update({ where: { id: debateId }, data: { phase: "closed" } });
    const body = await expectError(await expectNoChange(prisma, () => decide(approve({ type: "node", id: pendingId }))), 403, "FORBIDDEN");
    expect(body.message).toMatch(/closed/);
    // Moderators may still read the queue of a closed debate.
    expect((await queue()).items.map((i) => i.id)).toContain(pendingId);
    const extra = await prisma.node.create({ data: { debateId, kind: "rebuttal", text: "Pending when the debate closed.", authorId: people.pat.id, status: "pending" } });
    await decideOk(approve({ type: "node", id: extra.id }), people.owner.cookie);
    expect((await prisma.node.findUniqueOrThrow({ where: { id: extra.id } })).reviewedById).toBe(people.owner.id);
  });

  it("in an archived debate refuses everyone, the owner too", async () => {
    await prisma.debate.update({ where: { id: debateId }, data: { phase: "archived" } });
    for (const who of ["owner", "moderator"] as const) {
      const body = await expectError(await expectNoChange(prisma, () => decide(approve({ type: "node", id: pendingId }), people[who].cookie)), 403, "FORBIDDEN");
      expect(body.message).toMatch(/archived/);
    }
  });
});
