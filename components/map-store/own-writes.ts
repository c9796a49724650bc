import type { TEventType, TLiveEvent } from "@/lib/schemas/debate-event";
import type { TStatus } from "@/lib/schemas/domain";

/** An event as this client can predict it from a write's answer. */
export type ExpectedEvent = { type: TEventType; entityId: string; status: TStatus };

/** Own events that came before their write's answer, remembered for a while. */
const EARLY_KEPT = 20;

const keyOf = (event: { type: string; entityId: string; status: TStatus | null }) => `${event.type} ${event.entityId} ${event.status ?? ""}`;

/**
 * The writes this client applied from their answers and whose event has not
 * come back yet. Every write on the map publishes exactly one event, about the
 * entity it answers with, marked as the listener's own: that event is an echo
 * of what the map already shows, and needs no refetch. Everything else (other
 * people's changes, a moderator's decision, an own write from another tab)
 * does not match and is fetched as before.
 */
export function createOwnWrites() {
  let awaited = new Set<string>();
  // An event may beat its own answer (NOTIFY follows the commit; so does the
  // answer): its map fetch has run, so the answer that follows expects nothing.
  let early: string[] = [];

  return {
    /** A write's answer was applied: its event, when it comes, is an echo. */
    expect(event: ExpectedEvent): void {
      const key = keyOf(event);
      if (early.includes(key)) early = early.filter((k) => k !== key);
      else awaited.add(key);
    },

    /** Whether every event of a burst echoes a write already applied. Each event is matched once. */
    areEchoes(events: TLiveEvent[]): boolean {
      const keys = events.map(keyOf);
      const echoes = events.map((event, i) => event.isYours && awaited.has(keys[i]!));
      for (const [i, key] of keys.entries()) {
        if (echoes[i]) awaited.delete(key);
        else if (events[i]!.isYours) early = [...early, key].slice(-EARLY_KEPT);
      }
      return events.length > 0 && echoes.every(Boolean);
    },

    /** The stream (re)opened: the map fetched now holds every write so far, so nothing is awaited any more. */
    forget(): void {
      awaited = new Set();
      early = [];
    },
  };
}

export type OwnWrites = ReturnType<typeof createOwnWrites>;
