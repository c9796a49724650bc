import { describe, expect, it } from "vitest";

import { CHARS_PER_LINE, LINE_HEIGHT, MAX_LINES, NODE_WIDTH, nodeBox, wrappedLineCount } from "./node-size";

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
    const one = nodeBox(words(1), false);
    const three = nodeBox(words(13), false);
    expect(one).toMatchObject({ width: NODE_WIDTH, lines: 1, isClamped: false });
    expect(three).toMatchObject({ width: NODE_WIDTH, lines: 3, isClamped: false });
    expect(three.height - one.height).toBe(2 * LINE_HEIGHT);
    expect(one.height).toBeGreaterThan(LINE_HEIGHT);
  });

  it("adds the same room for an attribution to any box", () => {
    const extraShort = nodeBox(words(1), true).height - nodeBox(words(1), false).height;
    const extraLong = nodeBox(words(20), true).height - nodeBox(words(20), false).height;
    expect(extraShort).toBeGreaterThan(0);
    expect(extraLong).toBe(extraShort);
  });

  it("clamps text longer than MAX_LINES and says so", () => {
    const exact = nodeBox(words(6 * MAX_LINES), false);
    const over = nodeBox(words(6 * MAX_LINES + 1), false);
    const huge = nodeBox(words(500), true);
    expect(wrappedLineCount(words(6 * MAX_LINES))).toBe(MAX_LINES);
    expect(exact).toMatchObject({ lines: MAX_LINES, isClamped: false });
    expect(over).toMatchObject({ lines: MAX_LINES, isClamped: true });
    expect(over.height).toBe(exact.height);
    expect(huge).toMatchObject({ lines: MAX_LINES, isClamped: true, width: NODE_WIDTH });
    expect(huge.height).toBe(nodeBox(words(6 * MAX_LINES), true).height);
  });
});
