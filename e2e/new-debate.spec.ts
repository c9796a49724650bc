import { expect, test } from "@playwright/test";

import type { TMapDocument } from "@/lib/schemas/map";

import { mapPassage, selectWithMouse } from "./fixtures/article";
import { saveScreenshot, statementNodes, waitForSettledViewport } from "./fixtures/map";
import { newUser, signUpThroughUi, signedInUser } from "./fixtures/users";

// A made-up local article: the journey is about the app, not about any real dispute.
const THESIS = "The town should close the old market square to cars by next summer.";
const CLAIM = "Children cross the square on their way to two schools, and the council counted nine accidents there in three years.";
const TEXT = [
  "Close the square to cars",
  `${THESIS} That is the conclusion of this newspaper after a year of debate in the council.`,
  `${CLAIM} Shop owners fear they will lose customers who arrive by car, and they deserve a hearing.`,
  "Yet a traffic study from last spring found that most shoppers arrive on foot or by bus.",
].join("\n\n");

test.describe("a debate on a new article", () => {
  test("[NEW-DEBATE]: sign up, create a debate from pasted text, map its thesis and a supporting claim by selecting passages", async ({ page }, testInfo) => {
    await signUpThroughUi(page, newUser("author"), "/");
    await page.getByRole("link", { name: "New debate" }).click();
    await expect(page).toHaveURL(/\/debates\/new$/);

    await page.getByLabel("Title of the debate").fill("Should the market square close to cars?");
    await page.getByLabel("Description (optional)").fill("What the article argues, and what answers it.");
    await page.getByLabel("Title of the article", { exact: true }).fill("Close the square to cars");
    await page.getByLabel("Author (optional)").fill("The editors");
    await page.getByLabel("Publisher (optional)").fill("The Example Gazette");
    await page.getByLabel("Published on (optional)").fill("2024-03-05");
    await page.getByLabel("Web address (optional)").fill("https://gazette.example.org/square");
    await page.getByRole("radio", { name: /^Neutral/ }).check();
    await page.getByLabel("Full text of the article").fill(TEXT);
    await expect(page.locator("#article-text-count")).toHaveText(`${TEXT.length} / 100,000 characters (at least 200)`);
    await saveScreenshot(page, testInfo, "new-debate-form");

    await page.getByRole("button", { name: "Create the debate" }).click();
    await expect(page).toHaveURL(/\/debates\/should-the-market-square-close-to-cars(-\d+)?$/);
    const slug = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Should the market square close to cars?");
    await expect(page.getByText("Select a passage in the article to start mapping.")).toBeVisible();
    const headerButton = page.getByRole("button", { name: "Map selected passage" });
    await expect(headerButton).toBeDisabled();

    // The thesis: selected with the mouse, mapped from the button under the selection.
    await selectWithMouse(page, THESIS);
    await expect(headerButton).toBeEnabled();
    await expect(page.getByText(`${THESIS.length} characters selected`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Map this passage" })).toBeVisible();
    await saveScreenshot(page, testInfo, "new-debate-passage-selected");
    await page.getByRole("button", { name: "Map this passage" }).click();
    const thesis = await mapPassage(page, async (dialog) => {
      await expect(dialog.locator("blockquote")).toHaveText(THESIS);
      await expect(dialog.getByRole("radio", { name: /^Thesis/ })).toBeChecked();
      await expect(dialog.getByLabel("Statement, in short")).toHaveValue(THESIS);
      await dialog.getByLabel("Statement, in short").fill("The square should close to cars by next summer.");
    });
    expect(thesis.node).toMatchObject({ kind: "thesis", anchor: { start: TEXT.indexOf(THESIS), end: TEXT.indexOf(THESIS) + THESIS.length }, status: "approved" });
    await expect(statementNodes(page)).toHaveCount(1);
    await expect(page.getByText("Select a passage in the article to start mapping.")).toBeHidden();

    // A claim supporting it: selected again, mapped with the keyboard from the panel's header this time.
    await selectWithMouse(page, CLAIM);
    await headerButton.focus();
    await page.keyboard.press("Enter");
    const claim = await mapPassage(page, async (dialog) => {
      await expect(dialog.locator("blockquote")).toHaveText(CLAIM);
      await expect(dialog.getByRole("radio", { name: /Thesis/ })).toBeDisabled();
      await expect(dialog.getByRole("radio", { name: /^Claim/ })).toBeChecked();
      await dialog.getByLabel("Statement, in short").fill("The square is dangerous for children walking to school.");
      await dialog.getByLabel("Whose position is it? (optional)").fill("The council's accident figures");
      await expect(dialog.getByLabel("This claim supports (optional)")).toHaveValue(thesis.node.id);
    });
    expect(claim.relations).toEqual([expect.objectContaining({ fromId: claim.node.id, toId: thesis.node.id, type: "supports" })]);

    await expect(statementNodes(page)).toHaveCount(2);
    await expect(page.locator(".react-flow__edge")).toHaveCount(1);
    await expect(page.locator(".react-flow__edge")).toContainText("supports");
    const marks = page.locator(".article__text mark");
    await expect(marks).toHaveCount(2);
    await expect(marks.nth(0)).toHaveText(THESIS);
    await expect(marks.nth(1)).toHaveText(CLAIM);

    // What anyone reads: the map as stored, after a reload.
    await page.reload();
    await expect(statementNodes(page)).toHaveCount(2);
    await waitForSettledViewport(page);
    await expect(page.locator(".article__text mark")).toHaveCount(2);
    await page.locator(".article__text mark").nth(1).click();
    await expect(page.locator('aside[aria-labelledby="details-title"]')).toContainText("The council's accident figures");
    await saveScreenshot(page, testInfo, "new-debate-mapped");

    const doc = (await (await page.request.get(`/api/debates/${slug}`)).json()) as TMapDocument;
    expect(doc.nodes.map((n) => [n.kind, doc.article.text.slice(n.anchor!.start, n.anchor!.end)])).toEqual([
      ["thesis", THESIS],
      ["claim", CLAIM],
    ]);
    expect(doc.sources).toEqual([expect.objectContaining({ isArticle: true, perspective: "neutral" })]);
  });

  test("[NEW-DEBATE]: a signed-out visitor is sent to sign in; an article over the limit is refused with its count", async ({ page }) => {
    await page.goto("/debates/new");
    await expect(page).toHaveURL(/\/signin\?next=%2Fdebates%2Fnew|\/signin\?next=\/debates\/new/);

    await signedInUser(page, "limits", "/debates/new");
    await page.getByLabel("Title of the debate").fill("Too long");
    await page.getByLabel("Title of the article", { exact: true }).fill("A very long article");
    await page.getByRole("radio", { name: /^Azerbaijani/ }).check();
    await page.getByLabel("Full text of the article").fill("word ".repeat(20_001));
    await expect(page.locator("#article-text-count")).toHaveText("100,004 / 100,000 characters (at least 200): 4 too many");
    await page.getByRole("button", { name: "Create the debate" }).click();
    await expect(page.locator("#article-text-error")).toHaveText("An article has at most 100,000 characters.");
    await page.getByLabel("Full text of the article").fill("Too short.");
    await page.getByRole("button", { name: "Create the debate" }).click();
    await expect(page.locator("#article-text-error")).toHaveText("Paste the whole article: at least 200 characters.");
    await expect(page).toHaveURL(/\/debates\/new$/);
  });
});
