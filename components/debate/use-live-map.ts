"use client";

import { getMap } from "@/lib/client/api/debates";

import { useMapStoreApi } from "@/components/map-store/map-store-provider";

import { useDebateEvents } from "./use-debate-events";

/**
 * Keeps the open debate's store up to date with what others do: on each burst
 * of the debate's events, and whenever the event stream (re)opens, fetches
 * the map again (the map API answers per viewer, their pending items
 * included, with an ETag), unless the burst only echoes this client's own
 * writes, whose answers the store has applied already. The viewport is left alone.
 */
export function useLiveMap(): void {
  const store = useMapStoreApi();
  useDebateEvents(store.getState().doc.debate.slug, async (events, reopened) => {
    if (events.some((e) => e.isYours)) await store.getState().writesSettled();
    if (store.getState().isEcho(events, reopened)) return;
    const next = await getMap(store.getState().doc.debate.slug);
    store.getState().applyMap(next, events);
  });
}
