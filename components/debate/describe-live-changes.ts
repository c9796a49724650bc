import type { TEventType, TLiveEvent } from "@/lib/schemas/debate-event";

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** How each kind of change is told, given how many items it touched. */
const PHRASES: Partial<Record<TEventType, (n: number) => string>> = {
  "node.created": (n) => `${n} new ${n === 1 ? "statement" : "statements"}`,
  "node.updated": (n) => `${count(n, "statement")} edited`,
  "node.approved": (n) => `${count(n, "statement")} approved`,
  "node.rejected": (n) => `${count(n, "statement")} rejected`,
  "node.deleted": (n) => `${count(n, "statement")} removed`,
  "relation.created": (n) => `${n} new ${n === 1 ? "link" : "links"}`,
  "relation.approved": (n) => `${count(n, "link")} approved`,
  "relation.rejected": (n) => `${count(n, "link")} rejected`,
  "relation.deleted": (n) => `${count(n, "link")} removed`,
};

/** What the viewer does to their own items is confirmed where they do it. */
const OWN_ACTIONS = new Set<TEventType>(["node.created", "node.updated", "node.deleted", "relation.created", "relation.deleted"]);

/**
 * A short sentence for a screen reader about what others changed on the map,
 * e.g. "Map updated: 2 new statements, 1 statement edited." Null when there is
 * nothing worth announcing (settings, members, or the viewer's own changes).
 */
export function describeLiveChanges(events: TLiveEvent[]): string | null {
  const touched = new Map<TEventType, Set<string>>();
  for (const event of events) {
    if (!PHRASES[event.type] || (event.isYours && OWN_ACTIONS.has(event.type))) continue;
    const ids = touched.get(event.type) ?? new Set<string>();
    touched.set(event.type, ids.add(event.entityId));
  }
  if (touched.size === 0) return null;
  const parts = (Object.keys(PHRASES) as TEventType[])
    .filter((type) => touched.has(type))
    .map((type) => PHRASES[type]!(touched.get(type)!.size));
  return `Map updated: ${parts.join(", ")}.`;
}
