import dagre from "@dagrejs/dagre";

import type { TRelationType } from "@/lib/schemas/domain";

export type LayoutNode = { id: string; width: number; height: number };
export type LayoutRelation = { fromId: string; toId: string; type: TRelationType; groupId: string | null };
export type Point = { x: number; y: number };
/** Top-left positions by node id, and each node's row (its block) for edge routing. */
export type Layout = { positions: Map<string, Point>; rowOf: Map<string, string[]> };

const GAP = 24;
const RANK_GAP = 70;

/**
 * Layered layout: the thesis on top, what supports a node in the rows below
 * it, and what attacks a node beside it in the same row [1]. Co-premises of a
 * linked group share one row [2]. Rows are laid out by dagre as single boxes,
 * then unpacked left to right.
 */
export function layoutMap(nodes: LayoutNode[], relations: LayoutRelation[]): Layout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const live = relations.filter((r) => byId.has(r.fromId) && byId.has(r.toId) && r.fromId !== r.toId);

  // [1] Each node's first outgoing relation is its place in the tree; when it
  // is an attack, the node joins its target's row.
  const primary = new Map<string, LayoutRelation>();
  for (const r of live) if (!primary.has(r.fromId)) primary.set(r.fromId, r);
  const attachedTo = new Map<string, string[]>();
  for (const [from, r] of primary) {
    if (r.type !== "attacks" || leadsBackTo(primary, r.toId, from)) continue;
    attachedTo.set(r.toId, [...(attachedTo.get(r.toId) ?? []), from]);
  }
  const attached = new Set([...attachedTo.values()].flat());
  const chain = (id: string, side: "left" | "right"): string[] => {
    const outer = (attachedTo.get(id) ?? []).flatMap((child) => chain(child, side));
    return side === "right" ? [id, ...outer] : [...outer, id];
  };
  const unit = (id: string): string[] => {
    const children = attachedTo.get(id) ?? [];
    const right = children.filter((_, i) => i % 2 === 0).flatMap((c) => chain(c, "right"));
    const left = children.filter((_, i) => i % 2 === 1).flatMap((c) => chain(c, "left"));
    return [...left, id, ...right];
  };

  // [2] Linked co-premises whose place is their group's relation share a row.
  const groupMembers = new Map<string, string[]>();
  for (const n of nodes) {
    const r = primary.get(n.id);
    if (r?.groupId && r.type === "supports" && !attached.has(n.id)) {
      groupMembers.set(r.groupId, [...(groupMembers.get(r.groupId) ?? []), n.id]);
    }
  }
  const rows: string[][] = [];
  const placed = new Set<string>();
  for (const members of groupMembers.values()) {
    rows.push(members.flatMap(unit));
    members.forEach((m) => placed.add(m));
  }
  for (const n of nodes) if (!attached.has(n.id) && !placed.has(n.id)) rows.push(unit(n.id));

  const rowOf = new Map<string, string[]>();
  rows.forEach((row) => row.forEach((id) => rowOf.set(id, row)));
  const rowKey = (id: string) => rowOf.get(id)?.[0] ?? id;

  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "TB", nodesep: GAP * 2, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const row of rows) {
    const boxes = row.map((id) => byId.get(id)!);
    const width = boxes.reduce((sum, b) => sum + b.width, 0) + GAP * (boxes.length - 1);
    graph.setNode(rowKey(row[0]!), { width, height: Math.max(...boxes.map((b) => b.height)) });
  }
  for (const r of live) {
    const parent = rowKey(r.toId);
    const child = rowKey(r.fromId);
    if (parent !== child && !graph.hasEdge(parent, child)) graph.setEdge(parent, child);
  }
  dagre.layout(graph);

  const positions = new Map<string, Point>();
  for (const row of rows) {
    const box = graph.node(rowKey(row[0]!));
    let x = box.x - box.width / 2;
    const top = box.y - box.height / 2;
    for (const id of row) {
      positions.set(id, { x, y: top });
      x += byId.get(id)!.width + GAP;
    }
  }
  return { positions, rowOf };
}

/** True when following first relations from `start` reaches `target` (joining rows would loop). */
function leadsBackTo(primary: Map<string, LayoutRelation>, start: string, target: string): boolean {
  const seen = new Set<string>();
  for (let id: string | undefined = start; id && !seen.has(id); id = primary.get(id)?.toId) {
    if (id === target) return true;
    seen.add(id);
  }
  return false;
}
