import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it, vi } from "vitest";

import { resolveAuthSecret } from "./auth-secret";

describe("resolveAuthSecret", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("makes a secret on first run, keeps it private in the data folder, and reuses it", () => {
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("DEPLOYMENT", "");
    const dir = mkdtempSync(path.join(tmpdir(), "secret-"));
    const first = resolveAuthSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(readFileSync(path.join(dir, "auth-secret"), "utf8").trim()).toBe(first);
    expect(statSync(path.join(dir, "auth-secret")).mode & 0o077).toBe(0);
    expect(resolveAuthSecret(dir)).toBe(first);
  });

  it("prefers NEXTAUTH_SECRET", () => {
    vi.stubEnv("NEXTAUTH_SECRET", "from-the-environment");
    expect(resolveAuthSecret(mkdtempSync(path.join(tmpdir(), "secret-")))).toBe("from-the-environment");
  });

  it("stops a deployment that has no secret", () => {
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("DEPLOYMENT", "production");
    expect(() => resolveAuthSecret(mkdtempSync(path.join(tmpdir(), "secret-")))).toThrow(/NEXTAUTH_SECRET is not set/);
  });
});
