import { expect, test, type Locator, type Page } from "@playwright/test";

import type { TMapDocument } from "@/lib/schemas/map";

import { SLUG, detailsPanel, openMap, saveScreenshot, statementNode, statementNodes, waitForSettledViewport } from "./fixtures/map";

const TITLE = "Guiding Conflicting Factions Toward Addressing the Lachin Crisis";
const KIND_LABELS = /^(Thesis|Claim|Premise|Rebuttal)$/;

const marksOf = (page: Page, id: string) => page.locator(`mark[data-node-ids~="${id}"]`);

/** The first node id of every mark, in article order (a mark selects its first, most specific node). */
async function markTargets(page: Page): Promise<string[]> {
  const ids = await page.locator("mark[data-node-ids]").evaluateAll((marks) => marks.map((m) => m.getAttribute("data-node-ids")?.split(" ")[0] ?? ""));
  return ids.filter(Boolean);
}



/** Zooms the canvas out to the whole map with React Flow's own "Fit View" control. */
async function fitView(page: Page): Promise<void> {
  await page.locator(".react-flow__controls-fitview").click();
  await waitForSettledViewport(page);
}


/** True when a click at the element's centre reaches the element (not the minimap, legend or controls). */
async function isClickable(node: Locator): Promise<boolean> {
  return node.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && el.contains(hit);
  });
}

test.describe("map of the Lachin debate", () => {
  test("[MAP]: the home page lists the Lachin debate and opens its map", async ({ page }, testInfo) => {
    await page.goto("/");
    // Other journeys may import copies of this debate under the same title: pick it by address.
    const link = page.locator(`a[href="/debates/${SLUG}"]`);
    await expect(link).toHaveText(TITLE);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/debates/${SLUG}$`));
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(statementNodes(page).first()).toBeVisible();
    expect(await statementNodes(page).count()).toBeGreaterThanOrEqual(30);
    await waitForSettledViewport(page);
    await saveScreenshot(page, testInfo, "map-initial");
  });

  test("[MAP]: clicking a node highlights its passage and scrolls it into view", async ({ page }, testInfo) => {
    await openMap(page);
    // Passages near the end of the article start out of view, so the scroll is what brings them in.
    let chosen: string | undefined;
    for (const id of [...new Set(await markTargets(page))].reverse()) {
      if (await isClickable(statementNode(page, id))) {
        chosen = id;
        break;
      }
    }
    expect(chosen, "a node with an anchor that can be clicked on the canvas").toBeDefined();
    const id = chosen!;

    await statementNode(page, id).click();
    await expect(statementNode(page, id)).toHaveClass(/\bselected\b/);
    const active = page.locator(`mark.is-active[data-node-ids~="${id}"]`);
    await expect(active.first()).toBeVisible();
    await expect(active.first()).toBeInViewport();
    await expect(page.locator("mark.is-active")).toHaveCount(await marksOf(page, id).count());
    await expect(detailsPanel(page)).toBeVisible();
    await saveScreenshot(page, testInfo, "map-node-clicked");
  });

  test("[MAP]: clicking a passage selects its node and shows its full text", async ({ page, request }, testInfo) => {
    const response = await request.get(`/api/debates/${SLUG}`);
    expect(response.ok()).toBe(true);
    const doc = (await response.json()) as TMapDocument;

    await openMap(page);
    const targets = await markTargets(page);
    const first = targets[0]!;
    const other = targets.find((id) => id !== first)!;
    expect(other).toBeDefined();

    await page.locator("mark[data-node-ids]").first().click();
    await expect(statementNode(page, first)).toHaveClass(/\bselected\b/);

    const mark = page.locator(`mark[data-node-ids^="${other}"]`).first();
    await mark.click();
    await expect(statementNode(page, other)).toHaveClass(/\bselected\b/);
    await expect(statementNode(page, first)).not.toHaveClass(/\bselected\b/);
    await expect(mark).toHaveClass(/\bis-active\b/);

    const node = doc.nodes.find((n) => n.id === other)!;
    const panel = detailsPanel(page);
    await expect(panel).toBeVisible();
    await expect(panel.locator("#details-title")).toContainText(new RegExp(node.kind, "i"));
    await expect(panel).toContainText(node.text);
    await expect(statementNode(page, other)).toBeInViewport();
    await waitForSettledViewport(page);
    await saveScreenshot(page, testInfo, "map-selected");
  });

  test("[MAP]: a passage can be reached with Tab and selected with Enter", async ({ page }) => {
    await openMap(page);

    // From the top of the page, Tab through whatever comes first until a passage has the focus.
    await page.getByRole("link", { name: /All debates/ }).focus();
    let ids: string | null = null;
    for (let presses = 0; presses < 40 && ids === null; presses++) {
      await page.keyboard.press("Tab");
      ids = await page.evaluate(() => document.activeElement?.closest("mark[data-node-ids]")?.getAttribute("data-node-ids") ?? null);
    }
    expect(ids, "a passage reachable with Tab").not.toBeNull();
    const id = ids!.split(" ")[0]!;
    const focused = page.locator("mark[data-node-ids]:focus");
    await expect(focused).toHaveCount(1);
    const passage = page.locator(`mark[data-node-ids="${ids}"]`).first();
    await page.keyboard.press("Enter");

    await expect(statementNode(page, id)).toHaveClass(/\bselected\b/);
    await expect(passage).toHaveClass(/\bis-active\b/);
    await expect(detailsPanel(page)).toBeVisible();
  });

  test("[MAP]: every node names its kind and its sources' perspective in text", async ({ page }) => {
    await openMap(page);
    const labels = await statementNodes(page).evaluateAll((nodes) =>
      nodes.map((node) => ({
        id: node.getAttribute("data-id"),
        // textContent, not innerText: the kind label is upper-cased by CSS only.
        kind: (node.querySelector(".statement__kind")?.textContent ?? "").replace(/^\W+/, "").trim(),
        badges: [...node.querySelectorAll(".badge")].map((badge) => (badge.textContent ?? "").trim()),
      })),
    );
    expect(labels.length).toBeGreaterThanOrEqual(30);
    // Statements from the article cite it (Azerbaijani); others, added by other journeys, cite their own sources.
    const fromArticle = new Set(await page.locator("mark[data-node-ids]").evaluateAll((marks) => marks.flatMap((m) => (m.getAttribute("data-node-ids") ?? "").split(" "))));
    expect(fromArticle.size).toBeGreaterThanOrEqual(30);
    for (const { id, kind, badges } of labels) {
      expect(kind, `kind label of node ${id}`).toMatch(KIND_LABELS);
      expect(badges.length, `perspective badges of node ${id}`).toBeGreaterThan(0);
      expect(badges.every((b) => ["ARM", "AZE", "NEU"].includes(b))).toBe(true);
      if (fromArticle.has(id!)) expect(badges, `perspective badges of node ${id}`).toContain("AZE");
    }
  });

  test("[MAP]: no two nodes overlap at the fit-to-view zoom", async ({ page }, testInfo) => {
    await openMap(page);
    await fitView(page);
    await saveScreenshot(page, testInfo, "map-fit-view");
    const boxes = await statementNodes(page).evaluateAll((nodes) =>
      nodes.map((n) => {
        const r = n.getBoundingClientRect();
        return { id: n.getAttribute("data-id"), left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(30);
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        // Half a pixel of slack for sub-pixel rounding at a fractional zoom.
        if (width > 0.5 && height > 0.5) overlaps.push(`${a.id} × ${b.id} (${width.toFixed(1)}×${height.toFixed(1)} px)`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  test("[MAP]: zoomed far out, a statement shows its kind alone and keeps its text in its label; zoomed in, the text is back", async ({ page }, testInfo) => {
    const texts = page.locator(".react-flow__node-statement .statement__text");
    const zoom = () => page.locator(".react-flow__viewport").evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
    await openMap(page);
    await expect(texts.first()).toBeVisible();
    await fitView(page);
    await page.locator(".react-flow__controls-zoomout").click();
    await waitForSettledViewport(page);
    expect(await zoom()).toBeLessThan(0.3);
    await expect(texts).toHaveCount(0);
    await saveScreenshot(page, testInfo, "map-overview");
    const labels = await statementNodes(page).evaluateAll((nodes) => nodes.map((n) => n.querySelector(".statement")?.getAttribute("aria-label") ?? ""));
    expect(labels.length).toBeGreaterThanOrEqual(30);
    for (const label of labels) expect(label).toMatch(/^(Thesis|Claim|Premise|Rebuttal)( \([a-z ]+\))?: .{10,}/);
    await expect(statementNodes(page).locator(".statement__kind").first()).toBeVisible();
    while ((await zoom()) < 0.3) {
      await page.locator(".react-flow__controls-zoomin").click();
      await waitForSettledViewport(page);
    }
    await expect(texts.first()).toBeVisible();
  });

  test("[MAP]: an unknown debate says so", async ({ page }) => {
    const response = await page.goto("/debates/no-such-debate-here");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "No such debate" })).toBeVisible();
    await expect(page.getByRole("link", { name: "See all debates" })).toBeVisible();
  });

  test("[MAP]: the map API answers gzip it made once, plain JSON to a client without gzip, and gzipped refusals", async ({ request }) => {
    // Through the real server: next.config.ts marks these answers gzipped, and the server must not encode them again.
    const zipped = await request.get(`/api/debates/${SLUG}`, { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers()["content-encoding"]).toBe("gzip");
    const plain = await request.get(`/api/debates/${SLUG}`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers()["content-encoding"]).toBeUndefined();
    expect(await zipped.json()).toEqual(await plain.json());
    const missing = await request.get("/api/debates/no-such-debate-here", { headers: { "accept-encoding": "gzip" } });
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "NOT_FOUND" });
    // A neighbouring route that does not gzip its own answers is left to the server.
    const imported = await request.post("/api/debates/import", { headers: { "accept-encoding": "gzip" }, data: {} });
    expect(imported.status()).toBe(401);
    expect(await imported.json()).toMatchObject({ code: "UNAUTHORIZED" });
  });
});
