import { z } from 'zod';
import { firstUnprintable, unprintableMessage } from './printable';

/**
 * Every user string crosses the boundary through these. A lone surrogate would be stored as
 * invalid UTF-8 by SQLite and read back changed, so such strings are refused, not repaired.
 */
const wellFormed = (s: string) => s.isWellFormed();
const NOT_WELL_FORMED = 'Contains characters that are not valid text';

/** C0 controls and DEL; multi-line text may keep tab, line feed and carriage return. */
function hasControlCharacters(s: string, multiline: boolean): boolean {
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    const allowed = multiline && (code === 0x09 || code === 0x0a || code === 0x0d);
    if ((code < 0x20 || code === 0x7f) && !allowed) return true;
  }
  return false;
}

/**
 * Refuses a character the PDF fonts cannot draw (shared/text/printable-ranges.ts), naming it:
 * an issued document is frozen for good, so an empty box must never reach one.
 */
function printableCheck(s: string, ctx: z.RefinementCtx): void {
  const bad = firstUnprintable(s);
  if (bad !== null) ctx.addIssue({ code: 'custom', message: unprintableMessage(bad) });
}

/**
 * `printable: false` is only for text that never reaches a document (a search), so finding
 * stored text is never refused.
 */
interface TextOptions {
  printable?: boolean;
}

/** Required single-line text, trimmed, 1..max characters, every character printable on a PDF. */
export function requiredText(label: string, max: number, options: TextOptions = {}) {
  return z
    .string({ error: `${label} is required` })
    .refine(wellFormed, NOT_WELL_FORMED)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, `${label} is required`)
        .max(max, `${label} must be at most ${max} characters`)
        .refine((s) => !hasControlCharacters(s, false), `${label} can't contain control characters`)
        .superRefine(options.printable === false ? () => {} : printableCheck),
    );
}

/** Optional text: blank becomes null. Multi-line text keeps newlines and tabs. Printable as above. */
export function optionalText(label: string, max: number, options: TextOptions & { multiline?: boolean } = {}) {
  return z
    .string()
    .refine(wellFormed, NOT_WELL_FORMED)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(max, `${label} must be at most ${max} characters`)
        .refine((s) => !hasControlCharacters(s, options.multiline ?? false), `${label} can't contain control characters`)
        .superRefine(options.printable === false ? () => {} : printableCheck),
    )
    .nullish()
    .transform((s) => (s ? s : null));
}
