"use client";

import { useEffect, useRef, useState } from "react";

import { getMap } from "@/lib/client/api/debates";
import { describeLiveChanges } from "@/lib/graph/describe-live-changes";
import type { TMapDocument } from "@/lib/schemas/map";

import { useDebateEvents } from "./use-debate-events";

/**
 * Keeps the map up to date with what others do: on each burst of the
 * debate's events, and whenever the event stream (re)opens, fetches the map
 * again (the map API answers per viewer, their pending items included, with
 * an ETag). `onMap` gets a map only when it differs from `doc`; the viewport
 * is left alone. Returns a sentence about the last change, for a polite live region.
 */
export function useLiveMap(doc: TMapDocument, onMap: (next: TMapDocument) => void): string {
  const [news, setNews] = useState("");
  const latest = useRef({ doc, onMap });
  useEffect(() => {
    latest.current = { doc, onMap };
  });

  useDebateEvents(doc.debate.slug, async (events) => {
    const next = await getMap(doc.debate.slug);
    if (JSON.stringify(next) === JSON.stringify(latest.current.doc)) return;
    latest.current.onMap(next);
    const sentence = describeLiveChanges(events);
    if (sentence) setNews(sentence);
  });

  return news;
}
