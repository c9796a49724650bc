import "server-only";

import type { ContributionStatus } from "@prisma/client";

import { PERSPECTIVES, type TPerspective } from "@/lib/schemas/domain";
import type { TContributionCounts, TDashboard } from "@/lib/schemas/dashboard";
import type { Actor } from "@/lib/server/auth/get-actor";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";

const ROLE_ORDER = ["owner", "moderator", "participant", "viewer", "former member"] as const;
const LIVE_CONTRIBUTION = { deletedAt: null, authorId: { not: null } } as const;

const noCounts = (): TContributionCounts => ({ statements: 0, links: 0, approved: 0, pending: 0, rejected: 0 });

function add(counts: TContributionCounts, what: "statements" | "links", status: ContributionStatus): void {
  counts[what] += 1;
  counts[status] += 1;
}

function sum(rows: TContributionCounts[]): TContributionCounts {
  const total = noCounts();
  for (const row of rows) for (const key of Object.keys(total) as (keyof TContributionCounts)[]) total[key] += row[key];
  return total;
}

/** The figures of a debate's dashboard (see TDashboard for what each counts). */
export async function getDashboard({ actor, slug }: { actor: Actor | null; slug: string }): Promise<TDashboard> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:oversee");
  const { debate } = access;
  const debateId = debate.id;
  const [teams, members, nodes, relations, sources, unattacked] = await Promise.all([
    db.team.findMany({ where: { debateId }, orderBy: [{ name: "asc" }], select: { id: true, name: true, perspective: true } }),
    db.member.findMany({ where: { debateId }, select: { userId: true, role: true, teamId: true, user: { select: { name: true } } } }),
    db.node.findMany({ where: { debateId, ...LIVE_CONTRIBUTION }, select: { status: true, authorId: true, teamId: true, nodeSources: { select: { sourceId: true } } } }),
    db.relation.findMany({ where: { debateId, ...LIVE_CONTRIBUTION }, select: { status: true, authorId: true } }),
    db.source.findMany({ where: { debateId }, select: { id: true, perspective: true } }),
    db.node.findMany({
      where: { debateId, deletedAt: null, status: "approved", incoming: { none: { type: "attacks", status: "approved", deletedAt: null, from: { status: "approved", deletedAt: null } } } },
      orderBy: [{ kind: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, text: true },
    }),
  ]);

  const memberOf = new Map(members.map((m) => [m.userId, m]));
  const formerIds = [...new Set([...nodes, ...relations].map((c) => c.authorId!))].filter((id) => !memberOf.has(id));
  const formers = await db.user.findMany({ where: { id: { in: formerIds } }, select: { id: true, name: true } });

  const byPerson = new Map<string, TContributionCounts>([...members.map((m) => m.userId), ...formerIds].map((id) => [id, noCounts()]));
  const byTeam = new Map<string | null, TContributionCounts>([...teams.map((t) => t.id), null].map((id) => [id, noCounts()]));
  const cited = new Map(PERSPECTIVES.map((p) => [p, { perspective: p, statements: 0, approved: 0, pending: 0, rejected: 0 }]));
  const citations = new Map(PERSPECTIVES.map((p) => [p, { citations: 0, distinct: new Set<string>() }]));
  const perspectiveOf = new Map(sources.map((s) => [s.id, s.perspective]));
  // A team deleted since keeps no row of its own: its statements count as without team.
  const teamRow = (teamId: string | null) => byTeam.get(teamId) ?? byTeam.get(null)!;

  for (const node of nodes) {
    add(byPerson.get(node.authorId!)!, "statements", node.status);
    add(teamRow(node.teamId), "statements", node.status);
    const perspectives = new Set<TPerspective>();
    for (const { sourceId } of node.nodeSources) {
      const perspective = perspectiveOf.get(sourceId)!;
      perspectives.add(perspective);
      citations.get(perspective)!.citations += 1;
      citations.get(perspective)!.distinct.add(sourceId);
    }
    for (const perspective of perspectives) {
      const row = cited.get(perspective)!;
      row.statements += 1;
      row[node.status] += 1;
    }
  }
  for (const relation of relations) {
    add(byPerson.get(relation.authorId!)!, "links", relation.status);
    add(teamRow(memberOf.get(relation.authorId!)?.teamId ?? null), "links", relation.status);
  }

  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const teamRows: TDashboard["teams"] = teams.map((t) => ({ id: t.id, name: t.name, perspective: t.perspective, counts: byTeam.get(t.id)! }));
  const withoutTeam = byTeam.get(null)!;
  if (withoutTeam.statements + withoutTeam.links > 0 || teams.length === 0) teamRows.push({ id: null, name: "No team", perspective: null, counts: withoutTeam });

  const people: TDashboard["people"] = [
    ...members.map((m) => ({ userId: m.userId, name: m.user.name, team: m.teamId ? (teamName.get(m.teamId) ?? null) : null, role: m.userId === debate.ownerId ? ("owner" as const) : m.role })),
    ...formers.map((u) => ({ userId: u.id, name: u.name, team: null, role: u.id === debate.ownerId ? ("owner" as const) : ("former member" as const) })),
  ]
    .map((p) => ({ ...p, counts: byPerson.get(p.userId)! }))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || (a.team ?? "\uffff").localeCompare(b.team ?? "\uffff") || a.name.localeCompare(b.name));

  return {
    debate: { slug: debate.slug, title: debate.title, moderationMode: debate.moderationMode, phase: debate.phase },
    totals: sum(people.map((p) => p.counts)),
    teams: teamRows,
    teamPerspectives: PERSPECTIVES.map((p) => ({ perspective: p, counts: sum(teams.filter((t) => t.perspective === p).map((t) => byTeam.get(t.id)!)) })),
    citedPerspectives: [...cited.values()],
    people,
    sources: PERSPECTIVES.map((p) => ({ perspective: p, citations: citations.get(p)!.citations, distinctSources: citations.get(p)!.distinct.size })),
    unattacked,
  };
}
