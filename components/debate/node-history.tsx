"use client";

import { useState } from "react";

import { ApiError } from "@/lib/client/api/api-error";
import { listRevisions, redactRevision } from "@/lib/client/api/nodes";
import type { TRevision } from "@/lib/schemas/revision";

import { DialogActions, ModalDialog } from "@/components/ui/modal-dialog";
import { FieldError } from "@/components/ui/field-error";

const ACTION_LABEL: Record<string, string> = { create: "added", update: "edited", delete: "deleted", restore: "restored", approve: "approved", reject: "rejected" };

function textOf(snapshot: unknown): string | null {
  return typeof snapshot === "object" && snapshot !== null && "text" in snapshot && typeof snapshot.text === "string" ? snapshot.text : null;
}

const when = (iso: string) => <time dateTime={iso}>{new Date(iso).toLocaleString()}</time>;

/** Asks before hiding a revision's text from all but the owner, with an optional reason for the audit log. */
function RedactDialog({ slug, nodeId, revision, onClose, onRedacted }: { slug: string; nodeId: string; revision: TRevision; onClose: () => void; onRedacted: () => void }) {
  const [reason, setReason] = useState("");
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  async function submit() {
    setBusy(true);
    try {
      await redactRevision(slug, nodeId, revision.id, reason.trim() ? { reason } : {});
      onRedacted();
    } catch (e) {
      setError(e instanceof Error ? e.message : "The text could not be redacted.");
      setFieldErrors(e instanceof ApiError ? e.fieldErrors : {});
      setBusy(false);
    }
  }
  return (
    <ModalDialog labelledBy="redact-title" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id="redact-title">Redact the text of version {revision.version}?</h2>
        <p>Its words will be hidden from everyone but the debate&apos;s owner, who will see that you redacted them. This cannot be undone here.</p>
        <div className="field">
          <label htmlFor="redact-reason">Reason, for the audit log (optional)</label>
          <input id="redact-reason" value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} aria-describedby="redact-reason-error" />
          <FieldError id="redact-reason-error" messages={fieldErrors.reason} />
        </div>
        {error && <p role="alert">{error}</p>}
        <DialogActions onCancel={onClose} submitLabel="Redact" isBusy={isBusy} />
      </form>
    </ModalDialog>
  );
}

/** A node's revisions, loaded when opened; the owner and moderators may redact one's text. */
export function NodeHistory({ slug, nodeId, version, canRedact }: { slug: string; nodeId: string; version: number; canRedact: boolean }) {
  const [revisions, setRevisions] = useState<TRevision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [redacting, setRedacting] = useState<TRevision | null>(null);

  async function load() {
    try {
      setRevisions((await listRevisions(slug, nodeId)).revisions);
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
              v{r.version} {ACTION_LABEL[r.action] ?? r.action} by {r.actorName ?? "the seed map"} · {when(r.createdAt)}
            </span>
            {r.action === "update" && textOf(r.before) !== null && (
              <span className="history__change">
                <del>{textOf(r.before)}</del> <ins>{textOf(r.after)}</ins>
              </span>
            )}
            {r.redaction && (
              <span className="history__redacted">
                {textOf(r.before) === null && textOf(r.after) === null ? "Text redacted" : "Redacted for everyone else"}
                {r.redaction.by && <> by {r.redaction.by}</>} · {when(r.redaction.at)}
              </span>
            )}
            {canRedact && !r.redaction && (textOf(r.before) !== null || textOf(r.after) !== null) && (
              <button type="button" className="link-button" onClick={() => setRedacting(r)} aria-label={`Redact the text of version ${r.version}`}>
                Redact
              </button>
            )}
          </li>
        ))}
      </ol>
      {redacting && (
        <RedactDialog
          slug={slug}
          nodeId={nodeId}
          revision={redacting}
          onClose={() => setRedacting(null)}
          onRedacted={() => {
            setRedacting(null);
            void load();
          }}
        />
      )}
    </details>
  );
}
