/** Paths under /debates/ and /api/debates/ that are pages or routes of their own, never a debate's slug. */
const RESERVED = new Set(["new", "import"]);

const MAX_BASE_LENGTH = 60;

/** A debate's title as the readable part of its address: Latin letters without accents, digits and dashes. */
export function slugBase(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, MAX_BASE_LENGTH)
    .replace(/-+$/, "");
  return base || "debate";
}

/** The base itself when free, else the base with the first free number: lachin, lachin-2, lachin-3… */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base) && !RESERVED.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
