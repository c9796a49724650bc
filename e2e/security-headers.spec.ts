import { expect, test, type Page, type Response } from "@playwright/test";

import { SLUG, openMap, statementNodes } from "./fixtures/map";
import { signedInSiteAdmin } from "./fixtures/users";

/** Collects what the browser reports of the page's Content Security Policy: every refusal is a violation. */
function watchPolicy(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

function expectPageHeaders(response: Response | null): void {
  expect(response, "page answered").not.toBeNull();
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
}

test.describe("security headers in the browser", () => {
  test("[CSP]: the public pages and the map run under the policy without a single violation", async ({ page }) => {
    const violations = watchPolicy(page);
    for (const path of ["/", "/signin", "/signup"]) {
      expectPageHeaders(await page.goto(path));
      await expect(page.locator("main")).toBeVisible();
    }
    // The app's own "not found" page: Next.js's built-in one writes a style element without the nonce.
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    expectPageHeaders(missing);
    await expect(page.getByText("This page could not be found.")).toBeVisible();
    const map = page.waitForResponse((r) => r.url().endsWith(`/debates/${SLUG}`) && r.request().resourceType() === "document");
    await openMap(page);
    expectPageHeaders(await map);
    // Hydrated: selecting a statement opens its details, which only the page's scripts do.
    await statementNodes(page).first().click();
    await expect(page.locator('aside[aria-labelledby="details-title"]')).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("[CSP]: every nonce is fresh, and the page's own scripts carry it", async ({ page }) => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await page.goto("/");
      const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"]!)![1]!;
      nonces.push(nonce);
      const scripts = await page.locator("script").evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).nonce));
      expect(scripts.length).toBeGreaterThan(0);
      expect(new Set(scripts)).toEqual(new Set([nonce]));
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test("[ADMIN]: a site administrator moderates and manages the example debate, under the policy", async ({ page }) => {
    const violations = watchPolicy(page);
    await signedInSiteAdmin(page, `/debates/${SLUG}`);
    await expect(statementNodes(page).first()).toBeVisible();
    await page.getByRole("link", { name: /^Moderation \(\d+ pending\)$/ }).click();
    await expect(page).toHaveURL(new RegExp(`/debates/${SLUG}/moderation$`));
    await expect(page.locator("main")).toContainText("wait here, seen only by their authors and the moderators");
    expectPageHeaders(await page.goto(`/debates/${SLUG}/manage`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const path of ["/import", "/debates/new"]) expectPageHeaders(await page.goto(path));
    expect(violations).toEqual([]);
  });
});
