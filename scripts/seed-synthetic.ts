/**
 * Adds a synthetic debate of N statements, for trying the map at scale:
 *
 *   npm run seed:synthetic -- --nodes 2000 [--slug synthetic-2000] [--seed 1] [--replace]
 *
 * Uses DATABASE_URL, or else the embedded database in DATA_DIR (stop the app
 * first, or point DATABASE_URL at its database). An existing debate with the
 * same slug is left alone and the script fails, unless --replace is given:
 * then that debate and everything in it is deleted and created anew.
 */
import { parseArgs } from "node:util";

import type { PrismaClient } from "@prisma/client";
import { z } from "zod";

import { ZDebateSlug } from "@/lib/schemas/domain";
import { insertMap } from "@/prisma/seed/insert-map";

import { openDatabase } from "./lib/database";
import { applyMigrations } from "./lib/migrate";
import { connect } from "./lib/prisma-client";
import { defaultSyntheticSlug, mapStats, syntheticMap, SYNTHETIC_MAX_NODES } from "./lib/synthetic-map";

const USAGE = "Usage: npm run seed:synthetic -- --nodes N [--slug SLUG] [--seed S] [--replace]";

const ZArgs = z.object({
  nodes: z.coerce
    .number({ error: "must be a number." })
    .int("must be a whole number.")
    .min(1, "must be at least 1.")
    .max(SYNTHETIC_MAX_NODES, `must be at most ${SYNTHETIC_MAX_NODES}.`),
  slug: ZDebateSlug.optional(),
  seed: z.coerce.number({ error: "must be a number." }).int("must be a whole number.").min(0, "must be at least 0.").max(2 ** 32 - 1, "must be below 2^32.").default(1),
  replace: z.boolean().default(false),
});

function readArgs(): z.infer<typeof ZArgs> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      options: { nodes: { type: "string" }, slug: { type: "string" }, seed: { type: "string" }, replace: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.nodes === undefined) throw new Error(`--nodes is required.\n${USAGE}`);
  const parsed = ZArgs.safeParse(values);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("\n")}\n${USAGE}`);
  return parsed.data;
}

/** Deletes a debate with everything in it (relations first: they restrict deleting their nodes). */
async function deleteDebate(db: PrismaClient, id: string, articleId: string): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.relation.deleteMany({ where: { debateId: id } });
      await tx.debate.delete({ where: { id } });
      await tx.article.deleteMany({ where: { id: articleId, debates: { none: {} } } });
    },
    { timeout: 120_000 },
  );
}

async function main() {
  const args = readArgs();
  const slug = args.slug ?? defaultSyntheticSlug(args.nodes);
  const map = syntheticMap({ nodes: args.nodes, seed: args.seed, slug });

  const database = await openDatabase();
  try {
    await applyMigrations(database.url);
    const db = connect(database.url);
    try {
      const existing = await db.debate.findUnique({ where: { slug }, select: { id: true, articleId: true, title: true } });
      if (existing && !args.replace) {
        throw new Error(
          `A debate with the slug "${slug}" already exists ("${existing.title}"); nothing was changed.\n` +
            "Pass --replace to delete it and create it anew, or choose another --slug.",
        );
      }
      if (existing) {
        await deleteDebate(db, existing.id, existing.articleId);
        console.log(`Deleted the existing debate "${slug}".`);
      }
      const started = performance.now();
      const id = await insertMap(db, map);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const s = mapStats(map);
      const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
      console.log(
        [
          `Created the synthetic debate "${slug}" (id ${id}, seed ${args.seed}) in ${seconds} s:`,
          `  ${count(map.nodes.length, "node", "nodes")}: ${count(s.nodes.thesis, "thesis", "theses")}, ${count(s.nodes.claim, "claim", "claims")}, ` +
            `${count(s.nodes.premise, "premise", "premises")}, ${count(s.nodes.rebuttal, "rebuttal", "rebuttals")} (${s.counterRebuttals} of them counter-rebuttals); tree depth ${s.depth}`,
          `  ${count(map.relations.length, "relation", "relations")}: ${s.relations.supports} supports, ${s.relations.attacks} attacks; ` +
            `${count(s.linkedGroups, "linked group", "linked groups")} (${s.linkedSupports} supports); ${count(s.crossLinks, "cross-link", "cross-links")}`,
          `  ${count(map.sources.length, "source", "sources")}: ${s.sources.armenian} Armenian, ${s.sources.azerbaijani} Azerbaijani, ${s.sources.neutral} neutral; ` +
            `${count(s.anchored, "node", "nodes")} anchored in the article`,
          `  Map: /debates/${slug} · API: /api/debates/${slug}`,
        ].join("\n"),
      );
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`\nNo synthetic debate was added.\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
