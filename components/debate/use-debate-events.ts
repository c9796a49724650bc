"use client";

import { useEffect, useRef } from "react";

import { ZLiveEvent, type TLiveEvent } from "@/lib/schemas/debate-event";

/** Events this close together make one call. */
const GATHER_MS = 80;
/** The first call, for changes made while the page loaded, waits for an idle moment, at most this long. */
const FIRST_CHECK_WITHIN_MS = 3000;
/** After the server refused the stream (EventSource then gives up), try again after this long, doubling. */
const FIRST_REOPEN_MS = 2000;
const LAST_REOPEN_MS = 60_000;
/** After a call failed (the fetch refused or cut off, as while an instance stops), it is made again after this long, doubling. */
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 16_000;

/**
 * Listens to a debate's live events and calls `onChange` once per burst of
 * them, with the events of the burst, and whenever the stream (re)opens (then
 * with `reopened`, since anything may have changed while it was away). Events are only a
 * signal: `onChange` fetches what it shows. Calls never overlap; a burst
 * during a call makes one more call after it.
 */
export function useDebateEvents(slug: string, onChange: (events: TLiveEvent[], reopened: boolean) => Promise<void>): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let lastId: string | null = null;
    let gathered: TLiveEvent[] = [];
    let hasReopened = false;
    let gatherTimer: ReturnType<typeof setTimeout> | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | null = null;
    let reopenMs = FIRST_REOPEN_MS;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let retryMs = FIRST_RETRY_MS;
    let isCalling = false;
    let callAgain = false;
    let isStopped = false;
    let isFirstOpen = true;
    let idleCheck: number | null = null;

    const call = async () => {
      if (isCalling) {
        callAgain = true;
        return;
      }
      isCalling = true;
      const events = gathered;
      const reopened = hasReopened;
      gathered = [];
      hasReopened = false;
      try {
        if (!isStopped) await latest.current(events, reopened);
        retryMs = FIRST_RETRY_MS;
      } catch {
        // Offline, refused or cut off: the change is still to be shown, and no
        // event may come to say so again, so the same call is made again later.
        gathered = [...events, ...gathered];
        hasReopened ||= reopened;
        if (!isStopped && retryTimer === null) {
          retryTimer = setTimeout(() => {
            retryTimer = null;
            gather();
          }, retryMs);
          retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
        }
      }
      isCalling = false;
      if (callAgain && !isStopped) {
        callAgain = false;
        void call();
      }
    };
    // Not a debounce: under a steady flow of events there is still a call every GATHER_MS.
    const gather = () => {
      gatherTimer ??= setTimeout(() => {
        gatherTimer = null;
        void call();
      }, GATHER_MS);
    };

    const open = () => {
      reopenTimer = null;
      // A new EventSource does not send Last-Event-ID, so it says where it left off itself.
      source = new EventSource(`/api/debates/${slug}/events${lastId ? `?since=${lastId}` : ""}`);
      source.onopen = () => {
        reopenMs = FIRST_REOPEN_MS;
        hasReopened = true;
        // The first check waits until the page has finished loading.
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
      if (retryTimer) clearTimeout(retryTimer);
      if (idleCheck !== null) cancelIdleCallback(idleCheck);
    };
  }, [slug]);
}
