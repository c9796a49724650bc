import { compactBox } from "@antv/hierarchy";

import type { TRelationType } from "@/lib/schemas/domain";

export type LayoutNode = { id: string; width: number; height: number };
export type LayoutRelation = { fromId: string; toId: string; type: TRelationType; groupId: string | null };
export type Point = { x: number; y: number };
export type Layout = {
  /** Top-left corner of every node. */
  positions: Map<string, Point>;
  /** The row each node sits in, left to right (a node and what attacks it, or a linked group). */
  rowOf: Map<string, string[]>;
  /** Rows stacked in a column under their parent; their relation leaves from the side. */
  stacked: Set<string>;
  /** Rows of an indented list; their relation joins their parent's left side. */
  outlined: Set<string>;
};

const GAP = 24;
/** Room between neighbours in a row for the "attacks" label on the edge joining them. */
const ROW_GAP = 64;
const RANK_GAP = 64;
/** Room added above the blocks under one parent for each sibling, up to a limit. */
const FAN_ROOM = 16;
const FAN_ROOM_MAX = 160;
const STACK_GAP = 14;
const FRAME_ROOM = 34;
/** Leaves of one parent are stacked in columns of at most this many rows. */
const STACK_HEIGHT = 4;
/** Indented lists hold at least this many rows before a deeper level is listed instead. */
const MIN_OUTLINE_ROWS = 30;
const INDENT = 36;
/** A thesis (a row without a parent) is never in a list; what hangs under it may be. */
const MIN_OUTLINE_DEPTH = 1;

type Block = { key: string; width: number; height: number; items: { id: string; dx: number; dy: number }[] };

/**
 * Tree layout: the thesis on top, what supports a node below it, what attacks
 * a node beside it in the same row [1]. Co-premises of a linked group share a
 * row [2]. Under the thesis, each subtree short enough is an indented list [3],
 * where attackers are listed under what they attack;
 * above the lists, a node's childless rows are stacked in columns [4]. So a
 * map grows in height as well as in width, and stays readable. The blocks
 * (rows, lists, stacks) are packed as a non-layered tidy tree [5], then
 * unpacked.
 */
export function layoutMap(nodes: LayoutNode[], relations: LayoutRelation[]): Layout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const live = relations.filter((r) => byId.has(r.fromId) && byId.has(r.toId) && r.fromId !== r.toId);

  // [1] A node's first outgoing relation is its place in the tree; when it is
  // an attack, the node joins its target's row (unless that would loop).
  const primary = new Map<string, LayoutRelation>();
  for (const r of live) if (!primary.has(r.fromId)) primary.set(r.fromId, r);
  const attachedTo = new Map<string, string[]>();
  for (const [from, r] of primary) {
    if (r.type === "attacks" && !leadsBackTo(primary, r.toId, from)) push(attachedTo, r.toId, from);
  }
  const attached = new Set([...attachedTo.values()].flat());
  /** The node a row is about: the one not there for attacking another. */
  const headOf = (row: string[]) => row.find((id) => !attached.has(id))!;
  const chain = (id: string, side: "left" | "right"): string[] => {
    const outer = (attachedTo.get(id) ?? []).flatMap((child) => chain(child, side));
    return side === "right" ? [id, ...outer] : [...outer, id];
  };
  /** A node with its attackers beside it, alternately right and left, or all on one side. */
  const unit = (id: string, only?: "left" | "right"): string[] => {
    const children = attachedTo.get(id) ?? [];
    const goesLeft = (i: number) => (only ? only === "left" : i % 2 === 1);
    const right = children.filter((_, i) => !goesLeft(i)).flatMap((c) => chain(c, "right"));
    const left = children.filter((_, i) => goesLeft(i)).flatMap((c) => chain(c, "left"));
    return [...left, id, ...right];
  };
  // Co-premises stay side by side: their attackers go to the outer ends of the row.
  const groupRow = (members: string[]): string[] =>
    members.flatMap((m, i) => (i === 0 && members.length > 1 ? unit(m, "left") : i === members.length - 1 ? unit(m, "right") : unit(m)));

  // [2] Linked co-premises whose place is their group's relation share a row.
  const groupMembers = new Map<string, string[]>();
  for (const n of nodes) {
    const r = primary.get(n.id);
    if (r?.groupId && r.type === "supports" && !attached.has(n.id)) push(groupMembers, r.groupId, n.id);
  }
  const rows: string[][] = [...groupMembers.values()].map(groupRow);
  const groupRows = new Set(rows);
  const grouped = new Set([...groupMembers.values()].flat());
  for (const n of nodes) if (!attached.has(n.id) && !grouped.has(n.id)) rows.push(unit(n.id));
  const rowOf = new Map<string, string[]>();
  rows.forEach((row) => row.forEach((id) => rowOf.set(id, row)));

  // The tree of rows: each row hangs under the row its head's first relation points into.
  const parentRowOf = new Map<string[], string[]>();
  const childRows = new Map<string[], string[][]>();
  for (const row of rows) {
    const head = headOf(row);
    const target = primary.get(head)?.toId;
    const parentRow = target === undefined ? undefined : rowOf.get(target);
    if (!parentRow || parentRow === row || rowLeadsBack(parentRowOf, parentRow, row)) continue;
    parentRowOf.set(row, parentRow);
    push(childRows, parentRow, row);
  }

  // [3] A row and everything below it form one block, an indented list, when
  // it has at most about twice the square root of the map's rows (30 at
  // least): deep or broad arguments add height, not width, and large maps stay
  // near square.
  const maxOutlineRows = Math.max(MIN_OUTLINE_ROWS, 2 * Math.sqrt(rows.length));
  const subtreeRows = new Map<string[], number>();
  const countRows = (row: string[]): number => {
    const known = subtreeRows.get(row);
    if (known !== undefined) return known;
    const count = 1 + (childRows.get(row) ?? []).reduce((sum, child) => sum + countRows(child), 0);
    subtreeRows.set(row, count);
    return count;
  };
  // Top down, the first row whose subtree is short enough heads a list; a
  // larger subtree stays a tree and its children are tried in turn. A leaf
  // heads nothing: it joins its siblings' stack [4].
  const heads: string[][] = [];
  const findHeads = (row: string[], depth: number) => {
    const count = countRows(row);
    if (depth >= MIN_OUTLINE_DEPTH && count > 1 && count <= maxOutlineRows) heads.push(row);
    else for (const child of childRows.get(row) ?? []) findHeads(child, depth + 1);
  };
  for (const row of rows) if (!parentRowOf.has(row)) findHeads(row, 0);
  const blocks: Block[] = [];
  const outlined = new Set<string>();
  const inOutline = new Set<string[]>();
  for (const row of heads) {
    const block: Block = { key: row[0]!, width: 0, height: 0, items: [] };
    const place = (line: string[], level: number) => {
      const placed = rowBlock(line, byId);
      const dx = level * INDENT;
      // A linked group's frame and its label need room above the row.
      const dy = block.items.length === 0 ? 0 : block.height + (groupRows.has(line) ? FRAME_ROOM : STACK_GAP);
      for (const item of placed.items) block.items.push({ id: item.id, dx: dx + item.dx, dy: dy + item.dy });
      if (level > 0) line.forEach((id) => outlined.add(id));
      block.width = Math.max(block.width, dx + placed.width);
      block.height = dy + placed.height;
    };
    // In a list, a statement's attackers are listed under it, one per line: a
    // row would make the whole list as wide as itself, and the list's lines
    // (which join each item's left side) would run behind its neighbours.
    // What hangs under each of them follows it, one indent in.
    const listAttacked = (id: string, level: number, below: Map<string, string[][]>) => {
      const line = [id];
      rowOf.set(id, line);
      place(line, level);
      for (const attacker of attachedTo.get(id) ?? []) listAttacked(attacker, level + 1, below);
      for (const child of below.get(id) ?? []) visit(child, level + 1);
    };
    const visit = (current: string[], level: number) => {
      inOutline.add(current);
      const children = childRows.get(current) ?? [];
      if (current.length === 1 || groupRows.has(current)) {
        place(current, level);
        for (const child of children) visit(child, level + 1);
        return;
      }
      const below = new Map<string, string[][]>();
      for (const child of children) push(below, primary.get(headOf(child))!.toId, child);
      listAttacked(headOf(current), level, below);
    };
    visit(row, 0);
    blocks.push(block);
  }
  // [4] Outside the lists, a parent's childless rows are stacked in columns.
  const leavesOf = new Map<string, string[][]>();
  for (const row of rows) {
    if (inOutline.has(row)) continue;
    const parentRow = parentRowOf.get(row);
    const isLeaf = row.length === 1 && parentRow !== undefined && !childRows.has(row);
    if (isLeaf) push(leavesOf, parentRow[0]!, row);
    else blocks.push(rowBlock(row, byId));
  }
  const stacked = new Set<string>();
  for (const [parent, leaves] of leavesOf) {
    if (leaves.length < 2) {
      blocks.push(rowBlock(leaves[0]!, byId));
      continue;
    }
    blocks.push(stackBlock(`stack-${parent}`, leaves, byId));
    leaves.flat().forEach((id) => stacked.add(id));
  }
  const blockOf = new Map<string, Block>();
  for (const block of blocks) block.items.forEach((item) => blockOf.set(item.id, block));

  // [5] The blocks form a tree (each block hangs under the block of its head's
  // parent row; cross-links do not count, so they cannot lift a supporter above
  // what it supports). A non-layered tidy tree packs it: a block sits right
  // under its parent, not in a band as tall as the tallest block of its level.
  const children = new Map<Block, Block[]>();
  const hasParent = new Set<Block>();
  for (const [row, parentRow] of parentRowOf) {
    const parent = blockOf.get(parentRow[0]!)!;
    const child = blockOf.get(row[0]!)!;
    if (parent === child || hasParent.has(child)) continue;
    hasParent.add(child);
    push(children, parent, child);
  }
  type TreeData = { id: string; width: number; height: number; preV: number; children: TreeData[] };
  // The more blocks hang under a parent, the wider they spread and the more
  // room their relations need above them to reach it without running flat.
  const toData = (block: Block, siblings = 1): TreeData => {
    const below = children.get(block) ?? [];
    return { id: block.key, width: block.width, height: block.height, preV: Math.min(FAN_ROOM_MAX, FAN_ROOM * (siblings - 1)), children: below.map((child) => toData(child, below.length)) };
  };
  // Several theses hang under an invisible root of no size.
  const root: TreeData = { id: "", width: 0, height: 0, preV: 0, children: blocks.filter((block) => !hasParent.has(block)).map((block) => toData(block)) };
  const tree = compactBox(root, {
    direction: "TB",
    getId: (d) => d.id as string,
    getWidth: (d) => d.width as number,
    getHeight: (d) => d.height as number,
    getPreV: (d) => d.preV as number,
    getHGap: () => GAP,
    getVGap: () => RANK_GAP / 2,
  });

  const blockByKey = new Map(blocks.map((block) => [block.key, block]));
  const positions = new Map<string, Point>();
  tree.eachNode((placed) => {
    const block = blockByKey.get(placed.id);
    if (!block) return;
    const left = placed.x + placed.hgap;
    const top = placed.y + placed.vgap;
    for (const item of block.items) positions.set(item.id, { x: left + item.dx, y: top + item.dy });
  });
  return { positions, rowOf, stacked, outlined };
}

function rowBlock(row: string[], byId: Map<string, LayoutNode>): Block {
  let dx = 0;
  const items = row.map((id) => {
    const item = { id, dx, dy: 0 };
    dx += byId.get(id)!.width + ROW_GAP;
    return item;
  });
  return { key: row[0]!, width: dx - ROW_GAP, height: Math.max(...row.map((id) => byId.get(id)!.height)), items };
}

/** Rows in columns of STACK_HEIGHT, indented so their side relations have room. */
function stackBlock(key: string, rows: string[][], byId: Map<string, LayoutNode>): Block {
  const items: Block["items"] = [];
  let columnLeft = GAP;
  let width = 0;
  let height = 0;
  for (let start = 0; start < rows.length; start += STACK_HEIGHT) {
    let dy = 0;
    let columnWidth = 0;
    for (const row of rows.slice(start, start + STACK_HEIGHT)) {
      const block = rowBlock(row, byId);
      block.items.forEach((item) => items.push({ id: item.id, dx: columnLeft + item.dx, dy }));
      dy += block.height + STACK_GAP;
      columnWidth = Math.max(columnWidth, block.width);
    }
    height = Math.max(height, dy - STACK_GAP);
    width = columnLeft + columnWidth;
    columnLeft = width + GAP * 2;
  }
  return { key, width, height, items };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** True when following parents from `start` reaches `target` (hanging target there would loop). */
function rowLeadsBack(parentRowOf: Map<string[], string[]>, start: string[], target: string[]): boolean {
  for (let at: string[] | undefined = start; at; at = parentRowOf.get(at)) if (at === target) return true;
  return false;
}

/** True when following first relations from `start` reaches `target`. */
function leadsBackTo(primary: Map<string, LayoutRelation>, start: string, target: string): boolean {
  const seen = new Set<string>();
  for (let id: string | undefined = start; id && !seen.has(id); id = primary.get(id)?.toId) {
    if (id === target) return true;
    seen.add(id);
  }
  return false;
}
