/** Error codes the API answers with, each mapped once to its HTTP status. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  LIMIT_EXCEEDED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type TErrorCode = keyof typeof ERROR_STATUS;

export type TErrorBody = { code: TErrorCode; message: string; fieldErrors?: Record<string, string[]>; current?: unknown };

/** An expected failure, worded for the person who caused it. */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** For CONFLICT: the record as it is now, so the client can show both versions. */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): TErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
      ...(this.current !== undefined ? { current: this.current } : {}),
    };
  }
}

/** The answer to a body that does not fit its schema: each message under its field's path ("_" for the whole body). */
export function invalidFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return new AppError("VALIDATION", "Some fields need attention.", fieldErrors);
}
