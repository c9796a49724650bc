"use client";

import { useRouter } from "next/navigation";
import { startTransition, useCallback, useEffect } from "react";

/** About what a database restart takes; the API asks for the same wait (Retry-After). */
const RETRY_MS = 5000;

/** What Next.js hands a route segment's error.tsx. */
export type ErrorBoundaryProps = { error: Error & { digest?: string }; reset: () => void };

/**
 * A page whose server rendering failed, most often because the database was
 * unreachable for a moment (restarting, failing over): it says what could not
 * be loaded and renders the page again by itself a few seconds later, so an
 * open tab recovers without the reader doing anything.
 */
export function PageError({ reset, title }: ErrorBoundaryProps & { title: string }) {
  const router = useRouter();
  // The server renders the page anew (refresh) and the boundary shows it again (reset).
  const retry = useCallback(() => {
    startTransition(() => {
      router.refresh();
      reset();
    });
  }, [router, reset]);
  useEffect(() => {
    const timer = setTimeout(retry, RETRY_MS);
    return () => clearTimeout(timer);
  }, [retry]);
  return (
    <main className="home">
      <h1>{title}</h1>
      <p role="status">The server could not reach its data just now. The page tries again by itself in a few seconds.</p>
      <button type="button" onClick={retry}>
        Try again now
      </button>
    </main>
  );
}
