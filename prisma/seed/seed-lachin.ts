import { readFileSync } from "node:fs";
import path from "node:path";

import type { PrismaClient } from "@prisma/client";

import { MAX_ARTICLE_LENGTH } from "@/lib/schemas/debate";
import { ZSeedDebate, ZSeedMap, type TSeedDebate, type TSeedMap } from "@/lib/schemas/seed-map";
import { checkedText } from "@/lib/schemas/text";

import { ARTICLE_SOURCE, insertMap } from "./insert-map";

const SEED_DIR = path.join(process.cwd(), "prisma", "seed");

export type LachinSeed = { debate: TSeedDebate; map: TSeedMap; text: string };

/** Reads and validates the seed files (the debate, its article text, its map). */
export function readLachinSeed(): LachinSeed {
  const debate = ZSeedDebate.parse(JSON.parse(readFileSync(path.join(SEED_DIR, "lachin-debate.json"), "utf8")));
  const map = ZSeedMap.parse(JSON.parse(readFileSync(path.join(SEED_DIR, debate.mapFile), "utf8")));
  const text = checkedText(1, MAX_ARTICLE_LENGTH).parse(readFileSync(path.join(SEED_DIR, debate.article.textFile), "utf8"));
  return { debate, map, text };
}

/** Creates the Lachin debate (under `slug`, the example's own unless given) unless it exists; returns whether it was created. */
export async function seedLachin(db: PrismaClient, slug?: string): Promise<boolean> {
  const { debate, map, text } = readLachinSeed();
  const at = slug ?? debate.slug;
  if (await db.debate.findUnique({ where: { slug: at }, select: { id: true } })) return false;
  const { title, author, publisher, publishedAt, url, perspective } = debate.article;
  await insertMap(db, {
    slug: at,
    title: debate.title,
    description: debate.description,
    article: { title, author, publisher, url, perspective, publishedAt: publishedAt ? new Date(publishedAt) : null, text },
    sources: [],
    nodes: map.nodes.map((n) => ({ ...n, anchor: { start: n.anchor.start, end: n.anchor.end }, sourceKeys: [ARTICLE_SOURCE] })),
    relations: map.relations,
  });
  return true;
}
