import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { ZSeedMap } from "@/lib/schemas/seed-map";

const SEED_DIR = path.join(process.cwd(), "prisma", "seed");
const map = ZSeedMap.parse(JSON.parse(readFileSync(path.join(SEED_DIR, "lachin-map.json"), "utf8")));
const article = readFileSync(path.join(SEED_DIR, "lachin-article.txt"), "utf8");
const keys = new Set(map.nodes.map((n) => n.key));

describe("the Lachin seed map", () => {
  it("has at least 30 nodes with distinct keys and exactly one thesis", () => {
    expect(map.nodes.length).toBeGreaterThanOrEqual(30);
    expect(keys.size).toBe(map.nodes.length);
    expect(map.nodes.filter((n) => n.kind === "thesis")).toHaveLength(1);
  });

  it("anchors every node to a verbatim passage of the article at the stated offsets", () => {
    const wrong = map.nodes
      .filter((n) => article.slice(n.anchor.start, n.anchor.end) !== n.anchor.quote || n.anchor.end > article.length)
      .map((n) => `${n.key}: [${n.anchor.start}, ${n.anchor.end}) is ${JSON.stringify(article.slice(n.anchor.start, n.anchor.end).slice(0, 60))}`);
    expect(wrong).toEqual([]);
    for (const n of map.nodes) {
      expect(article.includes(n.anchor.quote), n.key).toBe(true);
      expect(n.anchor.quote.trim().length, n.key).toBeGreaterThan(10);
    }
  });

  it("relates only existing nodes, never a node to itself, and each pair at most once", () => {
    const pairs = new Set<string>();
    for (const r of map.relations) {
      const label = `${r.from} -> ${r.to}`;
      expect(keys.has(r.from), label).toBe(true);
      expect(keys.has(r.to), label).toBe(true);
      expect(r.from, label).not.toBe(r.to);
      const pair = [r.from, r.to].sort().join(" ");
      expect(pairs.has(pair), `duplicate pair ${label}`).toBe(false);
      pairs.add(pair);
    }
  });

  it.each(["April 23", "June 15", "July 26", "August 16", "August 29"])("quotes the events of %s in some node's anchor", (date) => {
    expect(map.nodes.some((n) => n.anchor.quote.includes(date))).toBe(true);
  });

  it("has linked groups of two or more co-premises, each supporting one target together", () => {
    const groups = new Map<string, typeof map.relations>();
    for (const r of map.relations) if (r.group) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
    expect([...groups.values()].some((members) => members.length >= 2)).toBe(true);
    for (const [group, members] of groups) {
      expect(members.length, group).toBeGreaterThanOrEqual(2);
      expect(new Set(members.map((r) => r.to)).size, group).toBe(1);
      expect(new Set(members.map((r) => r.type)).size, group).toBe(1);
      expect(new Set(members.map((r) => r.from)).size, group).toBe(members.length);
    }
  });

  it("connects every node to the thesis by following its relations", () => {
    const thesis = map.nodes.find((n) => n.kind === "thesis")!.key;
    const reaches = new Set([thesis]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of map.relations) {
        if (reaches.has(r.to) && !reaches.has(r.from)) {
          reaches.add(r.from);
          grew = true;
        }
      }
    }
    expect(map.nodes.map((n) => n.key).filter((key) => !reaches.has(key))).toEqual([]);
    // The thesis itself is the root: it relates to nothing.
    expect(map.relations.filter((r) => r.from === thesis)).toEqual([]);
  });
});
