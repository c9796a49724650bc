import { describe, expect, it } from "vitest";

import type { TEventType, TLiveEvent } from "@/lib/schemas/debate-event";

import { describeLiveChanges } from "./describe-live-changes";

let nextId = 1;
const event = (type: TEventType, entityId: string, isYours = false): TLiveEvent => ({ id: String(nextId++), type, entityId, status: "approved", isYours });

describe("describeLiveChanges", () => {
  it("counts each kind of change once per item, in a fixed order", () => {
    const events = [event("node.updated", "a"), event("node.created", "b"), event("node.updated", "a"), event("node.created", "c"), event("relation.created", "r")];
    expect(describeLiveChanges(events)).toBe("Map updated: 2 new statements, 1 statement edited, 1 new link.");
  });

  it("names single and several removals, approvals and rejections", () => {
    expect(describeLiveChanges([event("node.deleted", "a")])).toBe("Map updated: 1 statement removed.");
    expect(describeLiveChanges([event("node.approved", "a"), event("node.approved", "b"), event("node.rejected", "c"), event("relation.deleted", "r")])).toBe(
      "Map updated: 2 statements approved, 1 statement rejected, 1 link removed.",
    );
  });

  it("leaves out the viewer's own additions, edits and deletions, but tells them a moderator's decision on their item", () => {
    expect(describeLiveChanges([event("node.created", "a", true), event("node.updated", "a", true)])).toBeNull();
    expect(describeLiveChanges([event("node.created", "a", true), event("node.approved", "a", true)])).toBe("Map updated: 1 statement approved.");
  });

  it("says nothing for changes the map does not show", () => {
    expect(describeLiveChanges([event("debate.updated", "d"), event("member.joined", "m"), event("team.updated", "t")])).toBeNull();
    expect(describeLiveChanges([])).toBeNull();
  });
});
