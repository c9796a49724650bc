import { describe, expect, it } from "vitest";

import { ZDebateSlug } from "./schemas/domain";
import { firstFreeSlug, slugBase } from "./debate-slug";

describe("slugBase", () => {
  it("keeps Latin letters and digits, lowercased, with single dashes between words", () => {
    expect(slugBase("  The Lachin Road -- in 2023?! ")).toBe("the-lachin-road-in-2023");
  });

  it("drops accents rather than whole letters", () => {
    expect(slugBase("Ağdam, Şuşa and Çay: a café's view")).toBe("agdam-susa-and-cay-a-cafe-s-view");
  });

  it("falls back to 'debate' for a title with no Latin letter or digit", () => {
    expect(slugBase("Լաչինի միջանցք")).toBe("debate");
    expect(slugBase("???")).toBe("debate");
  });

  it("cuts long titles at 60 characters without a trailing dash, and stays a valid debate id", () => {
    const base = slugBase(`${"word ".repeat(11)}abcdefghij`);
    expect(base.length).toBeLessThanOrEqual(60);
    expect(base.endsWith("-")).toBe(false);
    expect(ZDebateSlug.safeParse(`${base}-999`).success).toBe(true);
  });
});

describe("firstFreeSlug", () => {
  it("answers the base when nobody has it", () => {
    expect(firstFreeSlug("road", new Set(["road-2"]))).toBe("road");
  });

  it("numbers from 2 on, skipping numbers taken", () => {
    expect(firstFreeSlug("road", new Set(["road"]))).toBe("road-2");
    expect(firstFreeSlug("road", new Set(["road", "road-2", "road-3"]))).toBe("road-4");
  });

  it("never answers the names of pages under /debates/", () => {
    expect(firstFreeSlug("new", new Set())).toBe("new-2");
    expect(firstFreeSlug("import", new Set())).toBe("import-2");
  });
});
