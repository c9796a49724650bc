import { describe, expect, it } from "vitest";

import { can, moderationModeOf, needsModeration, type DebateState } from "./can";

const open: DebateState = { phase: "open", hasOwner: false };
const owned: DebateState = { phase: "open", hasOwner: true };
const me = { userId: "u1", role: null };

describe("can", () => {
  it("lets anyone read", () => {
    expect(can(null, "debate:read", owned).allowed).toBe(true);
  });

  it("asks the anonymous to sign in before any write", () => {
    expect(can(null, "node:create", open)).toMatchObject({ allowed: false, code: "UNAUTHORIZED" });
  });

  it("opens a debate without owner to every signed-in person, an owned one to members", () => {
    expect(can(me, "node:create", open).allowed).toBe(true);
    expect(can(me, "node:create", owned)).toMatchObject({ allowed: false, code: "FORBIDDEN" });
    expect(can({ userId: "u1", role: "participant" }, "node:create", owned).allowed).toBe(true);
  });

  it("lets only the author edit or delete, unless a moderator or owner", () => {
    expect(can(me, "node:update", open, { authorId: "u1" }).allowed).toBe(true);
    expect(can(me, "node:update", open, { authorId: "u2" })).toMatchObject({ allowed: false, code: "FORBIDDEN" });
    expect(can(me, "node:delete", open, { authorId: null }).allowed).toBe(false);
    expect(can({ userId: "u1", role: "moderator" }, "node:delete", owned, { authorId: "u2" }).allowed).toBe(true);
  });

  it("refuses writes in closed debates but to the owner, and in archived ones to all", () => {
    const closed: DebateState = { phase: "closed", hasOwner: true };
    expect(can({ userId: "u1", role: "participant" }, "node:create", closed)).toMatchObject({ allowed: false, reason: expect.stringContaining("closed") });
    expect(can({ userId: "u1", role: "owner" }, "node:create", closed).allowed).toBe(true);
    expect(can({ userId: "u1", role: "owner" }, "node:create", { phase: "archived", hasOwner: true }).allowed).toBe(false);
  });

  it("lets the owner and moderators redact a revision in every phase, and nobody else", () => {
    for (const phase of ["open", "closed", "archived"] as const) {
      for (const role of ["owner", "moderator"] as const) expect(can({ userId: "u1", role }, "revision:redact", { phase, hasOwner: true }).allowed).toBe(true);
      for (const role of ["participant", "viewer", null] as const) expect(can({ userId: "u1", role }, "revision:redact", { phase, hasOwner: true })).toMatchObject({ allowed: false, code: "FORBIDDEN" });
    }
    expect(can(null, "revision:redact", owned)).toMatchObject({ allowed: false, code: "UNAUTHORIZED" });
  });

  it("keeps viewers read-only", () => {
    expect(can({ userId: "u1", role: "viewer" }, "relation:create", owned).allowed).toBe(false);
  });
});

describe("moderationModeOf", () => {
  it("pre-moderates a debate without an owner, whatever its stored mode, so a stranger's contribution waits", () => {
    expect(moderationModeOf({ moderationMode: "open", hasOwner: false })).toBe("premoderated");
    expect(needsModeration("participant", moderationModeOf({ moderationMode: "open", hasOwner: false }))).toBe(true);
    // A site administrator acts as its owner.
    expect(needsModeration("owner", moderationModeOf({ moderationMode: "open", hasOwner: false }))).toBe(false);
  });

  it("keeps the owner's choice on an owned debate", () => {
    expect(moderationModeOf({ moderationMode: "open", hasOwner: true })).toBe("open");
    expect(moderationModeOf({ moderationMode: "premoderated", hasOwner: true })).toBe("premoderated");
  });
});
