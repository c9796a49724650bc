"use client";

import { useEffect } from "react";

import { selectedNode, type NodeAction } from "@/components/map-store/map-store";
import { useMapStore } from "@/components/map-store/map-store-provider";

import { useNodeAction } from "./use-node-action";

/** The keys that act on the selected statement (the node actions show them beside each button). */
const SHORTCUTS: Record<string, NodeAction> = {
  s: { type: "add", link: "supports" },
  r: { type: "add", link: "attacks" },
  c: { type: "add", link: "co-premise" },
  l: { type: "link" },
  e: { type: "edit" },
};

/** Listens for the shortcut keys while a statement is selected and no dialog or editor is open. */
export function useMapShortcuts(): void {
  const selected = useMapStore(selectedNode);
  const isSignedIn = useMapStore((s) => s.viewer !== null);
  const isBusy = useMapStore((s) => s.dialog !== null || s.editingId !== null);
  const runAction = useNodeAction();

  useEffect(() => {
    if (!selected || !isSignedIn || isBusy) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || target.closest("input, textarea, select, [contenteditable]")) return;
      const action = SHORTCUTS[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      void runAction(selected, action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected, isSignedIn, isBusy, runAction]);
}
