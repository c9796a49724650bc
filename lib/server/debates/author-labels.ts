import "server-only";

import { db } from "@/lib/server/db";

type DebateRef = { id: string; anonymous: boolean; ownerId: string | null };

/** How a person is named in a debate, and the team they are on. */
export type AuthorLabel = { label: string; teamId: string | null };

/**
 * How the debate names its members and the authors given, by account id (for
 * the server only: readers get authorKeys, never these ids). In an anonymous
 * debate participants and viewers appear as a team pseudonym ("Team A 2", by
 * order of joining) unless `reveal` is set, for the owner and moderators;
 * owners and moderators always appear by name.
 */
export async function authorLabels(debate: DebateRef, authorIds: Iterable<string>, reveal: boolean): Promise<Map<string, AuthorLabel>> {
  const members = await db.member.findMany({
    where: { debateId: debate.id },
    orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
    select: { userId: true, role: true, teamId: true, user: { select: { name: true } }, team: { select: { name: true } } },
  });
  const labels = new Map<string, AuthorLabel>();
  const countByTeam = new Map<string, number>();
  for (const m of members) {
    const named = !debate.anonymous || reveal || m.role === "owner" || m.role === "moderator" || m.userId === debate.ownerId;
    if (named) {
      labels.set(m.userId, { label: m.user.name, teamId: m.teamId });
      continue;
    }
    // Only pseudonyms are numbered, so a number says nothing about the named members.
    const group = m.team?.name ?? "Participant";
    const rank = (countByTeam.get(group) ?? 0) + 1;
    countByTeam.set(group, rank);
    labels.set(m.userId, { label: `${group} ${rank}`, teamId: m.teamId });
  }
  const others = [...new Set(authorIds)].filter((id) => !labels.has(id));
  if (others.length > 0) {
    const users = await db.user.findMany({ where: { id: { in: others } }, select: { id: true, name: true } });
    for (const u of users) {
      const named = !debate.anonymous || reveal || u.id === debate.ownerId;
      labels.set(u.id, { label: named ? u.name : "Former participant", teamId: null });
    }
  }
  return labels;
}
