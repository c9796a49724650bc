import { NODE_KINDS, PERSPECTIVES, type TNodeKind, type TPerspective } from "@/lib/schemas/domain";
import type { TMapDocument } from "@/lib/schemas/map";

export type MapFilters = { perspectives: TPerspective[]; kinds: TNodeKind[]; onlyAuthorId: string | null };

export const NO_FILTERS: MapFilters = { perspectives: [...PERSPECTIVES], kinds: [...NODE_KINDS], onlyAuthorId: null };

export function isFiltering(filters: MapFilters): boolean {
  return filters.perspectives.length < PERSPECTIVES.length || filters.kinds.length < NODE_KINDS.length || filters.onlyAuthorId !== null;
}

/**
 * The part of the map the filters let through: nodes of a shown kind, citing
 * at least one source of a shown perspective, by the given author if any;
 * relations between nodes that remain.
 */
export function filterMap(doc: TMapDocument, filters: MapFilters): TMapDocument {
  if (!isFiltering(filters)) return doc;
  const perspectiveOf = new Map(doc.sources.map((s) => [s.id, s.perspective]));
  const shownPerspectives = new Set(filters.perspectives);
  const shownKinds = new Set(filters.kinds);
  const nodes = doc.nodes.filter(
    (n) =>
      shownKinds.has(n.kind) &&
      n.sourceIds.some((id) => shownPerspectives.has(perspectiveOf.get(id)!)) &&
      (filters.onlyAuthorId === null || n.authorId === filters.onlyAuthorId),
  );
  const kept = new Set(nodes.map((n) => n.id));
  return { ...doc, nodes, relations: doc.relations.filter((r) => kept.has(r.fromId) && kept.has(r.toId)) };
}
