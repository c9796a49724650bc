import { z } from "zod";

import { ZStatus } from "./domain";

const MAX_BIGINT = 2n ** 63n - 1n;

/** A DebateEvent id: a PostgreSQL bigint, written as decimal text (JSON numbers lose precision above 2^53). */
export const ZEventId = z
  .string()
  .regex(/^\d{1,19}$/, "An event id is a whole number.")
  .refine((value) => !/^\d+$/.test(value) || BigInt(value) <= MAX_BIGINT, "That event id is too large.");

/**
 * Every kind of change a debate's event stream tells of, as `<entity>.<verb>`:
 * the one list the writers (publishEvent's callers) and the listener
 * (useDebateEvents and what it feeds) share.
 */
export const EVENT_TYPES = [
  "node.created",
  "node.updated",
  "node.deleted",
  "node.approved",
  "node.rejected",
  "node.redacted",
  "relation.created",
  "relation.deleted",
  "relation.approved",
  "relation.rejected",
  "debate.created",
  "debate.updated",
  "member.joined",
  "member.updated",
  "member.removed",
  "team.created",
  "team.updated",
  "team.deleted",
  "team.sides-swapped",
] as const;
export const ZEventType = z.enum(EVENT_TYPES);
export type TEventType = z.infer<typeof ZEventType>;

/** The entity an event is about: what comes before the dot of its type. */
export type TEventEntity = TEventType extends `${infer E}.${string}` ? E : never;

export function eventEntityOf(type: TEventType): TEventEntity {
  return type.slice(0, type.indexOf(".")) as TEventEntity;
}

/** The payload publishEvent sends with NOTIFY, as every app instance receives it. */
export const ZEventNotification = z.object({
  id: ZEventId,
  debateId: z.uuid(),
  type: ZEventType,
  entityId: z.string(),
  authorId: z.string().nullable(),
  status: ZStatus.nullable(),
});
export type TEventNotification = z.infer<typeof ZEventNotification>;

/**
 * One message of GET /api/debates/{slug}/events. The author's id is left out
 * (in an anonymous debate it would name them); `isYours` says whether the item
 * is the listener's own.
 */
export const ZLiveEvent = z.object({
  id: ZEventId,
  type: ZEventType,
  entityId: z.string(),
  status: ZStatus.nullable(),
  isYours: z.boolean(),
});
export type TLiveEvent = z.infer<typeof ZLiveEvent>;

/** Where a listener resumes: after this event id (`?since=`; EventSource's Last-Event-ID header wins). */
export const ZEventsQuery = z.object({ since: ZEventId.optional() });
