import type { TErrorCode } from "@/lib/errors";

export type Role = "owner" | "moderator" | "participant" | "viewer";
export type Phase = "open" | "closed" | "archived";

/** Who acts: null when nobody is signed in; role null when signed in but not a member. */
export type DebateActor = { userId: string; role: Role | null } | null;
export type DebateState = { phase: Phase; hasOwner: boolean };

/** What the rules read of a debate row: its phase, and whether anyone owns it (the example has no owner). */
export function debateStateOf(debate: { phase: Phase; ownerId: string | null }): DebateState {
  return { phase: debate.phase, hasOwner: debate.ownerId !== null };
}

export type Action =
  | "debate:read"
  | "node:create"
  | "relation:create"
  | "node:update"
  | "node:delete"
  /** Turn a passage of the article into a node, or add a node linked to nothing yet. */
  | "node:anchor"
  /** Work the moderation queue: approve, reject, edit before approving. */
  | "debate:moderate"
  /** Read the dashboard and the audit log. */
  | "debate:oversee"
  /** Settings, phase, join code, teams and members. */
  | "debate:manage"
  /** Hide the text of a statement's revision from all but the owner. */
  | "revision:redact";

export type Decision = { allowed: true } | { allowed: false; code: Extract<TErrorCode, "UNAUTHORIZED" | "FORBIDDEN">; reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (code: "UNAUTHORIZED" | "FORBIDDEN", reason: string): Decision => ({ allowed: false, code, reason });

/**
 * The one rule table for what each person may do in a debate. The server
 * enforces it on every request; the UI uses it only to hide what would fail.
 * A debate without an owner (the ready-made example) is open to every
 * signed-in person, pre-moderated, and run by the site's administrators; an
 * owned debate is open to its members.
 */
export function can(actor: DebateActor, action: Action, debate: DebateState, resource?: { authorId: string | null }): Decision {
  if (action === "debate:read") return ALLOW;
  if (!actor) return deny("UNAUTHORIZED", "Sign in to add to or change the map.");
  const role = effectiveRole(actor, debate);
  if (role === null) return deny("FORBIDDEN", "Only members of this debate can add to its map. Ask its owner for the join link.");
  // The owner can always reach the settings, or a closed debate could never reopen.
  if (action === "debate:manage") return role === "owner" ? ALLOW : deny("FORBIDDEN", "Only the owner of this debate can change its settings, teams and members.");
  if (action === "debate:oversee") return isModerator(role) ? ALLOW : deny("FORBIDDEN", "Only the owner and moderators of this debate can see its overview and audit log.");
  // Taking someone's words out of sight cannot wait for a closed or archived debate to reopen.
  if (action === "revision:redact") return isModerator(role) ? ALLOW : deny("FORBIDDEN", "Only the owner and moderators of this debate can redact its history.");
  if (debate.phase === "archived") return deny("FORBIDDEN", "This debate is archived; its map can no longer change.");
  if (debate.phase === "closed" && role !== "owner") return deny("FORBIDDEN", "This debate is closed; only its owner can change the map now.");
  if (role === "viewer") return deny("FORBIDDEN", "Viewers can read this debate but not add to it.");
  if (action === "debate:moderate" && !isModerator(role)) return deny("FORBIDDEN", "Only the owner and moderators of this debate can moderate it.");
  if (action === "node:anchor" && !isModerator(role)) return deny("FORBIDDEN", "Only the owner and moderators can map the article's passages.");
  if (action === "node:update" || action === "node:delete") {
    const isAuthor = resource?.authorId === actor.userId;
    if (!isAuthor && !isModerator(role)) {
      return deny("FORBIDDEN", action === "node:update" ? "You can only edit statements you added." : "You can only delete statements you added.");
    }
  }
  return ALLOW;
}

function isModerator(role: Role): boolean {
  return role === "owner" || role === "moderator";
}

/**
 * The role a person has in a debate: a debate without owner (the ready-made
 * example) makes every signed-in person a participant, and a site
 * administrator (ADMIN_EMAILS, resolved on the server) its owner.
 */
export function effectiveRole(actor: DebateActor, debate: Pick<DebateState, "hasOwner">): Role | null {
  if (!actor) return null;
  return actor.role ?? (debate.hasOwner ? null : "participant");
}

/**
 * Who sees a contribution: approved ones are public; pending and rejected ones
 * only their author and the debate's owner and moderators.
 */
export function canSee(actor: DebateActor, item: { status: "pending" | "approved" | "rejected"; authorId: string | null }): boolean {
  if (item.status === "approved") return true;
  if (!actor) return false;
  return item.authorId === actor.userId || actor.role === "owner" || actor.role === "moderator";
}

/**
 * The moderation a debate runs. One without an owner is always pre-moderated:
 * it is the home page's example, where any new account could write, and only
 * a site administrator may let a contribution through.
 */
export function moderationModeOf(debate: { moderationMode: "open" | "premoderated"; hasOwner: boolean }): "open" | "premoderated" {
  return debate.hasOwner ? debate.moderationMode : "premoderated";
}

/** Whether a new contribution from this role waits for a moderator (give the mode moderationModeOf says). */
export function needsModeration(role: Role | null, moderationMode: "open" | "premoderated"): boolean {
  return moderationMode === "premoderated" && role !== "owner" && role !== "moderator";
}

/**
 * The signed-in person on a debate's page, with their place in it. There
 * `userId` is their author key in the debate (as the map names authors), not
 * their account id.
 */
export type Viewer = { userId: string; name: string; role: Role | null; teamId: string | null };
