"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type MouseEvent as ReactMouseEvent } from "react";

import {
  Background,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  getNodesBounds,
  getViewportForBounds,
  useNodesState,
  useReactFlow,
  useStoreApi,
  type NodeChange,
  type ReactFlowInstance,
} from "@xyflow/react";

import { KIND_COLOUR } from "@/lib/palette";
import type { TMapNode } from "@/lib/schemas/map";

import { useMapActions, useMapStore, useMapStoreApi } from "@/components/map-store/map-store-provider";

import { NodeActions } from "../debate/node-actions";

import { edgeTypes, nodeTypes } from "./node-types";
import { toFlow, type MapEdge, type MapFlowNode } from "./to-flow";

/** Below this zoom text is too small to read; the first view then opens on the thesis. */
const READABLE_ZOOM = 0.55;
const OPENING_ZOOM = 0.8;
const MIN_ZOOM = 0.05;
const FIT_PADDING = 0.08;

/**
 * Above this many nodes the minimap, which draws every node, costs more than
 * it shows. At 2000 it adds about 0.05 s to the first render and 0.1 s to a
 * selection, and large maps need it most: they open on the thesis.
 */
const MINIMAP_UP_TO = 5000;

/** Above this many nodes only what is on screen is rendered. */
const VIRTUALIZE_ABOVE = 300;

const MINIMAP_COLOUR: Record<string, string> = Object.fromEntries(Object.entries(KIND_COLOUR).map(([kind, colour]) => [kind, colour.stroke]));

type Menu = { x: number; y: number; node: TMapNode };

const subscribeToNothing = () => () => {};

/**
 * The graph view of the open debate's store: what the filters let through,
 * laid out. The layout runs in the browser only: the server sends the page at
 * once and the canvas appears when its layout is ready.
 */
export function DebateCanvas() {
  const isBrowser = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  if (!isBrowser) return null;
  return (
    <ReactFlowProvider>
      <FlowCanvas />
    </ReactFlowProvider>
  );
}

function FlowCanvas() {
  const shown = useMapStore((s) => s.shown);
  const flow = useMemo(() => toFlow(shown), [shown]);
  const laidOut = flow.nodes;
  const edges = flow.edges;
  const selectedId = useMapStore((s) => s.selectedId);
  const focusRequest = useMapStore((s) => s.focusRequest);
  const isSignedIn = useMapStore((s) => s.viewer !== null);
  const { select: onSelect } = useMapActions();
  const mapStore = useMapStoreApi();
  const container = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<Menu | null>(null);
  // React Flow keeps its own array of the laid-out nodes, for their selection.
  const [nodes, setNodes, onNodesChange] = useNodesState<MapFlowNode>(laidOut);
  const { setCenter, getZoom } = useReactFlow();

  // Every new nodes array makes React Flow take in all nodes again (seconds at
  // 2000 nodes), so the array is replaced only when something really changed.
  const applied = useRef(laidOut);
  useEffect(() => {
    if (applied.current === laidOut) return;
    applied.current = laidOut;
    setNodes(laidOut.map((n) => (n.id === selectedId ? { ...n, selected: true } : n)));
  }, [laidOut, selectedId, setNodes]);

  useEffect(() => {
    setNodes((current) => {
      let isChanged = false;
      const next = current.map((n) => {
        const isSelected = n.id === selectedId;
        if (Boolean(n.selected) === isSelected) return n;
        isChanged = true;
        return { ...n, selected: isSelected };
      });
      return isChanged ? next : current;
    });
  }, [selectedId, setNodes]);

  useEffect(() => {
    if (focusRequest === 0 || !selectedId) return;
    const node = laidOut.find((n) => n.id === selectedId);
    if (!node) return;
    void setCenter(node.position.x + (node.width ?? 0) / 2, node.position.y + (node.height ?? 0) / 2, {
      zoom: Math.max(getZoom(), 0.9),
      duration: 400,
    });
    // Only a new request moves the viewport, never a re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  // Fit the whole map when it stays readable; otherwise open on the thesis,
  // at the top of the canvas, and leave the overview to the minimap. The
  // viewport is set once: fitting a large map first would render all of it.
  const flowStore = useStoreApi();
  const onInit = useCallback(
    async (instance: ReactFlowInstance<MapFlowNode, MapEdge>) => {
      const { width, height } = flowStore.getState();
      const fit = getViewportForBounds(getNodesBounds(laidOut), width, height, MIN_ZOOM, 1, FIT_PADDING);
      const thesis = laidOut.find((n) => n.type === "statement" && n.data.kind === "thesis");
      if (fit.zoom >= READABLE_ZOOM || !thesis) {
        await instance.setViewport(fit);
        return;
      }
      const centre = thesis.position.x + (thesis.width ?? 0) / 2;
      await instance.setViewport({ x: width / 2 - centre * OPENING_ZOOM, y: 24 - thesis.position.y * OPENING_ZOOM, zoom: OPENING_ZOOM });
    },
    [laidOut, flowStore],
  );

  // Selection flows one way: clicks and keys on the canvas report it to the
  // store, the selected id comes back down. Changes made through setNodes are not
  // reported by React Flow, so the two never chase each other.
  const handleNodesChange = useCallback(
    (changes: NodeChange<MapFlowNode>[]) => {
      onNodesChange(changes);
      const picked = changes.find((c) => c.type === "select" && c.selected);
      if (picked && "id" in picked && picked.id !== selectedId) onSelect(picked.id);
    },
    [onNodesChange, onSelect, selectedId],
  );

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: MapFlowNode) => {
      const target = isSignedIn ? mapStore.getState().doc.nodes.find((n) => n.id === node.id) : undefined;
      const box = container.current?.getBoundingClientRect();
      if (!target || !box) return;
      event.preventDefault();
      onSelect(node.id);
      setMenu({ x: event.clientX - box.left, y: event.clientY - box.top, node: target });
    },
    [isSignedIn, mapStore, onSelect],
  );

  return (
    <div ref={container} className="canvas" onKeyDown={(e) => e.key === "Escape" && setMenu(null)}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={handleNodesChange}
        onNodeContextMenu={onNodeContextMenu}
        onPaneClick={() => {
          setMenu(null);
          onSelect(null);
        }}
        onMoveStart={() => setMenu(null)}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
        onlyRenderVisibleElements={laidOut.length > VIRTUALIZE_ABOVE}
        onInit={onInit}
        minZoom={MIN_ZOOM}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        aria-label="Argument map"
      >
        <Background gap={24} color="#e3e6ea" />
        <Controls position="bottom-left" showInteractive={false} />
        {laidOut.length <= MINIMAP_UP_TO && (
          <MiniMap
            position="bottom-right"
            pannable
            zoomable
            ariaLabel="Overview of the whole map"
            nodeColor={(n) => (n.type === "statement" ? (MINIMAP_COLOUR[String(n.data.kind)] ?? "#999") : "transparent")}
          />
        )}
      </ReactFlow>
      {menu && (
        <div className="context-menu" style={{ left: menu.x, top: menu.y }}>
          <NodeActions role="menu" node={menu.node} onChosen={() => setMenu(null)} />
        </div>
      )}
    </div>
  );
}
