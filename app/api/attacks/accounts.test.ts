// Attacks on accounts from issue 12 (item 4, and next-auth's 500s of item 6), each repeated
// against the real handlers and database, asserting that it now fails.
import * as argon2 from "@node-rs/argon2";
import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";
import { safeNext } from "@/lib/safe-next";
import { signIn } from "@/lib/server/auth/sign-in";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_PAIR } from "@/lib/server/auth/sign-in-limit";
import { db } from "@/lib/server/db";
import { MAX_SIGN_UPS_PER_ADDRESS } from "@/lib/server/users/sign-up-limit";
import { createUser, jsonRequest } from "@/test/session";

import * as nextAuthRoute from "../auth/[...nextauth]/route";
import * as usersRoute from "../users/route";

// The real argon2, watched: how many password verifications ran, and against which hashes.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...actual, verify: vi.fn(actual.verify) };
});

const ORIGIN = "http://localhost";
const OWNER_PASSWORD = "the teacher's own password";

beforeAll(() => {
  // next-auth builds its URLs and cookie names from this, as `npm start` sets it.
  process.env.NEXTAUTH_URL = ORIGIN;
});

beforeEach(() => {
  vi.mocked(argon2.verify).mockClear();
});

/** Headers of a request from `address`, as the app's server stamps them, plus what the client wrote. */
function fromAddress(address: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...extra, [CLIENT_ADDRESS_HEADER]: address };
}

function callAuth(path: string, init: RequestInit = {}): Promise<Response> {
  const nextauth = path.split("?")[0]!.split("/").filter(Boolean);
  return nextAuthRoute.POST(new Request(`${ORIGIN}/api/auth/${path}`, init), { params: Promise.resolve({ nextauth }) });
}

/** The sign-in form's two requests (CSRF token, then credentials), as next-auth's client sends them. */
async function signInThroughRoute(email: string, password: string, headers: Record<string, string>): Promise<{ ok: boolean; error: string | null }> {
  const csrf = await nextAuthRoute.GET(new Request(`${ORIGIN}/api/auth/csrf`, { headers }), { params: Promise.resolve({ nextauth: ["csrf"] }) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await callAuth("callback/credentials", {
    method: "POST",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${ORIGIN}/` }),
  });
  const url = new URL(((await response.json()) as { url: string }).url);
  const error = url.searchParams.get("error");
  // next-auth answers a refused sign-in 401, with the reason in the URL it sends the form to.
  expect(response.status).toBe(error === null ? 200 : 401);
  const hasSession = response.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="));
  return { ok: error === null && hasSession, error };
}

describe("attacks on sign-in limits", () => {
  it("five wrong passwords, each with a different X-Forwarded-For, no longer lock the owner out, nor get past the limit", async () => {
    const owner = await createUser(db, "Teacher", { password: OWNER_PASSWORD });
    const attacker = "203.0.113.66";
    for (let i = 0; i < MAX_FAILURES_PER_PAIR; i++) {
      const result = await signInThroughRoute(owner.email, `guess ${i}`, fromAddress(attacker, { "x-forwarded-for": `198.51.100.${i + 1}` }));
      expect(result.error).toMatch(/do not match/);
    }
    // The forged header changed nothing: the attacker's own address is spent...
    const next = await signInThroughRoute(owner.email, "guess 6", fromAddress(attacker, { "x-forwarded-for": "198.51.100.99" }));
    expect(next.error).toMatch(/Too many failed sign-ins\. Try again in \d+ seconds\./);
    expect(await db.signInAttempt.count({ where: { email: owner.email, ip: { not: attacker } } })).toBe(0);
    // ...and the owner, from their own address, signs in at once.
    expect(await signInThroughRoute(owner.email, OWNER_PASSWORD, fromAddress("192.0.2.10"))).toEqual({ ok: true, error: null });
  });

  it("rotating X-Forwarded-For no longer gets past the per-address limit across accounts", async () => {
    const attacker = "203.0.113.77";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await signIn({ email: `victim-${i}@example.test`, password: "Password1!" }, attacker).catch(() => undefined);
    }
    const victim = await createUser(db, "Victim", { password: OWNER_PASSWORD });
    const result = await signInThroughRoute(victim.email, OWNER_PASSWORD, fromAddress(attacker, { "x-forwarded-for": "198.51.100.200" }));
    expect(result.error).toMatch(/Too many failed sign-ins/);
  });

  it("guesses spread over many addresses no longer lock the owner out of an address they have signed in from", async () => {
    const owner = await createUser(db, "Spread", { password: OWNER_PASSWORD });
    const home = "192.0.2.20";
    await signIn({ email: owner.email, password: OWNER_PASSWORD }, home);
    // A botnet's failures, one per address, as many as the account-wide ceiling.
    await db.signInAttempt.createMany({ data: Array.from({ length: MAX_FAILURES_PER_ACCOUNT }, (_, i) => ({ email: owner.email, ip: `100.64.${i >> 8}.${i & 255}`, succeeded: false })) });
    // A new address is slowed down for this account...
    await expect(signIn({ email: owner.email, password: "one more guess" }, "100.65.0.1")).rejects.toThrow(/Too many failed sign-ins/);
    // ...the owner's own is not.
    await expect(signIn({ email: owner.email, password: OWNER_PASSWORD }, home)).resolves.toMatchObject({ id: owner.id });
  });

  it("twenty concurrent wrong guesses no longer all get through before the counter moves", async () => {
    const owner = await createUser(db, "Concurrent", { password: OWNER_PASSWORD });
    vi.mocked(argon2.verify).mockClear();
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => signIn({ email: owner.email, password: `guess ${i}` }, "203.0.113.88")));
    const messages = results.map((r) => (r.status === "rejected" ? String((r.reason as Error).message) : "signed in"));
    const evaluated = messages.filter((m) => /do not match/.test(m)).length;
    expect(evaluated).toBe(MAX_FAILURES_PER_PAIR);
    expect(messages.filter((m) => /Too many failed sign-ins/.test(m))).toHaveLength(20 - MAX_FAILURES_PER_PAIR);
    expect(vi.mocked(argon2.verify)).toHaveBeenCalledTimes(MAX_FAILURES_PER_PAIR);
    expect(await db.signInAttempt.count({ where: { email: owner.email } })).toBe(MAX_FAILURES_PER_PAIR);
  });
});

describe("attacks that enumerate accounts", () => {
  it("sign-up no longer answers 409 for a registered email: the same status and body as for a new one", async () => {
    const registered = await createUser(db, "Registered", { password: OWNER_PASSWORD });
    const post = (email: string) => usersRoute.POST(new Request(`${ORIGIN}/api/users`, { method: "POST", headers: { "content-type": "application/json", ...fromAddress("192.0.2.30") }, body: JSON.stringify({ name: "Curious", email, password: "a long enough password" }) }));
    const [known, unknown] = [await post(registered.email), await post("fresh-address@example.test")];
    expect(known.status).toBe(unknown.status);
    const [knownBody, unknownBody] = [(await known.json()) as { user: Record<string, unknown> }, (await unknown.json()) as { user: Record<string, unknown> }];
    expect(Object.keys(knownBody.user).sort()).toEqual(Object.keys(unknownBody.user).sort());
    expect(knownBody).toEqual({ user: { name: "Curious", email: registered.email } });
    // The registered account is unchanged: its own password still works, the new one does not.
    await expect(signIn({ email: registered.email, password: OWNER_PASSWORD }, "192.0.2.30")).resolves.toMatchObject({ id: registered.id });
    await expect(signIn({ email: registered.email, password: "a long enough password" }, "192.0.2.31")).rejects.toThrow(/do not match/);
  });

  it("sign-in for an unknown email is no longer spared the password hash verification", async () => {
    await expect(signIn({ email: "nobody-here@example.test", password: "some password" }, "192.0.2.40")).rejects.toThrow(/do not match/);
    expect(vi.mocked(argon2.verify)).toHaveBeenCalledTimes(1);
    const [hash] = vi.mocked(argon2.verify).mock.calls[0]!;
    expect(String(hash)).toMatch(/^\$argon2id\$/);
  });
});

describe("attacks by volume on sign-up", () => {
  it("sign-ups from one address are no longer unlimited: 429 with the seconds to wait, other addresses unaffected", async () => {
    const crowded = "203.0.113.99";
    await db.signUpAttempt.createMany({ data: Array.from({ length: MAX_SIGN_UPS_PER_ADDRESS - 1 }, () => ({ ip: crowded })) });
    const post = (address: string, email: string) => usersRoute.POST(jsonRequestFrom(address, { name: "Flood", email, password: "a long enough password" }));
    expect((await post(crowded, "last-one@example.test")).status).toBe(201);
    const users = await db.user.count();
    const refused = await post(crowded, "one-too-many@example.test");
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { message: string }).message).toMatch(/Try again in \d+ seconds\./);
    expect(await db.user.count()).toBe(users);
    expect((await post("192.0.2.50", "elsewhere@example.test")).status).toBe(201);
  });
});

function jsonRequestFrom(address: string, body: unknown): Request {
  const request = jsonRequest("POST", `${ORIGIN}/api/users`, body);
  request.headers.set(CLIENT_ADDRESS_HEADER, address);
  return request;
}

describe("attacks with next", () => {
  it("/signin?next=/%5Cevil.example no longer sends the browser to another site", () => {
    for (const query of ["next=/%5Cevil.example", "next=%2F%5Cevil.example", "next=/%09/evil.example", "next=//evil.example", "next=/%255C%255Cevil.example", "next=https:evil.example"]) {
      const next = safeNext(new URLSearchParams(query).get("next") ?? undefined);
      expect(new URL(next, `${ORIGIN}/signin?${query}`).origin, query).toBe(ORIGIN);
    }
  });
});

describe("attacks on next-auth's routes with malformed requests", () => {
  const credentials = (init: RequestInit) => callAuth("callback/credentials", { method: "POST", ...init });

  it("a JSON body that does not parse, sent without any session, no longer gets a 500", async () => {
    const response = await credentials({ headers: { "content-type": "application/json" }, body: '{"email": "a@example.test", "password": ' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe("BAD_REQUEST");
  });

  it("wrong content types, huge bodies, JSON that is not an object of text and a missing CSRF token get a 4xx", async () => {
    const before = await db.signInAttempt.count();
    const cases: [string, RequestInit, number][] = [
      ["no content type", { body: "email=a" }, 400],
      ["text/plain", { headers: { "content-type": "text/plain" }, body: "email=a" }, 400],
      ["multipart", { headers: { "content-type": "multipart/form-data; boundary=x" }, body: "--x--" }, 400],
      ["huge form", { headers: { "content-type": "application/x-www-form-urlencoded" }, body: `email=${"a".repeat(5_000_000)}` }, 413],
      ["JSON array", { headers: { "content-type": "application/json" }, body: "[1,2]" }, 400],
      ["JSON null", { headers: { "content-type": "application/json" }, body: "null" }, 400],
      ["JSON number field", { headers: { "content-type": "application/json" }, body: '{"csrfToken": 1, "email": {"a": 1}}' }, 400],
      ["invalid UTF-8", { headers: { "content-type": "application/json" }, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, 400],
      ["no CSRF token", { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=a%40example.test&password=x" }, 403],
    ];
    for (const [name, init, status] of cases) {
      const response = await credentials(init);
      expect(response.status, name).toBe(status);
    }
    expect(await db.signInAttempt.count()).toBe(before);
  });

  it("a CSRF token that does not match gets no session and no 5xx", async () => {
    const response = await credentials({ headers: { "content-type": "application/x-www-form-urlencoded" }, body: "csrfToken=forged&email=a%40example.test&password=x&json=true" });
    expect(response.status).toBeLessThan(500);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(false);
  });

  it("any body, content type and path under /api/auth gets an answer below 500 and starts no sign-in", async () => {
    const before = await db.signInAttempt.count();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("callback/credentials", "signin/credentials", "signout", "session", "_log", "csrf", "providers", "nope", "callback/nope", "callback/credentials/extra"),
        fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "application/json; charset=utf-8", ""),
        fc.oneof(fc.string(), fc.json(), fc.dictionary(fc.string(), fc.string()).map((d) => new URLSearchParams(d).toString())),
        async (path, type, body) => {
          const response = await callAuth(path, { method: "POST", headers: type ? { "content-type": type } : {}, body });
          expect(response.status, `${path} ${type} ${body}`).toBeLessThan(500);
        },
      ),
      { seed: 12, numRuns: 150 },
    );
    expect(await db.signInAttempt.count()).toBe(before);
  });
});
