"use client";

import { useState, type FormEvent } from "react";

import type { TNodeKind } from "@/lib/schemas/domain";
import { KINDS_FOR_LINK, defaultKindFor, type TLinkType } from "@/lib/schemas/link-kinds";
import type { TMapNode } from "@/lib/schemas/map";
import type { TCreateNodeRequest, TNodeLink } from "@/lib/schemas/node";
import { MAX_SOURCES } from "@/lib/schemas/source";
import { KIND_LABEL } from "@/lib/labels";

import { useMapActions, useMapStore } from "@/components/map-store/map-store-provider";

import { FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/form-status";
import { DialogActions, ModalDialog } from "@/components/ui/modal-dialog";

import { EMPTY_SOURCE, SourceFields, sourceCitation, type SourceDraft } from "./source-fields";
import { KIND_HINT, PENDING_NOTE } from "./statement-wording";
import { StatementTextField } from "./statement-text-field";
import { useCreateNode } from "./use-create-node";

const TITLE: Record<TLinkType, string> = {
  supports: "Add a supporting argument",
  attacks: "Add a rebuttal",
  "co-premise": "Add a co-premise",
};

/** The form for a new sourced statement for, against, or beside a node. */
export function AddArgumentDialog({ target, mode }: { target: TMapNode; mode: TLinkType }) {
  const slug = useMapStore((s) => s.doc.debate.slug);
  const knownSources = useMapStore((s) => s.doc.sources);
  const { applyCreated, closeDialog: onClose } = useMapActions();
  const [kind, setKind] = useState<TNodeKind>(defaultKindFor(mode));
  const [text, setText] = useState("");
  const [sources, setSources] = useState<SourceDraft[]>([EMPTY_SOURCE]);
  const kinds: readonly TNodeKind[] = KINDS_FOR_LINK[mode];
  const { errors, message, isBusy, submit } = useCreateNode(
    slug,
    (created) => applyCreated(created, created.node.status === "pending" ? PENDING_NOTE : "Added to the map."),
    "The statement could not be added.",
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const link: TNodeLink = mode === "co-premise" ? { type: "co-premise", premiseId: target.id } : { type: mode, targetId: target.id };
    const body: TCreateNodeRequest = { kind, text, link, sources: sources.map(sourceCitation) };
    void submit(body);
  }

  return (
    <ModalDialog labelledBy="add-title" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="add-title">{TITLE[mode]}</h2>
        <p className="dialog__target">
          {mode === "attacks" ? "Against" : mode === "supports" ? "For" : "Together with"} the {KIND_LABEL[target.kind].toLowerCase()}: <q>{target.text}</q>
        </p>
        {kinds.length > 1 && (
          <fieldset className="kind-choice">
            <legend>Kind of statement</legend>
            {kinds.map((k) => (
              <label key={k}>
                <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} /> {KIND_LABEL[k]}: {KIND_HINT[k]}
              </label>
            ))}
          </fieldset>
        )}
        <StatementTextField
          id="statement-text"
          label="Statement"
          value={text}
          onChange={setText}
          isInvalid={!!errors.text}
          messages={errors.text ?? errors.kind ?? errors["link.targetId"] ?? errors["link.premiseId"]}
          capTyping
        />
        {sources.map((draft, index) => (
          <SourceFields
            key={index}
            index={index}
            draft={draft}
            known={knownSources}
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
