/**
 * Synthetic debates of any size, shaped like the real ones, for load tests
 * and benchmarks. Pure and deterministic: the same size and seed always
 * give the same map.
 */
import type { TNodeKind, TPerspective, TRelationType } from "@/lib/schemas/domain";
import type { MapInput } from "@/prisma/seed/insert-map";

export const SYNTHETIC_MAX_NODES = 20_000;

/** The article's key in sourceKeys (the same as ARTICLE_SOURCE in insert-map). */
const ARTICLE = "article";

const MIN_TEXT = 40;
const MAX_TEXT = 220;
/** Share of nodes that are rebuttals, and of rebuttals that attack another rebuttal. */
const REBUTTAL_SHARE = 0.2;
const COUNTER_SHARE = 0.3;
/** Share of rebuttals backed by a premise of their own. */
const BACKED_REBUTTAL_SHARE = 0.25;
/** Share of support relations that belong to a linked premise group. */
const LINKED_SHARE = 0.05;
/** Chance that a tree node below the second level stays a leaf (a premise). */
const EARLY_LEAF = 0.3;

export type SyntheticOptions = { nodes: number; seed?: number; slug?: string };

export function defaultSyntheticSlug(nodes: number): string {
  return `synthetic-${nodes}`;
}

/** A debate of `nodes` statements: theses, a tree of claims and premises, rebuttals, linked groups, cross-links. */
export function syntheticMap({ nodes: total, seed = 1, slug = defaultSyntheticSlug(total) }: SyntheticOptions): MapInput {
  if (!Number.isInteger(total) || total < 1 || total > SYNTHETIC_MAX_NODES) {
    throw new RangeError(`A synthetic map has 1 to ${SYNTHETIC_MAX_NODES} nodes, not ${total}.`);
  }
  const rng = new Rng(seed);

  type Draft = { key: string; kind: TNodeKind; depth: number; parent: string | null; children: number };
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  const relations: MapInput["relations"] = [];
  const add = (kind: TNodeKind, depth: number, parent: string | null): Draft => {
    const draft = { key: `n${drafts.length + 1}`, kind, depth, parent, children: 0 };
    drafts.push(draft);
    byKey.set(draft.key, draft);
    if (parent) byKey.get(parent)!.children += 1;
    return draft;
  };

  const thesisCount = total >= 40 ? 2 : 1;
  const rebuttalCount = total >= 5 ? Math.round(total * REBUTTAL_SHARE) : 0;
  const backingCount = Math.round(rebuttalCount * BACKED_REBUTTAL_SHARE);
  let treeLeft = total - thesisCount - rebuttalCount - backingCount;

  // The tree, breadth first: each expanded node gets 2-4 supporters, and below
  // the second level some stay leaves, so depth grows with the size, unevenly.
  const queue: Draft[] = [];
  for (let i = 0; i < thesisCount; i++) queue.push(add("thesis", 0, null));
  const tree: Draft[] = [...queue];
  while (treeLeft > 0) {
    const parent = queue.shift() ?? tree.filter((d) => d.children === 0).at(-1) ?? tree.at(-1)!;
    const count = Math.min(rng.int(2, 4), treeLeft);
    for (let i = 0; i < count; i++) {
      const child = add("premise", parent.depth + 1, parent.key);
      tree.push(child);
      relations.push({ from: child.key, to: parent.key, type: "supports", group: null });
      if (child.depth < 2 || !rng.chance(EARLY_LEAF)) queue.push(child);
    }
    treeLeft -= count;
  }
  // Inner nodes are claims, leaves premises.
  for (const draft of tree) if (draft.kind === "premise" && draft.children > 0) draft.kind = "claim";

  // Rebuttals attack claims mostly, premises and theses sometimes, and other rebuttals (counter-rebuttals).
  const claims = tree.filter((d) => d.kind === "claim");
  const premises = tree.filter((d) => d.kind === "premise");
  const theses = tree.filter((d) => d.kind === "thesis");
  const rebuttals: Draft[] = [];
  for (let i = 0; i < rebuttalCount; i++) {
    const roll = rng.next();
    const pool =
      rebuttals.length > 0 && roll < COUNTER_SHARE ? rebuttals
      : roll < 0.75 && claims.length > 0 ? claims
      : roll < 0.95 && premises.length > 0 ? premises
      : theses;
    const target = rng.pick(pool);
    const rebuttal = add("rebuttal", target.depth + 1, target.key);
    rebuttals.push(rebuttal);
    relations.push({ from: rebuttal.key, to: target.key, type: "attacks", group: null });
  }
  for (let i = 0; i < backingCount; i++) {
    const target = rng.pick(rebuttals);
    const premise = add("premise", target.depth + 1, target.key);
    relations.push({ from: premise.key, to: target.key, type: "supports", group: null });
  }

  // Cross-links: a node also supports a claim or thesis higher up in another
  // branch. Every relation points to a strictly lower depth, so no cycles.
  const crossLinkCount = total >= 10 ? Math.max(1, Math.round(total * 0.01)) : 0;
  const linked = new Set<string>();
  const deepEnough = tree.filter((d) => d.depth >= 2);
  const higherUp = [...theses, ...claims];
  for (let made = 0, tries = 0; made < crossLinkCount && tries < crossLinkCount * 20 && deepEnough.length > 0; tries++) {
    const from = rng.pick(deepEnough);
    const to = rng.pick(higherUp);
    const pair = `${from.key}>${to.key}`;
    if (to.depth >= from.depth || to.key === from.parent || linked.has(pair)) continue;
    linked.add(pair);
    relations.push({ from: from.key, to: to.key, type: "supports", group: null });
    made += 1;
  }

  // Linked premise groups: two or three sibling premises that support their parent only together.
  const supportCount = relations.filter((r) => r.type === "supports").length;
  const groupTarget = Math.round(supportCount * LINKED_SHARE);
  const leafSupports = new Map<string, MapInput["relations"]>();
  for (const r of relations) {
    if (r.type !== "supports" || byKey.get(r.from)!.kind !== "premise" || byKey.get(r.from)!.parent !== r.to) continue;
    leafSupports.set(r.to, [...(leafSupports.get(r.to) ?? []), r]);
  }
  const candidates = rng.shuffle([...leafSupports.values()].filter((list) => list.length >= 2));
  let grouped = 0;
  for (const siblings of candidates) {
    if (grouped >= groupTarget) break;
    const size = siblings.length >= 3 && rng.chance(0.3) ? 3 : 2;
    const group = `g${grouped + 1}`;
    for (const r of siblings.slice(0, size)) r.group = group;
    grouped += size;
  }

  // Sources of all three perspectives; every node cites one or two.
  const perspectives: TPerspective[] = ["armenian", "azerbaijani", "neutral"];
  const sources: MapInput["sources"] = Array.from({ length: Math.min(3 + Math.floor(total / 50), 40) }, (_, i) => {
    const perspective = perspectives[i % 3]!;
    const publisher = rng.pick(PUBLISHERS[perspective]);
    return {
      key: `s${i + 1}`,
      title: capitalise(rng.words(rng.int(4, 9))),
      publisher,
      url: `https://example.org/synthetic/${seed}/${i + 1}`,
      perspective,
    };
  });

  // The article: sentences, the first few of which the top of the map paraphrases.
  const anchoredCount = Math.min(Math.ceil(total * 0.25), 150);
  const sentenceCount = anchoredCount + Math.max(10, Math.ceil(anchoredCount / 2));
  let article = "";
  const anchors: { start: number; end: number }[] = [];
  const anchorSlots = new Set(rng.shuffle(Array.from({ length: sentenceCount }, (_, i) => i)).slice(0, anchoredCount));
  for (let i = 0; i < sentenceCount; i++) {
    if (i > 0) article += i % 5 === 0 ? "\n\n" : " ";
    const sentence = rng.statement(60, 200);
    if (anchorSlots.has(i)) anchors.push({ start: article.length, end: article.length + sentence.length });
    article += sentence;
  }

  return {
    slug,
    title: `Synthetic debate with ${total} statements`,
    description: `Generated (seed ${seed}) to test how the map behaves at scale.`,
    article: {
      title: "Synthetic article on the Lachin corridor",
      author: null,
      publisher: "Synthetic press",
      publishedAt: new Date("2023-01-15T00:00:00Z"),
      url: null,
      perspective: "neutral",
      text: article,
    },
    sources,
    nodes: drafts.map((d, i) => {
      const anchor = i < anchors.length ? anchors[i]! : null;
      const cited = rng.shuffle(sources.map((s) => s.key)).slice(0, rng.int(1, 2));
      return {
        key: d.key,
        kind: d.kind,
        text: rng.statement(MIN_TEXT, MAX_TEXT),
        attributedTo: rng.chance(0.35) ? rng.pick(ACTORS) : null,
        anchor,
        sourceKeys: anchor ? [ARTICLE, ...cited] : cited,
      };
    }),
    relations,
  };
}

export type MapStats = {
  nodes: Record<TNodeKind, number>;
  relations: Record<TRelationType, number>;
  counterRebuttals: number;
  linkedGroups: number;
  linkedSupports: number;
  crossLinks: number;
  depth: number;
  sources: Record<TPerspective, number>;
  anchored: number;
};

/** Counts what a map holds, for printing. */
export function mapStats(map: MapInput): MapStats {
  const kindOf = new Map(map.nodes.map((n) => [n.key, n.kind]));
  const nodes: Record<TNodeKind, number> = { thesis: 0, claim: 0, premise: 0, rebuttal: 0 };
  for (const n of map.nodes) nodes[n.kind] += 1;
  const relations: Record<TRelationType, number> = { supports: 0, attacks: 0 };
  for (const r of map.relations) relations[r.type] += 1;
  const sources: Record<TPerspective, number> = { armenian: 0, azerbaijani: 0, neutral: 0 };
  for (const s of map.sources) sources[s.perspective] += 1;
  // A node's first outgoing relation places it in the tree; any further one is a cross-link.
  const parentOf = new Map<string, string>();
  let crossLinks = 0;
  for (const r of map.relations) {
    if (parentOf.has(r.from)) crossLinks += 1;
    else parentOf.set(r.from, r.to);
  }
  const depthOf = (key: string): number => {
    let depth = 0;
    for (let at = parentOf.get(key); at !== undefined && depth <= map.nodes.length; at = parentOf.get(at)) depth += 1;
    return depth;
  };
  const groups = new Set(map.relations.flatMap((r) => (r.group ? [r.group] : [])));
  return {
    nodes,
    relations,
    counterRebuttals: map.relations.filter((r) => r.type === "attacks" && kindOf.get(r.to) === "rebuttal").length,
    linkedGroups: groups.size,
    linkedSupports: map.relations.filter((r) => r.group !== null).length,
    crossLinks,
    depth: Math.max(0, ...map.nodes.map((n) => depthOf(n.key))),
    sources,
    anchored: map.nodes.filter((n) => n.anchor !== null).length,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** mulberry32: small, fast, and the same sequence on every platform. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  words(count: number): string {
    return Array.from({ length: count }, () => this.pick(NOUNS)).join(" ");
  }

  /**
   * A sentence of min to max characters, most near the middle (the sum of two
   * uniform draws), built from clauses so it reads like a statement.
   */
  statement(min: number, max: number): string {
    const target = Math.round(min + ((this.next() + this.next()) / 2) * (max - min));
    let text = this.clause();
    while (text.length < target - 10) text += `${this.pick(JOINERS)} ${this.clause()}`;
    if (text.length > max - 1) {
      text = text.slice(0, max - 1);
      const cut = text.lastIndexOf(" ");
      if (cut >= min) text = text.slice(0, cut);
    }
    text = text.replace(DANGLING, "");
    while (text.length < min - 1) text += ` ${this.pick(NOUNS)}`;
    return `${capitalise(text)}.`;
  }

  private clause(): string {
    const subject = `${this.pick(DETERMINERS)} ${this.chance(0.5) ? `${this.pick(ADJECTIVES)} ` : ""}${this.pick(NOUNS)}`;
    const object = `${this.pick(DETERMINERS)} ${this.chance(0.4) ? `${this.pick(ADJECTIVES)} ` : ""}${this.pick(NOUNS)}`;
    const tail = this.chance(0.45) ? ` ${this.pick(PREPOSITIONS)} ${this.pick(DETERMINERS)} ${this.pick(NOUNS)}` : "";
    return `${subject} ${this.pick(VERBS)} ${object}${tail}`;
  }
}

/** Punctuation and function words a cut sentence must not end on. */
const DANGLING = /(?:[\s,;]|\b(?:and|because|while|so|moreover|although|which|means|the|a|this|every|no|each|its|their|in|near|under|despite|after|before|through|along|according|to|without)\b)+$/;
const DETERMINERS = ["the", "the", "the", "a", "this", "every", "no", "each", "its", "their"];
const ADJECTIVES = [
  "humanitarian", "bilateral", "international", "regional", "temporary", "permanent", "official", "alleged",
  "sustained", "unilateral", "economic", "military", "civilian", "environmental", "diplomatic", "reported",
  "independent", "local", "legal", "previous", "ongoing", "contested", "verified", "direct",
];
const NOUNS = [
  "corridor", "road", "checkpoint", "blockade", "government", "ministry", "peacekeeping mission", "convoy",
  "population", "agreement", "ceasefire", "negotiation", "court", "ruling", "resolution", "statement",
  "protest", "activist", "supply", "shortage", "border", "territory", "sovereignty", "treaty", "mediator",
  "delegation", "report", "observer", "mine", "deposit", "gas supply", "electricity", "fuel", "food delivery",
  "Red Cross", "refugee", "settlement", "municipality", "region", "summit", "envoy", "embassy", "commission",
  "evidence", "claim", "declaration", "trilateral statement", "security council", "humanitarian access",
  "traffic", "transit route", "investigation", "camera footage", "satellite image", "testimony", "sanction",
];
const VERBS = [
  "restricts", "guarantees", "violates", "supports", "undermines", "confirms", "denies", "blocks", "allows",
  "requires", "protects", "threatens", "contradicts", "justifies", "weakens", "strengthens", "delays",
  "controls", "monitors", "documents", "ignores", "escalates", "resolves", "endangers",
];
const PREPOSITIONS = ["in", "near", "under", "despite", "after", "before", "through", "along", "according to", "without"];
const JOINERS = [",", ", and", ", because", ", while", ", so", "; moreover", ", although", ", which means"];
const PUBLISHERS: Record<TPerspective, string[]> = {
  armenian: ["Armenpress", "Azatutyun", "CivilNet", "Hetq", "Armenian Weekly"],
  azerbaijani: ["APA", "Trend", "Report.az", "AzerNews", "Azertac"],
  neutral: ["Reuters", "BBC", "Eurasianet", "OC Media", "Crisis Group", "Associated Press"],
};
const ACTORS = [
  "Armenia's government", "Azerbaijan's government", "Armenian analysts", "Azerbaijani activists",
  "The Russian peacekeeping command", "The European Union", "United States", "The ICRC",
  "Human Rights Defender of Armenia", "Azerbaijan's ambassador to the UN", "Local residents", "UN Security Council speakers",
];
