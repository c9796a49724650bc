import { describe, expect, it } from "vitest";

import { JOIN_CODE_ALPHABET, ZJoinCode, formatJoinCode } from "./join";

describe("join codes", () => {
  it("has no characters people confuse", () => {
    for (const c of "0O1Il") expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });

  it("accepts a code in any case, with spaces or a dash", () => {
    expect(ZJoinCode.parse("k7qm w3xh")).toBe("K7QMW3XH");
    expect(ZJoinCode.parse("  K7QM-W3XH\n")).toBe("K7QMW3XH");
    expect(ZJoinCode.parse(formatJoinCode("K7QMW3XH"))).toBe("K7QMW3XH");
  });

  it("refuses codes of the wrong length or with characters outside the alphabet", () => {
    expect(ZJoinCode.safeParse("K7QMW3X").success).toBe(false);
    expect(ZJoinCode.safeParse("K7QMW3XH2").success).toBe(false);
    expect(ZJoinCode.safeParse("K7QMW3X0").success).toBe(false);
    expect(ZJoinCode.safeParse("").success).toBe(false);
  });
});
