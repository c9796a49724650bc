import type { Role } from "@/lib/authz/can";
import type { TNodeKind, TPerspective, TRelationType, TStatus } from "@/lib/schemas/domain";

export const KIND_LABEL: Record<TNodeKind, string> = { thesis: "Thesis", claim: "Claim", premise: "Premise", rebuttal: "Rebuttal" };

/** A glyph per kind, so kinds differ in more than colour. */
export const KIND_GLYPH: Record<TNodeKind, string> = { thesis: "◆", claim: "●", premise: "■", rebuttal: "✕" };

export const PERSPECTIVE_LABEL: Record<TPerspective, string> = { armenian: "Armenian", azerbaijani: "Azerbaijani", neutral: "Neutral" };

/** Whose case an article makes, in words. */
export const ARTICLE_STANCE: Record<TPerspective, string> = {
  armenian: "argues the Armenian case",
  azerbaijani: "argues the Azerbaijani case",
  neutral: "written from a neutral perspective",
};

/** Short badge text: the perspective is named, never only coloured. */
export const PERSPECTIVE_SHORT: Record<TPerspective, string> = { armenian: "ARM", azerbaijani: "AZE", neutral: "NEU" };

export const RELATION_LABEL: Record<TRelationType, string> = { supports: "supports", attacks: "attacks" };

/** A contribution's moderation status, in words (pending and rejected ones are seen only by their author and moderators). */
export const STATUS_LABEL: Record<TStatus, string> = { pending: "Pending review", approved: "Approved", rejected: "Rejected" };

/** A member's role in a debate, in words. */
export const ROLE_LABEL: Record<Role, string> = { owner: "Owner", moderator: "Moderator", participant: "Participant", viewer: "Viewer" };
