import { NODE_KINDS, PERSPECTIVES } from "@/lib/schemas/domain";
import { KIND_GLYPH, KIND_LABEL } from "@/lib/labels";

import { PerspectiveBadges } from "../debate/perspective-badges";

/** A line drawn as the canvas draws a relation of this type, and what it means. */
function RelationKey({ type, label }: { type: "supports" | "attacks"; label: string }) {
  return (
    <li>
      <svg width="36" height="10" aria-hidden="true">
        <line x1="0" y1="5" x2="36" y2="5" className={`relation relation--${type}`} />
      </svg>
      {label}
    </li>
  );
}

/** What shapes, lines and badges mean; shown above the canvas so it never hides the map. */
export function MapLegend() {
  return (
    <section className="legend" aria-label="Legend">
      <ul className="legend__list">
          {NODE_KINDS.map((kind) => (
            <li key={kind}>
              <span className={`legend__swatch statement--${kind}`} aria-hidden="true">
                {KIND_GLYPH[kind]}
              </span>
              {KIND_LABEL[kind]}
            </li>
          ))}
          <RelationKey type="supports" label="supports (solid, filled arrow)" />
          <RelationKey type="attacks" label="attacks (dashed, open arrow)" />
          <li>
            <PerspectiveBadges perspectives={[...PERSPECTIVES]} compact /> source perspectives
          </li>
      </ul>
    </section>
  );
}
