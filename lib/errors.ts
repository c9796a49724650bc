import { z } from "zod";

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

/** Messages per field, keyed by the field's path ("sources.0.url"; "_" for the whole input). */
export type TFieldErrors = Record<string, string[]>;

/** Every refusal the API sends has this body. */
export const ZErrorBody = z.object({
  code: z.enum(Object.keys(ERROR_STATUS) as [TErrorCode, ...TErrorCode[]]),
  message: z.string(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  /** For CONFLICT: the record as it is now. */
  current: z.unknown().optional(),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

/** What a 422 says beside its field errors. */
export const VALIDATION_MESSAGE = "Some fields need attention.";

/** Zod issues as field errors: what the server sends with a 422 and what a form shows before sending. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): TFieldErrors {
  const errors: TFieldErrors = {};
  for (const issue of issues) (errors[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
  return errors;
}

/** An expected failure, worded for the person who caused it. */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly fieldErrors?: TFieldErrors,
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
  return new AppError("VALIDATION", VALIDATION_MESSAGE, fieldErrorsOf(issues));
}
