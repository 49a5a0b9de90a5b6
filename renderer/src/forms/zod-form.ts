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

/**
 * The message for a list field (tags, links, domains): the list's own, else the first of its
 * items' ("tags.2"), which the schema reports per item and a multi-value input has no place for.
 */
export function listError(errors: FieldErrors | Record<string, unknown>, path: string): string | undefined {
  const own = errors[path];
  if (typeof own === 'string') return own;
  const item = Object.entries(errors).find(([key, message]) => key.startsWith(`${path}.`) && typeof message === 'string');
  return item?.[1] as string | undefined;
}
