import { expect, type APIRequestContext, type Page } from "@playwright/test";

import type { TCreatedNode } from "@/lib/schemas/map";

import { fetchMap, saveScreenshot, statementNode, statementNodes, waitForSettledViewport } from "./fixtures/map";
import { test } from "./fixtures/own-debate";
import { listenToEvents, startSecondInstance, type AppInstance, type StreamListener } from "./fixtures/second-instance";
import { signedInSiteAdmin } from "./fixtures/users";

const nodesApi = (slug: string) => `/api/debates/${slug}/nodes`;
const unique = () => Math.random().toString(36).slice(2, 8);

// Both instances serve one database; these tests write to it and watch the other instance.
let instanceB: AppInstance;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(120_000);
  instanceB = await startSecondInstance(String(testInfo.project.use.baseURL));
});

test.afterAll(async () => {
  await instanceB?.stop();
});

/** Adds a claim for the thesis of debate `slug` through instance A's API, as the signed-in user of `request`. */
async function addClaim(request: APIRequestContext, slug: string, text: string): Promise<{ created: TCreatedNode; answeredAt: number }> {
  const thesis = (await fetchMap(request, slug)).nodes.find((n) => n.kind === "thesis")!;
  const response = await request.post(nodesApi(slug), {
    data: { kind: "claim", text, link: { type: "supports", targetId: thesis.id }, sources: [{ title: "Live update check", url: "https://example.org/live", perspective: "neutral" }] },
  });
  const answeredAt = Date.now();
  expect(response.status(), await response.text()).toBe(201);
  return { created: (await response.json()) as TCreatedNode, answeredAt };
}

/** Waits (at most `timeout` ms) for the listener to hear of `type` on `entityId`; returns when it arrived. */
async function heard(listener: StreamListener, type: string, entityId: string, timeout: number): Promise<number> {
  const find = () => listener.received.find((r) => r.event.type === type && r.event.entityId === entityId);
  await expect.poll(() => find() !== undefined, { timeout, intervals: [10] }).toBe(true);
  return find()!.at;
}

const viewportTransform = (page: Page) => page.locator(".react-flow__viewport").getAttribute("style");

test.describe("live updates across two app instances", () => {
  test("[LIVE]: a write through instance A reaches a listener on instance B within a second; a listener that comes back catches up", async ({ page, debate }) => {
    // The example is pre-moderated: only its administrator's writes reach every listener at once.
    await signedInSiteAdmin(page);
    const listener = await listenToEvents(`${instanceB.baseUrl}/api/debates/${debate}/events`);

    const { created, answeredAt } = await addClaim(page.request, debate, `A claim written through instance A ${unique()}.`);
    const arrivedAt = await heard(listener, "node.created", created.node.id, 1000);
    // The event may even beat the HTTP answer, which is sent after the commit.
    expect(arrivedAt - answeredAt).toBeLessThan(1000);
    const event = listener.received.find((r) => r.event.entityId === created.node.id)!.event;
    expect(event).toEqual({ id: expect.stringMatching(/^\d+$/), type: "node.created", entityId: created.node.id, status: "approved", isYours: false });
    expect(listener.lastId()).toBe(event.id);
    listener.stop();

    // While nobody listens on B, the claim is edited and then deleted through A.
    const patch = await page.request.patch(`${nodesApi(debate)}/${created.node.id}`, { data: { text: `${created.node.text} Edited.`, version: 1 } });
    expect(patch.status(), await patch.text()).toBe(200);
    const removal = await page.request.delete(`${nodesApi(debate)}/${created.node.id}?version=2`);
    expect(removal.status(), await removal.text()).toBe(200);

    // EventSource sends the last id it had when it reconnects.
    const resumed = await listenToEvents(`${instanceB.baseUrl}/api/debates/${debate}/events`, { "Last-Event-ID": event.id });
    await heard(resumed, "node.deleted", created.node.id, 2000);
    const missed = resumed.received.map((r) => [r.event.type, r.event.entityId]);
    expect(missed.slice(0, 2)).toEqual([
      ["node.updated", created.node.id],
      ["node.deleted", created.node.id],
    ]);
    resumed.stop();
  });

  test("[LIVE]: a map open on instance B shows a statement added through A, and its removal, without reloading or moving the view", async ({ page, browser, debate }, testInfo) => {
    await signedInSiteAdmin(page);
    const viewerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const viewer = await viewerContext.newPage();
    try {
      await viewer.goto(`${instanceB.baseUrl}/debates/${debate}`);
      await expect(statementNodes(viewer).first()).toBeVisible();
      await waitForSettledViewport(viewer);
      // A view of the reader's own (zoomed at the pointer), which re-fitting the map would lose.
      const canvas = (await viewer.locator(".react-flow__pane").boundingBox())!;
      await viewer.mouse.move(canvas.x + canvas.width * 0.3, canvas.y + canvas.height * 0.3);
      await viewer.mouse.wheel(0, 300);
      await waitForSettledViewport(viewer);
      const transform = await viewportTransform(viewer);
      await viewer.evaluate(() => Object.assign(window, { notReloaded: true }));

      const text = `A claim that appears live on the other instance ${unique()}.`;
      const { created } = await addClaim(page.request, debate, text);
      await expect(statementNode(viewer, created.node.id)).toContainText(text, { timeout: 2000 });
      await expect(viewer.getByRole("status").filter({ hasText: "Map updated: 1 new statement." })).toBeAttached();
      expect(await viewportTransform(viewer)).toBe(transform);
      await saveScreenshot(viewer, testInfo, "live-added-on-other-instance");

      const removal = await page.request.delete(`${nodesApi(debate)}/${created.node.id}?version=1`);
      expect(removal.status(), await removal.text()).toBe(200);
      await expect(statementNode(viewer, created.node.id)).toHaveCount(0, { timeout: 2000 });
      await expect(viewer.getByRole("status").filter({ hasText: "Map updated: 1 statement removed." })).toBeAttached();
      expect(await viewportTransform(viewer)).toBe(transform);
      expect(await viewer.evaluate(() => "notReloaded" in window)).toBe(true);
    } finally {
      await viewerContext.close();
    }
  });
});
