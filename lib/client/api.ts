import type { TErrorBody, TErrorCode } from "@/lib/errors";

/** An API refusal as the browser sees it: the server's code, message and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: TErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly current?: unknown,
  ) {
    super(message);
  }
}

/** JSON in, JSON out; a 4xx/5xx becomes an ApiError carrying the server's words. */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, "INTERNAL", "The server could not be reached. Check your connection and try again.");
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  const body = (payload ?? {}) as Partial<TErrorBody>;
  throw new ApiError(response.status, body.code ?? "INTERNAL", body.message ?? `The server answered ${response.status}.`, body.fieldErrors, body.current);
}

/** Zod issues as { "path.to.field": ["message"] }, the same shape the server sends. */
export function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
  return errors;
}
