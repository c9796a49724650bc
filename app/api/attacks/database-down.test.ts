// Item 9 of the trust issue: during a PostgreSQL restart, writes got a bare
// 500. Here this file's own PostgreSQL is stopped under the route handlers
// (which keep their pool and their LISTEN connection, as a running app does)
// and started again on the same data.
import { Client } from "pg";
import type { PrismaClient } from "@prisma/client";
import path from "node:path";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZLiveEvent, type TLiveEvent } from "@/lib/schemas/debate-event";
import { closeEventHub } from "@/lib/server/events/event-hub";
import { applyMigrations } from "@/scripts/lib/migrate";
import { connect } from "@/scripts/lib/prisma-client";
import { sseMessages } from "@/scripts/lib/sse-messages";
import { callRoute, seedOwnedDebate, type OwnedDebate } from "@/test/owned-debate";
import { loadScratchPostgres } from "@/test/scratch-postgres";
import { expectError } from "@/test/session";

import { GET as getMap } from "../debates/[slug]/route";
import { GET as getEvents } from "../debates/[slug]/events/route";
import { POST as postNode } from "../debates/[slug]/nodes/route";
import { PATCH as patchNode } from "../debates/[slug]/nodes/[nodeId]/route";
import { POST as postJoin } from "../join/route";
import { POST as postUser } from "../users/route";

const SLUG = "database-down";
const { startScratchPostgres, startEmbeddedPostgres } = await loadScratchPostgres();

let database: { url: string; stop: () => Promise<void> };
let folder: string;
let port: number;
let prisma: PrismaClient;
let debate: OwnedDebate;

beforeAll(async () => {
  database = await startScratchPostgres();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  folder = path.dirname(String((await client.query("SHOW data_directory")).rows[0].data_directory));
  await client.end();
  port = Number(new URL(database.url).port);
  await applyMigrations(database.url);
  // lib/server/db.ts and the event hub read DATABASE_URL on first use: the route handlers below use this PostgreSQL.
  process.env.DATABASE_URL = database.url;
  prisma = connect(database.url);
  debate = await seedOwnedDebate(prisma, SLUG);
}, 120_000);

afterAll(async () => {
  await closeEventHub();
  await prisma?.$disconnect();
  await database?.stop();
  if (folder && path.basename(folder).startsWith("argmap-pg-")) rmSync(folder, { recursive: true, force: true });
});

const claim = (text: string) => ({
  kind: "claim",
  text,
  link: { type: "supports", targetId: debate.thesisId },
  sources: [{ title: "A source", url: "https://example.org/database-down", perspective: "neutral" }],
});
const addClaim = (text: string) =>
  callRoute(postNode, { method: "POST", path: `/api/debates/${SLUG}/nodes`, params: { slug: SLUG }, body: claim(text), cookie: debate.people.owner.cookie });

/** The requests the test sends while the database is away: reads and writes, signed in or not. */
const requests: [string, () => Promise<Response>][] = [
  ["POST …/nodes", () => addClaim("A claim sent while the database was away.")],
  ["PATCH …/nodes/{id}", () => callRoute(patchNode, { method: "PATCH", path: `/api/debates/${SLUG}/nodes/${debate.claimId}`, params: { slug: SLUG, nodeId: debate.claimId }, body: { text: "An edit sent while the database was away.", version: 1 }, cookie: debate.people.owner.cookie })],
  ["GET the map", () => callRoute(getMap, { method: "GET", path: `/api/debates/${SLUG}`, params: { slug: SLUG } })],
  ["GET …/events", () => callRoute(getEvents, { method: "GET", path: `/api/debates/${SLUG}/events`, params: { slug: SLUG } })],
  ["POST /api/join", () => callRoute(postJoin, { method: "POST", path: "/api/join", params: {}, body: { code: "ABCD-EFGH" }, cookie: debate.people.outsider.cookie })],
  ["POST /api/users", () => callRoute(postUser, { method: "POST", path: "/api/users", params: {}, body: { name: "Someone New", email: "someone-new@example.test", password: "a long enough password" } })],
];

/** A listener on the debate's event stream, read message by message ("end" when the server closes it). */
async function listen(headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const request = new Request(`http://localhost/api/debates/${SLUG}/events`, { headers, signal: abort.signal });
  const response = await getEvents(request, { params: Promise.resolve({ slug: SLUG }) });
  expect(response.status).toBe(200);
  const messages = sseMessages(response.body!, abort.signal);
  return {
    /** The next event, or "end"; stops waiting after `timeoutMs` (a failure, not a measurement). */
    async next(timeoutMs: number): Promise<TLiveEvent | "end"> {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("no event came")), timeoutMs)));
      try {
        const { value, done } = await Promise.race([messages.next(), timeout]);
        return done ? "end" : ZLiveEvent.parse(JSON.parse(value.data));
      } finally {
        clearTimeout(timer);
      }
    },
    stop: () => abort.abort(),
  };
}

describe("a database that is down", () => {
  it("[ATTACK 9] a request while PostgreSQL is stopped gets 503 with Retry-After and { code, message }, not a bare 500; the app reconnects by itself once it is back", async () => {
    // The pool holds open connections when PostgreSQL goes away, as a serving app's does.
    expect((await addClaim("A claim written before the restart.")).status).toBe(201);
    const listener = await listen();
    const created = (await (await addClaim("A claim heard live before the restart.")).json()) as { node: { id: string } };
    const heard = await listener.next(20_000);
    expect(heard).toMatchObject({ type: "node.created", entityId: created.node.id });

    await database.stop();
    try {
      for (const [name, send] of requests) {
        const response = await send();
        const body = await expectError(response, 503, "UNAVAILABLE");
        expect(body.message, name).toMatch(/database cannot be reached/);
        expect(Number(response.headers.get("retry-after")), `${name}: Retry-After`).toBeGreaterThan(0);
      }
    } finally {
      await startEmbeddedPostgres(folder, port);
    }

    // Same handlers, same process: the pool opens new connections by itself.
    const after = await addClaim("A claim written after the restart.");
    expect(after.status, await after.clone().text()).toBe(201);
    expect((await callRoute(getMap, { method: "GET", path: `/api/debates/${SLUG}`, params: { slug: SLUG } })).status).toBe(200);
    // Nothing refused with a 503 was written.
    expect(await prisma.node.count({ where: { text: { contains: "while the database was away" } } })).toBe(0);
    expect(await prisma.user.count({ where: { email: "someone-new@example.test" } })).toBe(0);

    // The stream open during the restart ends once the event hub is connected again, so that its
    // browser reconnects; reconnecting with Last-Event-ID replays what was written meanwhile.
    for (let message = await listener.next(30_000); message !== "end"; message = await listener.next(30_000));
    const resumed = await listen({ "last-event-id": (heard as TLiveEvent).id });
    const replayed = await resumed.next(20_000);
    const written = (await after.json()) as { node: { id: string } };
    expect(replayed).toMatchObject({ type: "node.created", entityId: written.node.id });
    const live = (await (await addClaim("A claim heard live after the restart.")).json()) as { node: { id: string } };
    expect(await resumed.next(20_000)).toMatchObject({ type: "node.created", entityId: live.node.id });
    resumed.stop();
  }, 120_000);
});
