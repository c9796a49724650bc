"use client";

import { useCallback, useMemo, useState } from "react";

import { ReactFlowProvider } from "@xyflow/react";

import { toFlow } from "@/lib/graph/to-flow";
import type { TMapDocument } from "@/lib/schemas/map";

import { ArticlePanel } from "../article/article-panel";
import { DebateCanvas } from "../map/debate-canvas";
import { MapLegend } from "../map/map-legend";
import { DetailsPanel } from "./details-panel";

/** The map page: article on the left, canvas in the middle, details of the selected node on the right. */
export function DebateWorkspace({ doc }: { doc: TMapDocument }) {
  const flow = useMemo(() => toFlow(doc), [doc]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const selected = selectedId ? doc.nodes.find((n) => n.id === selectedId) : undefined;

  const selectAndFocus = useCallback((id: string) => {
    setSelectedId(id);
    setFocusRequest((n) => n + 1);
  }, []);

  return (
    <div className={`workspace${selected ? " has-details" : ""}`}>
      <ArticlePanel article={doc.article} nodes={doc.nodes} selectedId={selectedId} onSelect={selectAndFocus} />
      <div className="workspace__map">
        <MapLegend />
        <div className="workspace__canvas">
          <ReactFlowProvider>
            <DebateCanvas nodes={flow.nodes} edges={flow.edges} selectedId={selectedId} focusRequest={focusRequest} onSelect={setSelectedId} />
          </ReactFlowProvider>
        </div>
      </div>
      {selected && <DetailsPanel doc={doc} node={selected} onSelect={selectAndFocus} onClose={() => setSelectedId(null)} />}
    </div>
  );
}
