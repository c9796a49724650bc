const HOME = "/";
const PROBE_ORIGIN = "http://probe.invalid";
// Browsers read "\" as "/" and drop tabs and newlines in URLs, so "/\evil.example" or "/\t/evil.example"
// become "//evil.example", another site. Any backslash or control character is refused outright.
const FORBIDDEN = /[\\\u0000-\u001f\u007f-\u009f]/;
// Decoding more than this many times means someone is stacking encodings to slip a character past us.
const MAX_DECODINGS = 5;

/**
 * Where to go after signing in or up: only a path on this site, never another origin. Anything
 * else, however it is encoded, is replaced by the home page.
 */
export function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  return next !== undefined && isLocalPath(next) ? next : HOME;
}

function isLocalPath(next: string): boolean {
  // Every decoding of the value must be a plain path too: a router or a second redirect may decode it again.
  let decoded = next;
  for (let i = 0; i <= MAX_DECODINGS; i++) {
    if (!decoded.startsWith("/") || decoded.startsWith("//") || FORBIDDEN.test(decoded)) return false;
    const again = decodeOnce(decoded);
    if (again === null) return false;
    if (again === decoded) return new URL(next, PROBE_ORIGIN).origin === PROBE_ORIGIN;
    decoded = again;
  }
  return false;
}

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
