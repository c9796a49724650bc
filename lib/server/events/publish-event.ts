import "server-only";

import type { ContributionStatus, Prisma } from "@prisma/client";

import { eventEntityOf, type TEventType } from "@/lib/schemas/debate-event";

/** The channel every app instance listens on (see the event hub). */
export const EVENTS_CHANNEL = "debate_events";

export type DebateEventInput = {
  debateId: string;
  /** What happened (one of EVENT_TYPES, which the listener reads too). */
  type: TEventType;
  /**
   * What changed. Every listener receives it, so it never names an account:
   * a member is their membership's id.
   */
  entityId: string;
  /** Whose item it is and its status, so each listener is told only what it may see. */
  authorId?: string | null;
  status?: ContributionStatus | null;
};

/**
 * Records a change inside the writing transaction and notifies the listeners.
 * PostgreSQL delivers a NOTIFY only when its transaction commits, so nobody
 * hears of a write that was rolled back, and every instance hears of it. One
 * statement does both (the event's id is needed in the notification), so a
 * write pays one round trip for its event.
 */
export async function publishEvent(tx: Prisma.TransactionClient, event: DebateEventInput): Promise<void> {
  const entityType = eventEntityOf(event.type);
  const authorId = event.authorId ?? null;
  const status = event.status ?? null;
  await tx.$executeRaw`
    WITH recorded AS (
      INSERT INTO "DebateEvent" ("debateId", "type", "entityType", "entityId", "authorId", "status")
      VALUES (${event.debateId}::uuid, ${event.type}, ${entityType}, ${event.entityId}::uuid, ${authorId}::uuid, ${status}::"ContributionStatus")
      RETURNING "id"
    )
    SELECT pg_notify(${EVENTS_CHANNEL}::text, json_build_object(
      'id', "id"::text, 'debateId', ${event.debateId}::text, 'type', ${event.type}::text, 'entityId', ${event.entityId}::text,
      'authorId', ${authorId}::text, 'status', ${status}::text
    )::text) FROM recorded`;
}
