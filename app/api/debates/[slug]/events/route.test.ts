import type { PrismaClient } from "@prisma/client";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZLiveEvent, type TLiveEvent } from "@/lib/schemas/debate-event";
import { closeEventHub, countListeners } from "@/lib/server/events/event-hub";
import { publishEvent, type DebateEventInput } from "@/lib/server/events/publish-event";
import { connect } from "@/scripts/lib/prisma-client";
import { sseMessages, type SseMessage } from "@/scripts/lib/sse-messages";
import { createUser, expectError, jsonRequest, seedOtherDebate, sessionCookie, type TestUser } from "@/test/session";

import { POST as postNodeRoute } from "../nodes/route";
import { GET } from "./route";

const SLUG = "other-debate";
let prisma: PrismaClient;
let debateId: string;
let thesisId: string;
const people: Record<"owner" | "mona" | "pat" | "quinn", TestUser> = {} as never;
const cookies: Record<string, string> = {};
const open: Listener[] = [];

/** A connection to the events route, read message by message. */
type Listener = { response: Response; next: (timeoutMs?: number) => Promise<TLiveEvent | "end">; lastId: () => string | null; stop: () => void };

async function listen(options: { cookie?: string; lastEventId?: string; query?: string; slug?: string } = {}): Promise<Listener> {
  const abort = new AbortController();
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.lastEventId) headers["last-event-id"] = options.lastEventId;
  const slug = options.slug ?? SLUG;
  const request = new Request(`http://localhost/api/debates/${slug}/events${options.query ?? ""}`, { headers, signal: abort.signal });
  const response = await GET(request, { params: Promise.resolve({ slug: slug }) });
  const messages = response.ok ? sseMessages(response.body!, abort.signal) : null;
  let lastId: string | null = null;
  const listener: Listener = {
    response,
    async next(timeoutMs = 5000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`No event within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const result: IteratorResult<SseMessage> = await Promise.race([messages!.next(), timeout]);
        if (result.done) return "end";
        lastId = result.value.id;
        const event = ZLiveEvent.parse(JSON.parse(result.value.data));
        expect(result.value.id).toBe(event.id);
        return event;
      } finally {
        clearTimeout(timer);
      }
    },
    lastId: () => lastId,
    stop: () => abort.abort(),
  };
  open.push(listener);
  return listener;
}

/** Adds a claim for the debate's thesis through the nodes route, as `who`. */
async function addClaim(who: keyof typeof people, text: string): Promise<{ id: string; status: string }> {
  const body = { kind: "claim", text, link: { type: "supports", targetId: thesisId }, sources: [{ title: "A report", url: "https://example.org/live", perspective: "neutral" }] };
  const response = await postNodeRoute(jsonRequest("POST", `http://localhost/api/debates/${SLUG}/nodes`, body, cookies[who]), { params: Promise.resolve({ slug: SLUG }) });
  const json = (await response.json()) as { node: { id: string; status: string } };
  expect(response.status, JSON.stringify(json)).toBe(201);
  return json.node;
}

function publish(event: Omit<DebateEventInput, "debateId">): Promise<void> {
  return prisma.$transaction((tx) => publishEvent(tx, { debateId, ...event }));
}

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  const other = await seedOtherDebate(prisma);
  debateId = other.debateId;
  thesisId = other.thesisId;
  for (const [key, name] of [["owner", "Olga Owner"], ["mona", "Mona Moderator"], ["pat", "Pat Participant"], ["quinn", "Quinn Participant"]] as const) {
    people[key] = await createUser(prisma, name);
    cookies[key] = await sessionCookie(people[key]);
  }
  await prisma.debate.update({ where: { id: debateId }, data: { ownerId: people.owner.id, moderationMode: "premoderated" } });
  await prisma.member.createMany({
    data: [
      { debateId, userId: people.mona.id, role: "moderator" },
      { debateId, userId: people.pat.id, role: "participant" },
      { debateId, userId: people.quinn.id, role: "participant" },
    ],
  });
});

afterAll(async () => {
  for (const listener of open) listener.stop();
  await closeEventHub();
  await prisma.$disconnect();
});

describe("GET /api/debates/{slug}/events", () => {
  it("answers with an event stream that nothing compresses or caches", async () => {
    const listener = await listen();
    expect(listener.response.status).toBe(200);
    expect(listener.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(listener.response.headers.get("cache-control")).toBe("private, no-cache, no-transform");
    listener.stop();
  });

  it("sends a pending statement's event to its author, the owner and moderators, but not to other participants or anonymous readers", async () => {
    const [owner, mona, pat, quinn, anonymous] = await Promise.all([
      listen({ cookie: cookies.owner }),
      listen({ cookie: cookies.mona }),
      listen({ cookie: cookies.pat }),
      listen({ cookie: cookies.quinn }),
      listen(),
    ]);
    const pending = await addClaim("quinn", "A pending claim that only some may see.");
    expect(pending.status).toBe("pending");
    const expected = { type: "node.created", entityId: pending.id, status: "pending" };
    expect(await quinn.next()).toMatchObject({ ...expected, isYours: true });
    expect(await owner.next()).toMatchObject({ ...expected, isYours: false });
    expect(await mona.next()).toMatchObject({ ...expected, isYours: false });

    // The owner's own claim needs no moderation: everybody hears of it, and it is the next
    // thing Pat and the anonymous reader hear, so they were not told of the pending one.
    const approved = await addClaim("owner", "An approved claim that everybody sees.");
    expect(approved.status).toBe("approved");
    for (const listener of [owner, mona, pat, quinn, anonymous]) {
      const event = await listener.next();
      expect(event).toEqual({ id: expect.any(String), type: "node.created", entityId: approved.id, status: "approved", isYours: listener === owner });
    }
    for (const listener of [owner, mona, pat, quinn, anonymous]) listener.stop();
  });

  it("keeps a rejected item's event to its author and the moderators; an approval reaches everybody", async () => {
    const [mona, pat, quinn] = await Promise.all([listen({ cookie: cookies.mona }), listen({ cookie: cookies.pat }), listen({ cookie: cookies.quinn })]);
    const node = await addClaim("quinn", "A claim a moderator will reject.");
    await publish({ type: "node.rejected", entityId: node.id, authorId: people.quinn.id, status: "rejected" });
    await publish({ type: "node.approved", entityId: node.id, authorId: people.quinn.id, status: "approved" });

    for (const listener of [mona, quinn]) {
      expect(await listener.next()).toMatchObject({ type: "node.created", status: "pending" });
      expect(await listener.next()).toMatchObject({ type: "node.rejected", status: "rejected", isYours: listener === quinn });
    }
    for (const listener of [mona, pat, quinn]) expect(await listener.next()).toMatchObject({ type: "node.approved", entityId: node.id, status: "approved" });
    // Events without a status (settings, teams) are for everybody.
    await publish({ type: "debate.updated", entityId: debateId });
    for (const listener of [mona, pat, quinn]) expect(await listener.next()).toMatchObject({ type: "debate.updated", entityId: debateId, status: null, isYours: false });
    for (const listener of [mona, pat, quinn]) listener.stop();
  });

  it("never tells the author's id, which would name them in an anonymous debate", async () => {
    const pat = await listen({ cookie: cookies.pat });
    await addClaim("owner", "A claim whose author stays unnamed in the event.");
    const event = await pat.next();
    expect(Object.keys(event).sort()).toEqual(["entityId", "id", "isYours", "status", "type"]);
    pat.stop();
  });

  it("follows a change of role: a participant made moderator then hears of pending items", async () => {
    const pat = await listen({ cookie: cookies.pat });
    await prisma.member.updateMany({ where: { debateId, userId: people.pat.id }, data: { role: "moderator" } });
    try {
      await publish({ type: "member.updated", entityId: people.pat.id });
      expect(await pat.next()).toMatchObject({ type: "member.updated" });
      const pending = await addClaim("quinn", "A pending claim for the new moderator.");
      expect(await pat.next()).toMatchObject({ type: "node.created", entityId: pending.id, status: "pending" });
    } finally {
      await prisma.member.updateMany({ where: { debateId, userId: people.pat.id }, data: { role: "participant" } });
      pat.stop();
    }
  });

  it("catches up after Last-Event-ID, or ?since=, with what the listener may see, then goes on live", async () => {
    const first = await listen({ cookie: cookies.pat });
    const a = await addClaim("owner", "Catch-up: the first claim.");
    const seen = await first.next();
    expect(seen).toMatchObject({ entityId: a.id });
    first.stop();

    // While Pat is away: one claim for everybody, one pending that Pat may not see, one more for everybody.
    const b = await addClaim("owner", "Catch-up: the second claim.");
    await addClaim("quinn", "Catch-up: a pending claim.");
    const c = await addClaim("mona", "Catch-up: the third claim.");

    const resumed = await listen({ cookie: cookies.pat, lastEventId: first.lastId()! });
    expect(await resumed.next()).toMatchObject({ entityId: b.id, type: "node.created" });
    expect(await resumed.next()).toMatchObject({ entityId: c.id, type: "node.created" });
    const d = await addClaim("owner", "Catch-up: a live claim after the catch-up.");
    expect(await resumed.next()).toMatchObject({ entityId: d.id });
    resumed.stop();

    const bySince = await listen({ cookie: cookies.pat, query: `?since=${(seen as TLiveEvent).id}` });
    expect([await bySince.next(), await bySince.next(), await bySince.next()].map((e) => (e as TLiveEvent).entityId)).toEqual([b.id, c.id, d.id]);
    bySince.stop();

    // Last-Event-ID (what EventSource sends) wins over the query string.
    const both = await listen({ cookie: cookies.pat, lastEventId: resumed.lastId()!, query: "?since=1" });
    const e = await addClaim("owner", "Catch-up: only this one is new.");
    expect(await both.next()).toMatchObject({ entityId: e.id });
    both.stop();
  });

  it("tells nothing of other debates, live or in catch-up", async () => {
    const third = await seedOtherDebate(prisma, "third-debate");
    const live = await listen({ cookie: cookies.owner });
    const mark = await addClaim("owner", "Before the other debate's event.");
    expect(await live.next()).toMatchObject({ entityId: mark.id });
    await prisma.$transaction((tx) => publishEvent(tx, { debateId: third.debateId, type: "node.created", entityId: third.claimId, status: "approved" }));
    const after = await addClaim("owner", "After the other debate's event.");
    expect(await live.next()).toMatchObject({ entityId: after.id });
    live.stop();

    const resumed = await listen({ cookie: cookies.owner, lastEventId: (await prisma.debateEvent.findFirstOrThrow({ where: { entityId: mark.id } })).id.toString() });
    expect(await resumed.next()).toMatchObject({ entityId: after.id });
    resumed.stop();
  });

  it("stops serving a listener that has gone", async () => {
    const listeners = await Promise.all([listen(), listen({ cookie: cookies.pat })]);
    expect(countListeners(debateId)).toBeGreaterThanOrEqual(2);
    for (const listener of open) listener.stop();
    await expect.poll(() => countListeners(debateId)).toBe(0);
    expect(await listeners[0]!.next()).toBe("end");
  });

  it("ends its streams when the database connection comes back after a drop, so that listeners reconnect and catch up", async () => {
    const listener = await listen({ cookie: cookies.pat });
    const before = await addClaim("owner", "Before the connection drops.");
    expect(await listener.next()).toMatchObject({ entityId: before.id });

    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN debate_events'`);
      expect(rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    const during = await addClaim("owner", "Written while the connection was down.");
    // The stream ends once the connection is back (an event may just make it before).
    const heard: string[] = [];
    for (let event = await listener.next(); event !== "end"; event = await listener.next()) heard.push(event.entityId);

    const resumed = await listen({ cookie: cookies.pat, lastEventId: listener.lastId()! });
    const after = await addClaim("owner", "After the connection is back.");
    while (!heard.includes(after.id)) heard.push(((await resumed.next()) as TLiveEvent).entityId);
    expect(heard).toEqual([during.id, after.id]);
    resumed.stop();
  });

  it("answers 400 for a malformed since or Last-Event-ID, and 404 for an unknown debate", async () => {
    let body = await expectError((await listen({ query: "?since=yesterday" })).response, 400, "BAD_REQUEST");
    expect(body.message).toMatch(/whole number/);
    body = await expectError((await listen({ query: `?since=${"9".repeat(19)}` })).response, 400, "BAD_REQUEST");
    expect(body.message).toMatch(/too large/);
    body = await expectError((await listen({ lastEventId: "-3" })).response, 400, "BAD_REQUEST");
    expect(body.message).toMatch(/Last-Event-ID/);
    await expectError((await listen({ slug: "no-such-debate" })).response, 404, "NOT_FOUND");
  });
});
