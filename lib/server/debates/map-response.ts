import "server-only";

import { createHash } from "node:crypto";

import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";

import { getDebateMap } from "./get-debate-map";

type Cached = { revision: string; json: Buffer };

/** Serialised maps by debate, reused while the debate's revision is unchanged. */
const cache = new Map<string, Cached>();
const MAX_CACHED = 32;

/**
 * What the map depends on, read in one cheap query: any write to a node,
 * relation or source of the debate changes a count or a latest update time.
 * So a cached map is checked against the database on every request and can
 * never be stale, whichever app instance made the change.
 */
async function mapRevision(debateId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ revision: string }[]>`
    SELECT concat_ws(':',
      (SELECT count(*) || '/' || coalesce(max("updatedAt")::text, '') FROM "Node" WHERE "debateId" = ${debateId}::uuid),
      (SELECT count(*) || '/' || coalesce(max("updatedAt")::text, '') FROM "Relation" WHERE "debateId" = ${debateId}::uuid),
      (SELECT count(*) || '/' || coalesce(max("createdAt")::text, '') FROM "Source" WHERE "debateId" = ${debateId}::uuid),
      (SELECT "updatedAt"::text FROM "Debate" WHERE "id" = ${debateId}::uuid)
    ) AS revision`;
  return row!.revision;
}

/**
 * The map document as an HTTP answer: serialised once per revision, with an
 * ETag so a browser that has it gets 304. (Compression is left to the server:
 * a body encoded here was encoded a second time by `next start`.)
 */
export async function mapResponse(slug: string, request: Request): Promise<Response> {
  const debate = await db.debate.findFirst({ where: { slug, deletedAt: null }, select: { id: true } });
  if (!debate) throw new AppError("NOT_FOUND", `There is no debate "${slug}".`);
  const revision = await mapRevision(debate.id);
  let entry = cache.get(debate.id);
  if (entry?.revision !== revision) {
    const json = Buffer.from(JSON.stringify(await getDebateMap(slug)));
    entry = { revision, json };
    cache.delete(debate.id);
    cache.set(debate.id, entry);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  const etag = `"${createHash("sha1").update(revision).digest("base64url")}"`;
  const headers: Record<string, string> = { ETag: etag, "Cache-Control": "no-cache", "Content-Type": "application/json" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(entry.json), { headers });
}
