import "server-only";

import { z } from "zod";

import { AppError, invalidFields } from "@/lib/errors";

import { getActor, type Actor } from "./auth/get-actor";
import { readJson } from "./read-json";
import { assertJsonBody, assertSameOrigin } from "./request-guard";
import { databaseUnavailable, isDatabaseUnavailable } from "./db-errors";

type RouteContext = { params: Promise<unknown> };

type RouteSpec<P extends z.ZodType, B extends z.ZodType, Open extends boolean> = {
  params?: P;
  /** The request body's schema: the same object the form that sends it uses. */
  body?: B;
  /** Status of a successful answer (201 for creations). */
  status?: number;
  /**
   * Also answers people who are not signed in (reads, signing up), whose actor
   * is then null; any other route answers 401 without a session, so its
   * handler always has an actor.
   */
  isPublic?: Open;
  /** Largest body accepted, in bytes (100 kB unless said). */
  maxBodyBytes?: number;
};

type RouteArgs<P extends z.ZodType, B extends z.ZodType, Open extends boolean> = {
  request: Request;
  params: z.infer<P>;
  body: z.infer<B>;
  /** The signed-in person (null only on a public route); domain functions decide what each may do. */
  actor: Open extends true ? Actor | null : Actor;
};

/**
 * Wraps a route handler: refuses writes from other sites and bodies that are
 * not JSON, resolves the actor from the session cookie, parses params and
 * body, turns AppErrors into their 4xx body, and anything unexpected into a
 * logged 500 whose body says nothing about the internals.
 */
export function route<P extends z.ZodType = z.ZodObject, B extends z.ZodType = z.ZodUndefined, Open extends boolean = false>(
  spec: RouteSpec<P, B, Open>,
  handler: (args: RouteArgs<P, B, Open>) => Promise<unknown>,
) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const params = (spec.params ? parse(spec.params, (await context?.params) ?? {}, "BAD_REQUEST") : {}) as z.infer<P>;
      const actor = await getActor(request);
      if (!actor && !spec.isPublic) throw new AppError("UNAUTHORIZED", "Sign in to add to or change the map.");
      if (spec.body) assertJsonBody(request);
      const body = (spec.body ? parse(spec.body, await readJson(request, spec.maxBodyBytes ?? 100_000), "VALIDATION") : undefined) as z.infer<B>;
      const result = await handler({ request, params, body, actor } as RouteArgs<P, B, Open>);
      // A handler that shapes its own answer (a file download) returns a Response.
      const response = result instanceof Response ? result : Response.json(result, { status: spec.status ?? 200 });
      // Answers are made for the person asking (pending items, members, join codes): no cache keeps one unless its handler says so.
      if (!response.headers.has("cache-control")) response.headers.set("Cache-Control", "private, no-store");
      return response;
    } catch (error) {
      if (error instanceof AppError) return Response.json(error.toBody(), { status: error.status });
      if (isDatabaseUnavailable(error)) return databaseUnavailable(error);
      console.error(error);
      return Response.json({ code: "INTERNAL", message: "Something went wrong on the server. Please try again." }, { status: 500 });
    }
  };
}

function parse<S extends z.ZodType>(schema: S, value: unknown, code: "BAD_REQUEST" | "VALIDATION"): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (code === "VALIDATION") throw invalidFields(parsed.error.issues);
  throw new AppError(code, parsed.error.issues.map((i) => i.message).join(" "));
}
