import { expect, test, type Page } from "@playwright/test";

import type { TMapDocument } from "@/lib/schemas/map";

import { addTeam, teamSummary } from "./fixtures/manage";
import { SLUG, saveScreenshot, statementNode, waitForSettledViewport } from "./fixtures/map";
import { expectSignedInAs, newUser, signedInUser } from "./fixtures/users";

/** A debate owned by the signed-in person of `page`: the example debate exported and imported again. */
async function importOwnedDebate(page: Page): Promise<string> {
  const exported = await page.request.get(`/api/debates/${SLUG}/export?format=json`);
  expect(exported.ok()).toBe(true);
  const response = await page.request.post("/api/debates/import", { data: { format: "json", fileName: "lachin.json", content: await exported.text(), perspective: "neutral" } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { slug: string }).slug;
}

test("[MANAGE]: the owner makes teams and a join code; a second person joins with it and is put on a team; sides swap", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await signedInUser(page, "owner");
  const slug = await importOwnedDebate(page);

  // The owner finds "Manage" in the debate's header.
  await page.goto(`/debates/${slug}`);
  await page.getByRole("link", { name: "Manage", exact: true }).click();
  await expect(page).toHaveURL(`/debates/${slug}/manage`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Manage");

  await addTeam(page, "Team A", "Red", "Argues the Armenian case");
  await addTeam(page, "Team B", "Blue", "Argues the Azerbaijani case");
  // Colour is named in text beside each swatch.
  await expect(teamSummary(page, "Team A")).toHaveText("Team A · Red · argues the Armenian case");
  await expect(teamSummary(page, "Team B")).toHaveText("Team B · Blue · argues the Azerbaijani case");

  await page.getByRole("button", { name: "Make a join code" }).click();
  const codeOutput = page.locator("#join-code-value");
  await expect(codeOutput).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const shownCode = (await codeOutput.textContent())!;
  const code = shownCode.replace("-", "");
  await expect(page.getByLabel("Join link")).toHaveValue(new RegExp(`/join/${code}$`));
  await page.getByRole("button", { name: "Copy code" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Code copied." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await saveScreenshot(page, testInfo, "manage-owner-teams-and-code");

  // A second person, in a browser of their own, with an account, joins with the code as typed by hand.
  const guestContext = await browser.newContext();
  const guestPage = await guestContext.newPage();
  const guest = await signedInUser(guestPage, "joiner", "/join");
  await guestPage.getByLabel("Join code").fill(` ${shownCode.toLowerCase()} `);
  await guestPage.getByRole("button", { name: "Join" }).click();
  await expect(guestPage).toHaveURL(`/debates/${slug}`);
  await expectSignedInAs(guestPage, guest);
  // A participant has no Manage link, and the management page refuses them.
  await expect(guestPage.getByRole("link", { name: "Manage", exact: true })).toHaveCount(0);
  await guestPage.goto(`/debates/${slug}/manage`);
  await expect(guestPage.getByRole("heading", { name: "You cannot manage this debate" })).toBeVisible();
  await saveScreenshot(guestPage, testInfo, "manage-refused-to-participant");

  // The owner sees them among the members and puts them on Team A.
  await page.reload();
  const members = page.getByRole("region", { name: "Members" });
  await expect(members.getByRole("rowheader", { name: guest.name })).toBeVisible();
  await members.getByLabel(`Team of ${guest.name}`).selectOption({ label: "Team A" });
  await expect(page.getByRole("status").filter({ hasText: `${guest.name} is now on Team A.` })).toBeVisible();
  await page.reload();
  await expect(members.getByLabel(`Team of ${guest.name}`)).toHaveValue(/[0-9a-f-]{36}/);
  await expect(members.getByLabel(`Team of ${guest.name}`).locator("option:checked")).toHaveText("Team A");
  const audit = page.getByRole("region", { name: "Audit log" });
  await expect(audit).toContainText("joined the debate");
  await expect(audit).toContainText(`${guest.name}: no team → Team A`);
  await expect(audit).toContainText("Team A · Red · argues the Armenian case");
  await saveScreenshot(page, testInfo, "manage-owner-members-and-audit");

  // What the guest writes carries Team A's badge on the map and in the details panel.
  const doc = (await (await guestPage.request.get(`/api/debates/${slug}`)).json()) as TMapDocument;
  const thesis = doc.nodes.find((n) => n.kind === "thesis")!;
  const created = await guestPage.request.post(`/api/debates/${slug}/nodes`, {
    data: { kind: "claim", text: "A claim written by a member of Team A.", link: { type: "supports", targetId: thesis.id }, sources: [{ title: "A source", url: "https://example.org/team-a", perspective: "armenian" }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const nodeId = ((await created.json()) as { node: { id: string } }).node.id;
  await page.goto(`/debates/${slug}`);
  await expect(statementNode(page, nodeId)).toContainText("Team A");
  await waitForSettledViewport(page);
  // The new statement may lie outside the fitted view: focus brings it in, Enter selects it.
  await statementNode(page, nodeId).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".details__author")).toHaveText(`Added by ${guest.name} · Team: Team A (argues the Armenian case)`);
  await saveScreenshot(page, testInfo, "map-team-badge");

  // Swapping sides asks first, then exchanges the two cases.
  await page.goto(`/debates/${slug}/manage`);
  await page.getByRole("button", { name: "Swap sides…" }).click();
  const dialog = page.getByRole("dialog", { name: "Swap sides for the next round?" });
  await expect(dialog).toContainText("Team A will argue the Azerbaijani case");
  await saveScreenshot(page, testInfo, "manage-swap-sides-dialog");
  await dialog.getByRole("button", { name: "Swap sides" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sides swapped." })).toBeVisible();
  await expect(teamSummary(page, "Team A")).toHaveText("Team A · Red · argues the Azerbaijani case");
  await expect(teamSummary(page, "Team B")).toHaveText("Team B · Blue · argues the Armenian case");
  await saveScreenshot(page, testInfo, "manage-owner-after-swap");

  // The statement keeps the case it was written for.
  await page.goto(`/debates/${slug}`);
  await waitForSettledViewport(page);
  await statementNode(page, nodeId).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".details__author")).toHaveText(`Added by ${guest.name} · Team: Team A (argued the Armenian case when this was written; argues the Azerbaijani case now)`);

  await guestContext.close();
});

test("[MANAGE]: a join link sends a signed-out visitor to sign up, then joins them", async ({ page, browser }) => {
  await signedInUser(page, "link-owner");
  const slug = await importOwnedDebate(page);
  const code = ((await (await page.request.post(`/api/debates/${slug}/join-code`)).json()) as { joinCode: string }).joinCode;

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/join/${code}`);
  await expect(visitor.getByRole("main")).toContainText("You are invited to");
  await visitor.getByRole("main").getByRole("link", { name: "sign up", exact: true }).click();
  const user = newUser("link-joiner");
  await visitor.getByLabel("Display name").fill(user.name);
  await visitor.getByLabel("Email").fill(user.email);
  await visitor.getByLabel("Password (at least 10 characters)").fill(user.password);
  await visitor.getByRole("button", { name: "Sign up" }).click();
  await expect(visitor).toHaveURL(`/debates/${slug}`, { timeout: 20_000 });
  await expectSignedInAs(visitor, user);

  const members = (await (await page.request.get(`/api/debates/${slug}/members`)).json()) as { members: { name: string; role: string }[] };
  expect(members.members).toContainEqual(expect.objectContaining({ name: user.name, role: "participant" }));
  await visitorContext.close();
});
