import { passageSpan } from "@/lib/passage-span";
import type { TAnchor } from "@/lib/schemas/domain";

/**
 * How many characters of the article come before a point of the page. The
 * article element holds nothing but the article's text, split into spans and
 * marks, so the text of a range from its start to the point is exactly the
 * article's text up to there. Points before or after the article count as its
 * start or end, so a selection running into the header still maps.
 */
function offsetIn(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(root);
  const side = range.comparePoint(node, offset);
  if (side < 0) return 0;
  if (side > 0) return root.textContent.length;
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The article passage the page's selection covers, or null when it covers none. */
export function selectedPassage(root: HTMLElement, text: string): TAnchor | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  return passageSpan(text, offsetIn(root, range.startContainer, range.startOffset), offsetIn(root, range.endContainer, range.endOffset));
}
