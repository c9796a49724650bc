import type { TPerspective } from "@/lib/schemas/domain";
import { PERSPECTIVE_LABEL, PERSPECTIVE_SHORT } from "@/lib/labels";

/** Perspective badges carry their name in text; colour only repeats it. */
export function PerspectiveBadges({ perspectives, compact = false }: { perspectives: TPerspective[]; compact?: boolean }) {
  if (perspectives.length === 0) return null;
  return (
    <span className="badges" aria-label={`Sources: ${perspectives.map((p) => PERSPECTIVE_LABEL[p]).join(", ")}`}>
      {perspectives.map((p) => (
        <span key={p} className={`badge badge--${p}`} title={`${PERSPECTIVE_LABEL[p]} source`}>
          {compact ? PERSPECTIVE_SHORT[p] : PERSPECTIVE_LABEL[p]}
        </span>
      ))}
    </span>
  );
}
