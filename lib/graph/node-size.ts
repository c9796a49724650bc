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
const HEADER = 28;
/** Attributions are set smaller, so more characters fit on a line; at most two lines. */
const ATTRIBUTION_CHARS_PER_LINE = 40;
const ATTRIBUTION_MAX_LINES = 2;
const PADDING = 16;

/** Lines the text takes when wrapped at word boundaries to CHARS_PER_LINE. */
export function wrappedLineCount(text: string, perLine = CHARS_PER_LINE): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = word.length;
    if (used === 0) {
      lines += Math.floor(Math.max(length - 1, 0) / perLine);
      used = length % perLine || perLine;
    } else if (used + 1 + length <= perLine) {
      used += 1 + length;
    } else {
      lines += 1 + Math.floor(Math.max(length - 1, 0) / perLine);
      used = length % perLine || perLine;
    }
  }
  return lines;
}

export type NodeBox = { width: number; height: number; lines: number; attributionLines: number; isClamped: boolean };

export function nodeBox(text: string, attributedTo: string | null): NodeBox {
  const needed = wrappedLineCount(text);
  const lines = Math.min(needed, MAX_LINES);
  const attributionNeeded = attributedTo ? wrappedLineCount(`Position of ${attributedTo}`, ATTRIBUTION_CHARS_PER_LINE) : 0;
  const attributionLines = Math.min(attributionNeeded, ATTRIBUTION_MAX_LINES);
  return {
    width: NODE_WIDTH,
    height: HEADER + (lines + attributionLines) * LINE_HEIGHT + PADDING,
    lines,
    attributionLines,
    isClamped: needed > MAX_LINES || attributionNeeded > ATTRIBUTION_MAX_LINES,
  };
}
