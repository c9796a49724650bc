import type { TAnchor } from "@/lib/schemas/domain";

/**
 * The passage a reader selected, as an anchor into the article text: the two
 * ends of the selection in either order (a selection made backwards ends
 * before it starts), kept inside the text, without the spaces and line breaks
 * at its edges. Null when nothing but white space is selected.
 */
export function passageSpan(text: string, from: number, to: number): TAnchor | null {
  let start = Math.max(0, Math.min(from, to, text.length));
  let end = Math.min(text.length, Math.max(from, to, 0));
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** A passage as a statement's first draft: its words on one line. */
export function passageDraft(text: string, anchor: TAnchor): string {
  return text.slice(anchor.start, anchor.end).replace(/\s+/g, " ").trim();
}
