import "server-only";

import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

import { db } from "@/lib/server/db";

import type { Actor } from "@/lib/server/auth/get-actor";
import { acceptsGzip, gzippedBody } from "@/lib/server/gzipped-route";

import { loadDebateAccess, type DebateRow } from "./debate-access";
import { buildViewerMap, mapViewer } from "./get-debate-map";

/** Bodies as the Response constructor takes them, so a request does not copy them again. */
type Cached = { revision: string; json: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> };

/** Serialised maps by debate, reused while the debate's revision is unchanged. */
const cache = new Map<string, Cached>();
const MAX_CACHED = 32;

/**
 * What the map depends on, read in one cheap query: any write to a node,
 * relation or source of the debate changes a count or a latest update time,
 * and every write the app commits adds one event to the debate. Update times
 * come from the writer's clock before it commits, so a write can commit after
 * a later-stamped one and leave every latest time as it was; the count of
 * events still moves. So a cached map is checked against the database on
 * every request and can never be stale, whichever app instance made the change.
 */
async function mapRevision(slug: string): Promise<string> {
  const [row] = await db.$queryRaw<{ revision: string }[]>`
    SELECT concat_ws(':',
      (SELECT count(*) || '/' || coalesce(max("updatedAt")::text, '') FROM "Node" WHERE "debateId" = d."id"),
      (SELECT count(*) || '/' || coalesce(max("updatedAt")::text, '') FROM "Relation" WHERE "debateId" = d."id"),
      (SELECT count(*) || '/' || coalesce(max("createdAt")::text, '') FROM "Source" WHERE "debateId" = d."id"),
      d."updatedAt"::text,
      (SELECT count(*) FROM "DebateEvent" WHERE "debateId" = d."id")
    ) AS revision
    FROM "Debate" d WHERE d."slug" = ${slug} AND d."deletedAt" IS NULL`;
  // No such debate: the access read that follows answers 404.
  return row?.revision ?? "";
}

/**
 * The map document as an HTTP answer. The public map is serialised once per
 * revision; a signed-in person who may see pending or rejected items gets
 * their own map on top of it. Either way an ETag (per person for the latter)
 * gives 304 to a browser that has it. The public map is gzipped once per
 * revision too: compressing a 2000-statement map took most of a request's
 * time, and a classroom refetches the map on every change.
 */
export async function mapResponse(slug: string, request: Request, actor: Actor | null): Promise<Response> {
  // The revision is read before the debate row, never after: a change committed
  // in between then makes the cached map newer than its label (rebuilt on the
  // next request), not older (a map named before anonymity was switched on,
  // served under the new revision until the next write).
  const revision = await mapRevision(slug);
  const { debate, who } = await loadDebateAccess(slug, actor);
  const viewer = await mapViewer(debate, who);
  const headers: Record<string, string> = { "Cache-Control": "no-cache", "Content-Type": "application/json" };
  if (viewer) {
    // Holds this person's pending items: no shared cache may keep it.
    headers["Cache-Control"] = "private, no-cache";
    headers.ETag = `"${createHash("sha1").update(`${revision}:${viewer.userId}:${viewer.role}`).digest("base64url")}"`;
    if (request.headers.get("if-none-match") === headers.ETag) return new Response(null, { status: 304, headers });
    return new Response(JSON.stringify(await buildViewerMap(debate, viewer)), { headers });
  }
  const entry = await cachedPublicMap(debate, revision);
  headers.ETag = `"${createHash("sha1").update(revision).digest("base64url")}"`;
  if (request.headers.get("if-none-match") === headers.ETag) return new Response(null, { status: 304, headers });
  if (acceptsGzip(request)) return gzippedBody(entry.gzip, { headers });
  return new Response(entry.json, { headers });
}

async function cachedPublicMap(debate: DebateRow, revision: string): Promise<Cached> {
  let entry = cache.get(debate.id);
  if (entry?.revision !== revision) {
    const json = Buffer.from(JSON.stringify(await buildViewerMap(debate, null)));
    entry = { revision, json, gzip: gzipSync(json) };
    cache.delete(debate.id);
    cache.set(debate.id, entry);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return entry;
}
