import "server-only";

import { can } from "@/lib/authz/can";
import type { TManageView } from "@/lib/schemas/manage-view";
import type { Actor } from "@/lib/server/auth/get-actor";
import { listAudit } from "@/lib/server/audit/list-audit";
import { db } from "@/lib/server/db";
import { listMembers } from "@/lib/server/members/list-members";
import { TEAM_COLUMNS } from "@/lib/server/teams/team-name";

import type { DebateAccess } from "./debate-access";

/** Everything the management page shows, or why this person may not see it (given their access, which the page has read). */
export async function getManageView(access: DebateAccess, actor: Actor): Promise<{ view: TManageView } | { refusal: string }> {
  const decision = can(access.who, "debate:oversee", access.state);
  if (!decision.allowed) return { refusal: decision.reason };
  const { slug } = access.debate;
  const isOwner = access.who?.role === "owner";
  const [{ joinRole, joinCode }, teams, members, audit] = await Promise.all([
    db.debate.findUniqueOrThrow({ where: { id: access.debate.id }, select: { joinRole: true, joinCode: true } }),
    db.team.findMany({ where: { debateId: access.debate.id }, orderBy: { createdAt: "asc" }, select: TEAM_COLUMNS }),
    listMembers({ actor, slug }),
    listAudit({ actor, slug, limit: 50 }),
  ]);
  const { title, moderationMode, anonymous, phase } = access.debate;
  return { view: { slug, title, isOwner, settings: { moderationMode, anonymous, phase, joinRole, joinCode: isOwner ? joinCode : null }, teams, members, audit } };
}
