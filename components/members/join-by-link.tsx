"use client";

import { useEffect, useRef, useState } from "react";

import { useRouter } from "next/navigation";

import { joinDebate } from "@/lib/client/api/members";

/**
 * Opening a join link while signed in joins at once, then opens the debate.
 * The join is a POST from the page, not part of loading it, so a link
 * preview or prefetch never makes anyone a member.
 */
export function JoinByLink({ code }: { code: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    joinDebate({ code })
      .then(({ slug }) => router.replace(`/debates/${slug}`))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : "The link could not be used."));
  }, [code, router]);

  return error ? (
    <p role="alert">{error}</p>
  ) : (
    <p role="status" aria-live="polite">
      Joining…
    </p>
  );
}
