"use client";

import Link from "next/link";
import type { ReactNode } from "react";

import { pendingItemCount } from "@/lib/moderation/pending-items";
import type { TMapDocument } from "@/lib/schemas/map";

/** The map page's header; for the owner and moderators, the tools, with the count of pending items kept live. */
export function DebateHeader({ doc, oversees, account }: { doc: TMapDocument; oversees: boolean; account: ReactNode }) {
  const slug = doc.debate.slug;
  return (
    <header className="debate__header">
      <Link href="/">← All debates</Link>
      <h1>{doc.debate.title}</h1>
      {oversees && (
        <nav className="debate__tools" aria-label="Debate tools">
          <Link href={`/debates/${slug}/moderation`}>Moderation ({pendingItemCount(doc)} pending)</Link>
          <Link href={`/debates/${slug}/dashboard`}>Dashboard</Link>
          <Link href={`/debates/${slug}/manage`}>Manage</Link>
        </nav>
      )}
      {account}
    </header>
  );
}
