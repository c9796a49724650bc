import { readFileSync } from "node:fs";

import { expect, test, type Page } from "@playwright/test";

import { pngScale } from "@/lib/export/png";

import { SLUG } from "./fixtures/map";
import { signedInUser } from "./fixtures/users";

async function openMap(page: Page) {
  await page.goto(`/debates/${SLUG}`);
  await expect(page.locator(".react-flow__node-statement").first()).toBeVisible({ timeout: 60_000 });
}

async function download(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

test("[EXPORT]: the whole map and a selected statement's tree as SVG and PNG from the map page", async ({ page }, testInfo) => {
  await openMap(page);
  const map = await (await page.request.get(`/api/debates/${SLUG}`)).json();
  await page.getByText("Export", { exact: true }).click();
  await page.screenshot({ path: "test-results/screenshots/export-menu.png" });

  const svg = await download(page, "Image (SVG)");
  expect(svg.name).toBe(`${SLUG}.svg`);
  const text = svg.body.toString("utf8");
  expect(text).toContain(map.debate.title);
  expect(text.match(/<path data-relation-id=/g)).toHaveLength(map.relations.length);
  expect(text.match(/<g class="node /g)).toHaveLength(map.nodes.length);

  const png = await download(page, "Image (PNG)");
  const { width } = pngSize(png.body);
  const [, svgWidth, svgHeight] = /width="(\d+)" height="(\d+)"/.exec(text)!.map(Number) as [number, number, number];
  // The density the map page's download draws at: 2x, except where the canvas limits cap it.
  expect(width).toBe(Math.round(svgWidth * pngScale(svgWidth, svgHeight)));
  await testInfo.attach("map.png", { body: png.body, contentType: "image/png" });

  // The tree under the thesis' first attacker: that node and what bears on it.
  const attacked = map.relations.find((r: { type: string }) => r.type === "attacks");
  await page.locator(`mark[data-node-ids~="${attacked.toId}"]`).first().click();
  await expect(page.locator(`.react-flow__node-statement[data-id="${attacked.toId}"]`)).toHaveClass(/selected/);
  await page.getByLabel("Argument tree under the selected statement").check();
  const tree = (await download(page, "Image (SVG)")).body.toString("utf8");
  expect(tree).toContain("Argument tree under:");
  expect(tree.match(/<g class="node /g)!.length).toBeLessThan(map.nodes.length);
  expect(tree).toContain(`data-node-id="${attacked.fromId}"`);
});

test("[EXPORT]: data files download and an exported JSON imports as a new debate", async ({ page }) => {
  const json = await page.request.get(`/api/debates/${SLUG}/export?format=json`);
  expect(json.headers()["content-disposition"]).toContain(`${SLUG}.json`);
  // Other journeys may have added to the map: expect what the file holds.
  const exported = (await json.json()) as { nodes: { status: string }[]; relations: { status: string }[] };
  const approved = exported.nodes.filter((n) => n.status === "approved").length;
  await signedInUser(page, "importer", "/import");
  await page.getByLabel("File (JSON export, AIF JSON or Argdown)").setInputFiles({ name: `${SLUG}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exported)) });
  await page.getByRole("radio", { name: "Neutral" }).check();
  await page.getByRole("button", { name: "Import" }).click();
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report).toContainText(`${exported.nodes.length} statements and ${exported.relations.length} relations`, { timeout: 30_000 });
  await page.screenshot({ path: "test-results/screenshots/import-report.png" });
  await report.getByRole("link", { name: "Open the debate" }).click();
  await expect(page.locator(".react-flow__node-statement")).toHaveCount(approved, { timeout: 60_000 });
});
