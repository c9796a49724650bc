import { describe, expect, it } from "vitest";

import { describeAudit } from "./audit-wording";

describe("describeAudit", () => {
  it.each([
    ["member.joined", { userId: "u", name: "Nora", role: "participant" }, "joined the debate", "as participant"],
    ["member.role-changed", { userId: "u", name: "Pat", from: "participant", to: "moderator" }, "changed a member's role", "Pat: participant → moderator"],
    ["member.team-changed", { userId: "u", name: "Pat", from: null, to: "Team A" }, "changed a member's team", "Pat: no team → Team A"],
    ["member.removed", { userId: "u", name: "Lea", role: "viewer", team: null }, "removed a member", "Lea (viewer)"],
    ["team.created", { teamId: "t", name: "Team A", colour: "#B42318", perspective: "armenian" }, "created a team", "Team A · Red · argues the Armenian case"],
    [
      "team.updated",
      { teamId: "t", name: "Judges", changes: { name: { from: "Team C", to: "Judges" }, perspective: { from: "armenian", to: "neutral" } } },
      "changed a team",
      "Judges: renamed from Team C; now adjudicates as neutral (was Armenian)",
    ],
    ["team.deleted", { teamId: "t", name: "Team A", perspective: "armenian", members: 1, statements: 0 }, "deleted a team", "Team A (1 member, 0 statements)"],
    [
      "teams.sides-swapped",
      { teams: [{ teamId: "a", name: "Team A", from: "armenian", to: "azerbaijani" }, { teamId: "b", name: "Team B", from: "azerbaijani", to: "armenian" }] },
      "swapped sides",
      "Team A now argues the Azerbaijani case; Team B now argues the Armenian case",
    ],
    ["join-code.regenerated", { joinRole: "viewer" }, "made a new join code; the previous one no longer works", "people who join become viewers"],
    ["join-code.disabled", null, "turned the join code off", null],
    ["debate.settings-changed", { moderationMode: { from: "open", to: "premoderated" }, anonymous: { from: false, to: true } }, "changed the settings", "moderation open → pre-moderated; anonymity off → on"],
    ["debate.phase-changed", { from: "open", to: "closed" }, "changed the phase", "open → closed"],
    ["debate.created", { moderationMode: "premoderated" }, "created the debate", "contributions pre-moderated"],
    ["debate.import", { format: "json", fileName: "lachin.json" }, "imported the debate", "from lachin.json (json)"],
    ["node.rejected", { reason: "No source." }, "rejected a statement", "reason: No source."],
    ["revision.redacted", { nodeId: "n", revisionId: "r", version: 3, reason: "Personal details" }, "redacted the text of a statement's revision", "version 3; reason: Personal details"],
    ["revision.redacted", { nodeId: "n", revisionId: "r", version: 2, reason: null }, "redacted the text of a statement's revision", "version 2"],
  ])("tells %s in words", (action, detail, summary, words) => {
    expect(describeAudit(action, detail)).toEqual({ summary, detail: words });
  });

  it("leaves out a detail it cannot read, and names an unknown action as it is", () => {
    expect(describeAudit("member.role-changed", { name: "Pat" })).toEqual({ summary: "changed a member's role", detail: null });
    expect(describeAudit("debate.renamed", { title: "x" })).toEqual({ summary: "debate.renamed", detail: null });
  });
});
