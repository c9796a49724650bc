import "server-only";

import NextAuth, { type NextAuthOptions } from "next-auth";
import { z } from "zod";

import { AppError } from "@/lib/errors";
import { readBodyText } from "@/lib/server/read-json";

import { readCookies } from "./cookies";

/** next-auth's forms are a few fields; nothing it accepts comes near this. */
const MAX_BODY_BYTES = 16_000;
/** The actions that change a session, which next-auth's forms send with their CSRF token. */
const CSRF_ACTIONS = new Set(["signin", "callback", "signout", "session"]);

const ZParams = z.object({ nextauth: z.array(z.string().max(100)).min(1).max(3) });
const ZBody = z.record(z.string().max(1000), z.string().max(MAX_BODY_BYTES));

type Answer = { status: number; headers: Headers; body?: string };

/**
 * next-auth's catch-all route. next-auth reads the body itself and answers a body it cannot parse
 * with a 500, and its App Router handler reads cookies through next/headers, which only exists
 * inside Next.js. So this reads and checks the request first (a form or JSON object of strings,
 * limited in size while it streams; a CSRF token where next-auth needs one), answers what is
 * malformed with a 4xx, and hands the rest to next-auth's request/response handler, built from the
 * plain Request: the route works, and is tested, the same in Next.js and on its own.
 */
export function nextAuthRoute(options: NextAuthOptions) {
  return async (request: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    try {
      const params = ZParams.safeParse(await context.params);
      if (!params.success) throw new AppError("NOT_FOUND", "There is no such sign-in page.");
      const [action] = params.data.nextauth;
      const body = request.method === "POST" ? await readForm(request) : undefined;
      if (request.method === "POST" && CSRF_ACTIONS.has(action!) && !body?.csrfToken) {
        throw new AppError("FORBIDDEN", "This form has expired or did not come from this site. Reload the page and try again.");
      }
      return await answer(request, params.data.nextauth, body, options);
    } catch (error) {
      if (error instanceof AppError) return Response.json(error.toBody(), { status: error.status });
      throw error;
    }
  };
}

async function readForm(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded" && type !== "application/json") {
    throw new AppError("BAD_REQUEST", "Send the sign-in form as application/x-www-form-urlencoded or application/json.");
  }
  const text = await readBodyText(request, MAX_BODY_BYTES);
  let fields: unknown;
  if (type === "application/json") {
    try {
      fields = JSON.parse(text);
    } catch {
      throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(text));
  }
  const parsed = ZBody.safeParse(fields);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "The sign-in form's fields must be text.");
  return parsed.data;
}

/** Runs next-auth's request/response handler on the plain Request and collects its answer. */
async function answer(request: Request, nextauth: string[], body: Record<string, string> | undefined, options: NextAuthOptions): Promise<Response> {
  const url = new URL(request.url);
  const collected: Answer = { status: 200, headers: new Headers() };
  const res = {
    status(code: number) {
      collected.status = code;
      return res;
    },
    getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? collected.headers.getSetCookie() : (collected.headers.get(name) ?? undefined)),
    setHeader(name: string, value: string | string[]) {
      collected.headers.delete(name);
      for (const item of Array.isArray(value) ? value : [value]) collected.headers.append(name, item);
      return res;
    },
    json(value: unknown) {
      collected.headers.set("content-type", "application/json");
      collected.body = JSON.stringify(value);
    },
    send(value: unknown) {
      collected.body = typeof value === "string" ? value : JSON.stringify(value);
    },
    end() {},
  };
  const req = {
    method: request.method,
    query: { ...Object.fromEntries(url.searchParams), nextauth },
    body,
    cookies: readCookies(request.headers.get("cookie")),
    headers: Object.fromEntries(request.headers),
  };
  // The three-argument form is next-auth's handler for Node-style request and response objects.
  await (NextAuth as unknown as (req: unknown, res: unknown, options: NextAuthOptions) => Promise<void>)(req, res, options);
  return new Response(collected.body ?? null, { status: collected.status, headers: collected.headers });
}
