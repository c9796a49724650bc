import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const isCI = Boolean(process.env.CI);

/** E2E against the production build, on a fresh embedded database each run (e2e/start-app.ts). */
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  forbidOnly: isCI,
  retries: 0,
  // One app and one database: the specs only read, but two workers on 2 cores make timings flaky.
  workers: 1,
  reporter: isCI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "on",
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download is unreachable here.
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    command: "node_modules/.bin/tsx e2e/start-app.ts",
    url: `http://localhost:${PORT}`,
    // The site administrator (e2e/fixtures/users.ts), who runs the ownerless example debate.
    env: { PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1", ADMIN_EMAILS: "e2e-admin@example.test" },
    // The first start makes a production build.
    timeout: 300_000,
    reuseExistingServer: !isCI,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets scripts/start.ts stop Next.js and then PostgreSQL cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
