"use client";

import type { TMapNode } from "@/lib/schemas/map";

import type { AddMode } from "./add-argument-dialog";

export type NodeAction = { type: "add"; mode: AddMode } | { type: "link" } | { type: "edit" } | { type: "delete" };

/** Whether the node can take a co-premise: a premise that already supports something. */
export function acceptsCoPremise(node: TMapNode, supportsSomething: boolean): boolean {
  return node.kind === "premise" && supportsSomething;
}

type Props = { node: TMapNode; canCoPremise: boolean; canChange: boolean; onAction: (action: NodeAction) => void; role?: "menu" };

/** The actions on a node, used by the details panel and the canvas context menu alike; shortcut keys in brackets. */
export function NodeActions({ node, canCoPremise, canChange, onAction, role }: Props) {
  const item = role === "menu" ? "menuitem" : undefined;
  return (
    <div className="node-actions" role={role} aria-label={`Actions on this ${node.kind}`}>
      <button type="button" role={item} className="button" onClick={() => onAction({ type: "add", mode: "supports" })} aria-keyshortcuts="s">
        + Support <kbd>S</kbd>
      </button>
      <button type="button" role={item} className="button" onClick={() => onAction({ type: "add", mode: "attacks" })} aria-keyshortcuts="r">
        + Rebuttal <kbd>R</kbd>
      </button>
      {canCoPremise && (
        <button type="button" role={item} className="button" onClick={() => onAction({ type: "add", mode: "co-premise" })} aria-keyshortcuts="c">
          + Co-premise <kbd>C</kbd>
        </button>
      )}
      <button type="button" role={item} className="button" onClick={() => onAction({ type: "link" })} aria-keyshortcuts="l">
        Link to… <kbd>L</kbd>
      </button>
      {canChange && (
        <>
          <button type="button" role={item} className="button" onClick={() => onAction({ type: "edit" })} aria-keyshortcuts="e">
            Edit <kbd>E</kbd>
          </button>
          <button type="button" role={item} className="button button--danger" onClick={() => onAction({ type: "delete" })}>
            Delete
          </button>
        </>
      )}
    </div>
  );
}
