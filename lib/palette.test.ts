import { describe, expect, it } from "vitest";

import { paletteProperties } from "./palette";

describe("paletteProperties", () => {
  it("sets the custom properties the style sheet reads, with the colours the map has always had", () => {
    expect(paletteProperties()).toEqual({
      "--ink": "#1d232b",
      "--muted": "#5a6470",
      "--line": "#d5dae0",
      "--paper": "#ffffff",
      "--wash": "#f5f6f8",
      "--focus": "#f59e0b",
      "--error": "#a11b12",
      "--thesis": "#5b3fa8",
      "--thesis-fill": "#f6f2ff",
      "--claim": "#1f5fa8",
      "--claim-fill": "#f1f6fd",
      "--premise": "#5f6b7a",
      "--premise-fill": "#ffffff",
      "--rebuttal": "#b3261e",
      "--rebuttal-fill": "#fdf3f2",
      "--supports": "#2e7d32",
      "--attacks": "#b3261e",
      "--armenian": "#9a3412",
      "--azerbaijani": "#0e7490",
      "--neutral": "#4b5563",
    });
  });
});
