"use client";

import { useState, type FormEvent } from "react";

import { ApiError } from "@/lib/client/api/api-error";
import { updateNode } from "@/lib/client/api/nodes";
import type { TMapNode } from "@/lib/schemas/map";
import { MAX_STATEMENT_LENGTH, ZUpdateNodeRequest } from "@/lib/schemas/node";
import { ZMapNode } from "@/lib/schemas/map";

import { FieldError } from "@/components/ui/field-error";
import { DialogActions } from "@/components/ui/modal-dialog";

type Props = {
  slug: string;
  node: Pick<TMapNode, "id" | "text" | "version">;
  onSaved: (node: TMapNode) => void;
  /** The person kept the other version: nothing of theirs was saved. */
  onKeptCurrent: (node: TMapNode) => void;
  onCancel: () => void;
  /** Sees the save on its way (the map page waits for its answer before taking live events). */
  sending?: <T>(write: Promise<T>) => Promise<T>;
};

const asIs = <T,>(write: Promise<T>) => write;

/**
 * Edits a node's text from the version it was opened at. When someone else
 * saved in between, the server's current text is shown beside the draft and
 * the person chooses: keep theirs, or save the draft over it.
 */
export function NodeEditor({ slug, node, onSaved, onKeptCurrent, onCancel, sending = asIs }: Props) {
  const [text, setText] = useState(node.text);
  const [baseVersion, setBaseVersion] = useState(node.version);
  const [conflict, setConflict] = useState<TMapNode | null>(null);
  const [error, setError] = useState<string[] | undefined>();
  const [isBusy, setBusy] = useState(false);

  async function save(version: number) {
    const parsed = ZUpdateNodeRequest.safeParse({ text, version });
    if (!parsed.success) return setError(parsed.error.issues.map((i) => i.message));
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await sending(updateNode(slug, node.id, parsed.data)));
    } catch (e) {
      const current = e instanceof ApiError && e.code === "CONFLICT" ? ZMapNode.safeParse(e.current) : null;
      if (current?.success) setConflict(current.data);
      else setError([e instanceof Error ? e.message : "The change could not be saved."]);
      setBusy(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(baseVersion);
  };

  return (
    <form className="node-editor" onSubmit={onSubmit} noValidate>
      <label htmlFor="edit-text">Statement</label>
      <textarea id="edit-text" value={text} rows={5} maxLength={MAX_STATEMENT_LENGTH} onChange={(e) => setText(e.target.value)} aria-describedby="edit-text-error" autoFocus />
      <FieldError id="edit-text-error" messages={error} />
      {conflict && (
        <div className="conflict" role="alert">
          <p>
            <strong>Someone else changed this statement</strong> while you were editing. Their version:
          </p>
          <blockquote>{conflict.text}</blockquote>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => onKeptCurrent(conflict)}>
              Keep their version
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setBaseVersion(conflict.version);
                setConflict(null);
                void save(conflict.version);
              }}
            >
              Save mine over it
            </button>
          </div>
        </div>
      )}
      {!conflict && <DialogActions onCancel={onCancel} submitLabel="Save" isBusy={isBusy} />}
    </form>
  );
}
