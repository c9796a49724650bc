"use client";

import { NODE_KINDS, PERSPECTIVES } from "@/lib/schemas/domain";
import { KIND_LABEL, PERSPECTIVE_LABEL } from "@/lib/labels";

import { useMapActions, useMapStore } from "@/components/map-store/map-store-provider";

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** One checkbox an option, ticked when `checked` holds it; a click adds or removes it. */
function CheckboxGroup<T extends string>({ legend, options, labels, checked, onChange }: { legend: string; options: readonly T[]; labels: Record<T, string>; checked: T[]; onChange: (checked: T[]) => void }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input type="checkbox" checked={checked.includes(option)} onChange={() => onChange(toggle(checked, option))} /> {labels[option]}
        </label>
      ))}
    </fieldset>
  );
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
      <CheckboxGroup legend="Perspectives" options={PERSPECTIVES} labels={PERSPECTIVE_LABEL} checked={filters.perspectives} onChange={(perspectives) => onChange({ ...filters, perspectives })} />
      <CheckboxGroup legend="Kinds" options={NODE_KINDS} labels={KIND_LABEL} checked={filters.kinds} onChange={(kinds) => onChange({ ...filters, kinds })} />
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
