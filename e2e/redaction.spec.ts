import { expect, test } from "@playwright/test";

import type { TCreatedNode, TMapDocument } from "@/lib/schemas/map";
import type { TRevision } from "@/lib/schemas/revision";

import { SLUG, detailsPanel, statementNode, waitForSettledViewport } from "./fixtures/map";
import { signedInUser } from "./fixtures/users";

const unique = () => Math.random().toString(36).slice(2, 8);

test("[REDACTION]: the owner redacts a revision's text from the statement's history with the keyboard; others no longer read it, the owner does, with who redacted it", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const owner = await signedInUser(page, "owner", "/");
  const exported = (await (await page.request.get(`/api/debates/${SLUG}/export?format=json`)).json()) as { debate: { title: string } };
  exported.debate.title = `Redaction class debate ${unique()}`;
  const imported = await page.request.post("/api/debates/import", { data: { format: "json", fileName: "class.json", content: JSON.stringify(exported), perspective: "neutral" } });
  expect(imported.status(), await imported.text()).toBe(201);
  const { slug } = (await imported.json()) as { slug: string };

  // A statement whose first wording holds something that must go.
  const doc = (await (await page.request.get(`/api/debates/${slug}`)).json()) as TMapDocument;
  const thesis = doc.nodes.find((n) => n.kind === "thesis")!;
  const slip = `A rebuttal that names a pupil's phone number 555-${unique()}.`;
  const added = await page.request.post(`/api/debates/${slug}/nodes`, {
    data: { kind: "rebuttal", text: slip, link: { type: "attacks", targetId: thesis.id }, sources: [{ title: "Class notes", url: "https://example.org/notes", perspective: "neutral" }] },
  });
  expect(added.status(), await added.text()).toBe(201);
  const { node } = (await added.json()) as TCreatedNode;
  const edited = await page.request.patch(`/api/debates/${slug}/nodes/${node.id}`, { data: { text: "A rebuttal without personal details.", version: 1 } });
  expect(edited.status(), await edited.text()).toBe(200);

  await page.goto(`/debates/${slug}`);
  await expect(statementNode(page, node.id)).toBeVisible({ timeout: 60_000 });
  await waitForSettledViewport(page);
  // The new statement may lie outside the fitted view: focus brings it in, Enter selects it.
  await statementNode(page, node.id).focus();
  await page.keyboard.press("Enter");
  const panel = detailsPanel(page);
  const history = panel.locator("summary", { hasText: "History" });
  await history.focus();
  await page.keyboard.press("Enter");
  await expect(panel.locator(".history li").nth(0).locator("del")).toHaveText(slip);

  const redact = panel.getByRole("button", { name: "Redact the text of version 2" });
  await redact.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Redact the text of version 2?" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Reason, for the audit log (optional)").fill("Personal details");
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/redact"));
  await page.keyboard.press("Enter");
  expect((await answer).status()).toBe(200);
  await expect(dialog).toBeHidden();
  const entry = panel.locator(".history li").nth(0);
  await expect(entry.locator(".history__redacted")).toContainText(`Redacted for everyone else by ${owner.name}`);
  await expect(entry.locator("del")).toHaveText(slip);
  await expect(entry.getByRole("button", { name: /^Redact/ })).toHaveCount(0);
  // The first wording is in the revision that added the statement too.
  await panel.getByRole("button", { name: "Redact the text of version 1" }).click();
  await page.getByRole("dialog", { name: "Redact the text of version 1?" }).getByRole("button", { name: "Redact" }).click();
  await expect(panel.locator(".history li").nth(1).locator(".history__redacted")).toContainText(`by ${owner.name}`);

  // A reader without an account sees that the text was redacted, and not the text.
  const visitor = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
  const forVisitor = (await (await visitor.request.get(`/api/debates/${slug}/nodes/${node.id}/revisions`)).json()) as { revisions: TRevision[] };
  expect(JSON.stringify(forVisitor)).not.toContain("555-");
  expect(forVisitor.revisions.find((r) => r.version === 2)).toMatchObject({ before: null, after: null, redaction: { by: null } });
  await visitor.context().close();
});
