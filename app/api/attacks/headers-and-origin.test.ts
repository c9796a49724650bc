// Attacks of issue 12, item 7: no security headers; state-changing routes
// checked neither Origin nor the content type; personal answers could be kept
// by a shared cache.
import type { PrismaClient } from "@prisma/client";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import nextConfig from "@/next.config";
import { proxy, config as proxyConfig } from "@/proxy";
import { connect } from "@/scripts/lib/prisma-client";
import { callRoute, expectNothingWritten, seedOwnedDebate, type OwnedDebate } from "@/test/owned-debate";
import { expectError, jsonRequest } from "@/test/session";

import { GET as getAudit } from "../debates/[slug]/audit/route";
import { GET as getDashboard } from "../debates/[slug]/dashboard/route";
import { GET as getEvents } from "../debates/[slug]/events/route";
import { GET as getExport } from "../debates/[slug]/export/route";
import { DELETE as deleteJoinCode, POST as postJoinCode } from "../debates/[slug]/join-code/route";
import { DELETE as deleteMember, PATCH as patchMember } from "../debates/[slug]/members/[userId]/route";
import { GET as getMembers } from "../debates/[slug]/members/route";
import { POST as postDecisions } from "../debates/[slug]/moderation/decisions/route";
import { GET as getQueue } from "../debates/[slug]/moderation/route";
import { GET as getRevisions } from "../debates/[slug]/nodes/[nodeId]/revisions/route";
import { DELETE as deleteNode, PATCH as patchNode } from "../debates/[slug]/nodes/[nodeId]/route";
import { POST as postNode } from "../debates/[slug]/nodes/route";
import { POST as postRelation } from "../debates/[slug]/relations/route";
import { GET as getMap } from "../debates/[slug]/route";
import { PATCH as patchSettings } from "../debates/[slug]/settings/route";
import { DELETE as deleteTeam, PATCH as patchTeam } from "../debates/[slug]/teams/[teamId]/route";
import { POST as postTeam } from "../debates/[slug]/teams/route";
import { POST as postSwapSides } from "../debates/[slug]/teams/swap-sides/route";
import { POST as postImport } from "../debates/import/route";
import { POST as postDebate } from "../debates/route";
import { POST as postJoin } from "../join/route";
import { POST as postUser } from "../users/route";

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
type Write = { name: string; handler: Handler; method: string; path: string; params: Record<string, string>; body?: unknown };

let prisma: PrismaClient;
let debate: OwnedDebate;
let teamId: string;
let pendingId: string;

const ARTICLE = "The road was closed for months. Both sides told different stories about why, and who was to blame for it. ".repeat(3);

beforeAll(async () => {
  prisma = connect(process.env.DATABASE_URL!);
  debate = await seedOwnedDebate(prisma, "origin-debate");
  await prisma.debate.update({ where: { id: debate.debateId }, data: { moderationMode: "premoderated", joinCode: "ORIGIN-CODE-1" } });
  teamId = (await prisma.team.create({ data: { debateId: debate.debateId, name: "Team A", colour: "#1849A9", perspective: "armenian" } })).id;
  const created = await callRoute(postNode, {
    method: "POST",
    path: `/api/debates/${debate.slug}/nodes`,
    params: { slug: debate.slug },
    body: { kind: "claim", text: "A participant's pending claim.", link: { type: "supports", targetId: debate.thesisId }, sources: [{ sourceId: debate.sourceId }] },
    cookie: debate.people.participant.cookie,
  });
  expect(created.status).toBe(201);
  pendingId = ((await created.json()) as { node: { id: string } }).node.id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

/** Every state-changing route, each with a body it would accept from the owner. */
function writes(): Write[] {
  const d = { slug: debate.slug };
  const base = `/api/debates/${debate.slug}`;
  const node = { slug: debate.slug, nodeId: debate.claimId };
  return [
    { name: "sign up", handler: postUser, method: "POST", path: "/api/users", params: {}, body: { name: "Mallory", email: "mallory@example.test", password: "a-long-password-1" } },
    { name: "create a debate", handler: postDebate, method: "POST", path: "/api/debates", params: {}, body: { title: "Forged", moderationMode: "open", article: { title: "A", perspective: "neutral", text: ARTICLE } } },
    { name: "import a debate", handler: postImport, method: "POST", path: "/api/debates/import", params: {}, body: { format: "argdown", fileName: "x.argdown", content: "[A]: A statement.", perspective: "neutral" } },
    { name: "join a debate", handler: postJoin, method: "POST", path: "/api/join", params: {}, body: { code: "ORIGIN-CODE-1" } },
    { name: "add a statement", handler: postNode, method: "POST", path: `${base}/nodes`, params: d, body: { kind: "claim", text: "A forged claim.", link: { type: "supports", targetId: debate.thesisId }, sources: [{ sourceId: debate.sourceId }] } },
    { name: "edit a statement", handler: patchNode, method: "PATCH", path: `${base}/nodes/${debate.claimId}`, params: node, body: { text: "A forged edit.", version: 1 } },
    { name: "delete a statement", handler: deleteNode, method: "DELETE", path: `${base}/nodes/${debate.claimId}?version=1`, params: node },
    { name: "link two statements", handler: postRelation, method: "POST", path: `${base}/relations`, params: d, body: { fromId: debate.thesisId, toId: debate.claimId, type: "attacks" } },
    { name: "approve", handler: postDecisions, method: "POST", path: `${base}/moderation/decisions`, params: d, body: { items: [{ type: "node", id: pendingId }], decision: "approve" } },
    { name: "make a join code", handler: postJoinCode, method: "POST", path: `${base}/join-code`, params: d },
    { name: "turn the join code off", handler: deleteJoinCode, method: "DELETE", path: `${base}/join-code`, params: d },
    { name: "change the settings", handler: patchSettings, method: "PATCH", path: `${base}/settings`, params: d, body: { moderationMode: "open" } },
    { name: "add a team", handler: postTeam, method: "POST", path: `${base}/teams`, params: d, body: { name: "Team B", colour: "#067647", perspective: "neutral" } },
    { name: "change a team", handler: patchTeam, method: "PATCH", path: `${base}/teams/${teamId}`, params: { ...d, teamId }, body: { name: "Team C" } },
    { name: "delete a team", handler: deleteTeam, method: "DELETE", path: `${base}/teams/${teamId}`, params: { ...d, teamId } },
    { name: "swap sides", handler: postSwapSides, method: "POST", path: `${base}/teams/swap-sides`, params: d },
    { name: "change a member's role", handler: patchMember, method: "PATCH", path: `${base}/members/${debate.people.viewer.id}`, params: { ...d, userId: debate.people.viewer.id }, body: { role: "moderator" } },
    { name: "remove a member", handler: deleteMember, method: "DELETE", path: `${base}/members/${debate.people.viewer.id}`, params: { ...d, userId: debate.people.viewer.id } },
  ];
}

/** The write as the owner's browser would send it from a page, with extra headers. */
function send(write: Write, headers: Record<string, string>, cookie = debate.people.owner.cookie): Promise<Response> {
  const all: Record<string, string> = { cookie, ...headers };
  if (write.body !== undefined) all["content-type"] ??= "application/json";
  const request = new Request(`http://localhost${write.path}`, { method: write.method, headers: all, body: write.body === undefined ? undefined : JSON.stringify(write.body) });
  return write.handler(request, { params: Promise.resolve(write.params) });
}

async function expectRefusedUnchanged(response: () => Promise<Response>, status: number, code: string): Promise<void> {
  const users = await prisma.user.count();
  await expectError(await expectNothingWritten(prisma, response), status, code);
  expect(await prisma.user.count()).toBe(users);
}

describe("a page of another site makes the owner's browser write (cross-site request forgery)", () => {
  it("refuses a foreign Origin on every state-changing route, and nothing is written", async () => {
    for (const write of writes()) {
      await expectRefusedUnchanged(() => send(write, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), 403, "FORBIDDEN");
    }
  });

  it("refuses a foreign Origin even when the browser sends no Sec-Fetch-Site", async () => {
    for (const write of writes()) await expectRefusedUnchanged(() => send(write, { origin: "http://localhost.evil.example" }), 403, "FORBIDDEN");
  });

  it("refuses an opaque origin (a sandboxed frame sends Origin: null)", async () => {
    for (const write of writes()) await expectRefusedUnchanged(() => send(write, { origin: "null" }), 403, "FORBIDDEN");
  });

  it("refuses Sec-Fetch-Site: cross-site without an Origin", async () => {
    for (const write of writes()) await expectRefusedUnchanged(() => send(write, { "sec-fetch-site": "cross-site" }), 403, "FORBIDDEN");
  });

  it("lets the app's own pages write: the request's own origin, and NEXTAUTH_URL's behind a proxy", async () => {
    const [addStatement] = writes().filter((w) => w.name === "add a statement");
    expect((await send(addStatement!, { origin: "http://localhost", "sec-fetch-site": "same-origin" })).status).toBe(201);
    const saved = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = "https://maps.example.school";
    try {
      expect((await send(addStatement!, { origin: "https://maps.example.school" })).status).toBe(201);
      await expectRefusedUnchanged(() => send(addStatement!, { origin: "https://other.example.school" }), 403, "FORBIDDEN");
    } finally {
      if (saved === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = saved;
    }
  });
});

describe("a body that is not JSON (a form or text/plain post needs no CORS preflight)", () => {
  const TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"];

  it("refuses text/plain and form bodies with 415 on every route that takes a body, and nothing is written", async () => {
    for (const write of writes().filter((w) => w.body !== undefined)) {
      for (const type of TYPES) await expectRefusedUnchanged(() => send(write, { "content-type": type }), 415, "UNSUPPORTED_MEDIA_TYPE");
    }
  });

  it("refuses a body without a content type", async () => {
    const [signUp] = writes().filter((w) => w.name === "sign up");
    const request = new Request("http://localhost/api/users", { method: "POST", body: new Blob([JSON.stringify(signUp!.body)]) });
    expect(request.headers.get("content-type")).toBeNull();
    await expectRefusedUnchanged(() => postUser(request, { params: Promise.resolve({}) }), 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("accepts application/json with a charset", async () => {
    const request = new Request("http://localhost/api/users", {
      method: "POST",
      headers: { "content-type": "Application/JSON; charset=utf-8" },
      body: JSON.stringify({ name: "Charset", email: "charset@example.test", password: "a-long-password-1" }),
    });
    expect((await postUser(request, { params: Promise.resolve({}) })).status).toBe(201);
  });
});

describe("personal answers kept by a shared cache (a school's proxy) and served to the next pupil", () => {
  const get = (handler: Handler, path: string, params: Record<string, string>, cookie: string) => handler(new Request(`http://localhost${path}`, { headers: { cookie } }), { params: Promise.resolve(params) });
  const cacheControl = (response: Response) => response.headers.get("cache-control") ?? "";

  it("marks the map with someone's pending items private", async () => {
    const response = await get(getMap, `/api/debates/${debate.slug}`, { slug: debate.slug }, debate.people.participant.cookie);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { nodes: { id: string }[] }).nodes.map((n) => n.id)).toContain(pendingId);
    expect(cacheControl(response)).toMatch(/^private\b/);
  });

  it("marks members, moderation queue, dashboard (JSON and CSV), audit, revisions, export and events private", async () => {
    const d = { slug: debate.slug };
    const base = `/api/debates/${debate.slug}`;
    const owner = debate.people.owner.cookie;
    const answers = {
      members: await get(getMembers, `${base}/members`, d, owner),
      queue: await get(getQueue, `${base}/moderation`, d, owner),
      dashboard: await get(getDashboard, `${base}/dashboard`, d, owner),
      csv: await get(getDashboard, `${base}/dashboard?format=csv`, d, owner),
      audit: await get(getAudit, `${base}/audit`, d, owner),
      revisions: await get(getRevisions, `${base}/nodes/${pendingId}/revisions`, { ...d, nodeId: pendingId }, owner),
      export: await get(getExport, `${base}/export?format=json`, d, owner),
    };
    for (const [name, response] of Object.entries(answers)) {
      expect(response.status, name).toBe(200);
      expect(cacheControl(response), name).toMatch(/^private\b/);
    }
    const abort = new AbortController();
    const events = await getEvents(new Request(`http://localhost${base}/events`, { headers: { cookie: owner }, signal: abort.signal }), { params: Promise.resolve(d) });
    expect(cacheControl(events)).toMatch(/^private\b/);
    abort.abort();
    await events.body?.cancel();
  });

  it("never stores the join code anywhere", async () => {
    const response = await callRoute(postJoinCode, { method: "POST", path: `/api/debates/${debate.slug}/join-code`, params: { slug: debate.slug }, cookie: debate.people.owner.cookie });
    expect(response.status).toBe(200);
    expect(cacheControl(response)).toBe("private, no-store");
  });

  it("marks the answer to a sign-up private and unstored", async () => {
    const response = await postUser(jsonRequest("POST", "http://localhost/api/users", { name: "Cached", email: "cached@example.test", password: "a-long-password-1" }), { params: Promise.resolve({}) });
    expect(response.status).toBe(201);
    expect(cacheControl(response)).toBe("private, no-store");
  });
});

describe("no security headers", () => {
  it("does not announce the server (no X-Powered-By)", () => {
    expect(nextConfig.poweredByHeader).toBe(false);
  });

  it("sends nosniff and a Referrer-Policy on every answer, and a policy that loads and runs nothing on API answers", async () => {
    const rules = await nextConfig.headers();
    const everywhere = rules.find((r) => r.source === "/:path*")!;
    expect(everywhere.headers).toEqual(expect.arrayContaining([{ key: "X-Content-Type-Options", value: "nosniff" }, { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }]));
    const api = rules.find((r) => r.source === "/api/:path*")!;
    const policy = api.headers.find((h) => h.key === "Content-Security-Policy")!.value;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it("gives every page a strict policy with a fresh nonce, on the answer and on the request Next.js renders", () => {
    const policies = [0, 1].map(() => {
      const response = proxy(new NextRequest("http://localhost/debates/origin-debate"));
      const policy = response.headers.get("content-security-policy")!;
      // NextResponse.next passes the changed request headers on under this prefix.
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
      return policy;
    });
    const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));
    const [first, second] = policies.map(directives);
    const nonce = first!.get("script-src")!.find((s) => s.startsWith("'nonce-"))!;
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{24}'$/);
    expect(second!.get("script-src")).not.toContain(nonce);
    // Scripts only from the app and with the nonce: no inline script, no eval, no other host.
    expect(first!.get("script-src")).toEqual(["'self'", nonce]);
    expect(first!.get("style-src")).toEqual(["'self'", nonce]);
    expect(first!.get("object-src")).toEqual(["'none'"]);
    expect(first!.get("base-uri")).toEqual(["'self'"]);
    expect(first!.get("form-action")).toEqual(["'self'"]);
    expect(first!.get("frame-ancestors")).toEqual(["'none'"]);
    expect(first!.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("runs the proxy on pages and not on API routes or built files", () => {
    const source = new RegExp(`^${proxyConfig.matcher[0]!.source}$`);
    for (const page of ["/", "/debates/lachin-crisis", "/debates/lachin-crisis/moderation", "/signin", "/import"]) expect(page, page).toMatch(source);
    for (const other of ["/api/debates", "/_next/static/chunks/app.js", "/favicon.ico"]) expect(other, other).not.toMatch(source);
  });
});
