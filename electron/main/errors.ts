import type { ErrorCode, FieldErrors } from '../../shared/api/errors';

/** An error meant for the user: its message is shown as it is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} was not found. It may have been deleted.`);
}

/** The value, or a NOT_FOUND error naming what was missing. */
export function found<T>(value: T | null | undefined, missing: string | AppError): T {
  if (value === null || value === undefined) throw typeof missing === 'string' ? notFound(missing) : missing;
  return value;
}

/** Raised by any call that needs the business profile before one has been set up. */
export function profileMissing(): AppError {
  return new AppError('NOT_FOUND', 'Set up your business profile first.');
}
