"use client";

import Link from "next/link";
import type { ReactNode } from "react";

import { pendingItemCount } from "@/lib/moderation/pending-items";

import { useMapStore } from "@/components/map-store/map-store-provider";

/** The map page's header; for the owner and moderators, the tools, with the count of pending items kept live. */
export function DebateHeader({ oversees, account }: { oversees: boolean; account: ReactNode }) {
  const slug = useMapStore((s) => s.doc.debate.slug);
  const title = useMapStore((s) => s.doc.debate.title);
  const pending = useMapStore((s) => pendingItemCount(s.doc));
  return (
    <header className="debate__header">
      <Link href="/">← All debates</Link>
      <h1>{title}</h1>
      {oversees && (
        <nav className="debate__tools" aria-label="Debate tools">
          <Link href={`/debates/${slug}/moderation`}>Moderation ({pending} pending)</Link>
          <Link href={`/debates/${slug}/dashboard`}>Dashboard</Link>
          <Link href={`/debates/${slug}/manage`}>Manage</Link>
        </nav>
      )}
      {account}
    </header>
  );
}
