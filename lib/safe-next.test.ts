import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { safeNext } from "./safe-next";

const ORIGIN = "https://maps.example.org";

/** What a browser does with the value as a link on the app's page. */
const landsOn = (next: string) => new URL(next, `${ORIGIN}/signin?next=x`).origin;

// Pieces attackers combine to leave the site: slashes in every spelling, schemes, and characters browsers drop.
const trickyPiece = fc.constantFrom("/", "\\", "%5C", "%5c", "%2F", "%2f", "%252F", "%255C", "\t", "\n", "\r", "\u0000", " ", "@", ":", "//", "http:", "javascript:", "evil.example", ".", "..", "?", "#", "%", "%25");

describe("safeNext", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeNext("/debates/lachin-crisis")).toBe("/debates/lachin-crisis");
    expect(safeNext("/debates/new?from=home#top")).toBe("/debates/new?from=home#top");
    expect(safeNext(["/join", "/other"])).toBe("/join");
  });

  it("sends anything else home", () => {
    for (const next of [undefined, "", "debates", "//evil.example", "/\\evil.example", "/%5Cevil.example", "/%255Cevil.example", "/%2F/evil.example", "/\t/evil.example", "https://evil.example", "javascript:alert(1)", "/%E0%A4%A", "\\\\evil.example"]) {
      expect(safeNext(next), String(next)).toBe("/");
    }
  });

  it("never answers anything that leads off the site, for any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme-composite" }), fc.array(trickyPiece, { maxLength: 8 }).map((parts) => parts.join("")), fc.tuple(fc.array(trickyPiece, { maxLength: 4 }), fc.webPath()).map(([parts, path]) => parts.join("") + path)), (next) => {
        const answer = safeNext(next);
        expect(answer === "/" || answer === next).toBe(true);
        expect(landsOn(answer)).toBe(ORIGIN);
        expect(answer).toMatch(/^\/(?![/\\])/);
        expect(answer).not.toMatch(/[\\\u0000-\u001f\u007f-\u009f]/);
      }),
      { seed: 12, numRuns: 2000 },
    );
  });

  it("keeps every ordinary web path", () => {
    fc.assert(
      fc.property(fc.webPath().filter((path) => path.startsWith("/") && !path.startsWith("//") && !/%(?![0-9A-Fa-f]{2})/.test(path)), (path) => {
        // A path whose decoding is itself a "//" path is refused on purpose; all others are kept.
        const decoded = decodeURIComponent(path);
        if (decoded.startsWith("//") || /[\\\u0000-\u001f\u007f-\u009f]/.test(decoded)) return;
        expect(safeNext(path)).toBe(path);
      }),
      { seed: 12, numRuns: 1000 },
    );
  });
});
