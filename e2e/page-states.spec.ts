import { expect } from "@playwright/test";

import { saveScreenshot, statementNodes } from "./fixtures/map";
import { test } from "./fixtures/own-debate";

// A phone's screen: the loading state must read as well there as the pages it stands in for.
test.use({ viewport: { width: 390, height: 844 } });

test("[STATES]: while a debate's page waits for the database, the reader is told in words what is loading, under the policy", async ({ page, appDb, debate }, testInfo) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(message.text());
  });

  // A transaction holds the debates table, so the page's own queries wait until it ends.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holding = appDb.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('LOCK TABLE "Debate" IN ACCESS EXCLUSIVE MODE');
      locked();
      await released;
    },
    { timeout: 60_000 },
  );
  try {
    await isLocked;
    await page.goto(`/debates/${debate}`, { waitUntil: "commit" });
    const status = page.getByRole("status").filter({ hasText: "Loading the debate and its map…" });
    await expect(status).toBeVisible();
    await expect(page.locator("main")).toHaveAttribute("aria-busy", "true");
    await saveScreenshot(page, testInfo, "page-states-debate-loading");
    release();
    await expect(statementNodes(page).first()).toBeVisible();
    await expect(status).toHaveCount(0);
  } finally {
    release();
    await holding;
  }
  expect(violations).toEqual([]);
});
