import "server-only";

/** The cookies of a Cookie header by name; a value that is not valid percent-encoding is kept as sent. */
export function readCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (!key || key in cookies) continue;
    const raw = value.join("=");
    try {
      cookies[key] = decodeURIComponent(raw);
    } catch {
      cookies[key] = raw;
    }
  }
  return cookies;
}
