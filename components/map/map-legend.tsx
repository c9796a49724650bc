import { NODE_KINDS, PERSPECTIVES } from "@/lib/schemas/domain";
import { KIND_GLYPH, KIND_LABEL } from "@/lib/labels";

import { PerspectiveBadges } from "../debate/perspective-badges";

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
          <li>
            <svg width="36" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="36" y2="5" className="relation relation--supports" />
            </svg>
            supports (solid, filled arrow)
          </li>
          <li>
            <svg width="36" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="36" y2="5" className="relation relation--attacks" />
            </svg>
            attacks (dashed, open arrow)
          </li>
          <li>
            <PerspectiveBadges perspectives={[...PERSPECTIVES]} compact /> source perspectives
          </li>
      </ul>
    </section>
  );
}
