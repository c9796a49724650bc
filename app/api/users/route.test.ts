import { describe, expect, it } from "vitest";

import { verifyPassword } from "@/lib/server/auth/passwords";
import { testDatabase } from "@/test/database";
import { expectError, jsonRequest } from "@/test/session";

import { POST } from "./route";

const prisma = testDatabase();

function signUp(body: unknown): Promise<Response> {
  return POST(jsonRequest("POST", "http://localhost/api/users", body));
}

/** Runs a refused sign-up and checks that no account was made. */
async function expectNoNewUser(write: () => Promise<Response>): Promise<Response> {
  const before = await prisma.user.count();
  const response = await write();
  expect(await prisma.user.count()).toBe(before);
  return response;
}

describe("POST /api/users", () => {
  it("signs up without a session, answers 201 with the account, and keeps only an argon2id hash of the password", async () => {
    const response = await signUp({ name: "  Ani Petrosyan ", email: " Ani@Example.TEST ", password: "correct horse battery" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: Record<string, unknown> };
    expect(body.user).toEqual({ name: "Ani Petrosyan", email: "ani@example.test" });
    expect(JSON.stringify(body)).not.toContain("password");

    const row = await prisma.user.findUniqueOrThrow({ where: { email: "ani@example.test" } });
    expect(row.email).toBe("ani@example.test");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("correct horse battery");
    expect(await verifyPassword(row.passwordHash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(row.passwordHash, "wrong horse battery")).toBe(false);
  });

  it("accepts a password of exactly 10 characters", async () => {
    const response = await signUp({ name: "Ten", email: "ten@example.test", password: "0123456789" });
    expect(response.status).toBe(201);
  });

  // Before, a registered email got a 409 "already exists": anyone could test which emails have accounts.
  it("answers an email already registered, whatever its case, exactly as a new one, and changes nothing", async () => {
    const before = await prisma.user.findUniqueOrThrow({ where: { email: "ani@example.test" } });
    const response = await expectNoNewUser(() => signUp({ name: "Someone else", email: "ANI@example.test", password: "another password" }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ user: { name: "Someone else", email: "ani@example.test" } });
    // The first account is untouched.
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "ani@example.test" } })).toEqual(before);
  });

  it("answers 422 for a password under 10 characters", async () => {
    const response = await expectNoNewUser(() => signUp({ name: "Short", email: "short@example.test", password: "012345678" }));
    const body = await expectError(response, 422, "VALIDATION");
    expect(body.fieldErrors?.password).toEqual(["Use at least 10 characters."]);
  });

  it("answers 422 for an invalid email, an empty name, or missing fields", async () => {
    let body = await expectError(await expectNoNewUser(() => signUp({ name: "Bad", email: "not-an-email", password: "long enough password" })), 422, "VALIDATION");
    expect(body.fieldErrors?.email).toEqual(["Enter a valid email address."]);

    body = await expectError(await expectNoNewUser(() => signUp({ name: "   ", email: "blank@example.test", password: "long enough password" })), 422, "VALIDATION");
    expect(body.fieldErrors?.name).toEqual(["Enter a display name."]);

    body = await expectError(await expectNoNewUser(() => signUp({})), 422, "VALIDATION");
    expect(Object.keys(body.fieldErrors ?? {}).sort()).toEqual(["email", "name", "password"]);
  });

  it("answers 400 for malformed JSON", async () => {
    const body = await expectError(await expectNoNewUser(() => signUp('{"name": "Half", "email": ')), 400, "BAD_REQUEST");
    expect(body.message).toMatch(/not valid JSON/);
  });

  // PostgreSQL rejects U+0000 in text columns, so the schema must refuse it first.
  it("refuses a NUL character in the name with a 4xx, not 500", async () => {
    const response = await expectNoNewUser(() => signUp({ name: "Nul\u0000Name", email: "nul@example.test", password: "long enough password" }));
    expect(response.status).toBeLessThan(500);
  });
});
