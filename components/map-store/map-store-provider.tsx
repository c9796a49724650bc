"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore, type StoreApi } from "zustand";

import type { Viewer } from "@/lib/authz/can";
import type { TMapDocument } from "@/lib/schemas/map";

import { createMapStore, type MapActions, type MapStore } from "./map-store";

const MapStoreContext = createContext<StoreApi<MapStore> | null>(null);

/** One store per open debate, made when its page mounts (the page remounts it for another viewer). */
export function MapStoreProvider({ doc, viewer, children }: { doc: TMapDocument; viewer: Viewer | null; children: ReactNode }) {
  const [store] = useState(() => createMapStore({ doc, viewer }));
  return <MapStoreContext.Provider value={store}>{children}</MapStoreContext.Provider>;
}

export function useMapStoreApi(): StoreApi<MapStore> {
  const store = useContext(MapStoreContext);
  if (!store) throw new Error("A map view was rendered outside its MapStoreProvider.");
  return store;
}

/**
 * Reads from the open debate's store. A component re-renders only when what
 * its selector returns changes, so selectors return state as it is (or a
 * primitive), never a new object or array.
 */
export function useMapStore<T>(selector: (state: MapStore) => T): T {
  return useStore(useMapStoreApi(), selector);
}

/** The store's actions: they never change, so reading them re-renders nothing. */
export function useMapActions(): MapActions {
  return useMapStoreApi().getState();
}
