import type { z } from 'zod';
import { fieldErrorsFromZod, type FieldErrors } from '../../../shared/api/errors';
import { ApiCallError } from '../api/client';

/** Mantine form validation from the same zod schema the API uses. */
export function zodValidate<T>(schema: z.ZodType, toInput: (values: T) => unknown = (v) => v) {
  return (values: T): FieldErrors => {
    const result = schema.safeParse(toInput(values));
    return result.success ? {} : fieldErrorsFromZod(result.error);
  };
}

/** Field errors from a failed call, to show next to each field; empty for other errors. */
export function serverFieldErrors(error: unknown): FieldErrors {
  return error instanceof ApiCallError ? error.fieldErrors : {};
}
