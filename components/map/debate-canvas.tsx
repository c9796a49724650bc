"use client";

import { useCallback, useEffect, useMemo } from "react";

import {
  Background,
  ConnectionMode,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useNodesState,
  useReactFlow,
  type OnSelectionChangeParams,
} from "@xyflow/react";

import type { MapEdge, MapFlowNode } from "@/lib/graph/to-flow";

import { MapLegend } from "./map-legend";
import { edgeTypes, nodeTypes } from "./node-types";

/** Above this many nodes only what is on screen is rendered. */
const VIRTUALIZE_ABOVE = 300;

const MINIMAP_COLOUR: Record<string, string> = { thesis: "#5b3fa8", claim: "#1f5fa8", premise: "#5f6b7a", rebuttal: "#b3261e" };

type Props = {
  nodes: MapFlowNode[];
  edges: MapEdge[];
  selectedId: string | null;
  /** Bumped when something outside the canvas asks to bring the selected node into view. */
  focusRequest: number;
  onSelect: (id: string | null) => void;
};

export function DebateCanvas({ nodes: initialNodes, edges, selectedId, focusRequest, onSelect }: Props) {
  const [nodes, setNodes, onNodesChange] = useNodesState<MapFlowNode>(initialNodes);
  const { setCenter, getZoom } = useReactFlow();

  useEffect(() => setNodes(initialNodes), [initialNodes, setNodes]);

  useEffect(() => {
    setNodes((current) => current.map((n) => (n.selected === (n.id === selectedId) ? n : { ...n, selected: n.id === selectedId })));
  }, [selectedId, setNodes]);

  useEffect(() => {
    if (focusRequest === 0 || !selectedId) return;
    const node = initialNodes.find((n) => n.id === selectedId);
    if (!node) return;
    void setCenter(node.position.x + (node.width ?? 0) / 2, node.position.y + (node.height ?? 0) / 2, {
      zoom: Math.max(getZoom(), 0.9),
      duration: 400,
    });
    // Only a new request moves the viewport, never a re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const styledEdges = useMemo(
    () =>
      edges.map((e) => ({
        ...e,
        markerEnd:
          e.data?.type === "attacks"
            ? { type: MarkerType.Arrow, color: "#b3261e", width: 18, height: 18, strokeWidth: 2 }
            : { type: MarkerType.ArrowClosed, color: "#2e7d32", width: 18, height: 18 },
      })),
    [edges],
  );

  const onSelectionChange = useCallback(
    ({ nodes: selected }: OnSelectionChangeParams) => {
      const id = selected.find((n) => n.type === "statement")?.id ?? null;
      if (id !== selectedId && (id !== null || selected.length === 0)) onSelect(id);
    },
    [onSelect, selectedId],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={styledEdges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onSelectionChange={onSelectionChange}
      connectionMode={ConnectionMode.Loose}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable
      multiSelectionKeyCode={null}
      selectionKeyCode={null}
      onlyRenderVisibleElements={initialNodes.length > VIRTUALIZE_ABOVE}
      fitView
      fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
      minZoom={0.05}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
      aria-label="Argument map"
    >
      <Background gap={24} color="#e3e6ea" />
      <Controls position="bottom-left" showInteractive={false} />
      <MiniMap
        position="bottom-right"
        pannable
        zoomable
        ariaLabel="Overview of the whole map"
        nodeColor={(n) => (n.type === "statement" ? (MINIMAP_COLOUR[String(n.data.kind)] ?? "#999") : "transparent")}
      />
      <MapLegend />
    </ReactFlow>
  );
}
