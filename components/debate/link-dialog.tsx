"use client";

import { useState, type FormEvent } from "react";

import { createRelation } from "@/lib/client/api/relations";
import { relationProblem } from "@/lib/graph/semantics";
import type { TRelationType } from "@/lib/schemas/domain";
import type { TMapNode } from "@/lib/schemas/map";
import { KIND_LABEL } from "@/lib/labels";

import { useMapActions, useMapStore } from "@/components/map-store/map-store-provider";

import { FormStatus } from "@/components/ui/form-status";
import { DialogActions, ModalDialog } from "@/components/ui/modal-dialog";

import { PENDING_NOTE } from "./statement-wording";

/** Links the selected node to another node already on the map. */
export function LinkDialog({ from }: { from: TMapNode }) {
  const doc = useMapStore((s) => s.doc);
  const { applyLinked, sending, closeDialog: onClose } = useMapActions();
  const slug = doc.debate.slug;
  const [type, setType] = useState<TRelationType>("supports");
  const [toId, setToId] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const candidate = { fromId: from.id, toId, type };
    const problem = toId ? relationProblem(doc.relations, candidate) : "Pick the statement to link to.";
    if (problem) return setMessage(problem);
    try {
      const { relation } = await sending(createRelation(slug, candidate));
      applyLinked(relation, relation.status === "pending" ? PENDING_NOTE : "Linked.");
    } catch (e) {
      setMessage(e instanceof Error ? e.message : "The link could not be made.");
    }
  }

  return (
    <ModalDialog labelledBy="link-title" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="link-title">Link to another statement</h2>
        <p className="dialog__target">
          <q>{from.text}</q>
        </p>
        <fieldset className="kind-choice">
          <legend>This statement</legend>
          <label>
            <input type="radio" name="type" checked={type === "supports"} onChange={() => setType("supports")} /> supports
          </label>
          <label>
            <input type="radio" name="type" checked={type === "attacks"} onChange={() => setType("attacks")} /> attacks
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="link-target">the statement</label>
          <select id="link-target" value={toId} onChange={(e) => setToId(e.target.value)}>
            <option value="">Choose…</option>
            {doc.nodes
              .filter((n) => n.id !== from.id)
              .map((n) => (
                <option key={n.id} value={n.id}>
                  {KIND_LABEL[n.kind]}: {n.text.length > 90 ? `${n.text.slice(0, 90)}…` : n.text}
                </option>
              ))}
          </select>
        </div>
        <FormStatus message={message} />
        <DialogActions onCancel={onClose} submitLabel="Link" />
      </form>
    </ModalDialog>
  );
}
