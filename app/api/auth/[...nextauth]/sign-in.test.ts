import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { signIn } from "@/lib/server/auth/sign-in";
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_PAIR } from "@/lib/server/auth/sign-in-limit";
import { db } from "@/lib/server/db";

import { createUser } from "@/test/session";

// The credentials provider's authorize() calls signIn; these tests drive it on the real database.
describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one with the same words for unknown accounts", async () => {
    const user = await createUser(db, "Right", { password: "a long enough password" });
    await expect(signIn({ email: user.email, password: "a long enough password" }, "10.0.0.1")).resolves.toMatchObject({ id: user.id });
    await expect(signIn({ email: user.email, password: "wrong password" }, "10.0.0.1")).rejects.toThrow("do not match");
    await expect(signIn({ email: "nobody@example.test", password: "whatever" }, "10.0.0.1")).rejects.toThrow("do not match");
  });

  // Before, failures from any address locked the account everywhere, so anyone could lock its owner out.
  it("slows down repeated failures for one account from one address with a try-again-in message, and only there", async () => {
    const user = await createUser(db, "Guessed", { password: "the real password" });
    for (let i = 0; i < MAX_FAILURES_PER_PAIR; i++) {
      await expect(signIn({ email: user.email, password: `guess ${i}` }, "10.1.0.1")).rejects.toThrow("do not match");
    }
    const refusal = await signIn({ email: user.email, password: "the real password" }, "10.1.0.1").catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe("LIMIT_EXCEEDED");
    expect((refusal as AppError).message).toMatch(/Try again in \d+ seconds\./);
    // The refused attempt was not even checked, so it is not recorded as a failure or success.
    expect(await db.signInAttempt.count({ where: { email: user.email } })).toBe(MAX_FAILURES_PER_PAIR);
    await expect(signIn({ email: user.email, password: "the real password" }, "10.1.1.1")).resolves.toMatchObject({ id: user.id });
  });

  it("slows down repeated failures from one address across accounts", async () => {
    const ip = "10.2.0.1";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await signIn({ email: `someone${i}@example.test`, password: "nope" }, ip).catch(() => undefined);
    }
    const user = await createUser(db, "Other", { password: "the real password" });
    await expect(signIn({ email: user.email, password: "the real password" }, ip)).rejects.toThrow(/Too many failed sign-ins/);
    await expect(signIn({ email: user.email, password: "the real password" }, "10.2.0.2")).resolves.toMatchObject({ id: user.id });
  });

  it("never stores the password itself", async () => {
    const user = await createUser(db, "Hashed", { password: "plain text never stored" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("plain text");
  });
});
