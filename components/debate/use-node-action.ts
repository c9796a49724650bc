"use client";

import { useCallback } from "react";

import { deleteNode } from "@/lib/client/api/nodes";
import type { TMapNode } from "@/lib/schemas/map";

import type { NodeAction } from "@/components/map-store/map-store";
import { useMapStoreApi } from "@/components/map-store/map-store-provider";

/** Runs an action on a statement: the store opens its dialog or editor; a deletion is confirmed, then sent. */
export function useNodeAction(): (node: TMapNode, action: NodeAction) => Promise<void> {
  const store = useMapStoreApi();
  return useCallback(
    async (node, action) => {
      if (store.getState().requestAction(node, action) !== "confirm-delete") return;
      if (!window.confirm("Delete this statement and its links from the map? It stays in the history.")) return;
      const slug = store.getState().doc.debate.slug;
      try {
        await store.getState().sending(deleteNode(slug, node.id, node.version));
        store.getState().applyDeleted(node, "Deleted. The statement is kept in the history.");
      } catch (e) {
        store.getState().say(e instanceof Error ? e.message : "The statement could not be deleted.");
      }
    },
    [store],
  );
}
