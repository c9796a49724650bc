import "server-only";

import { canSee, type DebateActor } from "@/lib/authz/can";
import { ZEventNotification, type TEventNotification, type TLiveEvent } from "@/lib/schemas/debate-event";
import type { Actor } from "@/lib/server/auth/get-actor";
import { loadDebateAccess, type DebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";

import { subscribeToDebate } from "./event-hub";

/** A comment line now and then keeps proxies and browsers from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;
/** How soon EventSource reconnects after the stream ends (its own default is about 3 s). */
const RETRY_MS = 1000;
/** Catch-up after a long absence stops here; the map the client fetches on reconnecting covers the rest. */
const MAX_CATCH_UP = 1000;

type StreamArgs = {
  access: DebateAccess;
  actor: Actor | null;
  /** The last event the listener has: its catch-up starts after it. Null for a first connection. */
  since: bigint | null;
  signal: AbortSignal;
};

/**
 * A debate's events as a text/event-stream: first those after `since`, read
 * from the DebateEvent table, then live ones as PostgreSQL notifies them. Each
 * listener gets only the events of items it may see (canSee, with its role
 * when it connected, read again when members or the debate change).
 *
 * Event ids are taken when a row is inserted, not when its transaction
 * commits, so an event can become visible after one with a larger id: a
 * listener that reconnects in that instant, resuming after the larger id,
 * never hears of the smaller. Catch-up therefore does not try to be a
 * complete log. Events only tell a client that something changed; the client
 * fetches the whole map (the truth) on every event and on every reconnection,
 * so a missed event can never leave its map stale. For the same reason, when
 * this process's LISTEN connection drops and comes back, its streams end and
 * their browsers reconnect (with Last-Event-ID) rather than go on with a gap.
 */
export async function openEventStream({ access, actor, since, signal }: StreamArgs): Promise<Response> {
  const debate = access.debate;
  let who = access.who;
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let isClosed = false;
  let unsubscribe = () => {};

  const write = (text: string) => {
    if (!isClosed) controller.enqueue(encoder.encode(text));
  };
  const heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS);
  const close = () => {
    if (isClosed) return;
    isClosed = true;
    clearInterval(heartbeat);
    unsubscribe();
    signal.removeEventListener("abort", close);
    try {
      controller.close();
    } catch {
      // The reader has gone already.
    }
  };
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: close,
  });

  const send = (event: TEventNotification) => {
    if (isVisible(who, event)) write(format(event, who));
  };
  // Events arrive in order and are sent in order, even while a role is read again.
  let delivered = Promise.resolve();
  const deliver = (event: TEventNotification) => {
    delivered = delivered
      .then(async () => {
        if (actor && changesRoles(event)) who = (await loadDebateAccess(debate.slug, actor).catch(() => null))?.who ?? who;
        send(event);
      })
      .catch((error: unknown) => console.error(error));
  };
  // Live events wait here while the catch-up is read, so that none slips between the two.
  let waiting: TEventNotification[] | null = [];

  write(`retry: ${RETRY_MS}\n\n`);
  try {
    unsubscribe = await subscribeToDebate(debate.id, {
      onEvent: (event) => (waiting ? waiting.push(event) : deliver(event)),
      onGap: close,
    });
    const missed = since === null ? [] : await eventsAfter(debate.id, since);
    for (const event of missed) send(event);
    const sent = new Set(missed.map((e) => e.id));
    for (const event of waiting) if (!sent.has(event.id)) deliver(event);
    waiting = null;
  } catch (error) {
    close();
    throw error;
  }
  if (signal.aborted) close();
  signal.addEventListener("abort", close);

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // Private: a listener hears of its own pending items. no-transform: a compressing server or proxy would otherwise hold events back to fill its buffer.
      "Cache-Control": "private, no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

function isVisible(who: DebateActor, event: TEventNotification): boolean {
  return event.status === null || canSee(who, { status: event.status, authorId: event.authorId });
}

/** Membership and settings decide what a listener may see. */
function changesRoles(event: TEventNotification): boolean {
  return event.type.startsWith("member.") || event.type === "debate.updated";
}

function format(event: TEventNotification, who: DebateActor): string {
  const message: TLiveEvent = {
    id: event.id,
    type: event.type,
    entityId: event.entityId,
    status: event.status,
    isYours: who !== null && event.authorId === who.userId,
  };
  return `id: ${event.id}\ndata: ${JSON.stringify(message)}\n\n`;
}

async function eventsAfter(debateId: string, since: bigint): Promise<TEventNotification[]> {
  const rows = await db.debateEvent.findMany({
    where: { debateId, id: { gt: since } },
    orderBy: { id: "desc" },
    take: MAX_CATCH_UP,
    select: { id: true, type: true, entityId: true, authorId: true, status: true },
  });
  // Read back through the notification's schema, so a stored row is typed as a live one is.
  return rows.reverse().flatMap((row) => {
    const parsed = ZEventNotification.safeParse({ ...row, id: row.id.toString(), debateId });
    return parsed.success ? [parsed.data] : [];
  });
}
