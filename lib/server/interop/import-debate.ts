import "server-only";

import { randomUUID } from "node:crypto";

import type { Prisma } from "@prisma/client";

import { AppError } from "@/lib/errors";
import { checkPortable } from "@/lib/interop/check-portable";
import { ImportError, type TImportReport, type TPortableDebate } from "@/lib/interop/portable";
import type { TPerspective } from "@/lib/schemas/domain";
import type { Actor } from "@/lib/server/auth/get-actor";
import { db } from "@/lib/server/db";
import { insertOwnedDebate } from "@/lib/server/debates/insert-debate";
import { statementColumns } from "@/lib/server/nodes/statement-columns";

const FALLBACK_SOURCE = "imported-file";

export type TImportResult = { slug: string; report: TImportReport };

/**
 * Rows per insert: Prisma builds each statement on the event loop, so a large
 * import is written in batches, and other requests are served between them.
 */
const BATCH_ROWS = 250;

/** Lets requests that arrived meanwhile run between the import's long synchronous steps. */
const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) await write(rows.slice(i, i + BATCH_ROWS));
}

const toDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

/** Ids a revision snapshot refers to, and what kind of record each names. */
const SNAPSHOT_REFERENCES: Record<string, string> = { sourceIds: "source", fromId: "node", toId: "node", groupId: "group" };

/**
 * A revision's before/after as it refers to this debate's new ids. A reference
 * to something the file did not carry (a deleted node, say) becomes null.
 */
function remapSnapshot(snapshot: unknown, ids: Map<string, string>): Prisma.InputJsonValue | undefined {
  if (snapshot === null || snapshot === undefined) return undefined;
  if (typeof snapshot !== "object" || Array.isArray(snapshot)) return snapshot as Prisma.InputJsonValue;
  const remapped: Record<string, unknown> = { ...snapshot };
  for (const [field, kind] of Object.entries(SNAPSHOT_REFERENCES)) {
    const value = remapped[field];
    const lookup = (key: unknown) => (typeof key === "string" ? (ids.get(`${kind}:${key}`) ?? null) : null);
    if (Array.isArray(value)) remapped[field] = value.map(lookup);
    else if (value !== undefined && value !== null) remapped[field] = lookup(value);
  }
  return remapped as Prisma.InputJsonValue;
}

/**
 * Writes an imported debate in one transaction, owned by the importer. Any
 * problem found before or during the write leaves the database unchanged.
 */
export async function importDebate({ actor, portable, fileName, perspective, report }: { actor: Actor | null; portable: TPortableDebate; fileName: string; perspective: TPerspective; report: TImportReport }): Promise<TImportResult> {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to import a debate.");
  await letOthersRun();
  let checked: ReturnType<typeof checkPortable>;
  try {
    checked = checkPortable(portable, FALLBACK_SOURCE);
  } catch (error) {
    if (error instanceof ImportError) throw new AppError("VALIDATION", error.message);
    throw error;
  }
  await letOthersRun();
  const { debate } = checked;
  const needsFallback = debate.nodes.some((n) => n.sourceKeys.includes(FALLBACK_SOURCE)) && !debate.sources.some((s) => s.key === FALLBACK_SOURCE);
  const sources = needsFallback
    ? [...debate.sources, { key: FALLBACK_SOURCE, title: fileName, author: null, publisher: null, url: null, publishedAt: null, quote: null, perspective, isArticle: false }]
    : debate.sources;

  const ids = new Map<string, string>();
  const idOf = (kind: string, key: string) => {
    const id = ids.get(`${kind}:${key}`) ?? randomUUID();
    ids.set(`${kind}:${key}`, id);
    return id;
  };
  const debateId = randomUUID();
  const articleId = randomUUID();
  let slug = "";
  const teamsByName = new Map(debate.teams.map((t) => [t.name, { ...t, id: randomUUID() }]));

  await db.$transaction(
    async (tx) => {
      const { article } = debate;
      ({ slug } = await insertOwnedDebate(tx, { debateId, articleId, ownerId: actor.userId, debate: debate.debate, article: { ...article, publishedAt: toDate(article.publishedAt) } }));
      await tx.team.createMany({ data: [...teamsByName.values()].map((t) => ({ ...t, debateId })) });
      await inBatches(
        sources.map(({ key, isArticle, publishedAt, ...s }) => ({ id: idOf("source", key), debateId, articleId: isArticle ? articleId : null, publishedAt: toDate(publishedAt), createdById: actor.userId, ...s })),
        (data) => tx.source.createMany({ data }),
      );
      await inBatches(
        debate.nodes.map((n) => {
          const team = n.team ? teamsByName.get(n.team) : undefined;
          return {
            id: idOf("node", n.key),
            debateId,
            ...statementColumns(n),
            status: n.status,
            importedAuthor: n.author,
            data: (n.data ?? undefined) as Prisma.InputJsonObject | undefined,
            version: n.version ?? 1,
            teamId: team?.id ?? null,
            // Files written before statements kept their side: the team's case stands in.
            teamSide: n.teamSide !== undefined ? n.teamSide : (team?.perspective ?? null),
          };
        }),
        (data) => tx.node.createMany({ data }),
      );
      await inBatches(
        debate.nodes.flatMap((n) => n.sourceKeys.map((key) => ({ nodeId: idOf("node", n.key), sourceId: idOf("source", key) }))),
        (data) => tx.nodeSource.createMany({ data }),
      );
      const groups = [...new Set(debate.relations.flatMap((r) => (r.group ? [r.group] : [])))];
      await inBatches(
        groups.map((g) => ({ id: idOf("group", g), debateId })),
        (data) => tx.premiseGroup.createMany({ data }),
      );
      const start = Date.now();
      await inBatches(
        debate.relations.map((r, index) => ({
          id: idOf("relation", r.key),
          // Distinct times keep the file's order, which places nodes in the layout.
          createdAt: new Date(start + index),
          debateId,
          fromId: idOf("node", r.from),
          toId: idOf("node", r.to),
          type: r.type,
          groupId: r.group ? idOf("group", r.group) : null,
          status: r.status,
          version: r.version ?? 1,
        })),
        (data) => tx.relation.createMany({ data }),
      );
      await inBatches(
        debate.revisions
          .filter((r) => ids.has(`${r.entity}:${r.key}`))
          .map((r) => ({
            debateId,
            entityType: r.entity,
            entityId: idOf(r.entity, r.key),
            version: r.version,
            action: r.action,
            actorName: r.actor,
            before: remapSnapshot(r.before, ids),
            after: remapSnapshot(r.after, ids),
            reason: r.reason,
            createdAt: new Date(r.at),
          })),
        (data) => tx.revision.createMany({ data }),
      );
      await tx.auditEntry.create({ data: { debateId, actorId: actor.userId, action: "debate.import", detail: { format: report.format, fileName } } });
    },
    { timeout: 120_000 },
  );
  return { slug, report: { ...report, nodes: debate.nodes.length, relations: debate.relations.length, repairs: [...report.repairs, ...checked.repairs] } };
}
