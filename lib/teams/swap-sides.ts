import type { TPerspective } from "@/lib/schemas/domain";

/** The case a team argues after sides are swapped. */
const SWAPPED: Record<TPerspective, TPerspective> = { armenian: "azerbaijani", azerbaijani: "armenian", neutral: "neutral" };

/**
 * Swapping sides for a second round: every team that argues one side's case
 * argues the other side's, and every team that adjudicates as neutral stays
 * neutral. So two teams arguing the Armenian and the Azerbaijani case exchange
 * them, several teams on one side all cross over, and swapping twice restores
 * the first round. Only the teams whose perspective changes are returned.
 */
export function swapSides<T extends { id: string; perspective: TPerspective }>(teams: readonly T[]): { team: T; perspective: TPerspective }[] {
  return teams.filter((t) => SWAPPED[t.perspective] !== t.perspective).map((team) => ({ team, perspective: SWAPPED[team.perspective] }));
}
