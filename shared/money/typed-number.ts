/**
 * What a number typed in a locale means. A comma is a decimal separator in Germany and France and
 * a thousands separator in Britain and the US, so "2,5" is 2.5 to one user and a typo for 2.5 or
 * 25 to another. The renderer reads every typed quantity, price and amount through this rule and
 * hands the API canonical text ("1234.5"), so the screen and the API never read a number differently.
 */

/** A locale's decimal and grouping marks, as Intl writes them. */
export interface NumberMarks {
  readonly decimal: string;
  readonly group: string;
}

export type TypedNumber =
  /** A number in the locale's own convention, as canonical text: "-1234.5". */
  | { readonly kind: 'number'; readonly canonical: string }
  /** A number only in the other convention ("2,5" in en-GB): the user must say which they meant. */
  | { readonly kind: 'ambiguous'; readonly message: string }
  /** Not a number at all: the field's own schema says what it wants. */
  | { readonly kind: 'other' };

const marksByLocale = new Map<string, NumberMarks>();

/** The decimal and grouping marks of `locale` ("," and "." for de-DE). */
export function numberMarks(locale: string): NumberMarks {
  let marks = marksByLocale.get(locale);
  if (!marks) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
    marks = { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
    marksByLocale.set(locale, marks);
  }
  return marks;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Spaces of every width: people type a plain one where the locale groups with a narrow no-break space. */
const SPACES = /[\s\u00a0\u202f]/g;
/** Swiss grouping is written ’ (U+2019) by Intl and ' on a keyboard: both are the same mark. */
const APOSTROPHES = /['\u2019]/g;

/** Reads `text` with `decimal` as the decimal mark and `group` grouping thousands; canonical text, or null. */
function readWith(text: string, decimal: string, group: string): string | null {
  const grouped = group === '' ? '\\d+' : `\\d{1,3}(?:${escape(group)}\\d{2,3})*${escape(group)}\\d{3}|\\d+`;
  const match = new RegExp(`^([+\\-\u2212])?(${grouped})?(?:${escape(decimal)}(\\d+))?$`).exec(text);
  if (!match || (match[2] === undefined && match[3] === undefined)) return null;
  const whole = (match[2] ?? '0').replaceAll(group === '' ? '\u0000' : group, '');
  const sign = match[1] === '-' || match[1] === '\u2212' ? '-' : '';
  return `${sign}${whole}${match[3] === undefined ? '' : `.${match[3]}`}`;
}

/**
 * Reads what a user typed for a number in `locale`. In de-DE "1.234,5" is 1234.5 and "2,5" is
 * 2.5; in en-GB "1,234.5" is 1234.5, but "2,5" reads only as a decimal comma, which en-GB does not
 * use, so it is ambiguous ("Use a point for decimals: 2.5") rather than 25 or nothing. Spaces
 * group digits in any locale; a minus may be "-" or "−".
 */
export function readTypedNumber(text: string, locale: string): TypedNumber {
  const marks = numberMarks(locale);
  const compact = text.replace(SPACES, '').replace(APOSTROPHES, '\u2019');
  const group = marks.group.replace(SPACES, '').replace(APOSTROPHES, '\u2019');
  const own = readWith(compact, marks.decimal, group);
  if (own !== null) return { kind: 'number', canonical: own };
  if (marks.decimal !== '.' && marks.decimal !== ',') return { kind: 'other' };
  const foreign = marks.decimal === ',' ? readWith(compact, '.', ',') : readWith(compact, ',', '.');
  if (foreign === null) return { kind: 'other' };
  const mark = marks.decimal === ',' ? 'comma' : 'point';
  return { kind: 'ambiguous', message: `Use a ${mark} for decimals: ${localiseNumber(foreign, locale)}` };
}

/** Canonical text ("1234.5") as the user would type it in `locale` ("1234,5" in de-DE); not grouped. */
export function localiseNumber(canonical: string, locale: string): string {
  const { decimal } = numberMarks(locale);
  return decimal === '.' ? canonical : canonical.replace('.', decimal);
}

/**
 * What a form sends the API for a number typed in `locale`: its canonical text, or the text as
 * typed when it is no number there (ambiguous included), so the API's schema refuses it with its
 * own message rather than reading it some other way.
 */
export function canonicalOrAsTyped(text: string, locale: string): string {
  const read = readTypedNumber(text, locale);
  return read.kind === 'number' ? read.canonical : text;
}

/** The problem only the locale can see in a typed number ("Use a point for decimals: 2.5"), or null. */
export function typedNumberProblem(text: string, locale: string): string | null {
  const read = readTypedNumber(text, locale);
  return read.kind === 'ambiguous' ? read.message : null;
}
