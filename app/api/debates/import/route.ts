import { MAX_IMPORT_BYTES, type TImportResult } from "@/lib/schemas/import";
import { route } from "@/lib/server/http";
import { importDebate } from "@/lib/server/interop/import-debate";
import { ImportsBusy, readImportOffThread } from "@/lib/server/interop/read-import-off-thread";
import { readBodyBytes } from "@/lib/server/read-json";
import { assertJsonBody } from "@/lib/server/request-guard";

/**
 * The file travels as a JSON string, where quotes, backslashes and line breaks
 * take two bytes each: a file at the limit can make a body twice its size.
 */
const MAX_BODY_BYTES = 2 * MAX_IMPORT_BYTES + 10_000;

/**
 * POST /api/debates/import: a JSON, AIF or Argdown file becomes a new debate
 * owned by the importer. The body (ZImportRequest) is parsed and checked in a
 * worker thread rather than by route(): a 5 MB file would hold the event loop.
 */
export const POST = route({ status: 201 }, async ({ request, actor }): Promise<TImportResult | Response> => {
  assertJsonBody(request);
  const body = await readBodyBytes(request, MAX_BODY_BYTES);
  let checked: Awaited<ReturnType<typeof readImportOffThread>>;
  try {
    checked = await readImportOffThread(body);
  } catch (error) {
    if (!(error instanceof ImportsBusy)) throw error;
    return Response.json({ code: "UNAVAILABLE", message: error.message }, { status: 503, headers: { "Retry-After": String(error.retryAfterSeconds) } });
  }
  return importDebate({ actor, checked });
});
