import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // tsconfig "paths": "@/*" -> "./*"
      { find: /^@\//, replacement: `${root}/` },
      // "server-only" throws outside the Next.js server; tests import server modules directly.
      { find: /^server-only$/, replacement: path.join(root, "test/empty-module.ts") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["app/api/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/integration-global-setup.ts"],
          setupFiles: ["test/integration-setup.ts"],
          // Starting PostgreSQL and creating databases takes longer than the default 10s.
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
