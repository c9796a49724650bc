import type { z } from "zod";

import { ERROR_STATUS, VALIDATION_MESSAGE, ZErrorBody, fieldErrorsOf } from "@/lib/errors";

import { ApiError } from "./api-error";

/**
 * Form values as the endpoint's schema reads them, or the refusal the server
 * would answer them with (422, the same message and field errors).
 */
export function checkedBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiError(ERROR_STATUS.VALIDATION, "VALIDATION", VALIDATION_MESSAGE, fieldErrorsOf(parsed.error.issues));
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";

/**
 * Calls one endpoint and checks its answer against the schema the server
 * builds it with. A refusal becomes an ApiError carrying the server's words;
 * an answer of another shape becomes an ApiError saying so, never a value of
 * the wrong type. An answer schema only checks (what it reads is what it
 * gives, no transforms or defaults), so the page gets the answer as it was
 * sent, key order included.
 */
export async function request<T>(method: Method, path: string, answer: z.ZodType<T, T>, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "INTERNAL", "The server could not be reached. Check your connection and try again.");
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const refusal = ZErrorBody.safeParse(payload);
    if (!refusal.success) throw new ApiError(response.status, "INTERNAL", `The server answered ${response.status}.`);
    const { code, message, fieldErrors, current } = refusal.data;
    throw new ApiError(response.status, code, message, fieldErrors, current);
  }
  const parsed = answer.safeParse(payload);
  if (parsed.success) return payload as T;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.map(String).join(".")}: ${issue.message})` : issue ? ` (${issue.message})` : "";
  throw new ApiError(
    response.status,
    "UNEXPECTED_ANSWER",
    `The server's answer to ${method} ${path} is not what this page expects${where}. Reload the page and try again.`,
  );
}
