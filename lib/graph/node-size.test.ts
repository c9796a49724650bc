import { describe, expect, it } from "vitest";

import { CHARS_PER_LINE, LINE_HEIGHT, MAX_LINES, NODE_WIDTH, TEAM_LINE, nodeBox, wrappedLineCount } from "./node-size";

/** Text of `n` words of four letters: exactly 6 words (29 chars) fit a 32-character line. */
const words = (n: number) => Array.from({ length: n }, () => "word").join(" ");

describe("wrappedLineCount", () => {
  it("counts one line for empty or whitespace-only text", () => {
    expect(wrappedLineCount("")).toBe(1);
    expect(wrappedLineCount("   \n\t ")).toBe(1);
  });

  it("keeps words on a line while they fit, separated by one space", () => {
    expect(wrappedLineCount("aaaa bbbb", 9)).toBe(1);
    expect(wrappedLineCount("aaaa bbbb", 8)).toBe(2);
    expect(wrappedLineCount("aaaa   bbbb", 9)).toBe(1); // runs of whitespace count as one space
  });

  it("wraps at word boundaries to CHARS_PER_LINE by default", () => {
    expect(CHARS_PER_LINE).toBe(32);
    expect(wrappedLineCount(words(6))).toBe(1); // 29 characters
    expect(wrappedLineCount(words(7))).toBe(2); // 34 characters
    expect(wrappedLineCount(words(12))).toBe(2);
    expect(wrappedLineCount(words(13))).toBe(3);
  });

  it("breaks a word longer than a line over several lines", () => {
    expect(wrappedLineCount("x".repeat(32))).toBe(1);
    expect(wrappedLineCount("x".repeat(33))).toBe(2);
    expect(wrappedLineCount("x".repeat(65))).toBe(3);
    // The third line holds one character, so a short word still fits after it.
    expect(wrappedLineCount(`${"x".repeat(65)} yy`)).toBe(3);
    // A long word after a started line begins on a new line.
    expect(wrappedLineCount(`a ${"x".repeat(40)}`)).toBe(3);
  });
});

describe("nodeBox", () => {
  it("has a fixed width and grows by one line height per wrapped line", () => {
    const one = nodeBox(words(1), null);
    const three = nodeBox(words(13), null);
    expect(one).toMatchObject({ width: NODE_WIDTH, lines: 1, isClamped: false });
    expect(three).toMatchObject({ width: NODE_WIDTH, lines: 3, isClamped: false });
    expect(three.height - one.height).toBe(2 * LINE_HEIGHT);
    expect(one.height).toBeGreaterThan(LINE_HEIGHT);
  });

  it("adds the same room for an attribution to any box", () => {
    const extraShort = nodeBox(words(1), "Armenia's government").height - nodeBox(words(1), null).height;
    const extraLong = nodeBox(words(20), "Armenia's government").height - nodeBox(words(20), null).height;
    expect(extraShort).toBeGreaterThan(0);
    expect(extraLong).toBe(extraShort);
  });

  it("clamps text longer than MAX_LINES and says so", () => {
    const exact = nodeBox(words(6 * MAX_LINES), null);
    const over = nodeBox(words(6 * MAX_LINES + 1), null);
    const huge = nodeBox(words(500), "X");
    expect(wrappedLineCount(words(6 * MAX_LINES))).toBe(MAX_LINES);
    expect(exact).toMatchObject({ lines: MAX_LINES, isClamped: false });
    expect(over).toMatchObject({ lines: MAX_LINES, isClamped: true });
    expect(over.height).toBe(exact.height);
    expect(huge).toMatchObject({ lines: MAX_LINES, isClamped: true, width: NODE_WIDTH });
    expect(huge.height).toBe(nodeBox(words(6 * MAX_LINES), "X").height);
  });

  it("gives a long attribution a second line, then clamps it", () => {
    const short = nodeBox(words(1), "Armenia's government");
    const long = nodeBox(words(1), "Richard Kirakosyan and other prominent Armenian analysts");
    const endless = nodeBox(words(1), "an attribution ".repeat(20));
    expect(short.attributionLines).toBe(1);
    expect(long.attributionLines).toBe(2);
    expect(long.height - short.height).toBe(LINE_HEIGHT);
    expect(endless).toMatchObject({ attributionLines: 2, isClamped: true });
  });

  it("adds one line for the author's team, clamped or not", () => {
    for (const text of [words(1), words(500)]) {
      expect(nodeBox(text, "X", false, true).height - nodeBox(text, "X").height).toBe(TEAM_LINE);
      expect(nodeBox(text, null, true, true).height - nodeBox(text, null, true).height).toBe(TEAM_LINE);
    }
  });
});
