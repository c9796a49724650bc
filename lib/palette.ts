import type { TNodeKind, TPerspective, TRelationType } from "@/lib/schemas/domain";

/**
 * The app's colours: one table for the screen (CSS custom properties set on
 * the page's root element; the canvas reads it directly) and the exported images.
 */
export const PALETTE = {
  ink: "#1d232b",
  muted: "#5a6470",
  line: "#d5dae0",
  paper: "#ffffff",
  wash: "#f5f6f8",
  focus: "#f59e0b",
  /** Error messages and the export's filter note. */
  error: "#a11b12",
} as const;

/** A kind's border and label colour, and the background of its box. */
export const KIND_COLOUR: Record<TNodeKind, { stroke: string; fill: string }> = {
  thesis: { stroke: "#5b3fa8", fill: "#f6f2ff" },
  claim: { stroke: "#1f5fa8", fill: "#f1f6fd" },
  premise: { stroke: "#5f6b7a", fill: PALETTE.paper },
  rebuttal: { stroke: "#b3261e", fill: "#fdf3f2" },
};

export const RELATION_COLOUR: Record<TRelationType, string> = { supports: "#2e7d32", attacks: "#b3261e" };

export const PERSPECTIVE_COLOUR: Record<TPerspective, string> = { armenian: "#9a3412", azerbaijani: "#0e7490", neutral: "#4b5563" };

/** The table as CSS custom properties: --ink …, --thesis and --thesis-fill …, --supports …, --armenian …. */
export function paletteProperties(): Record<`--${string}`, string> {
  const properties: Record<`--${string}`, string> = {};
  for (const [name, colour] of Object.entries(PALETTE)) properties[`--${name}`] = colour;
  for (const [kind, { stroke, fill }] of Object.entries(KIND_COLOUR)) {
    properties[`--${kind}`] = stroke;
    properties[`--${kind}-fill`] = fill;
  }
  for (const [name, colour] of [...Object.entries(RELATION_COLOUR), ...Object.entries(PERSPECTIVE_COLOUR)]) properties[`--${name}`] = colour;
  return properties;
}
