import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { CLIENT_ADDRESS_HEADER, clientAddressOf, isProxyRange, normaliseAddress, stampClientAddress, trustedProxies, UNKNOWN_ADDRESS } from "./client-address";

const none = trustedProxies([]);
const proxy = trustedProxies(["10.0.0.0/8", "fd00::/8"]);

describe("clientAddressOf", () => {
  it("takes the socket's address, whatever X-Forwarded-For says, when no proxy is trusted", () => {
    expect(clientAddressOf("203.0.113.7", "198.51.100.1", none)).toBe("203.0.113.7");
    expect(clientAddressOf("::ffff:203.0.113.7", undefined, none)).toBe("203.0.113.7");
    expect(clientAddressOf(undefined, "198.51.100.1", none)).toBe(UNKNOWN_ADDRESS);
  });

  it("behind a trusted proxy, takes the right-most address that is not a trusted proxy", () => {
    expect(clientAddressOf("10.0.0.2", "198.51.100.1, 203.0.113.7", proxy)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.2", ["198.51.100.1", "203.0.113.7, 10.0.0.3"], proxy)).toBe("203.0.113.7");
    expect(clientAddressOf("fd00::2", "2001:DB8::1", proxy)).toBe("2001:db8::1");
  });

  it("stops at the last trusted proxy when the header has nothing believable", () => {
    expect(clientAddressOf("10.0.0.2", undefined, proxy)).toBe("10.0.0.2");
    expect(clientAddressOf("10.0.0.2", "evil, 10.0.0.3", proxy)).toBe("10.0.0.3");
  });

  it("never answers an address a client wrote left of the right-most untrusted hop", () => {
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { maxLength: 6 }), fc.ipV4(), fc.array(fc.ipV4().map((a) => `10.${a.split(".").slice(1).join(".")}`), { maxLength: 3 }), (forged, client, proxies) => {
        fc.pre(!client.startsWith("10."));
        const header = [...forged, client, ...proxies.slice(0, -1)].join(", ");
        const peer = proxies.at(-1) ?? client;
        expect(clientAddressOf(peer, header, proxy)).toBe(client);
        expect(clientAddressOf(client, header, none)).toBe(client);
      }),
      { seed: 12 },
    );
  });
});

describe("stampClientAddress", () => {
  it("replaces a client's own copy of the internal header with the socket's address", () => {
    const headers = { [CLIENT_ADDRESS_HEADER]: "198.51.100.1", "x-forwarded-for": "198.51.100.2" };
    stampClientAddress(headers, "203.0.113.7", none);
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.7");
  });
});

describe("addresses and ranges", () => {
  it("accepts addresses and CIDR ranges and nothing else", () => {
    for (const entry of ["10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8", "0.0.0.0/0"]) expect(isProxyRange(entry), entry).toBe(true);
    for (const entry of ["", "10.0.0.0/33", "fd00::/129", "10.0.0.0/8/1", "proxy.local", "10.0.0.0/-1"]) expect(isProxyRange(entry), entry).toBe(false);
    expect(normaliseAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
    expect(normaliseAddress("1.2.3")).toBeNull();
  });
});
