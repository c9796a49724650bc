import "server-only";

import { can, debateStateOf, effectiveRole, moderationModeOf, type Action, type DebateActor, type DebateState, type Role } from "@/lib/authz/can";
import { readEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { TPerspective } from "@/lib/schemas/domain";
import type { Actor } from "@/lib/server/auth/get-actor";
import { db } from "@/lib/server/db";

/** The debate's row, as every request about it needs it (the map included). */
export type DebateRow = {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  articleId: string;
  createdAt: Date;
  phase: "open" | "closed" | "archived";
  ownerId: string | null;
  /** The mode in force (moderationModeOf), not necessarily the stored one. */
  moderationMode: "open" | "premoderated";
  anonymous: boolean;
};

export type DebateAccess<W extends DebateActor = DebateActor> = {
  debate: DebateRow;
  /** What the rule table needs of the debate. */
  state: DebateState;
  /** The actor with their effective role (null when not a member of an owned debate). */
  who: W;
  /** The actor's team in this debate, if any, and the case it argues. */
  teamId: string | null;
  teamSide: TPerspective | null;
};

type AccessRow = DebateRow & {
  memberRole: Role | null;
  teamId: string | null;
  teamSide: TPerspective | null;
  /** The actor's email, read only for a debate without an owner (whose owners are the site administrators). */
  actorEmail: string | null;
};

/**
 * Loads a debate and the actor's role in it, in one query (the debate, the
 * membership, its team, and whether the actor administers the site); 404 when
 * there is no such debate.
 */
export async function loadDebateAccess(slug: string, actor: Actor): Promise<DebateAccess<NonNullable<DebateActor>>>;
export async function loadDebateAccess(slug: string, actor: Actor | null): Promise<DebateAccess>;
export async function loadDebateAccess(slug: string, actor: Actor | null): Promise<DebateAccess> {
  const userId = actor?.userId ?? null;
  const [row] = await db.$queryRaw<AccessRow[]>`
    SELECT d."id", d."slug", d."title", d."description", d."articleId", d."createdAt", d."phase"::text AS "phase", d."ownerId",
      d."moderationMode"::text AS "moderationMode", d."anonymous",
      m."role"::text AS "memberRole", m."teamId", t."perspective"::text AS "teamSide",
      CASE WHEN d."ownerId" IS NULL THEN (SELECT u."email" FROM "User" u WHERE u."id" = ${userId}::uuid) END AS "actorEmail"
    FROM "Debate" d
    LEFT JOIN "Member" m ON m."debateId" = d."id" AND m."userId" = ${userId}::uuid
    LEFT JOIN "Team" t ON t."id" = m."teamId"
    WHERE d."slug" = ${slug} AND d."deletedAt" IS NULL`;
  if (!row) throw new AppError("NOT_FOUND", `There is no debate "${slug}".`);
  const { memberRole, teamId, teamSide, actorEmail, ...debate } = row;
  const state = debateStateOf(debate);
  const who = actor ? { userId: actor.userId, role: effectiveRole({ userId: actor.userId, role: statedRole(debate.ownerId, actor, memberRole, actorEmail) }, state) } : null;
  return { debate: { ...debate, moderationMode: moderationModeOf({ ...debate, hasOwner: state.hasOwner }) }, state, who, teamId, teamSide };
}

/** The owner of a debate, or a site administrator (ADMIN_EMAILS) for a debate without one; else the membership's role. */
function statedRole(ownerId: string | null, actor: Actor, memberRole: Role | null, actorEmail: string | null): Role | null {
  if (ownerId === null ? actorEmail !== null && readEnv().ADMIN_EMAILS.includes(actorEmail) : ownerId === actor.userId) return "owner";
  return memberRole;
}

/** Throws the rule table's refusal as a 401 or 403. */
export function assertCan(access: DebateAccess, action: Action, resource?: { authorId: string | null }): void {
  const decision = can(access.who, action, access.state, resource);
  if (!decision.allowed) throw new AppError(decision.code, decision.reason);
}
