import type { TErrorCode, TFieldErrors } from "@/lib/errors";

/**
 * Why a call to the API failed, as the browser sees it: the server's code,
 * message and field errors; status 0 when the server could not be reached;
 * UNEXPECTED_ANSWER when the server answered with something this page does
 * not understand (the two disagree about the contract).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: TErrorCode | "UNEXPECTED_ANSWER",
    message: string,
    readonly fieldErrors: TFieldErrors = {},
    /** For CONFLICT: the record as it is now, to be checked against its schema before use. */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}
