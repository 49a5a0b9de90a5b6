import { z } from 'zod';

/**
 * Every user string crosses the boundary through these. A lone surrogate would be stored as
 * invalid UTF-8 by SQLite and read back changed, so such strings are refused, not repaired.
 */
const wellFormed = (s: string) => s.isWellFormed();
const NOT_WELL_FORMED = 'Contains characters that are not valid text';

/** Required single-line text, trimmed, 1..max characters. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is required` })
    .refine(wellFormed, NOT_WELL_FORMED)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, `${label} is required`)
        .max(max, `${label} must be at most ${max} characters`)
        .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${label} can't contain control characters`),
    );
}

/** Optional text: blank becomes null. Multi-line text keeps newlines and tabs. */
export function optionalText(label: string, max: number, options: { multiline?: boolean } = {}) {
  const control = options.multiline ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
  return z
    .string()
    .refine(wellFormed, NOT_WELL_FORMED)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(max, `${label} must be at most ${max} characters`)
        .refine((s) => !control.test(s), `${label} can't contain control characters`),
    )
    .nullish()
    .transform((s) => (s ? s : null));
}
