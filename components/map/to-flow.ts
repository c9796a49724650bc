import { MarkerType, Position, type Edge, type EdgeMarker, type Node as FlowNode, type NodeHandle } from "@xyflow/react";

import { STATUS_LABEL } from "@/lib/labels";
import { RELATION_COLOUR } from "@/lib/palette";
import type { TMapDocument } from "@/lib/schemas/map";
import type { TNodeKind, TPerspective, TRelationType, TStatus } from "@/lib/schemas/domain";

import { layoutMap, type Layout } from "@/lib/graph/layout";
import { perspectivesOf } from "@/lib/graph/perspectives";
import { LINE_HEIGHT, nodeBox } from "@/lib/graph/node-size";

export type Side = "top" | "bottom" | "left" | "right";

export type StatementData = {
  kind: TNodeKind;
  text: string;
  attributedTo: string | null;
  perspectives: TPerspective[];
  lines: number;
  attributionLines: number;
  isClamped: boolean;
  isAnchored: boolean;
  /** The author's team, when the node has one the map knows. */
  team: { name: string; colour: string } | null;
  /** Pending and rejected statements (seen only by their author and moderators) say so in a line of their own. */
  status: TStatus;
};
export type GroupFrameData = { size: number };
export type RelationData = { type: TRelationType; isLinked: boolean; label: string | null; status: TStatus };

export type StatementNode = FlowNode<StatementData, "statement">;
export type GroupFrameNode = FlowNode<GroupFrameData, "group-frame">;
export type MapFlowNode = StatementNode | GroupFrameNode;
export type MapEdge = Edge<RelationData, "relation">;

const FRAME_PAD = 10;

/** The handle in the middle of each side that relations join (the node component renders them). */
export const SIDES = [
  ["top", Position.Top],
  ["bottom", Position.Bottom],
  ["left", Position.Left],
  ["right", Position.Right],
] as const satisfies readonly (readonly [Side, Position])[];
/** Side of a handle's square, as the stylesheet draws it. */
const HANDLE_SIZE = 6;

/**
 * Where the handles of a node of this size are, as React Flow would measure
 * them. Given up front with the node's size, they spare React Flow from
 * rendering every node once to measure it (and fitView from waiting for that),
 * which is what lets a large map render only what is on screen.
 */
function handlesOf(width: number, height: number): NodeHandle[] {
  const centre = { top: [width / 2, 0], bottom: [width / 2, height], left: [0, height / 2], right: [width, height / 2] } as const;
  return SIDES.map(([id, position]) => ({
    id,
    type: "source",
    position,
    x: centre[id][0] - HANDLE_SIZE / 2,
    y: centre[id][1] - HANDLE_SIZE / 2,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  }));
}

/** Arrowheads differ as well as colour and dash: filled for support, open for attack. */
const MARKERS: Record<TRelationType, EdgeMarker> = {
  supports: { type: MarkerType.ArrowClosed, color: RELATION_COLOUR.supports, width: 18, height: 18 },
  attacks: { type: MarkerType.Arrow, color: RELATION_COLOUR.attacks, width: 18, height: 18, strokeWidth: 2 },
};

/** The box of a node, with a line more for the status of one that is not approved. */
function boxOf(n: TMapDocument["nodes"][number], hasTeam: boolean) {
  const box = nodeBox(n.text, n.attributedTo, false, hasTeam);
  return n.status === "approved" ? box : { ...box, height: box.height + LINE_HEIGHT };
}

/** Turns a map document into laid-out React Flow nodes and edges. */
export function toFlow(doc: TMapDocument): { nodes: MapFlowNode[]; edges: MapEdge[] } {
  const perspectiveBySource = new Map(doc.sources.map((s) => [s.id, s.perspective]));
  const teamById = new Map(doc.teams.map((t) => [t.id, { name: t.name, colour: t.colour }]));
  const teamOf = (n: TMapDocument["nodes"][number]) => (n.teamId ? (teamById.get(n.teamId) ?? null) : null);
  const boxes = new Map(doc.nodes.map((n) => [n.id, boxOf(n, teamOf(n) !== null)]));
  const layout = layoutMap(
    doc.nodes.map((n) => ({ id: n.id, ...boxes.get(n.id)! })),
    doc.relations,
  );
  const statements: StatementNode[] = doc.nodes.map((n) => {
    const box = boxes.get(n.id)!;
    return {
      id: n.id,
      type: "statement",
      position: layout.positions.get(n.id) ?? { x: 0, y: 0 },
      width: box.width,
      height: box.height,
      measured: { width: box.width, height: box.height },
      handles: handlesOf(box.width, box.height),
      data: {
        kind: n.kind,
        text: n.text,
        attributedTo: n.attributedTo,
        perspectives: perspectivesOf(n, perspectiveBySource),
        lines: box.lines,
        attributionLines: box.attributionLines,
        isClamped: box.isClamped,
        isAnchored: n.anchor !== null,
        team: teamOf(n),
        status: n.status,
      },
    };
  });
  const byId = new Map(statements.map((s) => [s.id, s]));
  const groupSizes = new Map<string, number>();
  for (const r of doc.relations) if (r.groupId) groupSizes.set(r.groupId, (groupSizes.get(r.groupId) ?? 0) + 1);
  const labelled = new Set<string>();
  const edges: MapEdge[] = [];
  for (const r of doc.relations) {
    const from = byId.get(r.fromId);
    const to = byId.get(r.toId);
    if (!from || !to) continue;
    const [sourceHandle, targetHandle] = handlesFor(from, to, layout);
    const isLinked = r.groupId !== null && (groupSizes.get(r.groupId) ?? 0) > 1;
    // One label per linked group keeps converging edges readable; in an
    // indented list the arrowhead and line style say it, a label would crowd it.
    const isListed = sourceHandle === "left" && targetHandle === "left";
    let label: string | null = null;
    if (!isListed && !isLinked) label = r.type;
    else if (!isListed && !labelled.has(r.groupId!)) {
      label = `linked ${r.type}`;
      labelled.add(r.groupId!);
    }
    // Line style and colour mark a pending or rejected relation too, but the label says it in words.
    if (r.status !== "approved") label = `${label ?? r.type} (${STATUS_LABEL[r.status].toLowerCase()})`;
    edges.push({
      id: r.id,
      type: "relation",
      source: r.fromId,
      target: r.toId,
      sourceHandle,
      targetHandle,
      markerEnd: MARKERS[r.type],
      data: { type: r.type, isLinked, label, status: r.status },
    });
  }
  return { nodes: [...groupFrames(doc, byId, layout), ...statements], edges };
}

/** Handles by geometry: indented rows side to side, stacked rows from their side, neighbours side to side, over the top within a row, else upward. */
function handlesFor(from: StatementNode, to: StatementNode, layout: Layout): [Side, Side] {
  if (layout.outlined.has(from.id)) return ["left", "left"];
  if (layout.stacked.has(from.id)) return ["left", "bottom"];
  const row = layout.rowOf.get(from.id);
  if (row && row === layout.rowOf.get(to.id)) {
    const distance = row.indexOf(from.id) - row.indexOf(to.id);
    if (distance === 1) return ["left", "right"];
    if (distance === -1) return ["right", "left"];
    return ["top", "top"];
  }
  return from.position.y > to.position.y ? ["top", "bottom"] : ["bottom", "top"];
}

/** A frame behind each linked group whose co-premises share a row (elsewhere the edge labels say "linked"). */
function groupFrames(doc: TMapDocument, byId: Map<string, StatementNode>, layout: Layout): GroupFrameNode[] {
  const members = new Map<string, StatementNode[]>();
  for (const r of doc.relations) {
    const node = byId.get(r.fromId);
    if (r.groupId && node) members.set(r.groupId, [...(members.get(r.groupId) ?? []), node]);
  }
  const sharesRow = (nodes: StatementNode[]) => nodes.every((n) => layout.rowOf.get(n.id) === layout.rowOf.get(nodes[0]!.id));
  return [...members].filter(([, nodes]) => nodes.length > 1 && sharesRow(nodes)).map(([groupId, nodes]) => {
    const left = Math.min(...nodes.map((n) => n.position.x)) - FRAME_PAD;
    const top = Math.min(...nodes.map((n) => n.position.y)) - FRAME_PAD - 16;
    const right = Math.max(...nodes.map((n) => n.position.x + (n.width ?? 0))) + FRAME_PAD;
    const bottom = Math.max(...nodes.map((n) => n.position.y + (n.height ?? 0))) + FRAME_PAD;
    return {
      id: `group-${groupId}`,
      type: "group-frame",
      position: { x: left, y: top },
      width: right - left,
      height: bottom - top,
      zIndex: -1,
      measured: { width: right - left, height: bottom - top },
      handles: [],
      selectable: false,
      draggable: false,
      focusable: false,
      data: { size: nodes.length },
    };
  });
}
