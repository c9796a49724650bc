import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";

import type { TCreatedNode, TMapDocument } from "@/lib/schemas/map";
import { freePort } from "@/scripts/lib/processes";

import { startLoadBalancer, type LoadBalancer } from "./fixtures/load-balancer";
import { addRebuttal, saveScreenshot, statementNode } from "./fixtures/map";
import { startSecondInstance, type AppInstance } from "./fixtures/second-instance";
import { createUserThroughApi, newUser, signInThroughUi, type TestUser } from "./fixtures/users";

// A made-up local question, so the lesson is about the app, not about any real dispute.
const THESIS = "The school should open its sports hall to the neighbourhood on weekday evenings.";
const TEXT = [
  "An open sports hall",
  `${THESIS} It stands empty after five, the clubs of the district have nowhere to train in winter, and opening it costs no more than a caretaker's hours.`,
  "The parents' council asked for it twice; the district offered to pay for the caretaker from its own budget.",
  "Those against say the floor wears faster and that the school would answer for accidents it cannot see.",
].join("\n\n");
const REBUTTALS = [
  "The floor would need sanding every summer instead of every other one, which the budget does not cover.",
  "Evening clubs bring their own insurance, but the school still answers for the building.",
  "The caretaker's hours would come out of the money for the school's own after-school sport.",
];

// Two more instances of the app on the e2e app's database, and a load balancer in front of them that the browsers use.
let instances: AppInstance[] = [];
let balancer: LoadBalancer;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(240_000);
  const port = await freePort();
  const publicUrl = `http://localhost:${port}`;
  const first = String(testInfo.project.use.baseURL);
  // One after the other: two starts at once both run the migrations and wait on each other's lock.
  instances = [await startSecondInstance(first, { publicUrl })];
  instances.push(await startSecondInstance(first, { publicUrl }));
  balancer = await startLoadBalancer(port, instances.map((i) => i.baseUrl));
});

test.afterAll(async () => {
  await balancer?.close();
  await Promise.all(instances.map((i) => i.stop()));
});

/** A state-changing API call as the browser's page would make it: JSON, from the app's own origin. */
async function post(request: APIRequestContext, path: string, data: unknown): Promise<unknown> {
  const response = await request.post(`${balancer.baseUrl}${path}`, { data, headers: { origin: balancer.baseUrl } });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/** A browser of its own, signed in through the load balancer. */
async function signedIn(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext({ baseURL: balancer.baseUrl, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await createUserThroughApi(page.request, user);
  await signInThroughUi(page, user);
  return page;
}

test("[SCALE]: two instances behind a load balancer without stickiness; one stops mid-lesson and the teacher's and student's browsers carry on through the other without losing a write", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const teacher = await signedIn(browser, newUser("scale-teacher"));
  const student = await signedIn(browser, newUser("scale-student"));

  // The lesson's own pre-moderated debate, its thesis mapped from the article, and a join code for the student.
  const { slug } = (await post(teacher.request, "/api/debates", {
    title: "Should the sports hall open in the evenings?",
    moderationMode: "premoderated",
    article: { title: "An open sports hall", perspective: "neutral", text: TEXT },
  })) as { slug: string };
  const start = TEXT.indexOf(THESIS);
  const thesis = (await post(teacher.request, `/api/debates/${slug}/nodes`, { kind: "thesis", text: THESIS, anchor: { start, end: start + THESIS.length } })) as TCreatedNode;
  const { joinCode } = (await post(teacher.request, `/api/debates/${slug}/join-code`, {})) as { joinCode: string };
  await post(student.request, "/api/join", { code: joinCode });

  // The teacher keeps the moderation queue open; the student the map.
  await teacher.goto(`/debates/${slug}/moderation`);
  await expect(teacher.getByRole("heading", { name: "Nothing waits for review" })).toBeVisible();
  await student.goto(`/debates/${slug}`);
  await expect(statementNode(student, thesis.node.id)).toBeVisible();

  /** The student writes; the teacher's open queue receives it live and approves it; the student's map shows it approved, live. */
  const writeAndApprove = async (text: string): Promise<TCreatedNode> => {
    const rebuttal = await addRebuttal(student, thesis.node.id, text);
    expect(rebuttal.node.status).toBe("pending");
    await expect(statementNode(student, rebuttal.node.id)).toContainText("Pending review");
    const item = teacher.getByRole("listitem").filter({ hasText: text.slice(0, 40) });
    await expect(item).toBeVisible({ timeout: 20_000 });
    await item.getByRole("button", { name: "Approve" }).click();
    await expect(teacher.getByRole("status").filter({ hasText: "Approved 1 item" })).toBeVisible();
    await expect(statementNode(student, rebuttal.node.id)).not.toContainText("Pending review", { timeout: 20_000 });
    return rebuttal;
  };

  const written = [await writeAndApprove(REBUTTALS[0]!)];
  // Without stickiness both instances served the lesson so far.
  for (const instance of instances) expect(balancer.served.get(instance.baseUrl), instance.baseUrl).toBeGreaterThan(0);

  // One instance stops mid-lesson: its live streams end and the balancer sends everything to the other.
  await student.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await teacher.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await instances[0]!.stop();
  const servedBefore = balancer.served.get(instances[1]!.baseUrl)!;

  for (const text of REBUTTALS.slice(1)) written.push(await writeAndApprove(text));
  expect(balancer.served.get(instances[1]!.baseUrl)!).toBeGreaterThan(servedBefore);
  // Neither page was reloaded: the live updates came through the remaining instance.
  for (const page of [student, teacher]) expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await saveScreenshot(student, testInfo, "two-instances-student-after-failover");

  // Every statement the student submitted is on the map, approved, once.
  const map = (await (await student.request.get(`${balancer.baseUrl}/api/debates/${slug}`)).json()) as TMapDocument;
  const rebuttals = map.nodes.filter((n) => n.kind !== "thesis");
  expect(rebuttals.map((n) => [n.id, n.text, n.status]).sort()).toEqual(written.map((w) => [w.node.id, w.node.text, "approved"]).sort());
  await expect(teacher.getByRole("heading", { name: "Nothing waits for review" })).toBeVisible();
});
