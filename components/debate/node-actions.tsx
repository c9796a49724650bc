"use client";

import { acceptsCoPremise, isLinkable } from "@/lib/schemas/link-kinds";
import type { TMapNode } from "@/lib/schemas/map";

import { allows, supportsSomething, type NodeAction } from "@/components/map-store/map-store";
import { useMapStore } from "@/components/map-store/map-store-provider";

import { useNodeAction } from "./use-node-action";

type Props = {
  node: TMapNode;
  role?: "menu";
  /** Called when an action is chosen, before it runs (a menu closes). */
  onChosen?: () => void;
};

/** The actions on a node, used by the details panel and the canvas context menu alike; shortcut keys in brackets. */
export function NodeActions({ node, role, onChosen }: Props) {
  const canChange = useMapStore((s) => allows(s, "node:update", node));
  const canCoPremise = useMapStore((s) => acceptsCoPremise(node, supportsSomething(s.doc, node.id)));
  const runAction = useNodeAction();
  const onAction = (action: NodeAction) => {
    onChosen?.();
    void runAction(node, action);
  };
  const item = role === "menu" ? "menuitem" : undefined;
  return (
    <div className="node-actions" role={role} aria-label={`Actions on this ${node.kind}`}>
      {isLinkable(node) && (
        <>
          <button type="button" role={item} className="button" onClick={() => onAction({ type: "add", link: "supports" })} aria-keyshortcuts="s">
            + Support <kbd>S</kbd>
          </button>
          <button type="button" role={item} className="button" onClick={() => onAction({ type: "add", link: "attacks" })} aria-keyshortcuts="r">
            + Rebuttal <kbd>R</kbd>
          </button>
          {canCoPremise && (
            <button type="button" role={item} className="button" onClick={() => onAction({ type: "add", link: "co-premise" })} aria-keyshortcuts="c">
              + Co-premise <kbd>C</kbd>
            </button>
          )}
          <button type="button" role={item} className="button" onClick={() => onAction({ type: "link" })} aria-keyshortcuts="l">
            Link to… <kbd>L</kbd>
          </button>
        </>
      )}
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
