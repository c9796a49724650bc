import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { seenSources } from "./seen-sources";

const id = fc.constantFrom("a", "b", "c", "d", "e");

describe("seenSources", () => {
  it("keeps exactly the article's sources and those a seen statement cites", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id, articleId: fc.option(fc.constant("article"), { nil: null }) }), { selector: (s) => s.id }),
        fc.array(fc.record({ nodeId: id, sourceId: id })),
        fc.uniqueArray(id),
        (sources, citations, seen) => {
          const seenIds = new Set(seen);
          const expected = sources.filter((s) => s.articleId !== null || citations.some((c) => c.sourceId === s.id && seenIds.has(c.nodeId)));
          expect(seenSources(sources, citations, seenIds)).toEqual(expected);
        },
      ),
    );
  });
});
