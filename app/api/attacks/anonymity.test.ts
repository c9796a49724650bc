// Attacks on anonymity (issue 12, item 1): a participant, viewer or visitor
// tries to find out who wrote what in an anonymous debate, with plain HTTP
// requests, helped by a second, named debate the same person wrote in. Every
// answer is searched as raw text for any account's id and for real names.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportSvg } from "@/lib/export/export-view";
import { NO_FILTERS } from "@/lib/graph/filter-map";
import { ZMapDocument, type TMapDocument } from "@/lib/schemas/map";
import { closeEventHub } from "@/lib/server/events/event-hub";
import { connect } from "@/scripts/lib/prisma-client";
import { sseMessages } from "@/scripts/lib/sse-messages";
import { callRoute, seedOwnedDebate, type OwnedDebate, type Person } from "@/test/owned-debate";
import { createUser, sessionCookie } from "@/test/session";

import { GET as GET_MAP } from "../debates/[slug]/route";
import { GET as GET_AUDIT } from "../debates/[slug]/audit/route";
import { GET as GET_DASHBOARD } from "../debates/[slug]/dashboard/route";
import { GET as GET_EVENTS } from "../debates/[slug]/events/route";
import { GET as GET_EXPORT } from "../debates/[slug]/export/route";
import { POST as NEW_JOIN_CODE } from "../debates/[slug]/join-code/route";
import { GET as GET_MEMBERS } from "../debates/[slug]/members/route";
import { DELETE as REMOVE_MEMBER, PATCH as PATCH_MEMBER } from "../debates/[slug]/members/[userId]/route";
import { GET as GET_QUEUE } from "../debates/[slug]/moderation/route";
import { POST as POST_NODE } from "../debates/[slug]/nodes/route";
import { DELETE as DELETE_NODE, PATCH as PATCH_NODE } from "../debates/[slug]/nodes/[nodeId]/route";
import { GET as GET_REVISIONS } from "../debates/[slug]/nodes/[nodeId]/revisions/route";
import { POST as POST_RELATION } from "../debates/[slug]/relations/route";
import { PATCH as PATCH_SETTINGS } from "../debates/[slug]/settings/route";
import { POST as JOIN } from "../join/route";

const READERS = ["anonymous", "viewer", "participant", "outsider", "wren"] as const;
type Reader = (typeof READERS)[number];
type Side = "anonymous" | "named";

let prisma: PrismaClient;
/** The same people's debates: one anonymous, one not. */
const debates = {} as Record<Side, OwnedDebate>;
/** Writes in both debates, under her real name in the named one. */
let wren: Person;
/** Joins both debates during the events attack, is moved and removed, and writes nothing. */
let sid: Person;
/** Wren's statements, by debate. */
const wrenNode = {} as Record<Side, string>;
/** What the server answered Wren's writes, by debate. */
const answers = {} as Record<Side, string[]>;
let everyone: Person[];

const cookieOf = (side: Side, reader: Reader) => (reader === "anonymous" ? undefined : reader === "wren" ? wren.cookie : debates[side].people[reader].cookie);
const get = (handler: Parameters<typeof callRoute>[0], side: Side, reader: Reader, path: string, params: Record<string, string> = {}) =>
  callRoute(handler, { method: "GET", path: `/api/debates/${debates[side].slug}${path}`, params: { slug: debates[side].slug, ...params }, cookie: cookieOf(side, reader) });

/** Every account id, written as PostgreSQL and as hex alone. */
function accountIds(): string[] {
  return everyone.flatMap((p) => [p.id, p.id.replaceAll("-", "")]);
}

/**
 * What a reader may never find in an answer about this debate: any account's
 * id, and the names of people who wrote nothing in it (in the anonymous
 * debate, of anyone but the owner and moderators, who wrote nothing either).
 */
function secrets(side: Side): string[] {
  const names = everyone.filter((p) => side === "anonymous" || p !== wren).map((p) => p.name);
  return [...accountIds(), ...names];
}

function expectClean(side: Side, what: string, text: string): void {
  const lower = text.toLowerCase();
  const found = secrets(side).filter((secret) => lower.includes(secret.toLowerCase()));
  expect(found, `${what} (${side} debate) gives away`).toEqual([]);
}

async function readMap(side: Side, reader: Reader): Promise<{ doc: TMapDocument; text: string }> {
  const response = await get(GET_MAP, side, reader, "");
  expect(response.status).toBe(200);
  const text = await response.text();
  return { doc: ZMapDocument.parse(JSON.parse(text)), text };
}

function write(handler: Parameters<typeof callRoute>[0], side: Side, method: string, path: string, body: unknown, cookie: string, params: Record<string, string> = {}) {
  return callRoute(handler, { method, path: `/api/debates/${debates[side].slug}${path}`, params: { slug: debates[side].slug, ...params }, body, cookie });
}

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  debates.anonymous = await seedOwnedDebate(prisma, "anonymity-attack-hidden");
  debates.named = await seedOwnedDebate(prisma, "anonymity-attack-named");
  const people = async (name: string): Promise<Person> => {
    const user = await createUser(prisma, name);
    return { ...user, cookie: await sessionCookie(user) };
  };
  wren = await people("Wren Realname");
  sid = await people("Sid Silentname");
  everyone = [wren, sid, ...Object.values(debates.anonymous.people), ...Object.values(debates.named.people)];
  for (const side of ["anonymous", "named"] as const) {
    const { debateId, claimId, sourceId, people: cast } = debates[side];
    const team = await prisma.team.create({ data: { debateId, name: "Team A", colour: "#B42318", perspective: "armenian" } });
    await prisma.member.create({ data: { debateId, userId: wren.id, role: "participant", teamId: team.id, joinedAt: new Date(Date.UTC(2024, 1, 1)) } });
    if (side === "anonymous") expect((await write(PATCH_SETTINGS, side, "PATCH", "/settings", { anonymous: true }, cast.owner.cookie)).status).toBe(200);
    const body = { kind: "premise", text: `Wren's premise in the ${side} debate.`, link: { type: "supports", targetId: claimId }, sources: [{ sourceId }] };
    const created = await write(POST_NODE, side, "POST", "/nodes", body, wren.cookie);
    const text = await created.text();
    expect(created.status, text).toBe(201);
    wrenNode[side] = (JSON.parse(text) as { node: { id: string } }).node.id;
    const link = await write(POST_RELATION, side, "POST", "/relations", { fromId: wrenNode[side], toId: debates[side].thesisId, type: "attacks" }, wren.cookie);
    const linkText = await link.text();
    expect(link.status, linkText).toBe(201);
    answers[side] = [text, linkText];
  }
});

afterAll(async () => {
  await closeEventHub();
  await prisma.$disconnect();
});

describe("attack: unmasking the authors of an anonymous debate", () => {
  it("reading the map as a visitor, viewer, participant, outsider or the author herself shows no account id and no real name", async () => {
    for (const side of ["anonymous", "named"] as const) {
      for (const reader of READERS) {
        const { doc, text } = await readMap(side, reader);
        expectClean(side, `the map read by ${reader}`, text);
        const node = doc.nodes.find((n) => n.id === wrenNode[side])!;
        const label = doc.authors.find((a) => a.id === node.authorId)?.label;
        expect(label, reader).toBe(side === "anonymous" ? "Team A 1" : wren.name);
      }
    }
  });

  it("reading the answers to one's own writes (a statement, a link) shows no account id", () => {
    for (const side of ["anonymous", "named"] as const) for (const text of answers[side]) expectClean(side, "the answer to a write", text);
  });

  it("listing members who wrote nothing: the map lists only the authors of what it shows", async () => {
    for (const side of ["anonymous", "named"] as const) {
      for (const reader of READERS) {
        const { doc } = await readMap(side, reader);
        const wrote = new Set([...doc.nodes, ...doc.relations].flatMap((item) => (item.authorId ? [item.authorId] : [])));
        expect(new Set(doc.authors.map((a) => a.id)), `${reader} in the ${side} debate`).toEqual(wrote);
        expect(doc.authors, reader).toHaveLength(1);
      }
    }
  });

  it("matching author ids across debates: the same person has another id in each, and neither is her account id", async () => {
    const hidden = await readMap("anonymous", "anonymous");
    const named = await readMap("named", "anonymous");
    const idIn = (doc: TMapDocument, nodeId: string) => doc.nodes.find((n) => n.id === nodeId)!.authorId!;
    const hiddenId = idIn(hidden.doc, wrenNode.anonymous);
    const namedId = idIn(named.doc, wrenNode.named);
    expect(named.doc.authors.find((a) => a.id === namedId)?.label).toBe(wren.name);
    expect(hiddenId).not.toBe(namedId);
    expect([hiddenId, namedId]).not.toContain(wren.id);
    // The id labelled with her name appears nowhere in the anonymous debate.
    expect(hidden.text).not.toContain(namedId);
    // Each link carries its author's id of that debate.
    expect(hidden.doc.relations.find((r) => r.fromId === wrenNode.anonymous)?.authorId).toBe(hiddenId);
  });

  it("exporting the debate as JSON, AIF, Argdown or an image shows no account id and no real name", async () => {
    for (const side of ["anonymous", "named"] as const) {
      for (const reader of READERS) {
        for (const format of ["json", "aif", "argdown"]) {
          const response = await get(GET_EXPORT, side, reader, `/export?format=${format}`);
          const text = await response.text();
          expect(response.status, text).toBe(200);
          expectClean(side, `the ${format} export read by ${reader}`, text);
        }
        // The SVG (and the PNG drawn from it) is made from the map the reader has.
        const { doc } = await readMap(side, reader);
        expectClean(side, `the SVG drawn for ${reader}`, exportSvg(doc, { filters: NO_FILTERS, rootId: null, date: "2026-01-01" }).svg);
      }
    }
  });

  it("reading a statement's history shows no account id, and in the anonymous debate no real name", async () => {
    for (const side of ["anonymous", "named"] as const) {
      for (const reader of READERS) {
        for (const nodeId of [wrenNode[side], debates[side].claimId]) {
          const response = await get(GET_REVISIONS, side, reader, `/nodes/${nodeId}/revisions`, { nodeId });
          const text = await response.text();
          expect(response.status, text).toBe(200);
          expectClean(side, `a history read by ${reader}`, text);
        }
      }
    }
  });

  it("asking for the dashboard, its CSV, the moderation queue, the members or the audit log is refused, and the refusal names nobody", async () => {
    for (const side of ["anonymous", "named"] as const) {
      for (const reader of READERS) {
        for (const [handler, path] of [
          [GET_DASHBOARD, "/dashboard"],
          [GET_DASHBOARD, "/dashboard?format=csv"],
          [GET_QUEUE, "/moderation"],
          [GET_MEMBERS, "/members"],
          [GET_AUDIT, "/audit"],
        ] as const) {
          const response = await get(handler, side, reader, path);
          const text = await response.text();
          expect([401, 403], `${path} for ${reader}`).toContain(response.status);
          expectClean(side, `${path} refused to ${reader}`, text);
        }
      }
    }
  });

  it("probing members, statements and histories by id gets errors that name nobody", async () => {
    for (const side of ["anonymous", "named"] as const) {
      for (const reader of READERS.filter((r) => r !== "wren")) {
        const cookie = cookieOf(side, reader);
        const params = { userId: wren.id };
        const probes = [
          callRoute(PATCH_MEMBER, { method: "PATCH", path: `/api/debates/${debates[side].slug}/members/${wren.id}`, params: { slug: debates[side].slug, ...params }, body: { role: "viewer" }, cookie }),
          callRoute(REMOVE_MEMBER, { method: "DELETE", path: `/api/debates/${debates[side].slug}/members/${wren.id}`, params: { slug: debates[side].slug, ...params }, cookie }),
          callRoute(PATCH_NODE, {
            method: "PATCH",
            path: `/api/debates/${debates[side].slug}/nodes/${wrenNode[side]}`,
            params: { slug: debates[side].slug, nodeId: wrenNode[side] },
            body: { text: "Someone else's words.", version: 1 },
            cookie,
          }),
          callRoute(DELETE_NODE, { method: "DELETE", path: `/api/debates/${debates[side].slug}/nodes/${wrenNode[side]}?version=1`, params: { slug: debates[side].slug, nodeId: wrenNode[side] }, cookie }),
          get(GET_REVISIONS, side, reader, `/nodes/${wren.id}/revisions`, { nodeId: wren.id }),
        ];
        for (const response of await Promise.all(probes)) {
          const text = await response.text();
          expect(response.status, text).toBeGreaterThanOrEqual(400);
          expect(response.status, text).toBeLessThan(500);
          expectClean(side, `an error answered to ${reader}`, text);
        }
      }
      // A stale edit by the author herself answers 409 with the current statement: still no account id.
      const stale = await write(PATCH_NODE, side, "PATCH", `/nodes/${wrenNode[side]}`, { text: "An edit from an old page.", version: 99 }, wren.cookie, { nodeId: wrenNode[side] });
      const text = await stale.text();
      expect(stale.status, text).toBe(409);
      expectClean(side, "a 409 answered to the author", text);
    }
  });

  it("listening to the live events hears of joins, role changes, removals and statements without any account id", async () => {
    type Heard = { side: Side; reader: Reader; messages: AsyncGenerator<{ data: string }>; stop: () => void };
    const listeners: Heard[] = [];
    for (const side of ["anonymous", "named"] as const) {
      for (const reader of READERS) {
        const abort = new AbortController();
        const request = new Request(`http://localhost/api/debates/${debates[side].slug}/events?since=0`, { headers: cookieOf(side, reader) ? { cookie: cookieOf(side, reader)! } : {}, signal: abort.signal });
        const response = await GET_EVENTS(request, { params: Promise.resolve({ slug: debates[side].slug }) });
        expect(response.status).toBe(200);
        listeners.push({ side, reader, messages: sseMessages(response.body!, abort.signal), stop: () => abort.abort() });
      }
    }
    try {
      // Sid joins both debates, gets another role, and is removed: all while they listen.
      for (const side of ["anonymous", "named"] as const) {
        const owner = debates[side].people.owner.cookie;
        const code = ((await (await write(NEW_JOIN_CODE, side, "POST", "/join-code", undefined, owner)).json()) as { joinCode: string }).joinCode;
        expect((await callRoute(JOIN, { method: "POST", path: "/api/join", params: {}, body: { code }, cookie: sid.cookie })).status).toBe(200);
        expect((await write(PATCH_MEMBER, side, "PATCH", `/members/${sid.id}`, { role: "viewer" }, owner, { userId: sid.id })).status).toBe(200);
        expect((await write(REMOVE_MEMBER, side, "DELETE", `/members/${sid.id}`, undefined, owner, { userId: sid.id })).status).toBe(200);
      }
      for (const listener of listeners) {
        const types: string[] = [];
        // Guards a hang only: the removal is the last event of each debate.
        const guard = setTimeout(listener.stop, 20_000);
        for await (const message of listener.messages) {
          expectClean(listener.side, `an event heard by ${listener.reader}`, message.data);
          const type = (JSON.parse(message.data) as { type: string }).type;
          types.push(type);
          if (type === "member.removed") break;
        }
        clearTimeout(guard);
        expect(types, `${listener.reader} in the ${listener.side} debate`).toEqual(expect.arrayContaining(["node.created", "relation.created", "member.joined", "member.updated", "member.removed"]));
      }
    } finally {
      for (const listener of listeners) listener.stop();
    }
  });

  it("the owner and moderators still see every member by name in the anonymous debate", async () => {
    for (const reader of ["owner", "moderator"] as const) {
      const response = await callRoute(GET_MAP, { method: "GET", path: `/api/debates/${debates.anonymous.slug}`, params: { slug: debates.anonymous.slug }, cookie: debates.anonymous.people[reader].cookie });
      const doc = ZMapDocument.parse(await response.json());
      const node = doc.nodes.find((n) => n.id === wrenNode.anonymous)!;
      expect(doc.authors.find((a) => a.id === node.authorId)?.label, reader).toBe(wren.name);
      expect(doc.authors.map((a) => a.label), reader).toEqual(expect.arrayContaining(Object.values(debates.anonymous.people).filter((p) => p.name.startsWith("Owner") || p.name.startsWith("Moderator")).map((p) => p.name)));
      expect(JSON.stringify(doc), reader).not.toContain(wren.id);
    }
  });
});
