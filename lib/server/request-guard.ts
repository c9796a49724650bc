import "server-only";

import { readEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request that another site's page made a browser
 * send with its visitor's session cookie. Browsers send `Origin` with every
 * POST, PUT, PATCH and DELETE (and today's send `Sec-Fetch-Site` as well), so
 * a foreign or opaque ("null") origin is refused. A request with neither
 * header is not a browser obeying another site: it is a program that holds
 * the cookie it sends (a script, curl, the tests), and is let through.
 *
 * Allowed are the host the request was sent to and the host of NEXTAUTH_URL,
 * compared by host alone: behind a proxy that ends TLS the app sees http while
 * the browser's origin says https.
 */
export function assertSameOrigin(request: Request): void {
  if (READS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const crossSite = request.headers.get("sec-fetch-site") === "cross-site";
  if (crossSite || (origin !== null && !allowedHosts(request).has(hostOf(origin)))) {
    throw new AppError("FORBIDDEN", "This request came from another site and was refused. Use the app's own pages.");
  }
}

function allowedHosts(request: Request): Set<string | null> {
  const hosts = new Set<string | null>([new URL(request.url).host]);
  const { NEXTAUTH_URL } = readEnv();
  if (NEXTAUTH_URL) hosts.add(new URL(NEXTAUTH_URL).host);
  hosts.delete("");
  return hosts;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/**
 * Refuses a body not sent as JSON. Another site can make a browser post
 * text/plain or a form without asking first; application/json it cannot send
 * without the app's consent (a CORS preflight, which the app never grants).
 */
export function assertJsonBody(request: Request): void {
  const type = request.headers.get("content-type")?.split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json).");
}
