import "server-only";

import type { ContributionStatus, Prisma } from "@prisma/client";

/** The channel every app instance listens on (see the event hub). */
export const EVENTS_CHANNEL = "debate_events";

export type DebateEventInput = {
  debateId: string;
  /** What happened, as `<entity>.<verb>`: node.created, relation.approved, debate.updated... */
  type: `${"node" | "relation" | "debate" | "member" | "team"}.${string}`;
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
 * hears of a write that was rolled back, and every instance hears of it.
 */
export async function publishEvent(tx: Prisma.TransactionClient, event: DebateEventInput): Promise<void> {
  const entityType = event.type.slice(0, event.type.indexOf("."));
  const row = await tx.debateEvent.create({
    data: { debateId: event.debateId, type: event.type, entityType, entityId: event.entityId, authorId: event.authorId ?? null, status: event.status ?? null },
    select: { id: true },
  });
  const payload = JSON.stringify({ id: row.id.toString(), debateId: event.debateId, type: event.type, entityId: event.entityId, authorId: event.authorId ?? null, status: event.status ?? null });
  await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}::text, ${payload}::text)`;
}
