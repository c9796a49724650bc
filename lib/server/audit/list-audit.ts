import "server-only";

import type { Prisma } from "@prisma/client";

import { AppError } from "@/lib/errors";
import type { TAuditPage } from "@/lib/schemas/audit";
import type { Actor } from "@/lib/server/auth/get-actor";
import { assertCan, loadDebateAccess } from "@/lib/server/debates/debate-access";
import { db } from "@/lib/server/db";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Entries about a statement copy its words (approved, rejected, edited
 * before approval); words a moderator redacted from its history are left out
 * here too, for all but the owner.
 */
async function withoutRedactedText(debateId: string, details: Prisma.JsonValue[]): Promise<Prisma.JsonValue[]> {
  const nodeIds = [...new Set(details.flatMap((d) => (isRecord(d) && typeof d.nodeId === "string" ? [d.nodeId] : [])))];
  if (nodeIds.length === 0) return details;
  const redacted = await db.revision.findMany({ where: { debateId, entityType: "node", entityId: { in: nodeIds }, redactedAt: { not: null } }, select: { entityId: true, before: true, after: true, reason: true } });
  const hidden = new Map<string, Set<string>>();
  for (const r of redacted) {
    const words = hidden.get(r.entityId) ?? new Set<string>();
    for (const snapshot of [r.before, r.after]) if (isRecord(snapshot) && typeof snapshot.text === "string") words.add(snapshot.text);
    if (r.reason) words.add(r.reason);
    hidden.set(r.entityId, words);
  }
  return details.map((d) => {
    const words = isRecord(d) && typeof d.nodeId === "string" ? hidden.get(d.nodeId) : undefined;
    if (!words || !isRecord(d)) return d;
    return Object.fromEntries(Object.entries(d).map(([key, value]) => [key, typeof value === "string" && words.has(value) ? null : value])) as Prisma.JsonValue;
  });
}

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
  const details = access.who?.role === "owner" ? page.map((r) => r.detail) : await withoutRedactedText(debateId, page.map((r) => r.detail));
  return {
    entries: page.map((r, i) => ({ id: r.id, action: r.action, actorName: r.actor?.name ?? null, detail: details[i], createdAt: r.createdAt.toISOString() })),
    nextBefore: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}
