import { describe, expect, it } from "vitest";

import { segmentText, type Segment } from "./anchors";

/** Segments must tile [0, length) without gaps or overlaps. */
function expectTiling(segments: Segment[], length: number) {
  expect(segments[0]?.start).toBe(0);
  expect(segments.at(-1)?.end).toBe(length);
  for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);
  for (const s of segments) expect(s.end).toBeGreaterThan(s.start);
}

describe("segmentText", () => {
  it("returns the whole text as one unmarked segment when there are no spans", () => {
    expect(segmentText(10, [])).toEqual([{ start: 0, end: 10, ids: [] }]);
  });

  it("cuts at every boundary of nested spans and lists the shortest span first", () => {
    const segments = segmentText(10, [
      { id: "outer", start: 0, end: 6 },
      { id: "inner", start: 2, end: 4 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 2, ids: ["outer"] },
      { start: 2, end: 4, ids: ["inner", "outer"] },
      { start: 4, end: 6, ids: ["outer"] },
      { start: 6, end: 10, ids: [] },
    ]);
    expectTiling(segments, 10);
  });

  it("splits partially overlapping spans and orders the shared part by span length", () => {
    const segments = segmentText(12, [
      { id: "long", start: 3, end: 10 },
      { id: "short", start: 1, end: 5 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 1, ids: [] },
      { start: 1, end: 3, ids: ["short"] },
      { start: 3, end: 5, ids: ["short", "long"] },
      { start: 5, end: 10, ids: ["long"] },
      { start: 10, end: 12, ids: [] },
    ]);
  });

  it("gives identical spans one segment naming both", () => {
    expect(segmentText(5, [{ id: "a", start: 0, end: 5 }, { id: "b", start: 0, end: 5 }])).toEqual([
      { start: 0, end: 5, ids: ["a", "b"] },
    ]);
  });

  it("ignores spans outside the text or empty, and does not cut at their boundaries", () => {
    const segments = segmentText(10, [
      { id: "negative", start: -2, end: 3 },
      { id: "past-end", start: 8, end: 11 },
      { id: "empty", start: 4, end: 4 },
      { id: "reversed", start: 7, end: 5 },
      { id: "ok", start: 2, end: 6 },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 6, ids: ["ok"] },
      { start: 6, end: 10, ids: [] },
    ]);
  });

  it("accepts a span ending exactly at the end of the text", () => {
    expect(segmentText(6, [{ id: "tail", start: 3, end: 6 }])).toEqual([
      { start: 0, end: 3, ids: [] },
      { start: 3, end: 6, ids: ["tail"] },
    ]);
  });

  it("tiles the text for many overlapping spans, each segment covered exactly by the spans it names", () => {
    const spans = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, start: (i * 37) % 300, end: ((i * 37) % 300) + 5 + ((i * 13) % 60) }));
    const segments = segmentText(400, spans);
    expectTiling(segments, 400);
    for (const segment of segments) {
      const covering = spans.filter((s) => s.start <= segment.start && s.end >= segment.end).map((s) => s.id);
      expect([...segment.ids].sort()).toEqual(covering.sort());
      const lengths = segment.ids.map((id) => spans.find((s) => s.id === id)!).map((s) => s.end - s.start);
      expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    }
  });
});
