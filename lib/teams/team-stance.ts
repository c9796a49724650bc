import type { TPerspective } from "@/lib/schemas/domain";

/** What a team assigned a perspective does in the debate, in words. */
export const TEAM_STANCE: Record<TPerspective, string> = {
  armenian: "argues the Armenian case",
  azerbaijani: "argues the Azerbaijani case",
  neutral: "adjudicates as neutral",
};

const TEAM_STANCE_THEN: Record<TPerspective, string> = {
  armenian: "argued the Armenian case",
  azerbaijani: "argued the Azerbaijani case",
  neutral: "adjudicated as neutral",
};

/** The case a statement's team argued when it was written, and, after a swap of sides, the case it argues now. */
export function teamSideWords(then: TPerspective, now: TPerspective): string {
  return then === now ? TEAM_STANCE[now] : `${TEAM_STANCE_THEN[then]} when this was written; ${TEAM_STANCE[now]} now`;
}
