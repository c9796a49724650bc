import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZMapDocument, ZMapNode, ZMapRelation, ZMapSource, type TMapDocument, type TMapNode, type TMapRelation, type TMapSource } from "@/lib/schemas/map";
import { readLachinSeed, seedLachin } from "@/prisma/seed/seed-lachin";
import { connect } from "@/scripts/lib/prisma-client";
import { authorIdIn } from "@/test/author-id";
import { countRows, createUser, expectError, expectNoChange, jsonRequest, sessionCookie, type TestUser } from "@/test/session";

import { POST as postDebateRoute } from "../../route";
import { GET } from "../route";
import { POST } from "./route";

// Mapping passages of a debate's article: owners and moderators turn a span of
// the article into a statement anchored there, citing the article.

type Created = { node: TMapNode; relations: TMapRelation[]; sources: TMapSource[] };

const TEXT = [
  "The council says closing the square to cars will make it safer.",
  "Shop owners answer that they will lose customers who drive in.",
  "A study counted 4,000 cars a day crossing the square last spring.",
  "Residents' groups reply that most shoppers arrive on foot or by bus.",
].join("\n\n");

/** The anchor of a sentence of TEXT, found by its words. */
function anchorOf(words: string): { start: number; end: number } {
  const start = TEXT.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text.`);
  return { start, end: start + words.length };
}

let prisma: PrismaClient;
const users: Record<"owner" | "moderator" | "participant" | "viewer" | "outsider", TestUser> = {} as never;
const cookies: Record<keyof typeof users, string> = {} as never;

async function newDebate(title: string, moderationMode: "open" | "premoderated" = "open"): Promise<string> {
  const body = { title, moderationMode, article: { title: `Article of ${title}`, perspective: "azerbaijani", text: TEXT } };
  const response = await postDebateRoute(jsonRequest("POST", "http://localhost/api/debates", body, cookies.owner));
  const json = (await response.json()) as { slug: string };
  expect(response.status, JSON.stringify(json)).toBe(201);
  const debate = await prisma.debate.findUniqueOrThrow({ where: { slug: json.slug } });
  for (const role of ["moderator", "participant", "viewer"] as const) {
    await prisma.member.create({ data: { debateId: debate.id, userId: users[role].id, role } });
  }
  return json.slug;
}

function postNode(slug: string, body: unknown, who: keyof typeof users | null = "owner"): Promise<Response> {
  return POST(jsonRequest("POST", `http://localhost/api/debates/${slug}/nodes`, body, who ? cookies[who] : undefined), { params: Promise.resolve({ slug: slug }) });
}

async function mapOk(slug: string, body: unknown, who: keyof typeof users = "owner"): Promise<Created> {
  const response = await postNode(slug, body, who);
  const json = (await response.json()) as Created;
  expect(response.status, JSON.stringify(json)).toBe(201);
  return { node: ZMapNode.parse(json.node), relations: json.relations.map((r) => ZMapRelation.parse(r)), sources: json.sources.map((s) => ZMapSource.parse(s)) };
}

async function getMap(slug: string, who: keyof typeof users | null = null): Promise<TMapDocument> {
  const headers: Record<string, string> = who ? { cookie: cookies[who] } : {};
  const response = await GET(new Request(`http://localhost/api/debates/${slug}`, { headers }), { params: Promise.resolve({ slug: slug }) });
  expect(response.status).toBe(200);
  return ZMapDocument.parse(await response.json());
}

const thesisBody = () => ({ kind: "thesis", text: "Closing the square to cars will make it safer.", anchor: anchorOf("The council says closing the square to cars will make it safer.") });

let slug: string;
let articleSourceId: string;

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  for (const role of Object.keys({ owner: 1, moderator: 1, participant: 1, viewer: 1, outsider: 1 }) as (keyof typeof users)[]) {
    users[role] = await createUser(prisma, `${role} Example`);
    cookies[role] = await sessionCookie(users[role]);
  }
  slug = await newDebate("Mapping the market square");
  articleSourceId = (await prisma.source.findFirstOrThrow({ where: { debate: { slug }, articleId: { not: null } } })).id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("POST /api/debates/{slug}/nodes with an anchor: mapping the article", () => {
  let thesis: TMapNode;

  it("lets the owner map a passage as the thesis: anchored, citing the article, approved, linked to nothing", async () => {
    const before = await countRows(prisma);
    const created = await mapOk(slug, thesisBody());
    thesis = created.node;
    expect(created.node).toMatchObject({ kind: "thesis", text: thesisBody().text, anchor: thesisBody().anchor, attributedTo: null, status: "approved", authorId: await authorIdIn(prisma, slug, users.owner.id), sourceIds: [articleSourceId] });
    expect(created.relations).toEqual([]);
    expect(created.sources).toEqual([expect.objectContaining({ id: articleSourceId, isArticle: true, perspective: "azerbaijani" })]);
    expect(await countRows(prisma)).toEqual({ ...before, nodes: before.nodes + 1, nodeSources: before.nodeSources + 1, revisions: before.revisions + 1 });

    const revision = await prisma.revision.findFirstOrThrow({ where: { entityId: thesis.id } });
    expect(revision).toMatchObject({ entityType: "node", action: "create", version: 1, actorId: users.owner.id });
    expect(revision.after).toMatchObject({ kind: "thesis", anchor: thesisBody().anchor, sourceIds: [articleSourceId] });
    const event = await prisma.debateEvent.findFirstOrThrow({ where: { entityId: thesis.id } });
    expect(event).toMatchObject({ type: "node.created", authorId: users.owner.id, status: "approved" });

    const doc = await getMap(slug);
    expect(doc.nodes).toEqual([created.node]);
    const { start, end } = created.node.anchor!;
    expect(doc.article.text.slice(start, end)).toBe("The council says closing the square to cars will make it safer.");
  });

  it("refuses a second thesis with 422, naming what to do instead", async () => {
    const body = await expectError(await expectNoChange(prisma, () => postNode(slug, { ...thesisBody(), text: "Another thesis." })), 422, "VALIDATION");
    expect(body.message).toMatch(/already has a thesis/);
    expect(body.fieldErrors?.kind).toBeDefined();
  });

  it("lets a moderator map a passage as a claim that supports the thesis, with whose position it is", async () => {
    const anchor = anchorOf("Residents' groups reply that most shoppers arrive on foot or by bus.");
    const created = await mapOk(slug, { kind: "claim", text: "Most shoppers arrive on foot or by bus.", attributedTo: "Residents' groups", anchor, link: { type: "supports", targetId: thesis.id } }, "moderator");
    expect(created.node).toMatchObject({ kind: "claim", anchor, attributedTo: "Residents' groups", status: "approved", authorId: await authorIdIn(prisma, slug, users.moderator.id), sourceIds: [articleSourceId] });
    expect(created.relations).toEqual([expect.objectContaining({ fromId: created.node.id, toId: thesis.id, type: "supports", status: "approved", groupId: null })]);
    const doc = await getMap(slug);
    expect(doc.relations.map((r) => [r.fromId, r.toId, r.type])).toEqual([[created.node.id, thesis.id, "supports"]]);
  });

  it("maps a passage unlinked, to be linked later; and cites other sources beside the article", async () => {
    const created = await mapOk(slug, {
      kind: "rebuttal",
      text: "Shops will lose customers who drive in.",
      attributedTo: "Shop owners",
      anchor: anchorOf("Shop owners answer that they will lose customers who drive in."),
      sources: [{ title: "Traders' association statement", url: "https://traders.example.org/square", perspective: "neutral" }],
    });
    expect(created.relations).toEqual([]);
    expect(created.node.sourceIds).toHaveLength(2);
    expect(created.node.sourceIds).toContain(articleSourceId);
    expect(created.sources.map((s) => s.isArticle).sort()).toEqual([false, true]);
  });

  it("lets two statements quote overlapping passages", async () => {
    const whole = anchorOf("A study counted 4,000 cars a day crossing the square last spring.");
    await mapOk(slug, { kind: "premise", text: "4,000 cars a day crossed the square.", anchor: whole });
    const part = await mapOk(slug, { kind: "premise", text: "The count is from last spring.", anchor: { start: whole.start + 2, end: whole.end } });
    expect(part.node.anchor).toEqual({ start: whole.start + 2, end: whole.end });
  });

  const refused: { name: string; anchor: () => unknown; field: string; message: RegExp }[] = [
    { name: "an anchor ending past the text", anchor: () => ({ start: 10, end: TEXT.length + 1 }), field: "anchor", message: /Select the passage again/ },
    { name: "an anchor that ends where it starts", anchor: () => ({ start: 10, end: 10 }), field: "anchor", message: /end after it starts/ },
    { name: "an anchor that ends before it starts", anchor: () => ({ start: 20, end: 10 }), field: "anchor", message: /end after it starts/ },
    { name: "a negative start", anchor: () => ({ start: -1, end: 10 }), field: "anchor.start", message: /./ },
    { name: "offsets that are not integers", anchor: () => ({ start: 1.5, end: 10 }), field: "anchor.start", message: /./ },
    { name: "a passage of only line breaks", anchor: () => ({ start: TEXT.indexOf("\n\n"), end: TEXT.indexOf("\n\n") + 2 }), field: "anchor", message: /some words/ },
  ];

  it.each(refused)("answers 422 for $name", async ({ anchor, field, message }) => {
    const body = await expectError(await expectNoChange(prisma, () => postNode(slug, { kind: "claim", text: "A statement.", anchor: anchor() })), 422, "VALIDATION");
    expect(body.fieldErrors?.[field], JSON.stringify(body.fieldErrors)).toBeDefined();
    expect(body.fieldErrors![field]!.join(" ")).toMatch(message);
  });

  it("answers 422 for an anchor that fits a longer article but not this debate's", async () => {
    await seedLachin(prisma);
    const lachin = readLachinSeed().text;
    expect(lachin.length).toBeGreaterThan(TEXT.length + 100);
    const body = await expectError(await expectNoChange(prisma, () => postNode(slug, { kind: "claim", text: "A statement.", anchor: { start: TEXT.length, end: TEXT.length + 50 } })), 422, "VALIDATION");
    expect(body.message).toMatch(new RegExp(`the article has ${TEXT.length}`));
  });

  it("still needs a link or an anchor, and a kind that fits its link", async () => {
    let body = await expectError(await expectNoChange(prisma, () => postNode(slug, { kind: "claim", text: "Neither linked nor anchored.", sources: [{ sourceId: articleSourceId }] })), 422, "VALIDATION");
    expect(body.fieldErrors?.link).toBeDefined();
    body = await expectError(await expectNoChange(prisma, () => postNode(slug, { ...thesisBody(), kind: "rebuttal", link: { type: "supports", targetId: thesis.id } })), 422, "VALIDATION");
    expect(body.fieldErrors?.kind?.join(" ")).toMatch(/premise or claim/);
  });

  it("answers 403 to a participant, a viewer and a non-member, and 401 without a session", async () => {
    const body = { kind: "claim", text: "A participant's reading.", anchor: anchorOf("Shop owners answer"), link: { type: "supports", targetId: thesis.id } };
    let error = await expectError(await expectNoChange(prisma, () => postNode(slug, body, "participant")), 403, "FORBIDDEN");
    expect(error.message).toMatch(/owner and moderators can map/);
    // Unlinked, the passage needs the same right.
    error = await expectError(await expectNoChange(prisma, () => postNode(slug, { ...body, link: undefined }, "participant")), 403, "FORBIDDEN");
    expect(error.message).toMatch(/owner and moderators can map/);
    error = await expectError(await expectNoChange(prisma, () => postNode(slug, body, "viewer")), 403, "FORBIDDEN");
    expect(error.message).toMatch(/Viewers/);
    error = await expectError(await expectNoChange(prisma, () => postNode(slug, body, "outsider")), 403, "FORBIDDEN");
    expect(error.message).toMatch(/members/);
    await expectError(await expectNoChange(prisma, () => postNode(slug, body, null)), 401, "UNAUTHORIZED");
  });

  it("lets a participant still add a sourced argument to a mapped statement", async () => {
    const created = await mapOk(slug, { kind: "premise", text: "Traffic counts vary by season.", link: { type: "supports", targetId: thesis.id }, sources: [{ sourceId: articleSourceId }] }, "participant");
    expect(created.node).toMatchObject({ anchor: null, status: "approved", authorId: await authorIdIn(prisma, slug, users.participant.id) });
  });

  it("refuses passages in the ready-made example, which has no owner, to every signed-in person", async () => {
    await seedLachin(prisma);
    const error = await expectError(await expectNoChange(prisma, () => postNode("lachin-crisis", { kind: "claim", text: "A passage of the example.", anchor: { start: 0, end: 20 } }, "owner")), 403, "FORBIDDEN");
    expect(error.message).toMatch(/owner and moderators can map/);
  });

  it("answers 403 to a moderator in a closed debate, where only the owner may still map", async () => {
    await prisma.debate.update({ where: { slug }, data: { phase: "closed" } });
    try {
      const body = { kind: "premise", text: "Mapped after closing.", anchor: anchorOf("A study counted"), link: { type: "supports", targetId: thesis.id } };
      const error = await expectError(await expectNoChange(prisma, () => postNode(slug, body, "moderator")), 403, "FORBIDDEN");
      expect(error.message).toMatch(/closed/);
      await mapOk(slug, body, "owner");
    } finally {
      await prisma.debate.update({ where: { slug }, data: { phase: "open" } });
    }
  });

  it("cites the article even when the debate had no source for it, creating that source once", async () => {
    const other = await newDebate("A debate whose article is not a source");
    await prisma.source.deleteMany({ where: { debate: { slug: other } } });
    const first = await mapOk(other, thesisBody());
    const rebuttal = await mapOk(other, { kind: "rebuttal", text: "Shops will lose customers.", anchor: anchorOf("Shop owners answer"), link: { type: "attacks", targetId: first.node.id } });
    const sources = await prisma.source.findMany({ where: { debate: { slug: other } } });
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ articleId: expect.any(String), perspective: "azerbaijani", title: "Article of A debate whose article is not a source" });
    expect(first.node.sourceIds).toEqual([sources[0]!.id]);
    expect(rebuttal.node.sourceIds).toEqual([sources[0]!.id]);
  });
});

describe("mapping passages under premoderation", () => {
  it("approves what the owner and moderators map at once; a participant's argument waits", async () => {
    const premoderated = await newDebate("A premoderated square", "premoderated");
    const thesis = await mapOk(premoderated, thesisBody());
    expect(thesis.node.status).toBe("approved");
    const claim = await mapOk(premoderated, { kind: "claim", text: "Most shoppers walk or ride the bus.", anchor: anchorOf("Residents' groups reply"), link: { type: "supports", targetId: thesis.node.id } }, "moderator");
    expect(claim.node.status).toBe("approved");
    expect(claim.relations[0]!.status).toBe("approved");

    const argument = await mapOk(premoderated, { kind: "premise", text: "Bus ridership grew this year.", link: { type: "supports", targetId: claim.node.id }, sources: [{ title: "Transit report", url: "https://transit.example.org/2024", perspective: "neutral" }] }, "participant");
    expect(argument.node.status).toBe("pending");
    expect(argument.relations[0]!.status).toBe("pending");
    expect((await prisma.debateEvent.findFirstOrThrow({ where: { entityId: argument.node.id } })).status).toBe("pending");

    const publicMap = await getMap(premoderated);
    expect(publicMap.nodes.map((n) => n.id).sort()).toEqual([thesis.node.id, claim.node.id].sort());
    const ownersMap = await getMap(premoderated, "owner");
    expect(ownersMap.nodes.map((n) => n.id)).toContain(argument.node.id);
  });
});
