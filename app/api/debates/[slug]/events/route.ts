import { z } from "zod";

import { AppError } from "@/lib/errors";
import { ZEventId, ZEventsQuery } from "@/lib/schemas/debate-event";
import { ZDebateSlug } from "@/lib/schemas/domain";
import { loadDebateAccess } from "@/lib/server/debates/debate-access";
import { openEventStream } from "@/lib/server/events/event-stream";
import { route } from "@/lib/server/http";

/**
 * GET /api/debates/{slug}/events: the debate's changes as server-sent events,
 * each `{ id, type, entityId, status, isYours }` with `id:` set to the event
 * id. A listener resumes after the event named by its Last-Event-ID header
 * (sent by EventSource on reconnecting) or by `?since=`.
 */
export const GET = route({ params: z.object({ slug: ZDebateSlug }), isPublic: true }, async ({ params, request, actor }) => {
  const query = ZEventsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError("BAD_REQUEST", `since: ${query.error.issues[0]!.message}`);
  const lastEventId = request.headers.get("last-event-id")?.trim() || null;
  const resumeAfter = lastEventId === null ? query.data.since : ZEventId.safeParse(lastEventId).data;
  if (lastEventId !== null && resumeAfter === undefined) throw new AppError("BAD_REQUEST", "Last-Event-ID: an event id is a whole number.");
  const access = await loadDebateAccess(params.slug, actor);
  return openEventStream({ access, actor, since: resumeAfter === undefined ? null : BigInt(resumeAfter), signal: request.signal });
});
