import { readFileSync } from "node:fs";

import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";

import type { TMapDocument } from "@/lib/schemas/map";

import { appDatabase } from "./fixtures/database";
import { SLUG, addRebuttal, detailsPanel, markFor, saveScreenshot, seededMarkTargets, statementNode, toast, waitForSettledViewport } from "./fixtures/map";
import { createUserThroughApi, newUser, openSignedIn, signedInUser, type TestUser } from "./fixtures/users";

const unique = () => Math.random().toString(36).slice(2, 8);

async function newPage(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

async function openDebate(page: Page, slug: string): Promise<void> {
  await page.goto(`/debates/${slug}`);
  await expect(page.locator(".react-flow__node-statement").first()).toBeVisible({ timeout: 60_000 });
  await waitForSettledViewport(page);
}

async function fetchDebate(page: Page, slug: string): Promise<TMapDocument> {
  const response = await page.request.get(`/api/debates/${slug}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as TMapDocument;
}

test("[MODERATION]: a participant's rebuttal waits for review, unseen by others, until a moderator edits and approves it; a rejection reaches its author with the reason", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  // The owner imports a copy of the example debate as a pre-moderated one.
  const owner = await signedInUser(page, "moderator", "/");
  const exported = (await (await page.request.get(`/api/debates/${SLUG}/export?format=json`)).json()) as { debate: { title: string; moderationMode: string } };
  exported.debate.title = `Moderated class debate ${unique()}`;
  exported.debate.moderationMode = "premoderated";
  const imported = await page.request.post("/api/debates/import", { data: { format: "json", fileName: "class.json", content: JSON.stringify(exported), perspective: "neutral" } });
  expect(imported.status(), await imported.text()).toBe(201);
  const { slug } = (await imported.json()) as { slug: string };

  // Joining is not this journey's concern: the participant's membership goes straight into the database.
  const participant: TestUser = newUser("participant");
  await createUserThroughApi(page.request, participant);
  const db = await appDatabase(testInfo.project.use.baseURL);
  try {
    const debate = await db.debate.findUniqueOrThrow({ where: { slug } });
    const user = await db.user.findUniqueOrThrow({ where: { email: participant.email } });
    await db.member.create({ data: { debateId: debate.id, userId: user.id, role: "participant" } });
  } finally {
    await db.$disconnect();
  }

  // The participant adds two rebuttals: each is theirs to see, marked as pending.
  const student = await newPage(browser, testInfo);
  await openSignedIn(student, participant, `/debates/${slug}`);
  await waitForSettledViewport(student);
  const targets = await seededMarkTargets(student, await fetchDebate(student, slug));
  const typo = `The corridor was open to Red Cross convoys on most days (${unique()}).`;
  const first = await addRebuttal(student, targets[0]!, typo.replace("convoys", "convoy"));
  await expect(toast(student)).toHaveText("Sent for review: only you and the moderators see it until a moderator approves it.");
  const pendingNode = statementNode(student, first.node.id);
  await expect(pendingNode.locator(".statement")).toHaveClass(/statement--pending/);
  await expect(pendingNode.locator(".statement__status")).toHaveText("Pending review");
  await expect(detailsPanel(student)).toContainText("Pending review. Only its author and the debate's moderators see it");
  const edge = student.getByTestId(`rf__edge-${first.relations[0]!.id}`);
  await expect(edge).toContainText("attacks (pending review)");
  await waitForSettledViewport(student);
  await saveScreenshot(student, testInfo, "moderation-pending-node");
  // The owner, on the map, sees the count of items waiting for review follow the participant's additions.
  await openDebate(page, slug);
  await expect(page.getByRole("link", { name: "Moderation (1 pending)" })).toBeVisible();
  const offTopic = `Weather on the day of the article was mild (${unique()}).`;
  const second = await addRebuttal(student, targets[1]!, offTopic);
  await expect(page.getByRole("link", { name: "Moderation (2 pending)" })).toBeVisible();

  // A visitor without an account does not see either.
  const visitor = await newPage(browser, testInfo);
  await openDebate(visitor, slug);
  await expect(statementNode(visitor, first.node.id)).toHaveCount(0);
  expect((await fetchDebate(visitor, slug)).nodes.map((n) => n.id)).not.toContain(first.node.id);

  // The moderator finds both in the queue, oldest first, with their context.
  await saveScreenshot(page, testInfo, "moderation-header-link");
  await page.getByRole("link", { name: "Moderation (2 pending)" }).click();
  await expect(page).toHaveURL(`/debates/${slug}/moderation`);
  const items = page.locator(".queue-item");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(typo.replace("convoys", "convoy"));
  await expect(items.nth(0)).toContainText(`by ${participant.name}`);
  await expect(items.nth(0)).toContainText("Attacks");
  await expect(items.nth(0)).toContainText("Monitoring mission report");
  await expect(items.nth(1)).toContainText(offTopic);
  await saveScreenshot(page, testInfo, "moderation-queue");

  // Edit, save (the item stays), then approve.
  const firstItem = items.nth(0);
  await firstItem.getByRole("button", { name: "Edit" }).click();
  await firstItem.getByLabel("Statement", { exact: true }).fill(typo);
  await firstItem.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(firstItem.locator(".queue-item__text")).toHaveText(typo);
  await firstItem.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved 1 item" })).toContainText("1 item left.");
  await expect(items).toHaveCount(1);

  // Reject the other with a reason from the list.
  await items.nth(0).getByRole("button", { name: "Reject…" }).click();
  await page.getByLabel("Reason for rejecting (the author sees it)").selectOption("Off topic");
  await items.nth(0).getByRole("button", { name: "Reject", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rejected 1 item: Off topic." })).toContainText("The queue is empty.");
  await expect(page.getByRole("heading", { name: "Nothing waits for review" })).toBeVisible();
  await saveScreenshot(page, testInfo, "moderation-queue-empty");

  // The public map now shows the edited rebuttal and still not the rejected one.
  await openDebate(visitor, slug);
  await expect(statementNode(visitor, first.node.id).locator(".statement__text")).toHaveText(typo);
  await expect(statementNode(visitor, first.node.id).locator(".statement__status")).toHaveCount(0);
  await expect(statementNode(visitor, second.node.id)).toHaveCount(0);

  // The author sees the decision and the reason on their rejected statement.
  await openDebate(student, slug);
  const rejected = statementNode(student, second.node.id);
  await expect(rejected.locator(".statement__status")).toHaveText("Rejected");
  await markFor(student, targets[1]!).click();
  await detailsPanel(student).getByRole("button", { name: `Rebuttal: ${offTopic}` }).click();
  await expect(detailsPanel(student)).toContainText("Rejected by a moderator: Off topic");
  await expect(detailsPanel(student).getByRole("button", { name: /^\+ (Support|Rebuttal)|^Link to/ })).toHaveCount(0);
  await saveScreenshot(student, testInfo, "moderation-rejected-node");

  // The dashboard counts the participant's statements and links, and downloads as CSV.
  await page.goto(`/debates/${slug}/dashboard`);
  const byPerson = page.getByRole("table", { name: "By person" });
  const row = byPerson.getByRole("row").filter({ has: page.getByRole("rowheader", { name: participant.name }) });
  // Statements, links, approved, pending, rejected: two rebuttals and the links they came with.
  await expect(row.getByRole("cell")).toHaveText(["—", "participant", "2", "2", "2", "0", "2"]);
  await expect(byPerson.getByRole("rowheader", { name: owner.name })).toBeVisible();
  await saveScreenshot(page, testInfo, "moderation-dashboard");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`${slug}-dashboard.csv`);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv).toContain(`person,${participant.name},no team; participant,2,2,2,0,2`);

  // A new contribution shows on the open dashboard without a reload: a statement and its link, both pending.
  const third = await student.request.post(`/api/debates/${slug}/nodes`, {
    data: { kind: "rebuttal", text: `Convoys waited at the checkpoint for days (${unique()}).`, link: { type: "attacks", targetId: targets[0]! }, sources: [{ title: "Monitoring mission report", url: "https://example.org/monitoring", perspective: "neutral" }] },
  });
  expect(third.status(), await third.text()).toBe(201);
  await expect(row.getByRole("cell")).toHaveText(["—", "participant", "3", "3", "2", "2", "2"]);

  // Others are turned away from both pages.
  await student.goto(`/debates/${slug}/moderation`);
  await expect(student.getByRole("heading", { name: "This page is not open to you" })).toBeVisible();
  await visitor.goto(`/debates/${slug}/dashboard`);
  await expect(visitor).toHaveURL(/\/signin\?next=/);
});
