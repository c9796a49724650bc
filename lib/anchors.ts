export type AnchoredSpan = { id: string; start: number; end: number };
/** A stretch of the article and the nodes whose anchors cover all of it. */
export type Segment = { start: number; end: number; ids: string[] };

/**
 * Cuts the article into segments at every anchor boundary, so overlapping
 * anchors can each be highlighted without nesting <mark> elements.
 */
export function segmentText(textLength: number, spans: AnchoredSpan[]): Segment[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= textLength && s.start < s.end);
  const cuts = [...new Set([0, textLength, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    // Shortest span first: clicking a passage selects its most specific node.
    const ids = valid
      .filter((s) => s.start <= start && s.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))
      .map((s) => s.id);
    segments.push({ start, end, ids });
  }
  return segments;
}
