"use client";

import { useEffect } from "react";

import { useMapActions, useMapStore } from "@/components/map-store/map-store-provider";

const TOAST_MS = 8000;

/** The map's messages: the last confirmation or refusal as a toast, and both it and live news for screen readers. */
export function MapStatus() {
  const status = useMapStore((s) => s.status);
  const liveNews = useMapStore((s) => s.liveNews);
  const { say } = useMapActions();

  // A message stays long enough to read, then leaves the map clear (the live region keeps it for screen readers).
  useEffect(() => {
    if (!status) return;
    const timer = window.setTimeout(() => say(""), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [status, say]);

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {liveNews}
      </p>
      {status && (
        <p className="toast" role="presentation" onClick={() => say("")}>
          {status}
        </p>
      )}
    </>
  );
}
