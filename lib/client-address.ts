import type { IncomingHttpHeaders } from "node:http";
import { BlockList, isIP } from "node:net";

/**
 * The request header in which the app's own HTTP server (scripts/serve.ts) tells the app each
 * request's client address. The server removes any copy a client sent, so the app can trust it;
 * the app reads no other header for the address (lib/server/client-address.ts).
 */
export const CLIENT_ADDRESS_HEADER = "x-argmap-client-address";

/** What the app counts a request under when no address is known (a request made without the server). */
export const UNKNOWN_ADDRESS = "unknown";

/** An IP address in one spelling per address (IPv4-mapped IPv6 as IPv4), or null for anything else. */
export function normaliseAddress(value: string | undefined): string | null {
  const address = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  if (!address) return null;
  const version = isIP(address);
  if (version === 0) return null;
  return version === 6 ? address.toLowerCase() : address;
}

/** An address or a CIDR range ("10.0.0.0/8", "fd00::/8"), as TRUSTED_PROXIES lists them. */
export function isProxyRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split("/");
  const version = isIP(address ?? "");
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** The proxies whose X-Forwarded-For is believed; an empty list believes none. */
export function trustedProxies(ranges: readonly string[]): BlockList {
  const list = new BlockList();
  for (const range of ranges) {
    const [address, prefix] = range.split("/") as [string, string | undefined];
    const type = isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

const isTrusted = (address: string, trusted: BlockList) => trusted.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy. Then X-Forwarded-For
 * is read from the right (each proxy appends the address it received the request from), skipping
 * trusted proxies; the first address that is not one is the client. Entries further left were
 * written by the client itself and are never believed; an entry that is not an address stops the walk
 * at the last proxy that was trusted.
 */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string {
  let client = normaliseAddress(peer);
  if (client === null) return UNKNOWN_ADDRESS;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  while (isTrusted(client, trusted)) {
    const hop = hops.pop();
    if (hop === undefined) break;
    const address = normaliseAddress(hop);
    if (address === null) break;
    client = address;
  }
  return client;
}

/**
 * What the app's server does to every request: whatever a client sent in the internal header is
 * replaced by the address found from the socket's peer (and X-Forwarded-For behind a trusted proxy).
 */
export function stampClientAddress(headers: IncomingHttpHeaders, peer: string | undefined, trusted: BlockList): void {
  headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(peer, headers["x-forwarded-for"], trusted);
}
