/**
 * The one error vocabulary: every error the API returns has one of these codes,
 * and this table is the only place a code is mapped to an HTTP status.
 */
export const ERROR_STATUS = {
  malformed_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  /** For a 429 (or 503): how many seconds to wait, sent as Retry-After. */
  retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** What a resource someone may not see answers: exactly like one that does not exist. */
export function notFound(what = 'That'): AppError {
  return new AppError('not_found', `${what} was not found.`);
}

export const NOT_FOUND_GROUP = (): AppError => notFound('That group');

export function forbidden(message: string): AppError {
  return new AppError('forbidden', message);
}

export function unauthenticated(): AppError {
  return new AppError('unauthenticated', 'Sign in to do this.');
}

export function conflict(message: string, fields?: FieldErrors): AppError {
  return new AppError('conflict', message, fields);
}

/** Too many requests: says when to come back, in the message and in Retry-After. */
export function rateLimited(message: string, retryAfterSeconds: number): AppError {
  const error = new AppError('rate_limited', message);
  error.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return error;
}

export function invalid(fields: FieldErrors, message = 'Some details need fixing.'): AppError {
  return new AppError('validation_failed', message, fields);
}
