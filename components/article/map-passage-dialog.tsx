"use client";

import { useState, type FormEvent } from "react";

import { passageDraft } from "@/lib/passage-span";
import { NODE_KINDS, type TAnchor, type TNodeKind } from "@/lib/schemas/domain";
import { isLinkable, relationForKind } from "@/lib/schemas/link-kinds";
import type { TCreatedNode } from "@/lib/schemas/map";
import type { TCreateNodeRequest } from "@/lib/schemas/node";
import { KIND_GLYPH, KIND_LABEL } from "@/lib/labels";

import { useMapActions, useMapStore } from "@/components/map-store/map-store-provider";

import { FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import { DialogActions, ModalDialog } from "@/components/ui/modal-dialog";

import { StatementTextField } from "../debate/statement-text-field";
import { KIND_HINT } from "../debate/statement-wording";
import { useCreateNode } from "../debate/use-create-node";

/** Turns a selected passage of the article into a statement anchored to it, optionally linked to one on the map. */
export function MapPassageDialog({ anchor }: { anchor: TAnchor }) {
  const doc = useMapStore((s) => s.doc);
  const { applyCreated, closeDialog: onClose } = useMapActions();
  const slug = doc.debate.slug;
  const linkable = doc.nodes.filter(isLinkable);
  const hasThesis = linkable.some((n) => n.kind === "thesis");
  const [kind, setKind] = useState<TNodeKind>(hasThesis ? "claim" : "thesis");
  const [text, setText] = useState(() => passageDraft(doc.article.text, anchor));
  const [attributedTo, setAttributedTo] = useState("");
  const [targetId, setTargetId] = useState(() => (hasThesis ? (linkable.find((n) => n.kind === "thesis")?.id ?? "") : ""));
  const onMapped = (created: TCreatedNode) => {
    document.getSelection()?.removeAllRanges();
    applyCreated(created, created.node.status === "pending" ? "Mapped; it waits for a moderator." : "Mapped: the passage is on the map.");
  };
  const { errors, message, isBusy, submit } = useCreateNode(slug, onMapped, "The passage could not be mapped.");
  const relation = relationForKind(kind);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const link = kind !== "thesis" && targetId ? { type: relation, targetId } : undefined;
    const body: TCreateNodeRequest = { kind, text, attributedTo, anchor, link };
    void submit(body);
  }

  return (
    <ModalDialog labelledBy="map-passage-title" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="map-passage-title">Map this passage</h2>
        <figure className="passage-quote">
          <figcaption>Passage of the article ({anchor.end - anchor.start} characters)</figcaption>
          <blockquote className="details__quote">{doc.article.text.slice(anchor.start, anchor.end)}</blockquote>
        </figure>
        <FieldError id="passage-anchor-error" messages={errors.anchor} />
        <fieldset className="kind-choice kind-choice--stacked" aria-describedby="passage-kind-error">
          <legend>It is a…</legend>
          {NODE_KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name="passage-kind" value={k} checked={kind === k} disabled={k === "thesis" && hasThesis} onChange={() => setKind(k)} />
              <span>
                <span aria-hidden="true">{KIND_GLYPH[k]}</span> {KIND_LABEL[k]}: {KIND_HINT[k]}
                {k === "thesis" && hasThesis && " (this debate has one)"}
              </span>
            </label>
          ))}
        </fieldset>
        <FieldError id="passage-kind-error" messages={errors.kind} />
        <StatementTextField id="passage-text" label="Statement, in short" value={text} onChange={setText} isInvalid={!!errors.text} messages={errors.text} capTyping={false} />
        <div className="field">
          <label htmlFor="passage-attributed">Whose position is it? (optional)</label>
          <input
            id="passage-attributed"
            value={attributedTo}
            maxLength={200}
            placeholder="e.g. a government, a party, a named official"
            onChange={(e) => setAttributedTo(e.target.value)}
            aria-invalid={!!errors.attributedTo}
            aria-describedby="passage-attributed-hint passage-attributed-error"
          />
          <span id="passage-attributed-hint" className="field-hint field-hint--start">
            Leave empty when the article states it in its own voice.
          </span>
          <FieldError id="passage-attributed-error" messages={errors.attributedTo} />
        </div>
        {kind !== "thesis" && (
          <div className="field">
            <label htmlFor="passage-link">
              This {KIND_LABEL[kind].toLowerCase()} {relation} (optional)
            </label>
            <select id="passage-link" value={targetId} onChange={(e) => setTargetId(e.target.value)} aria-describedby="passage-link-hint passage-link-error">
              <option value="">Nothing yet</option>
              {linkable.map((n) => (
                <option key={n.id} value={n.id}>
                  {KIND_LABEL[n.kind]}: {n.text.length > 90 ? `${n.text.slice(0, 90)}…` : n.text}
                </option>
              ))}
            </select>
            <span id="passage-link-hint" className="field-hint field-hint--start">
              An unlinked statement can be linked later: select it on the map and press L.
            </span>
            <FieldError id="passage-link-error" messages={errors["link.targetId"] ?? errors.link} />
          </div>
        )}
        <FormStatus message={message} />
        <DialogActions onCancel={onClose} submitLabel={isBusy ? "Mapping…" : "Add to the map"} isBusy={isBusy} />
      </form>
    </ModalDialog>
  );
}
