import "server-only";

import { decode } from "next-auth/jwt";
import { z } from "zod";

import { readEnv } from "@/lib/env";
import { db } from "@/lib/server/db";

import { readCookies } from "./cookies";

/** The signed-in person making a request. */
export type Actor = { userId: string; name: string };

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * Reads the next-auth session from the request's cookie. Works on a plain
 * Request, so route handlers behave the same in tests as behind Next.js.
 */
export async function getActor(request: Request): Promise<Actor | null> {
  const secret = readEnv().NEXTAUTH_SECRET;
  if (!secret) return null;
  const cookies = readCookies(request.headers.get("cookie"));
  const token = SESSION_COOKIES.map((name) => cookies[name]).find(Boolean);
  if (!token) return null;
  const session = await decode({ token, secret }).catch(() => null);
  const userId = z.uuid().safeParse(session?.sub);
  if (!userId.success) return null;
  // A valid cookie can outlive its account (or a reset database): such a session is nobody.
  const user = await db.user.findUnique({ where: { id: userId.data }, select: { id: true, name: true } });
  return user ? { userId: user.id, name: user.name } : null;
}
