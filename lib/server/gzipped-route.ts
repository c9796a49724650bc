import { gzipSync } from "node:zlib";

/**
 * Routes that gzip their own answers, so that a large body is compressed
 * once (per map revision) rather than by the server on every request. Next
 * drops a route handler's own Content-Encoding header, so next.config.ts sets
 * it for these paths, on the requests this pattern matches (Next anchors it
 * as ^…$), and the handler must then answer in gzip, errors included.
 */
export const GZIPPED_ROUTES = [
  // A debate's map; /api/debates/import is another route, which does not gzip.
  "/api/debates/:debateId((?!import$)[^/]+)",
];
/** Accept-Encoding naming gzip, unless with q=0 (refused). */
export const ACCEPTS_GZIP = "(?!.*gzip\\s*;\\s*q=0(?:\\.0*)?\\s*(?:,|$)).*gzip.*";

/** Whether next.config.ts marked the answer to this request as gzipped. */
export function acceptsGzip(request: Request): boolean {
  return new RegExp(`^${ACCEPTS_GZIP}$`).test(request.headers.get("accept-encoding") ?? "");
}

/** Set by a handler whose body is gzipped already (a cached map); not sent. */
const GZIPPED_BODY = "x-gzipped-body";

/** A body the handler gzipped itself, for a request that acceptsGzip. */
export function gzippedBody(body: Uint8Array<ArrayBuffer>, init: ResponseInit & { headers: Record<string, string> }): Response {
  return new Response(body, { ...init, headers: { ...init.headers, [GZIPPED_BODY]: "1" } });
}

/** Wraps a GET handler of a GZIPPED_ROUTES path: every answer with a body is gzipped when the request accepts it. */
export function gzipped<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    const response = await handler(request, context);
    const headers = new Headers(response.headers);
    headers.append("Vary", "Accept-Encoding");
    if (headers.has(GZIPPED_BODY)) {
      headers.delete(GZIPPED_BODY);
      return new Response(response.body, { status: response.status, headers });
    }
    const body = acceptsGzip(request) && response.body !== null ? gzipSync(new Uint8Array(await response.arrayBuffer())) : response.body;
    return new Response(body, { status: response.status, headers });
  };
}
