import "server-only";

import { z } from "zod";

import { AppError } from "@/lib/errors";

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a route handler: parses the route params with `paramsSchema`, turns
 * AppErrors into their 4xx body, and anything unexpected into a logged 500
 * whose body says nothing about the internals.
 */
export function route<S extends z.ZodType, R>(
  paramsSchema: S,
  handler: (args: { request: Request; params: z.infer<S> }) => Promise<R>,
) {
  return async (request: Request, context?: RouteContext<unknown>): Promise<Response> => {
    try {
      const parsed = paramsSchema.safeParse((await context?.params) ?? {});
      if (!parsed.success) {
        throw new AppError("BAD_REQUEST", parsed.error.issues.map((i) => i.message).join(" "));
      }
      return Response.json(await handler({ request, params: parsed.data }));
    } catch (error) {
      if (error instanceof AppError) return Response.json(error.toBody(), { status: error.status });
      console.error(error);
      return Response.json({ code: "INTERNAL", message: "Something went wrong on the server. Please try again." }, { status: 500 });
    }
  };
}
