import { describe, expect, it } from "vitest";

import { TEAM_COLOURS, ZCreateTeamRequest, ZUpdateTeamRequest, colourName } from "./team";

/** WCAG relative luminance of a #RRGGBB colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe("team colours", () => {
  it.each(TEAM_COLOURS)("$name ($hex) has at least 4.5:1 contrast on white", ({ hex }) => {
    expect(1.05 / (luminance(hex) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it("names every colour once", () => {
    expect(new Set(TEAM_COLOURS.map((c) => c.name)).size).toBe(TEAM_COLOURS.length);
    expect(new Set(TEAM_COLOURS.map((c) => c.hex)).size).toBe(TEAM_COLOURS.length);
    expect(colourName("#1849a9")).toBe("Blue");
  });
});

describe("team requests", () => {
  it("accepts a palette colour in any case and stores it upper-case", () => {
    expect(ZCreateTeamRequest.parse({ name: " Team A ", colour: "#b42318", perspective: "armenian" })).toEqual({ name: "Team A", colour: "#B42318", perspective: "armenian" });
  });

  it("refuses colours outside the palette, malformed colours, unknown perspectives and unknown fields", () => {
    expect(ZCreateTeamRequest.safeParse({ name: "A", colour: "#FFFF00", perspective: "armenian" }).success).toBe(false);
    expect(ZCreateTeamRequest.safeParse({ name: "A", colour: "red", perspective: "armenian" }).success).toBe(false);
    expect(ZCreateTeamRequest.safeParse({ name: "A", colour: "#B42318", perspective: "russian" }).success).toBe(false);
    expect(ZCreateTeamRequest.safeParse({ name: "A", colour: "#B42318", perspective: "neutral", debateId: "x" }).success).toBe(false);
  });

  it("needs something to change in an update", () => {
    expect(ZUpdateTeamRequest.safeParse({}).success).toBe(false);
    expect(ZUpdateTeamRequest.parse({ perspective: "neutral" })).toEqual({ perspective: "neutral" });
    expect(ZUpdateTeamRequest.safeParse({ colour: "#B42318", owner: true }).success).toBe(false);
  });
});
