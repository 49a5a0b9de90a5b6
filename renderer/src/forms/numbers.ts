import type { UseFormReturnType } from '@mantine/form';
import { canonicalOrAsTyped, localiseNumber, readTypedNumber, typedNumberProblem } from '../../../shared/money/typed-number';
import { DURATION_FORMATS_MESSAGE, durationForms, parseDuration } from '../../../shared/time/duration';
import { displayLocale } from '../app/locale';

/**
 * A whole or decimal number as the user typed it in the display locale, for a zod schema to
 * judge: "2.5" (or "2,5" in de-DE) stays 2.5 and "-3" stays -3 (so the schema can say "Enter whole
 * months" or "can't be negative"), and anything else, blank and a number the locale reads two ways
 * included, is NaN ("Enter a number"). A number input would quietly turn "2.5" into 25.
 */
export function typedNumber(value: number | string): number {
  if (typeof value === 'number') return value;
  const read = readTypedNumber(value.trim(), displayLocale());
  return read.kind === 'number' && /^-?\d+(\.\d+)?$/.test(read.canonical) ? Number(read.canonical) : Number.NaN;
}

/** A number typed in the display locale as the canonical text the API reads ("1.234,5" → "1234.5" in de-DE); text that is no number there, as typed. */
export function canonicalText(text: string): string {
  return canonicalOrAsTyped(text, displayLocale());
}

/** What the display locale alone finds wrong with a typed number ("Use a point for decimals: 2.5"), or null. */
export function numberProblem(text: string): string | null {
  return typedNumberProblem(text, displayLocale());
}

/**
 * A duration typed in the display locale, as the text main's parseDuration reads: decimal hours
 * with the locale's mark ("2,5" in de-DE) become canonical ("2.5"), 1:30, 90m and 1h30m pass as
 * typed, and decimal hours the locale reads two ways ("2,5" in en-GB) are refused with what to type.
 */
export function typedDuration(text: string): { ok: true; text: string } | { ok: false; message: string } {
  const trimmed = text.trim();
  const problem = numberProblem(trimmed);
  if (problem) return { ok: false, message: problem };
  const canonical = canonicalText(trimmed);
  const parsed = parseDuration(canonical);
  if (parsed.ok) return { ok: true, text: canonical };
  return { ok: false, message: parsed.message === DURATION_FORMATS_MESSAGE ? `Enter a duration like ${durationHint()}` : parsed.message };
}

/** Every form a duration may be typed in, its decimal in the display locale: "1:30, 1,5, 90m, 1h30m or 1h" in de-DE. */
export function durationHint(): string {
  return durationForms(typedText('1.5'));
}

/** Canonical text from the API ("1234.5") as the user types it in the display locale ("1234,5" in de-DE). */
export function typedText(canonical: string): string {
  return localiseNumber(canonical, displayLocale());
}

/** `values` with the number fields `keys`, canonical text from the API, as the user types them in the display locale. */
export function withTypedNumbers<T extends object>(values: T, keys: readonly (keyof T & string)[]): T {
  const copy = { ...values };
  for (const key of keys) {
    const text = copy[key];
    if (typeof text === 'string') copy[key] = typedText(text) as T[typeof key];
  }
  return copy;
}

/**
 * `values` with the number fields `keys`, typed in the display locale, as the canonical text the
 * API reads ("1.234,5" → "1234.5" in de-DE). A field that is no number in the locale is sent as
 * typed, so the API's schema refuses it rather than reading it another way.
 */
export function withCanonicalNumbers<T extends object>(values: T, keys: readonly (keyof T & string)[]): T {
  const copy = { ...values };
  for (const key of keys) {
    const text = copy[key];
    if (typeof text === 'string') copy[key] = canonicalOrAsTyped(text, displayLocale()) as T[typeof key];
  }
  return copy;
}

/**
 * The number fields among `keys` that the display locale cannot read one way only ("2,5" in
 * en-GB), with what to type instead, as field errors: added to a form's validation so it never
 * submits a number the user may have meant otherwise.
 */
export function numberProblems<T extends object>(values: T, keys: readonly (keyof T & string)[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const key of keys) {
    const text = values[key];
    const problem = typeof text === 'string' ? typedNumberProblem(text, displayLocale()) : null;
    if (problem) problems[key] = problem;
  }
  return problems;
}

/** A number field's input props: the form's own, with the locale's ambiguity ("Use a point for decimals: 2.5") shown at once. */
export function numberInputProps<T>(form: UseFormReturnType<T>, path: string): ReturnType<UseFormReturnType<T>['getInputProps']> {
  const props = form.getInputProps(path);
  const problem = typeof props.value === 'string' ? typedNumberProblem(props.value, displayLocale()) : null;
  return problem ? { ...props, error: problem } : props;
}
