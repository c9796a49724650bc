import { filterMap, isFiltering, type MapFilters } from "@/lib/graph/filter-map";
import { subtreeOf } from "@/lib/graph/subtree";
import { NODE_KINDS, PERSPECTIVES } from "@/lib/schemas/domain";
import type { TMapDocument } from "@/lib/schemas/map";
import { KIND_LABEL, PERSPECTIVE_LABEL } from "@/lib/labels";

import { renderMapSvg } from "./map-svg";

/** What the legend says about filters that were on. */
export function filterNote(filters: MapFilters): string | null {
  if (!isFiltering(filters)) return null;
  const parts: string[] = [];
  if (filters.perspectives.length < PERSPECTIVES.length) parts.push(`sources: ${filters.perspectives.map((p) => PERSPECTIVE_LABEL[p]).join(", ") || "none"}`);
  if (filters.kinds.length < NODE_KINDS.length) parts.push(`kinds: ${filters.kinds.map((k) => KIND_LABEL[k]).join(", ") || "none"}`);
  if (filters.onlyAuthorId) parts.push("one contributor's statements");
  return `Filtered view, showing only ${parts.join("; ")}.`;
}

/** The same image in the browser and on the command line: filters, then the tree under rootId, then the SVG. */
export function exportSvg(doc: TMapDocument, { filters, rootId, date }: { filters: MapFilters; rootId: string | null; date: string }): { svg: string; width: number; height: number; nodeCount: number } {
  const filtered = filterMap(doc, filters);
  const tree = rootId ? subtreeOf(filtered, rootId) : filtered;
  const root = rootId ? tree.nodes.find((n) => n.id === rootId) : undefined;
  const svg = renderMapSvg(tree, { debateTitle: doc.debate.title, articleTitle: doc.article.title, date, filterNote: filterNote(filters), rootText: root?.text ?? null });
  const size = /width="(\d+)" height="(\d+)"/.exec(svg);
  return { svg, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), nodeCount: tree.nodes.length };
}
