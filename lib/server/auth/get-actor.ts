import "server-only";

import { decode } from "next-auth/jwt";

/** The signed-in person making a request. */
export type Actor = { userId: string; name: string };

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/**
 * Reads the next-auth session from the request's cookie. Works on a plain
 * Request, so route handlers behave the same in tests as behind Next.js.
 */
export async function getActor(request: Request): Promise<Actor | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  const cookies = request.headers.get("cookie");
  const token = SESSION_COOKIES.map((name) => readCookie(cookies, name)).find(Boolean);
  if (!token) return null;
  const session = await decode({ token, secret }).catch(() => null);
  if (!session?.sub || typeof session.name !== "string") return null;
  return { userId: session.sub, name: session.name };
}
