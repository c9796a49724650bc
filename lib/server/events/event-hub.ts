import "server-only";

import { Client } from "pg";

import { readEnv } from "@/lib/env";
import { ZEventNotification, type TEventNotification } from "@/lib/schemas/debate-event";

import { EVENTS_CHANNEL } from "./publish-event";

export type HubListener = {
  onEvent: (event: TEventNotification) => void;
  /** The LISTEN connection was lost and is back: notifications sent in between never reached this listener. */
  onGap: () => void;
};

const FIRST_RETRY_MS = 250;
// Short enough that live views resume within seconds of a database restart.
const LAST_RETRY_MS = 4000;

/**
 * The one LISTEN connection of this app process, shared by every live view it
 * serves, whichever debate they watch. PostgreSQL sends each committed event
 * to every instance's connection, so instances behind a load balancer stay in
 * step without talking to each other. The connection is opened by the first
 * listener and, when it drops, opened again with a growing delay for as long
 * as someone listens.
 */
class EventHub {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly listeners = new Map<string, Set<HubListener>>();
  /** Listeners that were subscribed when the connection dropped: told of the gap once it is back. */
  private readonly missed = new Set<HubListener>();
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;

  /** Resolves once notifications for the debate reach `listener`; returns how to stop them. */
  async subscribe(debateId: string, listener: HubListener): Promise<() => void> {
    let forDebate = this.listeners.get(debateId);
    if (!forDebate) this.listeners.set(debateId, (forDebate = new Set()));
    forDebate.add(listener);
    const unsubscribe = () => {
      forDebate.delete(listener);
      if (forDebate.size === 0 && this.listeners.get(debateId) === forDebate) this.listeners.delete(debateId);
      this.missed.delete(listener);
    };
    try {
      await this.connected();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  listenerCount(debateId: string): number {
    return this.listeners.get(debateId)?.size ?? 0;
  }

  async close(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.listeners.clear();
    this.missed.clear();
    await this.connecting?.catch(() => {});
    const client = this.client;
    this.client = null;
    await client?.end();
  }

  private connected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: readEnv().DATABASE_URL, keepAlive: true });
    client.on("notification", (message) => this.dispatch(message.payload));
    // A lost connection is reported as "error" (which would otherwise crash the process) and "end".
    client.on("error", () => this.drop(client));
    client.on("end", () => this.drop(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      void client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const missed = [...this.missed];
    this.missed.clear();
    for (const listener of missed) listener.onGap();
  }

  private drop(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => {});
    for (const forDebate of this.listeners.values()) for (const listener of forDebate) this.missed.add(listener);
    console.error("The live-update connection to the database was lost; reconnecting.");
    this.reconnectLater();
  }

  private reconnectLater(): void {
    // With nobody waiting, the next subscriber opens the connection again.
    if (this.retryTimer || this.missed.size === 0) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connected().catch(() => this.reconnectLater());
    }, delay);
  }

  private dispatch(payload: string | undefined): void {
    let json: unknown = null;
    try {
      json = JSON.parse(payload ?? "");
    } catch {
      // Reported below with the other malformed payloads.
    }
    const event = ZEventNotification.safeParse(json);
    if (!event.success) {
      console.error(`Ignored a malformed ${EVENTS_CHANNEL} notification: ${payload ?? "(empty)"}`);
      return;
    }
    for (const listener of this.listeners.get(event.data.debateId) ?? []) {
      try {
        listener.onEvent(event.data);
      } catch (error) {
        console.error(error);
      }
    }
  }
}

// On globalThis, so that development reloads of this module reuse the connection.
const globalForHub = globalThis as unknown as { debateEventHub?: EventHub };
const hub = (globalForHub.debateEventHub ??= new EventHub());

/** Calls `listener` for every committed event of the debate, from any app instance. */
export function subscribeToDebate(debateId: string, listener: HubListener): Promise<() => void> {
  return hub.subscribe(debateId, listener);
}

/** How many live views of the debate this process serves. */
export function countListeners(debateId: string): number {
  return hub.listenerCount(debateId);
}

/** Closes the connection (at the end of a test file, so its worker can exit). */
export function closeEventHub(): Promise<void> {
  return hub.close();
}
