import { expect, type Locator, type Page, type Response } from "@playwright/test";

import type { TCreatedNode } from "@/lib/schemas/map";

import {
  SLUG,
  detailsPanel,
  edgeOf,
  fetchMap,
  markFor,
  openMap,
  saveScreenshot,
  seededMarkTargets,
  statementNode,
  toast,
  waitForSettledViewport,
} from "./fixtures/map";
import { test } from "./fixtures/own-debate";
import {
  accountMenu,
  createUserThroughApi,
  expectSignedInAs,
  expectSignedOut,
  newUser,
  openSignedIn,
  signInThroughUi,
  signOutThroughUi,
  signUpThroughUi,
  signedInSiteAdmin,
  signedInUser,
  submitSignIn,
} from "./fixtures/users";

const mapPath = (slug: string) => `/debates/${slug}`;
const nodesApi = (slug: string) => `/api/debates/${slug}/nodes`;

const unique = () => Math.random().toString(36).slice(2, 8);
const button = (scope: Locator, label: string) => scope.getByRole("button", { name: new RegExp(`^${label.replace(/[+?]/g, "\\$&")}`) });

/** Waits for the answer to the form's POST /api/debates/{slug}/nodes. */
const nodeCreation = (page: Page, slug: string): Promise<Response> =>
  page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === nodesApi(slug));

/** Counts what a person does with the mouse (and the fields they type in) to get something done. */
class ActionCounter {
  readonly clicks: string[] = [];
  readonly typed: string[] = [];

  async click(what: string, target: Locator): Promise<void> {
    await target.click();
    this.clicks.push(what);
  }

  /** A field that already has the focus (autofocus): typing only. */
  async type(what: string, field: Locator, text: string): Promise<void> {
    await field.fill(text);
    this.typed.push(what);
  }

  /** A field one has to click into first, then type in. */
  async clickAndType(what: string, field: Locator, text: string): Promise<void> {
    await this.click(`focus ${what}`, field);
    await field.fill(text);
    this.typed.push(what);
  }
}

test.describe("contributing to the Lachin map", () => {
  test("[CONTRIBUTE]: sign up, sign out, and sign in again; a wrong password is refused", async ({ page }) => {
    const user = newUser("account");

    await signUpThroughUi(page, user, "/");
    await expectSignedInAs(page, user);

    await signOutThroughUi(page);
    await page.reload();
    await expectSignedOut(page);

    await submitSignIn(page, { email: user.email, password: `${user.password}-wrong` });
    await expect(page.getByRole("status").filter({ hasText: "do not match" })).toHaveText("That email and password do not match an account.");
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/");
    await expectSignedOut(page);

    await signInThroughUi(page, user, "/");
    await page.reload();
    await expectSignedInAs(page, user);
  });

  test("[CONTRIBUTE]: a rebuttal citing a neutral source is attached to its target and survives a reload", async ({ page, debate }, testInfo) => {
    // The example is pre-moderated: only its administrator's statements go straight onto the map.
    await signedInSiteAdmin(page, mapPath(debate));
    await waitForSettledViewport(page);
    const before = await fetchMap(page.request, debate);
    const targetId = (await seededMarkTargets(page, before))[0]!;
    const target = before.nodes.find((n) => n.id === targetId)!;
    const text = `Independent monitors found the corridor open to civilian traffic on most days (${unique()}).`;
    const panel = detailsPanel(page);
    const actions = new ActionCounter();

    await actions.click("select the statement by its passage", markFor(page, targetId));
    await expect(statementNode(page, targetId)).toHaveClass(/\bselected\b/);
    await expect(panel).toContainText(target.text);

    await actions.click("+ Rebuttal", button(panel, "+ Rebuttal"));
    const dialog = page.getByRole("dialog", { name: "Add a rebuttal" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Statement", { exact: true })).toBeFocused();
    await actions.type("Statement", dialog.getByLabel("Statement", { exact: true }), text);
    await expect(dialog.getByRole("radio", { name: "A new source" })).toBeChecked();
    await actions.clickAndType("Title", dialog.getByLabel("Title", { exact: true }), "Report on traffic through the Lachin corridor");
    await actions.clickAndType("URL", dialog.getByLabel("URL (http or https)"), "https://example.org/reports/lachin-corridor");
    await actions.click("Neutral perspective", dialog.getByRole("radio", { name: "Neutral" }));
    await saveScreenshot(page, testInfo, "contribute-add-dialog-filled");

    const response = nodeCreation(page, debate);
    await actions.click("Add to the map", dialog.getByRole("button", { name: "Add to the map" }));
    expect((await response).status()).toBe(201);
    const created = (await (await response).json()) as TCreatedNode;
    const relation = created.relations.find((r) => r.fromId === created.node.id)!;
    expect(relation).toMatchObject({ toId: targetId, type: "attacks" });

    await expect(dialog).toBeHidden();
    await expect(toast(page)).toHaveText("Added to the map.");
    await expect(statementNode(page, created.node.id)).toHaveClass(/\bselected\b/);
    await expect(panel.locator(".details__text")).toHaveText(text);
    await waitForSettledViewport(page);
    await saveScreenshot(page, testInfo, "contribute-map-after-adding");

    const summary = `${actions.clicks.length} clicks (${actions.clicks.join(" → ")}) and ${actions.typed.length} typed fields (${actions.typed.join(", ")})`;
    console.log(`[CONTRIBUTE] a sourced rebuttal from the map page took ${summary}`);
    testInfo.annotations.push({ type: "clicks for a sourced rebuttal", description: summary });

    await page.reload();
    await waitForSettledViewport(page);
    const node = statementNode(page, created.node.id);
    await expect(node).toBeAttached();
    await expect(node.locator(".statement__text")).toHaveText(text);
    await expect(node.locator(".statement__kind")).toContainText("Rebuttal");
    await expect(node.locator(".badge")).toHaveText(["NEU"]);
    await expect(edgeOf(page, relation.id)).toHaveCount(1);

    const after = await fetchMap(page.request, debate);
    expect(after.relations).toContainEqual(expect.objectContaining({ fromId: created.node.id, toId: targetId, type: "attacks" }));
    const source = after.sources.find((s) => after.nodes.find((n) => n.id === created.node.id)!.sourceIds.includes(s.id));
    expect(source).toMatchObject({ title: "Report on traffic through the Lachin corridor", url: "https://example.org/reports/lachin-corridor", perspective: "neutral" });
  });

  test("[CONTRIBUTE]: a supporting premise added with the S key can be edited by its author, with history", async ({ page, debate }) => {
    const user = await signedInSiteAdmin(page, mapPath(debate));
    await waitForSettledViewport(page);
    const doc = await fetchMap(page.request, debate);
    const targetId = (await seededMarkTargets(page, doc))[1]!;
    const text = `Residents reported shortages of medicine in Stepanakert (${unique()}).`;
    const edited = `Residents reported shortages of medicine and fuel in Stepanakert (${unique()}).`;
    const panel = detailsPanel(page);

    await markFor(page, targetId).click();
    await expect(statementNode(page, targetId)).toHaveClass(/\bselected\b/);
    await page.keyboard.press("s");
    const dialog = page.getByRole("dialog", { name: "Add a supporting argument" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("radio", { name: /^Premise/ })).toBeChecked();
    await dialog.getByLabel("Statement", { exact: true }).fill(text);
    await dialog.getByLabel("Title", { exact: true }).fill("Humanitarian situation update");
    await dialog.getByLabel("Author (optional)").fill("A. Reporter");
    await dialog.getByLabel("Publisher (optional)").fill("Yerevan Daily");
    await dialog.getByLabel("URL (http or https)").fill("https://example.am/news/update");
    await dialog.getByLabel("Publication date (optional)").fill("2023-01-15");
    await dialog.getByLabel("Quoted passage (optional)").fill("Pharmacies ran out of insulin.");
    await dialog.getByRole("radio", { name: "Armenian" }).check();

    const response = nodeCreation(page, debate);
    await dialog.getByRole("button", { name: "Add to the map" }).click();
    expect((await response).status()).toBe(201);
    const created = (await (await response).json()) as TCreatedNode;
    expect(created.node).toMatchObject({ kind: "premise", text });
    expect(created.relations).toContainEqual(expect.objectContaining({ fromId: created.node.id, toId: targetId, type: "supports" }));

    const node = statementNode(page, created.node.id);
    await expect(toast(page)).toHaveText("Added to the map.");
    await expect(node).toHaveClass(/\bselected\b/);
    await expect(node.locator(".badge")).toHaveText(["ARM"]);
    await expect(panel).toContainText("Humanitarian situation update");
    await expect(panel).toContainText("Armenian perspective");

    await button(panel, "Edit").click();
    const editor = panel.getByLabel("Statement", { exact: true });
    await expect(editor).toBeFocused();
    await expect(editor).toHaveValue(text);
    await editor.fill(edited);
    await panel.getByRole("button", { name: "Save", exact: true }).click();
    await expect(toast(page)).toHaveText("Saved.");
    await expect(panel.locator(".details__text")).toHaveText(edited);
    await expect(node.locator(".statement__text")).toHaveText(edited);

    await panel.locator("summary", { hasText: "History" }).click();
    const entries = panel.locator(".history li");
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText(`v2 edited by ${user.name}`);
    await expect(entries.nth(0).locator("del")).toHaveText(text);
    await expect(entries.nth(0).locator("ins")).toHaveText(edited);
    await expect(entries.nth(1)).toContainText(`v1 added by ${user.name}`);

    await page.reload();
    await expect(statementNode(page, created.node.id).locator(".statement__text")).toHaveText(edited);
  });

  test("[CONTRIBUTE]: two sessions of the same author editing one statement see a conflict and can overwrite", async ({ browser, debate }, testInfo) => {
    // Two browsers, each opening the map twice.
    test.setTimeout(120_000);
    const options = { baseURL: testInfo.project.use.baseURL, viewport: { width: 1440, height: 900 } };
    const first = await browser.newContext(options);
    const second = await browser.newContext(options);
    try {
      const pageA = await first.newPage();
      const pageB = await second.newPage();
      const user = newUser("conflict");
      await createUserThroughApi(pageA.request, user);
      await openSignedIn(pageA, user, mapPath(debate));
      await openSignedIn(pageB, user, mapPath(debate));
      await waitForSettledViewport(pageA);

      const doc = await fetchMap(pageA.request, debate);
      const targetId = (await seededMarkTargets(pageA, doc))[2]!;
      const original = `The blockade was a response to illegal mining (${unique()}).`;
      const created = await pageA.request.post(nodesApi(debate), {
        data: {
          kind: "rebuttal",
          text: original,
          link: { type: "attacks", targetId },
          sources: [{ title: "Statement on mining", url: "https://example.az/mining", perspective: "azerbaijani" }],
        },
      });
      expect(created.status()).toBe(201);
      const nodeId = ((await created.json()) as TCreatedNode).node.id;

      // Both sessions open the editor on the same version.
      for (const page of [pageA, pageB]) {
        await openMap(page, debate);
        await markFor(page, targetId).click();
        await detailsPanel(page).getByRole("button", { name: `Rebuttal: ${original}`, exact: true }).click();
        await expect(statementNode(page, nodeId)).toHaveClass(/\bselected\b/);
        await button(detailsPanel(page), "Edit").click();
        await expect(detailsPanel(page).getByLabel("Statement", { exact: true })).toHaveValue(original);
      }

      const textA = `First session's wording (${unique()}).`;
      const textB = `Second session's wording (${unique()}).`;
      const panelA = detailsPanel(pageA);
      await panelA.getByLabel("Statement", { exact: true }).fill(textA);
      await panelA.getByRole("button", { name: "Save", exact: true }).click();
      await expect(panelA.locator(".details__text")).toHaveText(textA);

      const panelB = detailsPanel(pageB);
      await panelB.getByLabel("Statement", { exact: true }).fill(textB);
      await panelB.getByRole("button", { name: "Save", exact: true }).click();
      const conflict = panelB.getByRole("alert").filter({ hasText: "Someone else changed this statement" });
      await expect(conflict).toBeVisible();
      await expect(conflict.locator("blockquote")).toHaveText(textA);
      await expect(conflict.getByRole("button", { name: "Keep their version" })).toBeVisible();
      // The draft is still there to compare with.
      await expect(panelB.getByLabel("Statement", { exact: true })).toHaveValue(textB);
      await saveScreenshot(pageB, testInfo, "contribute-conflict");

      await conflict.getByRole("button", { name: "Save mine over it" }).click();
      await expect(conflict).toBeHidden();
      await expect(panelB.locator(".details__text")).toHaveText(textB);
      await expect(statementNode(pageB, nodeId).locator(".statement__text")).toHaveText(textB);

      const after = await fetchMap(pageA.request, debate);
      expect(after.nodes.find((n) => n.id === nodeId)).toMatchObject({ text: textB, version: 3 });
      await pageA.reload();
      await expect(statementNode(pageA, nodeId).locator(".statement__text")).toHaveText(textB);
    } finally {
      await first.close();
      await second.close();
    }
  });

  test("[CONTRIBUTE]: bad input is refused in the dialog, and markup in a statement is shown as text", async ({ page, debate }) => {
    const dialogsFired: string[] = [];
    page.on("dialog", (d) => {
      dialogsFired.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    let posts = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === nodesApi(debate)) posts++;
    });

    await signedInUser(page, "badinput", mapPath(debate));
    await waitForSettledViewport(page);
    const before = await fetchMap(page.request, debate);
    const targetId = (await seededMarkTargets(page, before))[3]!;
    const panel = detailsPanel(page);

    await markFor(page, targetId).click();
    await button(panel, "+ Rebuttal").click();
    const dialog = page.getByRole("dialog", { name: "Add a rebuttal" });
    await dialog.getByLabel("Statement", { exact: true }).fill("A rebuttal whose source is not acceptable.");
    await dialog.getByLabel("URL (http or https)").fill("javascript:alert(1)");
    await dialog.getByRole("radio", { name: "Neutral" }).check();
    await dialog.getByRole("button", { name: "Add to the map" }).click();

    const title = dialog.getByLabel("Title", { exact: true });
    const url = dialog.getByLabel("URL (http or https)");
    await expect(dialog.locator("#source-0-title-error")).toHaveText("Enter the source's title.");
    await expect(dialog.locator("#source-0-title-error")).toHaveAttribute("role", "alert");
    await expect(dialog.locator("#source-0-url-error")).toHaveText("Enter a full web address starting with http:// or https://.");
    await expect(title).toHaveAttribute("aria-invalid", "true");
    await expect(url).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByRole("status")).toHaveText("Some fields need attention.");
    await expect(dialog).toBeVisible();
    expect(posts, "the form sends nothing while fields are wrong").toBe(0);

    // The server refuses the same body on its own, field by field.
    const refused = await page.request.post(nodesApi(debate), {
      data: { kind: "rebuttal", text: "A rebuttal whose source is not acceptable.", link: { type: "attacks", targetId }, sources: [{ title: "", url: "javascript:alert(1)", perspective: "neutral" }] },
    });
    expect(refused.status()).toBe(422);
    const refusal = (await refused.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(refusal.fieldErrors).sort()).toEqual(["sources.0.title", "sources.0.url"]);
    expect((await fetchMap(page.request, debate)).nodes).toHaveLength(before.nodes.length);

    // Markup is only text.
    const markup = `<script>alert(1)</script><img src=x onerror="alert(2)"> ${unique()}`;
    await dialog.getByLabel("Statement", { exact: true }).fill(markup);
    await title.fill("A source about markup");
    await url.fill("https://example.org/markup");
    const response = nodeCreation(page, debate);
    await dialog.getByRole("button", { name: "Add to the map" }).click();
    expect((await response).status()).toBe(201);
    const nodeId = ((await (await response).json()) as TCreatedNode).node.id;

    const node = statementNode(page, nodeId);
    await expect(node.locator(".statement__text")).toHaveText(markup);
    await expect(panel.locator(".details__text")).toHaveText(markup);
    await expect(node.locator("script, img")).toHaveCount(0);
    await page.reload();
    await waitForSettledViewport(page);
    await expect(statementNode(page, nodeId).locator(".statement__text")).toHaveText(markup);
    await expect(statementNode(page, nodeId).locator("script, img")).toHaveCount(0);
    await page.waitForTimeout(500);
    expect(dialogsFired, "no alert() ran").toEqual([]);
  });

  test("[CONTRIBUTE]: signed out, the map offers no way to add and the API refuses writes", async ({ page }) => {
    await signedInUser(page, "signedout", mapPath(SLUG));
    await signOutThroughUi(page);
    await expect(page).toHaveURL(new RegExp(`${mapPath(SLUG)}$`));
    await openMap(page);
    await expectSignedOut(page);
    await expect(accountMenu(page)).toBeVisible();

    const doc = await fetchMap(page.request);
    const targetId = (await seededMarkTargets(page, doc))[0]!;
    const panel = detailsPanel(page);
    await markFor(page, targetId).click();
    await expect(statementNode(page, targetId)).toHaveClass(/\bselected\b/);
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("button", { name: /\+ (Support|Rebuttal|Co-premise)/ })).toHaveCount(0);
    await expect(panel.getByRole("button", { name: /^(Link to|Edit|Delete)/ })).toHaveCount(0);
    await expect(page.locator(".shortcut-hint")).toHaveCount(0);

    for (const key of ["r", "s", "c", "l", "e"]) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    await expect(page.locator("dialog[open]")).toHaveCount(0);

    await waitForSettledViewport(page);
    await statementNode(page, targetId).click({ button: "right" });
    await expect(page.getByRole("menu")).toHaveCount(0);

    const post = await page.request.post(nodesApi(SLUG), {
      data: { kind: "rebuttal", text: "Written without an account.", link: { type: "attacks", targetId }, sources: [{ title: "Anonymous", url: "https://example.org/anon", perspective: "neutral" }] },
    });
    expect(post.status()).toBe(401);
    expect(await post.json()).toMatchObject({ code: "UNAUTHORIZED" });
    const patch = await page.request.patch(`${nodesApi(SLUG)}/${targetId}`, { data: { text: "Changed without an account.", version: 1 } });
    expect(patch.status()).toBe(401);
    expect((await fetchMap(page.request)).nodes).toHaveLength(doc.nodes.length);
  });
});
