"use client";

import { NODE_KINDS, PERSPECTIVES } from "@/lib/schemas/domain";
import { KIND_LABEL, PERSPECTIVE_LABEL } from "@/lib/labels";

import { useMapActions, useMapStore } from "@/components/map-store/map-store-provider";

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** Show or hide nodes by source perspective, by kind, and one's own. */
export function MapFiltersBar() {
  const filters = useMapStore((s) => s.filters);
  const viewerId = useMapStore((s) => s.viewer?.userId ?? null);
  const shown = useMapStore((s) => s.shown.nodes.length);
  const total = useMapStore((s) => s.doc.nodes.length);
  const { setFilters: onChange } = useMapActions();
  return (
    <section className="filters" aria-label="Filters">
      <fieldset>
        <legend>Perspectives</legend>
        {PERSPECTIVES.map((p) => (
          <label key={p}>
            <input type="checkbox" checked={filters.perspectives.includes(p)} onChange={() => onChange({ ...filters, perspectives: toggle(filters.perspectives, p) })} /> {PERSPECTIVE_LABEL[p]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Kinds</legend>
        {NODE_KINDS.map((k) => (
          <label key={k}>
            <input type="checkbox" checked={filters.kinds.includes(k)} onChange={() => onChange({ ...filters, kinds: toggle(filters.kinds, k) })} /> {KIND_LABEL[k]}
          </label>
        ))}
      </fieldset>
      {viewerId && (
        <label>
          <input type="checkbox" checked={filters.onlyAuthorId !== null} onChange={(e) => onChange({ ...filters, onlyAuthorId: e.target.checked ? viewerId : null })} /> Only my contributions
        </label>
      )}
      <span className="filters__count" aria-live="polite">
        {shown === total ? `${total} statements` : `${shown} of ${total} statements shown`}
      </span>
    </section>
  );
}
