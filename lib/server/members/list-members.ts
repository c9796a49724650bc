import "server-only";

import type { TMember } from "@/lib/schemas/member";
import type { Actor } from "@/lib/server/auth/get-actor";
import { authorLabels } from "@/lib/server/debates/author-labels";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";

/** The debate's members in order of joining, with real names: for the owner and moderators. */
export async function listMembers({ actor, slug }: { actor: Actor | null; slug: string }): Promise<TMember[]> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:oversee");
  const { debate } = access;
  const [members, labels] = await Promise.all([
    db.member.findMany({
      where: { debateId: debate.id },
      orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
      select: { userId: true, role: true, teamId: true, joinedAt: true, user: { select: { name: true } } },
    }),
    // What participants see of each member, so the owner knows who "Team A 2" is.
    debate.anonymous ? authorLabels(debate, [], false) : null,
  ]);
  return members.map((m) => ({
    userId: m.userId,
    name: m.user.name,
    role: m.userId === debate.ownerId ? "owner" : m.role,
    teamId: m.teamId,
    joinedAt: m.joinedAt.toISOString(),
    shownAs: labels?.get(m.userId)?.label ?? null,
  }));
}
