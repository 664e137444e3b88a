/**
 * The one error type of the app. Services, server actions and route handlers throw an AppError
 * for an expected failure; the action wrapper turns it into `{ ok: false, code, error }` and the
 * route wrapper into a JSON response with the code's HTTP status. Its message is shown to the
 * user as is, so it never carries internals; anything else thrown is logged and reported as
 * `internal` with a generic message.
 */
import type { z } from "zod";

export const APP_ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
} as const satisfies Record<string, number>;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

/** Per-field messages, `{ "field": ["message", …] }`; form-wide ones under "_form". */
export type FieldErrors = Record<string, string[]>;

/** Messages shared by both wrappers. */
export const MESSAGES = {
  invalid: "Please correct the highlighted fields.",
  signIn: "Please sign in to continue.",
  noActor: "Start a quiz or sign in first.",
  forbidden: "You do not have permission to do that.",
  unexpected: "Something went wrong on our side. Please try again.",
} as const;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;
  /** For `too_many_requests`: the seconds to wait, sent as `Retry-After`. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { fieldErrors?: FieldErrors; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    if (options.fieldErrors) this.fieldErrors = options.fieldErrors;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }

  /** The safe, serialisable form: what a client may see. */
  toJSON(): { code: AppErrorCode; error: string; fieldErrors?: FieldErrors } {
    return this.fieldErrors
      ? { code: this.code, error: this.message, fieldErrors: this.fieldErrors }
      : { code: this.code, error: this.message };
  }
}

/** Zod issues → `{ "field": ["message", …] }`; issues without a path go under "_form". */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** A zod failure as the AppError both wrappers report: 400 with per-field messages. */
export function invalidInput(error: z.ZodError): AppError {
  return new AppError("bad_request", MESSAGES.invalid, { fieldErrors: zodFieldErrors(error) });
}

/** Any thrown value as an AppError; unexpected ones become `internal` (the caller logs them). */
export function toAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError("internal", MESSAGES.unexpected, { cause: error });
}
