"use client";

import { useState } from "react";

import { apiFetch } from "@/lib/client/api";
import type { TRevision } from "@/lib/schemas/revision";

const ACTION_LABEL: Record<string, string> = { create: "added", update: "edited", delete: "deleted", restore: "restored", approve: "approved", reject: "rejected" };

function textOf(snapshot: unknown): string | null {
  return typeof snapshot === "object" && snapshot !== null && "text" in snapshot && typeof snapshot.text === "string" ? snapshot.text : null;
}

/** A node's revisions, loaded when opened. */
export function NodeHistory({ slug, nodeId, version }: { slug: string; nodeId: string; version: number }) {
  const [revisions, setRevisions] = useState<TRevision[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    try {
      setRevisions((await apiFetch<{ revisions: TRevision[] }>(`/api/debates/${slug}/nodes/${nodeId}/revisions`)).revisions);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The history could not be loaded.");
    }
  }

  return (
    <details className="history" onToggle={(e) => (e.currentTarget.open ? void load() : undefined)} key={`${nodeId}-${version}`}>
      <summary>History</summary>
      {error && <p role="alert">{error}</p>}
      {revisions?.length === 0 && <p>Unchanged since the article was mapped.</p>}
      <ol>
        {revisions?.map((r) => (
          <li key={r.id}>
            <span className="history__meta">
              v{r.version} {ACTION_LABEL[r.action] ?? r.action} by {r.actorName ?? "the seed map"} · <time dateTime={r.createdAt}>{new Date(r.createdAt).toLocaleString()}</time>
            </span>
            {r.action === "update" && textOf(r.before) !== null && (
              <span className="history__change">
                <del>{textOf(r.before)}</del> <ins>{textOf(r.after)}</ins>
              </span>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
