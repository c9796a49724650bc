import { expect, test } from "@playwright/test";

import { mapPassage, selectWithMouse } from "./fixtures/article";
import { addTeam } from "./fixtures/manage";
import { addRebuttal, detailsPanel, markFor, saveScreenshot, statementNode, toast } from "./fixtures/map";
import { signedInUser } from "./fixtures/users";

// A made-up local article: the lesson is about the app, not about any real dispute.
const THESIS = "The town should build its new library in the old railway depot rather than on the green.";
const TEXT = [
  "A library for the depot",
  `${THESIS} The depot stands empty, it is next to the bus station, and reusing it keeps the green for the market and the fair.`,
  "The council's own survey found that two in three residents reach the town centre by bus or on foot.",
  "Those who want the green say a new building would be cheaper to heat and easier to reach for families who drive.",
].join("\n\n");

test("[CLASSROOM]: a teacher starts a debate from an article, makes teams and a code; a student joins and rebuts; the teacher's open queue receives it and the approval reaches the student live; then the debate closes", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);

  // The teacher, signed in, creates a pre-moderated debate from pasted text.
  await signedInUser(page, "teacher", "/debates/new");
  await page.getByLabel("Title of the debate").fill("Where should the new library go?");
  await page.getByLabel("Title of the article", { exact: true }).fill("A library for the depot");
  await page.getByRole("radio", { name: /^Neutral/ }).check();
  await page.getByRole("radio", { name: /^Pre-moderated/ }).check();
  await page.getByLabel("Full text of the article").fill(TEXT);
  await saveScreenshot(page, testInfo, "classroom-1-new-debate");
  await page.getByRole("button", { name: "Create the debate" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where should the new library go?");
  const slug = new URL(page.url()).pathname.split("/").pop()!;

  // The teacher maps the article's thesis from its passage.
  await selectWithMouse(page, THESIS);
  await page.getByRole("button", { name: "Map this passage" }).click();
  const thesis = await mapPassage(page, async (dialog) => {
    await expect(dialog.getByRole("radio", { name: /^Thesis/ })).toBeChecked();
  });
  await expect(statementNode(page, thesis.node.id)).toBeVisible();
  await saveScreenshot(page, testInfo, "classroom-2-thesis-mapped");

  // Two teams and a join code, from the Manage page.
  await page.getByRole("link", { name: "Manage", exact: true }).click();
  await addTeam(page, "Depot side", "Red", "Argues the Armenian case");
  await addTeam(page, "Green side", "Blue", "Argues the Azerbaijani case");
  await page.getByRole("button", { name: "Make a join code" }).click();
  const code = (await page.locator("#join-code-value").textContent())!;
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await saveScreenshot(page, testInfo, "classroom-3-teams-and-code");

  // The teacher keeps the moderation queue open while the class works.
  await page.goto(`/debates/${slug}/moderation`);
  await expect(page.getByRole("heading", { name: "Nothing waits for review" })).toBeVisible();

  // A student, in a browser of their own, joins with the code and rebuts the thesis.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await signedInUser(student, "student", "/join");
  await student.getByLabel("Join code").fill(code);
  await student.getByRole("button", { name: "Join" }).click();
  await expect(student).toHaveURL(`/debates/${slug}`);
  const rebuttal = await addRebuttal(student, thesis.node.id, "Families who drive would find the green easier to reach than the depot.");
  expect(rebuttal.node.status).toBe("pending");
  await expect(statementNode(student, rebuttal.node.id)).toContainText("Pending review");
  await saveScreenshot(student, testInfo, "classroom-4-student-pending");
  // The student's page must take the approval without reloading.
  await student.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // It arrives in the teacher's open queue without a reload, and the teacher approves it.
  const item = page.getByRole("listitem").filter({ hasText: "Families who drive" });
  await expect(item).toBeVisible();
  await saveScreenshot(page, testInfo, "classroom-5-queue");
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved 1 item" })).toBeVisible();

  await expect(statementNode(student, rebuttal.node.id)).not.toContainText("Pending review");
  expect(await student.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await saveScreenshot(student, testInfo, "classroom-6-student-approved");

  // The teacher closes the debate; the student's open page refuses to add, saying why.
  await page.goto(`/debates/${slug}/manage`);
  await page.getByRole("radio", { name: /^Closed/ }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

  await expect(student.getByText("This debate is closed: the map is read-only for everyone but its owner.")).toBeVisible();
  await markFor(student, thesis.node.id).click();
  await detailsPanel(student).getByRole("button", { name: /^\+ Rebuttal/ }).click();
  await expect(toast(student)).toContainText("This debate is closed; only its owner can change the map now.");
  await expect(student.getByRole("dialog", { name: "Add a rebuttal" })).toHaveCount(0);
  await saveScreenshot(student, testInfo, "classroom-7-student-refused");
  await studentContext.close();
});
