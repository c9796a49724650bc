import { describe, expect, it } from "vitest";

import { passageDraft, passageSpan } from "./passage-span";

const TEXT = "First sentence.\n\n  Second one, with words.  \nThird.";

describe("passageSpan", () => {
  it("answers the offsets of a selection that starts and ends on words", () => {
    const start = TEXT.indexOf("Second");
    const end = TEXT.indexOf("words.") + "words.".length;
    expect(passageSpan(TEXT, start, end)).toEqual({ start, end });
    expect(TEXT.slice(start, end)).toBe("Second one, with words.");
  });

  it("takes a selection made backwards the same way", () => {
    expect(passageSpan(TEXT, 5, 0)).toEqual({ start: 0, end: 5 });
  });

  it("leaves out the spaces and line breaks at the edges", () => {
    const span = passageSpan(TEXT, TEXT.indexOf("."), TEXT.indexOf("Third"));
    expect(span && TEXT.slice(span.start, span.end)).toBe(".\n\n  Second one, with words.");
  });

  it("answers null for an empty selection or one of only white space", () => {
    expect(passageSpan(TEXT, 3, 3)).toBeNull();
    expect(passageSpan(TEXT, TEXT.indexOf("\n"), TEXT.indexOf("Second"))).toBeNull();
  });

  it("keeps a selection running past either end of the text inside it", () => {
    expect(passageSpan(TEXT, -10, 5)).toEqual({ start: 0, end: 5 });
    expect(passageSpan(TEXT, TEXT.indexOf("Third"), TEXT.length + 40)).toEqual({ start: TEXT.indexOf("Third"), end: TEXT.length });
    expect(passageSpan(TEXT, TEXT.length + 1, TEXT.length + 9)).toBeNull();
  });

  it("counts characters as the article text does, so a passage after an emoji keeps its place", () => {
    const text = "Flags 🇦🇲🇦🇿 then words.";
    const start = text.indexOf("then");
    expect(passageSpan(text, start, text.length)).toEqual({ start, end: text.length });
  });
});

describe("passageDraft", () => {
  it("puts the passage's words on one line", () => {
    const span = passageSpan(TEXT, 0, TEXT.indexOf("Third"))!;
    expect(passageDraft(TEXT, span)).toBe("First sentence. Second one, with words.");
  });
});
