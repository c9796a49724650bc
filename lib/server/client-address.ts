import "server-only";

import { CLIENT_ADDRESS_HEADER, normaliseAddress, UNKNOWN_ADDRESS } from "@/lib/client-address";

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined> | undefined;

/**
 * The address a request came from, as the app's server (scripts/serve.ts) stamped it from the
 * socket. The only place the app reads a client's address: X-Forwarded-For and the like are
 * written by clients and never read here.
 */
export function requestClientAddress(headers: HeaderSource): string {
  const raw = headers === undefined ? undefined : typeof headers.get === "function" ? (headers as { get(name: string): string | null }).get(CLIENT_ADDRESS_HEADER) : (headers as Record<string, string | string[] | undefined>)[CLIENT_ADDRESS_HEADER];
  return normaliseAddress(typeof raw === "string" ? raw : undefined) ?? UNKNOWN_ADDRESS;
}
