import { describe, expect, it } from "vitest";

import { csvField, toCsv } from "./csv";

describe("csvField", () => {
  it("leaves plain text and numbers as they are, and null empty", () => {
    expect(csvField("Team A")).toBe("Team A");
    expect(csvField(42)).toBe("42");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('the "road"')).toBe('"the ""road"""');
    expect(csvField("one\ntwo")).toBe('"one\ntwo"');
    expect(csvField("one\r\ntwo")).toBe('"one\r\ntwo"');
  });

  it.each(["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"])("disarms text a spreadsheet would run: %j", (value) => {
    const field = csvField(value);
    const unquoted = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
    expect(unquoted).toBe(`'${value}`);
  });

  it("disarms a formula and quotes it when it also holds a comma", () => {
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
  });
});

describe("toCsv", () => {
  it("writes a byte order mark and CRLF line ends, one per row", () => {
    expect(toCsv([["a", 1], [null, "b,c"]])).toBe('\uFEFFa,1\r\n,"b,c"\r\n');
  });
});
