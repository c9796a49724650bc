/**
 * Node boxes have a fixed width and a height computed from their text, so the
 * layout can run before anything is rendered (2000 nodes cannot wait for a
 * measuring pass). The node component renders exactly these sizes and clamps
 * the text to `lines`; the full text is always in the details panel.
 */
export const NODE_WIDTH = 260;
export const CHARS_PER_LINE = 32;
export const LINE_HEIGHT = 18;
export const MAX_LINES = 6;
export const HEADER = 28;
/** Attributions are set smaller, so more characters fit on a line; at most two lines. */
export const ATTRIBUTION_CHARS_PER_LINE = 40;
const ATTRIBUTION_MAX_LINES = 2;
export const PADDING = 16;
/** The line under the text that names the author's team (name and swatch). */
export const TEAM_LINE = LINE_HEIGHT;

/** The text wrapped at word boundaries to `perLine` characters; words longer than a line are broken. */
export function wrapLines(text: string, perLine = CHARS_PER_LINE): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length <= perLine) {
      current += ` ${word}`;
      continue;
    }
    if (current) lines.push(current);
    let rest = word;
    for (; rest.length > perLine; rest = rest.slice(perLine)) lines.push(rest.slice(0, perLine));
    current = rest;
  }
  lines.push(current);
  return lines;
}

/** Lines the text takes when wrapped at word boundaries to CHARS_PER_LINE. */
export function wrappedLineCount(text: string, perLine = CHARS_PER_LINE): number {
  return wrapLines(text, perLine).length;
}

export type NodeBox = { width: number; height: number; lines: number; attributionLines: number; isClamped: boolean };

export const attributionText = (attributedTo: string) => `Position of ${attributedTo}`;

/**
 * The box of a node; `unclamped` (for exported images) gives room for every
 * line, `hasTeam` for the line naming the author's team.
 */
export function nodeBox(text: string, attributedTo: string | null, unclamped = false, hasTeam = false): NodeBox {
  const needed = wrappedLineCount(text);
  const lines = unclamped ? needed : Math.min(needed, MAX_LINES);
  const attributionNeeded = attributedTo ? wrappedLineCount(attributionText(attributedTo), ATTRIBUTION_CHARS_PER_LINE) : 0;
  const attributionLines = unclamped ? attributionNeeded : Math.min(attributionNeeded, ATTRIBUTION_MAX_LINES);
  return {
    width: NODE_WIDTH,
    height: HEADER + (lines + attributionLines) * LINE_HEIGHT + (hasTeam ? TEAM_LINE : 0) + PADDING,
    lines,
    attributionLines,
    isClamped: needed > MAX_LINES || attributionNeeded > ATTRIBUTION_MAX_LINES,
  };
}
