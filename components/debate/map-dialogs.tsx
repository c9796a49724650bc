"use client";

import { useMapStore } from "@/components/map-store/map-store-provider";

import { MapPassageDialog } from "../article/map-passage-dialog";
import { AddArgumentDialog } from "./add-argument-dialog";
import { LinkDialog } from "./link-dialog";

/** The dialog the store has open over the map, about the statement or passage it names. */
export function MapDialogs() {
  const dialog = useMapStore((s) => s.dialog);
  const node = useMapStore(({ dialog: open, doc }) => (open && open.type !== "passage" ? doc.nodes.find((n) => n.id === open.nodeId) : undefined));
  if (dialog?.type === "passage") return <MapPassageDialog anchor={dialog.anchor} />;
  if (!node) return null;
  if (dialog?.type === "add") return <AddArgumentDialog target={node} mode={dialog.link} />;
  if (dialog?.type === "link") return <LinkDialog from={node} />;
  return null;
}
