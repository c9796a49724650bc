import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { seenRevision } from "./seen-revision";

const STATUSES = ["pending", "approved", "rejected"] as const;
const snapshot = fc.option(fc.record({ text: fc.string(), status: fc.constantFrom(...STATUSES) }, { requiredKeys: ["text"] }), { nil: null });
const revision = fc.record({
  entityType: fc.constant("node"),
  before: snapshot,
  after: snapshot,
  reason: fc.option(fc.string(), { nil: null }),
  redactedAt: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
});

const status = (s: unknown) => (typeof s === "object" && s !== null && "status" in s ? s.status : undefined);

describe("seenRevision", () => {
  it("shows a person who does not see the whole history only approved states, and no reason beside a hidden one", () => {
    fc.assert(
      fc.property(revision, fc.boolean(), (r, redacted) => {
        const seen = seenRevision(r, { whole: false, redacted });
        if (seen === null) return;
        for (const side of [seen.before, seen.after]) if (side !== null) expect(status(side)).toBe("approved");
        if (seen.after === null) expect(seen.reason).toBeNull();
      }),
    );
  });

  it("drops a revision with no public state for them, and keeps both sides of a public one", () => {
    const pending = { text: "proposed", status: "pending" };
    const approved = { text: "published", status: "approved" };
    expect(seenRevision({ entityType: "node", before: pending, after: pending, reason: null, redactedAt: null }, { whole: false, redacted: false })).toBeNull();
    expect(seenRevision({ entityType: "node", before: null, after: { text: "no status" }, reason: null, redactedAt: null }, { whole: false, redacted: false })).toBeNull();
    expect(seenRevision({ entityType: "node", before: approved, after: approved, reason: null, redactedAt: null }, { whole: false, redacted: false })).toMatchObject({ before: approved, after: approved });
  });

  it("gives redacted text to whoever reads redactions (the owner) and to nobody else, whole history or not", () => {
    fc.assert(
      fc.property(revision, fc.boolean(), (r, whole) => {
        const hidden = seenRevision(r, { whole, redacted: false });
        if (r.redactedAt && hidden) expect([hidden.before, hidden.after, hidden.reason]).toEqual([null, null, null]);
        if (whole) expect(seenRevision(r, { whole, redacted: true })).toEqual(r);
      }),
    );
  });

  it("hides a link's state naming a linked group not in sight, and its other changes but a non-approved status", () => {
    const groups = new Set(["g1"]);
    const sight = { whole: false, redacted: false, groups };
    const link = (before: unknown, after: unknown) => ({ entityType: "relation", before, after, reason: null, redactedAt: null }) as Parameters<typeof seenRevision>[0];
    expect(seenRevision(link({ groupId: null }, { groupId: "g2" }), sight)).toMatchObject({ before: { groupId: null }, after: null });
    expect(seenRevision(link({ groupId: null }, { groupId: "g1" }), sight)).toMatchObject({ after: { groupId: "g1" } });
    expect(seenRevision(link(null, { fromId: "a", toId: "b", type: "supports", groupId: null }), sight)).toMatchObject({ after: { fromId: "a" } });
    expect(seenRevision(link({ status: "pending" }, { status: "rejected" }), sight)).toBeNull();
  });
});
