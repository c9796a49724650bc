"use client";

import { useCallback, useEffect } from "react";

import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesState,
  useReactFlow,
  useStoreApi,
  type OnSelectionChangeParams,
  type ReactFlowInstance,
} from "@xyflow/react";

import type { MapEdge, MapFlowNode } from "@/lib/graph/to-flow";

import { edgeTypes, nodeTypes } from "./node-types";

/** Below this zoom text is too small to read; the first view then opens on the thesis. */
const READABLE_ZOOM = 0.55;
const OPENING_ZOOM = 0.8;

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

  // Fit the whole map when it stays readable; otherwise open on the thesis,
  // at the top of the canvas, and leave the overview to the minimap.
  const store = useStoreApi();
  const onInit = useCallback(
    async (instance: ReactFlowInstance<MapFlowNode, MapEdge>) => {
      await instance.fitView({ padding: 0.08, maxZoom: 1 });
      const thesis = initialNodes.find((n) => n.type === "statement" && n.data.kind === "thesis");
      if (instance.getZoom() >= READABLE_ZOOM || !thesis) return;
      const { width } = store.getState();
      const centre = thesis.position.x + (thesis.width ?? 0) / 2;
      await instance.setViewport({ x: width / 2 - centre * OPENING_ZOOM, y: 24 - thesis.position.y * OPENING_ZOOM, zoom: OPENING_ZOOM });
    },
    [initialNodes, store],
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
      edges={edges}
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
      onInit={onInit}
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
    </ReactFlow>
  );
}
