import type { Role } from "@/lib/authz/can";
import type { TPerspective } from "@/lib/schemas/domain";

/** What a team assigned a perspective does in the debate, in words. */
export const TEAM_STANCE: Record<TPerspective, string> = {
  armenian: "argues the Armenian case",
  azerbaijani: "argues the Azerbaijani case",
  neutral: "adjudicates as neutral",
};

export const ROLE_LABEL: Record<Role, string> = { owner: "Owner", moderator: "Moderator", participant: "Participant", viewer: "Viewer" };
