"use client";

import type { ReactNode } from "react";

import type { Viewer } from "@/lib/authz/can";
import type { TMapDocument } from "@/lib/schemas/map";

import { allows, selectedNode } from "@/components/map-store/map-store";
import { MapStoreProvider, useMapStore } from "@/components/map-store/map-store-provider";

import { ArticlePanel } from "../article/article-panel";
import { DebateCanvas } from "../map/debate-canvas";
import { ExportMenu } from "../map/export-menu";
import { MapFiltersBar } from "../map/map-filters";
import { MapLegend } from "../map/map-legend";
import { DebateHeader } from "./debate-header";
import { DetailsPanel } from "./details-panel";
import { MapDialogs } from "./map-dialogs";
import { MapStatus } from "./map-status";
import { useLiveMap } from "./use-live-map";
import { useMapShortcuts } from "./use-map-shortcuts";

const PHASE_NOTICE = {
  closed: "This debate is closed: the map is read-only for everyone but its owner.",
  archived: "This debate is archived: its map can no longer change.",
} as const;

type Props = { initialDoc: TMapDocument; viewer: Viewer | null; oversees: boolean; account: ReactNode };

/** The map page: its store, with the article on the left, canvas in the middle, details of the selected node on the right. */
export function DebateWorkspace({ initialDoc, viewer, oversees, account }: Props) {
  return (
    <MapStoreProvider doc={initialDoc} viewer={viewer}>
      <DebateHeader oversees={oversees} account={account} />
      <DebateLayout />
    </MapStoreProvider>
  );
}

function DebateLayout() {
  useLiveMap();
  useMapShortcuts();
  const selected = useMapStore(selectedNode);
  const phase = useMapStore((s) => s.doc.debate.phase);
  const isEmpty = useMapStore((s) => s.doc.nodes.length === 0);
  const isSignedIn = useMapStore((s) => s.viewer !== null);
  const canMapArticle = useMapStore((s) => allows(s, "node:anchor"));

  return (
    <div className={`workspace${selected ? " has-details" : ""}`}>
      <ArticlePanel />
      <div className="workspace__map">
        <MapLegend />
        {phase !== "open" && <p className="phase-notice">{PHASE_NOTICE[phase]}</p>}
        <div className="toolbar">
          <MapFiltersBar />
          <ExportMenu />
        </div>
        <div className="workspace__canvas">
          {isEmpty && (
            <p className="canvas-empty">
              {canMapArticle ? "Select a passage in the article to start mapping. The article's main position usually becomes the thesis." : "Nothing in this debate has been mapped yet."}
            </p>
          )}
          <DebateCanvas />
        </div>
        {isSignedIn && <p className="shortcut-hint">Select a statement, then press S to support it, R to rebut it, C for a co-premise, L to link it, E to edit your own.</p>}
        <MapStatus />
      </div>
      {selected && <DetailsPanel node={selected} />}
      <MapDialogs />
    </div>
  );
}
