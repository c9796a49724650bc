"use client";

import { useState, type FormEvent } from "react";

import { ApiError, apiFetch, fieldErrorsOf } from "@/lib/client/api";
import type { TCreatedNode, TMapDocument, TMapNode } from "@/lib/schemas/map";
import { MAX_STATEMENT_LENGTH, ZCreateNodeRequest, type TNodeLink } from "@/lib/schemas/node";
import { MAX_SOURCES } from "@/lib/schemas/source";
import { KIND_LABEL } from "@/lib/labels";

import { FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import { DialogActions, ModalDialog } from "@/components/ui/modal-dialog";

import { EMPTY_SOURCE, SourceFields, sourceCitation, type SourceDraft } from "./source-fields";

export type AddMode = "supports" | "attacks" | "co-premise";

const TITLE: Record<AddMode, string> = {
  supports: "Add a supporting argument",
  attacks: "Add a rebuttal",
  "co-premise": "Add a co-premise",
};

type Props = { slug: string; doc: TMapDocument; target: TMapNode; mode: AddMode; onAdded: (created: TCreatedNode) => void; onClose: () => void };

/** The form for a new sourced statement for, against, or beside a node. */
export function AddArgumentDialog({ slug, doc, target, mode, onAdded, onClose }: Props) {
  const [kind, setKind] = useState<"premise" | "claim" | "rebuttal">(mode === "attacks" ? "rebuttal" : "premise");
  const [text, setText] = useState("");
  const [sources, setSources] = useState<SourceDraft[]>([EMPTY_SOURCE]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const link: TNodeLink = mode === "co-premise" ? { type: "co-premise", premiseId: target.id } : { type: mode, targetId: target.id };
    const body = { kind, text, link, sources: sources.map(sourceCitation) };
    const parsed = ZCreateNodeRequest.safeParse(body);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues));
      setMessage("Some fields need attention.");
      return;
    }
    setBusy(true);
    try {
      onAdded(await apiFetch<TCreatedNode>(`/api/debates/${slug}/nodes`, { method: "POST", body }));
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors : {});
      setMessage(error instanceof Error ? error.message : "The statement could not be added.");
      setBusy(false);
    }
  }

  return (
    <ModalDialog labelledBy="add-title" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="add-title">{TITLE[mode]}</h2>
        <p className="dialog__target">
          {mode === "attacks" ? "Against" : mode === "supports" ? "For" : "Together with"} the {KIND_LABEL[target.kind].toLowerCase()}: <q>{target.text}</q>
        </p>
        {mode === "supports" && (
          <fieldset className="kind-choice">
            <legend>Kind of statement</legend>
            <label>
              <input type="radio" name="kind" checked={kind === "premise"} onChange={() => setKind("premise")} /> Premise: a reason or piece of evidence
            </label>
            <label>
              <input type="radio" name="kind" checked={kind === "claim"} onChange={() => setKind("claim")} /> Claim: a conclusion that needs its own support
            </label>
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="statement-text">Statement</label>
          <textarea
            id="statement-text"
            value={text}
            rows={4}
            maxLength={MAX_STATEMENT_LENGTH}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={!!errors.text}
            aria-describedby="statement-text-error statement-text-count"
            autoFocus
          />
          <span id="statement-text-count" className="field-hint">
            {text.length} / {MAX_STATEMENT_LENGTH}
          </span>
          <FieldError id="statement-text-error" messages={errors.text ?? errors.kind ?? errors["link.targetId"] ?? errors["link.premiseId"]} />
        </div>
        {sources.map((draft, index) => (
          <SourceFields
            key={index}
            index={index}
            draft={draft}
            known={doc.sources}
            errors={errors}
            onChange={(next) => setSources((all) => all.map((d, i) => (i === index ? next : d)))}
            onRemove={sources.length > 1 ? () => setSources((all) => all.filter((_, i) => i !== index)) : undefined}
          />
        ))}
        <FieldError id="sources-error" messages={errors.sources} />
        {sources.length < MAX_SOURCES && (
          <button type="button" className="button button--quiet" onClick={() => setSources((all) => [...all, EMPTY_SOURCE])}>
            Cite another source
          </button>
        )}
        <FormStatus message={message} />
        <DialogActions onCancel={onClose} submitLabel={isBusy ? "Adding…" : "Add to the map"} isBusy={isBusy} />
      </form>
    </ModalDialog>
  );
}
