import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { ZAuditPage } from "@/lib/schemas/audit";
import { ZSignedUp } from "@/lib/schemas/auth";
import { ZDashboard } from "@/lib/schemas/dashboard";
import { ZCreatedDebate } from "@/lib/schemas/debate";
import { ZDebateSettings } from "@/lib/schemas/debate-settings";
import { ZImportResult } from "@/lib/schemas/import";
import { ZJoinCodeState, ZJoinedDebate } from "@/lib/schemas/join";
import { ZCreatedNode, ZMapDocument, ZMapNode } from "@/lib/schemas/map";
import { ZMemberList, ZRemovedMember, ZUpdatedMember } from "@/lib/schemas/member";
import { ZModerationDecisionResult, ZModerationQueue } from "@/lib/schemas/moderation";
import { ZDeletedNode } from "@/lib/schemas/node";
import { ZCreatedRelation } from "@/lib/schemas/relation";
import { ZRedactedRevision, ZRevisionList } from "@/lib/schemas/revision";
import { ZDeletedTeam, ZTeamAnswer, ZTeamList } from "@/lib/schemas/team";
import { testDatabase } from "@/test/database";
import { callRoute, ownedDebate } from "@/test/owned-debate";
import { jsonRequest } from "@/test/session";

import * as audit from "./debates/[slug]/audit/route";
import * as dashboard from "./debates/[slug]/dashboard/route";
import * as exportRoute from "./debates/[slug]/export/route";
import * as joinCode from "./debates/[slug]/join-code/route";
import * as member from "./debates/[slug]/members/[userId]/route";
import * as members from "./debates/[slug]/members/route";
import * as decisions from "./debates/[slug]/moderation/decisions/route";
import * as moderation from "./debates/[slug]/moderation/route";
import * as redact from "./debates/[slug]/nodes/[nodeId]/revisions/[revisionId]/redact/route";
import * as revisions from "./debates/[slug]/nodes/[nodeId]/revisions/route";
import * as node from "./debates/[slug]/nodes/[nodeId]/route";
import * as nodes from "./debates/[slug]/nodes/route";
import * as relations from "./debates/[slug]/relations/route";
import * as map from "./debates/[slug]/route";
import * as settings from "./debates/[slug]/settings/route";
import * as team from "./debates/[slug]/teams/[teamId]/route";
import * as swapSides from "./debates/[slug]/teams/swap-sides/route";
import * as teams from "./debates/[slug]/teams/route";
import * as importRoute from "./debates/import/route";
import * as debates from "./debates/route";
import * as join from "./join/route";
import * as users from "./users/route";

/**
 * Every answer the browser's API client reads, from the real handlers, read
 * with the schema the client checks it with: the schema accepts it and keeps
 * every field (nothing the server sends is unknown to the client).
 */

const prisma = testDatabase();
const debate = ownedDebate(prisma, "contract-debate");

/** The answer read with `schema`, which must keep every field but those named in `unread` ("article.createdAt"). */
async function answerOf<S extends z.ZodType>(response: Response | Promise<Response>, status: number, schema: S, unread: string[] = []): Promise<z.output<S>> {
  const answered = await response;
  const body = (await answered.json()) as Record<string, unknown>;
  expect(answered.status, JSON.stringify(body)).toBe(status);
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  const expected = structuredClone(body);
  for (const path of unread) {
    const [parent, field] = path.split(".") as [string, string];
    delete (expected[parent] as Record<string, unknown>)[field];
  }
  expect(parsed.data).toEqual(expected);
  return schema.parse(body);
}

const at = (path: string, params: Record<string, string> = {}) => ({ path: `/api/debates/${debate.slug}${path}`, params: { slug: debate.slug, ...params } });

describe("the answers the API client reads", () => {
  const owner = () => debate.people.owner.cookie;
  const participant = () => debate.people.participant.cookie;

  it("match their schemas along a whole debate's work", async () => {
    await answerOf(map.GET(new Request(`http://localhost/api/debates/${debate.slug}`, { headers: { cookie: owner() } }), { params: Promise.resolve({ slug: debate.slug }) }), 200, ZMapDocument, [
      // Sent, and read by nobody in the browser: the Article schema leaves it out.
      "article.createdAt",
    ]);
    await answerOf(callRoute(settings.PATCH, { method: "PATCH", ...at("/settings"), body: { moderationMode: "premoderated" }, cookie: owner() }), 200, ZDebateSettings);

    const { team: made } = await answerOf(callRoute(teams.POST, { method: "POST", ...at("/teams"), body: { name: "Team A", colour: "#B42318", perspective: "armenian" }, cookie: owner() }), 201, ZTeamAnswer);
    await answerOf(callRoute(team.PATCH, { method: "PATCH", ...at(`/teams/${made.id}`, { teamId: made.id }), body: { name: "Team B" }, cookie: owner() }), 200, ZTeamAnswer);
    await answerOf(callRoute(swapSides.POST, { method: "POST", ...at("/teams/swap-sides"), cookie: owner() }), 200, ZTeamList);

    const { members: listed } = await answerOf(callRoute(members.GET, { method: "GET", ...at("/members"), cookie: owner() }), 200, ZMemberList);
    expect(listed.length).toBeGreaterThan(0);
    const participantId = debate.people.participant.id;
    await answerOf(callRoute(member.PATCH, { method: "PATCH", ...at(`/members/${participantId}`, { userId: participantId }), body: { teamId: made.id }, cookie: owner() }), 200, ZUpdatedMember);

    const { joinCode: code } = await answerOf(callRoute(joinCode.POST, { method: "POST", ...at("/join-code"), cookie: owner() }), 200, ZJoinCodeState);
    await answerOf(join.POST(jsonRequest("POST", "http://localhost/api/join", { code }, debate.people.outsider.cookie)), 200, ZJoinedDebate);
    await answerOf(callRoute(joinCode.DELETE, { method: "DELETE", ...at("/join-code"), cookie: owner() }), 200, ZJoinCodeState);

    const rebuttal = { kind: "rebuttal", text: "The report counts only one month.", link: { type: "attacks", targetId: debate.claimId }, sources: [{ sourceId: debate.sourceId }] };
    const created = await answerOf(callRoute(nodes.POST, { method: "POST", ...at("/nodes"), body: rebuttal, cookie: participant() }), 201, ZCreatedNode);
    expect(created.node.status).toBe("pending");
    const queue = await answerOf(callRoute(moderation.GET, { method: "GET", ...at("/moderation"), cookie: owner() }), 200, ZModerationQueue);
    const item = queue.items.find((i) => i.id === created.node.id)!;
    const { decided } = await answerOf(callRoute(decisions.POST, { method: "POST", ...at("/moderation/decisions"), body: { decision: "approve", items: [{ type: "node", id: item.id, version: item.version }] }, cookie: owner() }), 200, ZModerationDecisionResult);
    await answerOf(callRoute(relations.POST, { method: "POST", ...at("/relations"), body: { fromId: created.node.id, toId: debate.thesisId, type: "attacks" }, cookie: owner() }), 201, ZCreatedRelation);

    const nodeAt = (path = "", params: Record<string, string> = {}) => at(`/nodes/${created.node.id}${path}`, { nodeId: created.node.id, ...params });
    const edited = await answerOf(callRoute(node.PATCH, { method: "PATCH", ...nodeAt(), body: { text: "The report counts only one month of traffic.", version: decided[0]!.version }, cookie: participant() }), 200, ZMapNode);
    const history = await answerOf(callRoute(revisions.GET, { method: "GET", ...nodeAt("/revisions"), cookie: owner() }), 200, ZRevisionList);
    const first = history.revisions.at(-1)!;
    await answerOf(callRoute(redact.POST, { method: "POST", ...nodeAt(`/revisions/${first.id}/redact`, { revisionId: first.id }), body: { reason: "Names a pupil." }, cookie: owner() }), 200, ZRedactedRevision);
    await answerOf(callRoute(revisions.GET, { method: "GET", ...nodeAt("/revisions"), cookie: owner() }), 200, ZRevisionList);

    await answerOf(callRoute(dashboard.GET, { method: "GET", ...at("/dashboard"), cookie: owner() }), 200, ZDashboard);
    await answerOf(callRoute(audit.GET, { method: "GET", ...at("/audit"), cookie: owner() }), 200, ZAuditPage);
    await answerOf(callRoute(node.DELETE, { method: "DELETE", path: `/api/debates/${debate.slug}/nodes/${created.node.id}?version=${edited.version}`, params: { slug: debate.slug, nodeId: created.node.id }, cookie: participant() }), 200, ZDeletedNode);
    await answerOf(callRoute(team.DELETE, { method: "DELETE", ...at(`/teams/${made.id}`, { teamId: made.id }), cookie: owner() }), 200, ZDeletedTeam);
    await answerOf(callRoute(member.DELETE, { method: "DELETE", ...at(`/members/${participantId}`, { userId: participantId }), cookie: owner() }), 200, ZRemovedMember);
  });

  it("match their schemas for new debates, imports and accounts", async () => {
    const article = { title: "The market square", perspective: "neutral", text: "The council will vote next month on closing the old market square to cars. ".repeat(4) };
    await answerOf(debates.POST(jsonRequest("POST", "http://localhost/api/debates", { title: "Should the square close?", moderationMode: "open", article }, debate.people.owner.cookie)), 201, ZCreatedDebate);

    const file = await callRoute(exportRoute.GET, { method: "GET", path: `/api/debates/${debate.slug}/export?format=json`, params: { slug: debate.slug }, cookie: debate.people.owner.cookie });
    const content = await file.text();
    await answerOf(importRoute.POST(jsonRequest("POST", "http://localhost/api/debates/import", { format: "json", fileName: "contract.json", content, perspective: "neutral" }, debate.people.owner.cookie)), 201, ZImportResult);

    await answerOf(users.POST(jsonRequest("POST", "http://localhost/api/users", { name: "New Reader", email: "contract-reader@example.test", password: "a long enough password" })), 201, ZSignedUp);
  });
});
