import "server-only";

import type { TModerationQueue, TQueueAuthor, TQueueItem } from "@/lib/schemas/moderation";
import type { Actor } from "@/lib/server/auth/get-actor";
import { authorLabels } from "@/lib/server/debates/author-labels";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";

const NODE_REF = { id: true, kind: true, text: true, status: true } as const;
const PENDING = { deletedAt: null, status: "pending" } as const;

/**
 * What waits for a moderator, oldest first. A pending statement and the
 * pending relations from it (made together when it was added) are one item;
 * a pending relation between statements already decided is an item of its own.
 * Moderators see authors by name, even in an anonymous debate.
 */
export async function listModerationQueue({ actor, slug }: { actor: Actor | null; slug: string }): Promise<TModerationQueue> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:oversee");
  const debateId = access.debate.id;
  const [nodes, relations, teams] = await Promise.all([
    db.node.findMany({
      where: { debateId, ...PENDING },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        text: true,
        version: true,
        createdAt: true,
        authorId: true,
        teamId: true,
        nodeSources: { select: { source: { select: { id: true, title: true, publisher: true, url: true, perspective: true } } } },
      },
    }),
    db.relation.findMany({
      where: { debateId, ...PENDING },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, type: true, version: true, createdAt: true, authorId: true, from: { select: NODE_REF }, to: { select: NODE_REF } },
    }),
    db.team.findMany({ where: { debateId }, select: { id: true, name: true } }),
  ]);

  const authorIds = [...nodes, ...relations].flatMap((i) => (i.authorId ? [i.authorId] : []));
  const labels = await authorLabels(access.debate, authorIds, true);
  const authorOf = (id: string | null): TQueueAuthor => (id ? { id, label: labels.get(id)?.label ?? "Unknown account" } : null);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));

  const pendingNodeIds = new Set(nodes.map((n) => n.id));
  const items: TQueueItem[] = nodes.map((n) => ({
    type: "node",
    id: n.id,
    version: n.version,
    kind: n.kind,
    text: n.text,
    createdAt: n.createdAt.toISOString(),
    author: authorOf(n.authorId),
    team: n.teamId ? { id: n.teamId, name: teamName.get(n.teamId) ?? "Former team" } : null,
    sources: n.nodeSources.map((s) => s.source),
    relations: relations.filter((r) => r.from.id === n.id).map((r) => ({ id: r.id, type: r.type, to: r.to })),
  }));
  for (const r of relations) {
    if (pendingNodeIds.has(r.from.id)) continue;
    items.push({ type: "relation", id: r.id, version: r.version, relationType: r.type, createdAt: r.createdAt.toISOString(), author: authorOf(r.authorId), from: r.from, to: r.to });
  }
  // ISO times of one format sort as text.
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { items };
}
