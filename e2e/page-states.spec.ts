import { expect, type Page } from "@playwright/test";

import { saveScreenshot, statementNodes } from "./fixtures/map";
import { test } from "./fixtures/own-debate";

/** The first answer a navigation got, before any redirect was followed. */
async function firstStatus(page: Page, path: string): Promise<{ status: number; location: string | null }> {
  const response = await page.goto(path);
  let request = response!.request();
  while (request.redirectedFrom()) request = request.redirectedFrom()!;
  const first = (await request.response())!;
  return { status: first.status(), location: first.headers()["location"] ?? null };
}

test("[STATES]: the layouts keep the statuses: an unknown debate is a 404, a signed-out visitor to a page for members is sent to sign in with a 307", async ({ page }) => {
  expect((await firstStatus(page, "/debates/no-such-debate-here")).status).toBe(404);
  await expect(page.getByRole("heading", { name: "No such debate" })).toBeVisible();
  expect((await firstStatus(page, "/debates/no-such-debate-here/manage")).status).toBe(307);
  for (const path of ["/debates/lachin-crisis/manage", "/debates/lachin-crisis/moderation", "/debates/new", "/import", "/join"]) {
    const { status, location } = await firstStatus(page, path);
    expect(status, path).toBe(307);
    expect(location, path).toBe(`/signin?next=${encodeURIComponent(path)}`);
  }
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test(`[STATES]: while a debate's map is built, the reader is told in words what is loading, under the policy (${viewport.width}x${viewport.height})`, async ({ page, appDb, debate }, testInfo) => {
    await page.setViewportSize(viewport);
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(message.text());
    });

    // A transaction holds the statements table, which only the map reads: the layout's read of
    // the debate goes through (so the status is known) and the page waits until the lock ends.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = appDb.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('LOCK TABLE "Node" IN ACCESS EXCLUSIVE MODE');
        locked();
        await released;
      },
      { timeout: 60_000 },
    );
    try {
      await isLocked;
      const response = await page.goto(`/debates/${debate}`, { waitUntil: "commit" });
      expect(response?.status()).toBe(200);
      const status = page.getByRole("status").filter({ hasText: "Loading the debate and its map…" });
      await expect(status).toBeVisible();
      await expect(page.locator("main")).toHaveAttribute("aria-busy", "true");
      await saveScreenshot(page, testInfo, `page-states-debate-loading-${viewport.width}x${viewport.height}`);
      release();
      await expect(statementNodes(page).first()).toBeVisible();
      await expect(status).toHaveCount(0);
    } finally {
      release();
      await holding;
    }
    expect(violations).toEqual([]);
  });
}
