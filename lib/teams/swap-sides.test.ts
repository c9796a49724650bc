import { describe, expect, it } from "vitest";

import type { TPerspective } from "@/lib/schemas/domain";

import { swapSides } from "./swap-sides";

const team = (id: string, perspective: TPerspective) => ({ id, perspective });
/** Every team's perspective after the swap, unchanged ones included. */
const after = (teams: { id: string; perspective: TPerspective }[]) => {
  const changed = new Map(swapSides(teams).map((c) => [c.team.id, c.perspective]));
  return teams.map((t) => ({ id: t.id, perspective: changed.get(t.id) ?? t.perspective }));
};

describe("swapSides", () => {
  it("exchanges the cases of two teams arguing opposite sides", () => {
    expect(after([team("a", "armenian"), team("b", "azerbaijani")])).toEqual([team("a", "azerbaijani"), team("b", "armenian")]);
  });

  it("leaves a neutral adjudicating team neutral and does not list it as changed", () => {
    const teams = [team("a", "armenian"), team("b", "azerbaijani"), team("c", "neutral")];
    expect(after(teams)).toEqual([team("a", "azerbaijani"), team("b", "armenian"), team("c", "neutral")]);
    expect(swapSides(teams).map((c) => c.team.id)).toEqual(["a", "b"]);
  });

  it("moves every team of one side to the other, even when the sides are uneven", () => {
    expect(after([team("a", "armenian"), team("b", "armenian"), team("c", "azerbaijani")])).toEqual([team("a", "azerbaijani"), team("b", "azerbaijani"), team("c", "armenian")]);
  });

  it("restores the first round when applied twice", () => {
    const teams = [team("a", "armenian"), team("b", "neutral"), team("c", "azerbaijani")];
    expect(after(after(teams))).toEqual(teams);
  });

  it("changes nothing when no team argues a side", () => {
    expect(swapSides([team("a", "neutral"), team("b", "neutral")])).toEqual([]);
    expect(swapSides([])).toEqual([]);
  });
});
