import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";

let keys: typeof import("./author-key");

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", "unit-tests-only-secret");
  keys = await import("./author-key");
});

const SEED = { seed: 12, numRuns: 300 };

describe("authorKey", () => {
  it("gives one person one id per debate: the same on every call, another in every other debate", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.uuid(), (debateA, debateB, user) => {
        fc.pre(debateA !== debateB);
        const inA = keys.authorKey(debateA, user);
        expect(keys.authorKey(debateA, user)).toBe(inA);
        expect(keys.authorKeys(debateA)(user)).toBe(inA);
        expect(keys.authorKey(debateB, user)).not.toBe(inA);
      }),
      SEED,
    );
  });

  it("gives two people of one debate two ids, neither of which contains their account id", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.uuid(), (debate, one, other) => {
        fc.pre(one !== other);
        const key = keys.authorKey(debate, one);
        expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(key).not.toBe(keys.authorKey(debate, other));
        expect(key.toLowerCase()).not.toContain(one.slice(0, 8).toLowerCase());
      }),
      SEED,
    );
  });

  it("refuses to make ids without the secret, rather than make guessable ones", async () => {
    vi.resetModules();
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const fresh = await import("./author-key");
    expect(() => fresh.authorKey("8d1f6a36-4c57-4a8e-9a55-2f4d7c1b0e93", "2b7e1516-28ae-4d2a-abf7-158809cf4f3c")).toThrow(/NEXTAUTH_SECRET is not set/);
    vi.stubEnv("NEXTAUTH_SECRET", "unit-tests-only-secret");
  });

  it("names the author of a node or relation by their id in the debate, and leaves no author as none", () => {
    const debate = "8d1f6a36-4c57-4a8e-9a55-2f4d7c1b0e93";
    const user = "2b7e1516-28ae-4d2a-abf7-158809cf4f3c";
    expect(keys.withAuthorKey(debate, { id: "n", authorId: user })).toEqual({ id: "n", authorId: keys.authorKey(debate, user) });
    expect(keys.withAuthorKey(debate, { id: "n", authorId: null })).toEqual({ id: "n", authorId: null });
  });
});
