import type { TErrorCode } from "@/lib/errors";

export type Role = "owner" | "moderator" | "participant" | "viewer";
export type Phase = "open" | "closed" | "archived";

/** Who acts: null when nobody is signed in; role null when signed in but not a member. */
export type DebateActor = { userId: string; role: Role | null } | null;
export type DebateState = { phase: Phase; hasOwner: boolean };

export type Action = "debate:read" | "node:create" | "relation:create" | "node:update" | "node:delete";

export type Decision = { allowed: true } | { allowed: false; code: Extract<TErrorCode, "UNAUTHORIZED" | "FORBIDDEN">; reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (code: "UNAUTHORIZED" | "FORBIDDEN", reason: string): Decision => ({ allowed: false, code, reason });

/**
 * The one rule table for what each person may do in a debate. The server
 * enforces it on every request; the UI uses it only to hide what would fail.
 * A debate without an owner (the ready-made example) is open to every
 * signed-in person; an owned debate to its members.
 */
export function can(actor: DebateActor, action: Action, debate: DebateState, resource?: { authorId: string | null }): Decision {
  if (action === "debate:read") return ALLOW;
  if (!actor) return deny("UNAUTHORIZED", "Sign in to add to or change the map.");
  const role: Role | null = actor.role ?? (debate.hasOwner ? null : "participant");
  if (role === null) return deny("FORBIDDEN", "Only members of this debate can add to its map. Ask its owner for the join link.");
  if (debate.phase === "archived") return deny("FORBIDDEN", "This debate is archived; its map can no longer change.");
  if (debate.phase === "closed" && role !== "owner") return deny("FORBIDDEN", "This debate is closed; only its owner can change the map now.");
  if (role === "viewer") return deny("FORBIDDEN", "Viewers can read this debate but not add to it.");
  if (action === "node:update" || action === "node:delete") {
    const isAuthor = resource?.authorId === actor.userId;
    if (!isAuthor && role !== "owner" && role !== "moderator") {
      return deny("FORBIDDEN", action === "node:update" ? "You can only edit statements you added." : "You can only delete statements you added.");
    }
  }
  return ALLOW;
}
