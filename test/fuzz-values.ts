// Generators of malformed input for the route fuzz suite: odd strings and
// numbers, arbitrary JSON, raw bodies that are not JSON, and near-valid
// bodies with one field mutated.
import fc from "fast-check";

/** Strings that have broken routes before: NUL, controls, lone surrogates, huge or odd formats. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\u0001statement",
    "\u007f",
    "\u0085",
    "\uD800",
    "lone \uDC00 surrogate",
    "\uFFFF",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "2023-02-31",
    "0000-01-01",
    "99999-01-01T00:00:00Z",
    "9".repeat(400),
    "-1",
    "1e400",
    "NaN",
    "../../etc/passwd",
    "%00",
    "<script>",
    "x".repeat(5000),
    "00000000-0000-0000-0000-000000000000",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 20 }),
);

export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 0.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A JSON value nested `depth` levels deep (JSON.stringify of it overflows nothing up to a few thousand). */
export function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddString },
  { weight: 2, arbitrary: oddNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { "": null }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(nested(64), nested(3000)) },
  { weight: 1, arbitrary: fc.array(oddString, { maxLength: 300 }) },
);

/** Raw bodies that are not the JSON they claim to be. */
export const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", "{", "[1,", "null", "\u0000", '{"a":"\\ud800"}', '{"__proto__":{"polluted":true}}', `${"[".repeat(5000)}${"]".repeat(5000)}`, '"just a string"', "1e999"),
  fc.string({ unit: "binary", maxLength: 60 }),
);

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value === null || typeof value !== "object") return out;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    paths(child, path, out);
  }
  return out;
}

function withMutation(template: unknown, path: Path, mutation: { remove: true } | { value: unknown }): unknown {
  const copy = structuredClone(template) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if ("remove" in mutation) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = mutation.value;
  return copy;
}

/** A valid body with one field (at any depth) replaced by an odd value, removed, or joined by an unknown one. */
export function nearValid(template: unknown): fc.Arbitrary<unknown> {
  const all = paths(template);
  if (all.length === 0) return fc.constant(template);
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...all), oddValue).map(([path, value]) => withMutation(template, path, { value })) },
    { weight: 2, arbitrary: fc.constantFrom(...all).map((path) => withMutation(template, path, { remove: true })) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), oddValue).map(([key, value]) => ({ ...(template as object), [key]: value })) },
  );
}
