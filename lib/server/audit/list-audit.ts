import "server-only";

import type { Prisma } from "@prisma/client";

import { AppError } from "@/lib/errors";
import type { TAuditPage } from "@/lib/schemas/audit";
import type { Actor } from "@/lib/server/auth/get-actor";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";

/**
 * One page of the debate's audit log, newest first, for the owner and
 * moderators. Entries of one transaction share a time, so the page ends at
 * an entry (time, then id), never at a time alone, and none is skipped.
 */
export async function listAudit({ actor, slug, before, limit }: { actor: Actor | null; slug: string; before?: string; limit: number }): Promise<TAuditPage> {
  const access = await loadDebateAccess(slug, actor);
  assertCan(access, "debate:oversee");
  const debateId = access.debate.id;
  let older: Prisma.AuditEntryWhereInput = {};
  if (before) {
    const cursor = await db.auditEntry.findFirst({ where: { id: before, debateId }, select: { id: true, createdAt: true } });
    if (!cursor) throw new AppError("BAD_REQUEST", "`before` is not an entry of this debate's audit log.");
    older = { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
  }
  const rows = await db.auditEntry.findMany({
    where: { debateId, ...older },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, action: true, detail: true, createdAt: true, actor: { select: { name: true } } },
  });
  const page = rows.slice(0, limit);
  return {
    entries: page.map((r) => ({ id: r.id, action: r.action, actorName: r.actor?.name ?? null, detail: r.detail, createdAt: r.createdAt.toISOString() })),
    nextBefore: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}
