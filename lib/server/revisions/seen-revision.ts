import "server-only";

import type { Prisma } from "@prisma/client";

/** How much of an item's history a person may read. */
export type HistorySight = {
  /**
   * Every state the item was in: for its author, the owner and moderators.
   * Anyone else reads only the states in which it was on the public map.
   */
  whole: boolean;
  /** Redacted text: for the debate's owner alone. */
  redacted: boolean;
  /**
   * The linked groups on the map as this person sees it: a link's state
   * naming any other group was made by someone's pending co-premise.
   */
  groups?: ReadonlySet<string>;
};

type StoredRevision = { entityType: string; before: Prisma.JsonValue | null; after: Prisma.JsonValue | null; reason: string | null; redactedAt: Date | null };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Whether a snapshot shows the item as it was on the public map. A statement's
 * snapshot says its status; one that does not is not taken as approved. A
 * link's snapshots name a status only when it changed.
 */
function wasPublic(entityType: string, snapshot: Prisma.JsonValue | null, groups: ReadonlySet<string> | undefined): boolean {
  if (!isRecord(snapshot)) return false;
  if (entityType === "node") return snapshot.status === "approved";
  if ("status" in snapshot && snapshot.status !== "approved") return false;
  return !(typeof snapshot.groupId === "string" && groups && !groups.has(snapshot.groupId));
}

/**
 * One revision as a person may read it, or null when none of it is theirs to
 * read: a person who does not see the item's whole history reads only the
 * states in which it was public (not the text its author first proposed, a
 * moderator's edit before approval, or a rejection and its reason); redacted
 * text reaches the owner alone.
 */
export function seenRevision<R extends StoredRevision>(revision: R, sight: HistorySight): R | null {
  let seen = revision;
  if (!sight.whole) {
    const before = wasPublic(revision.entityType, revision.before, sight.groups) ? revision.before : null;
    const after = wasPublic(revision.entityType, revision.after, sight.groups) ? revision.after : null;
    if (before === null && after === null) return null;
    seen = { ...revision, before, after, reason: after === null ? null : revision.reason };
  }
  if (revision.redactedAt && !sight.redacted) seen = { ...seen, before: null, after: null, reason: null };
  return seen;
}
