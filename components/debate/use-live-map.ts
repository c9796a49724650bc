"use client";

import { useEffect, useRef, useState } from "react";

import { apiFetch } from "@/lib/client/api";
import { describeLiveChanges } from "@/lib/graph/describe-live-changes";
import { ZLiveEvent, type TLiveEvent } from "@/lib/schemas/debate-event";
import type { TMapDocument } from "@/lib/schemas/map";

/** Events this close together cost one fetch of the map. */
const GATHER_MS = 80;
/** The first check for changes made while the page loaded waits for an idle moment, at most this long. */
const FIRST_CHECK_WITHIN_MS = 3000;
/** After the server refused the stream (EventSource then gives up), try again after this long, doubling. */
const FIRST_REOPEN_MS = 2000;
const LAST_REOPEN_MS = 60_000;

/**
 * Keeps the map up to date with what others do: listens to the debate's
 * events and, on each burst of them, fetches the map again (the map API
 * answers per viewer, their pending items included, with an ETag). Events are
 * only a signal; the map fetched is the truth, so it is also fetched whenever
 * the stream (re)opens, covering anything said while it was away. `onMap`
 * gets a map only when it differs from `doc`; the viewport is left alone.
 * Returns a sentence about the last change, for a polite live region.
 */
export function useLiveMap(doc: TMapDocument, onMap: (next: TMapDocument) => void): string {
  const slug = doc.debate.slug;
  const [news, setNews] = useState("");
  const latest = useRef({ doc, onMap });
  useEffect(() => {
    latest.current = { doc, onMap };
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let lastId: string | null = null;
    let gathered: TLiveEvent[] = [];
    let gatherTimer: ReturnType<typeof setTimeout> | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | null = null;
    let reopenMs = FIRST_REOPEN_MS;
    let isFetching = false;
    let fetchAgain = false;
    let isStopped = false;
    let isFirstOpen = true;
    let idleCheck: number | null = null;

    const refresh = async () => {
      if (isFetching) {
        fetchAgain = true;
        return;
      }
      isFetching = true;
      const events = gathered;
      gathered = [];
      try {
        const next = await apiFetch<TMapDocument>(`/api/debates/${slug}`);
        if (!isStopped && JSON.stringify(next) !== JSON.stringify(latest.current.doc)) {
          latest.current.onMap(next);
          const sentence = describeLiveChanges(events);
          if (sentence) setNews(sentence);
        }
      } catch {
        // Offline or refused: the next event or reconnection fetches again.
      }
      isFetching = false;
      if (fetchAgain && !isStopped) {
        fetchAgain = false;
        void refresh();
      }
    };
    // Not a debounce: under a steady flow of events the map is still fetched every GATHER_MS.
    const gather = () => {
      gatherTimer ??= setTimeout(() => {
        gatherTimer = null;
        void refresh();
      }, GATHER_MS);
    };

    const open = () => {
      reopenTimer = null;
      // A new EventSource does not send Last-Event-ID, so it says where it left off itself.
      source = new EventSource(`/api/debates/${slug}/events${lastId ? `?since=${lastId}` : ""}`);
      source.onopen = () => {
        reopenMs = FIRST_REOPEN_MS;
        // Changes made since the server rendered the page; checking costs a parse and compare
        // of the whole map, so it waits until the page has finished loading.
        if (isFirstOpen && "requestIdleCallback" in window) idleCheck = requestIdleCallback(gather, { timeout: FIRST_CHECK_WITHIN_MS });
        else gather();
        isFirstOpen = false;
      };
      source.onmessage = (message: MessageEvent<string>) => {
        let event: TLiveEvent;
        try {
          event = ZLiveEvent.parse(JSON.parse(message.data));
        } catch {
          return;
        }
        lastId = event.id;
        gathered.push(event);
        gather();
      };
      source.onerror = () => {
        // A dropped connection is reopened by EventSource itself; a refusal closes it for good.
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        reopenTimer = setTimeout(open, reopenMs);
        reopenMs = Math.min(reopenMs * 2, LAST_REOPEN_MS);
      };
    };
    open();

    return () => {
      isStopped = true;
      source?.close();
      if (gatherTimer) clearTimeout(gatherTimer);
      if (reopenTimer) clearTimeout(reopenTimer);
      if (idleCheck !== null) cancelIdleCallback(idleCheck);
    };
  }, [slug]);

  return news;
}
