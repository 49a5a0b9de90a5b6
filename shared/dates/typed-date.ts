/**
 * Dates as a locale types them: "20/11/2026" in en-GB, "11/20/2026" in en-US, "20.11.2026" in
 * de-DE. The order and separator come from Intl, so a date field shows and reads what the user
 * sees everywhere else on screen; the API keeps ISO dates.
 */

export type DatePart = 'day' | 'month' | 'year';

/** How `locale` writes a numeric date: the order of its parts, the mark between them, and a placeholder ("DD/MM/YYYY"). */
export interface DatePattern {
  readonly order: readonly DatePart[];
  readonly separator: string;
  readonly placeholder: string;
}

const patterns = new Map<string, DatePattern>();
const LETTERS: Record<DatePart, string> = { day: 'DD', month: 'MM', year: 'YYYY' };

/** The numeric date pattern of `locale`, from Intl.DateTimeFormat's parts. */
export function datePattern(locale: string): DatePattern {
  let pattern = patterns.get(locale);
  if (!pattern) {
    const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 10, 20)));
    const order = parts.flatMap((p) => (p.type === 'day' || p.type === 'month' || p.type === 'year' ? [p.type] : []));
    // A literal can carry spaces or marks of direction ("20. 11. 2026" in some locales): the first visible mark is the separator.
    const separator = parts.find((p) => p.type === 'literal')?.value.replace(/[\s\u200e\u200f]/g, '').charAt(0) || '/';
    pattern = { order, separator, placeholder: order.map((part) => LETTERS[part]).join(separator) };
    patterns.set(locale, pattern);
  }
  return pattern;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date as `locale` types it ("20/11/2026" in en-GB); anything else is returned as it is. */
export function formatTypedDate(iso: string, locale: string): string {
  const match = ISO.exec(iso);
  if (!match) return iso;
  const { order, separator } = datePattern(locale);
  const values: Record<DatePart, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  return order.map((part) => values[part]).join(separator);
}

/**
 * The ISO date `text` stands for in `locale`'s order ("20.11.2026" → "2026-11-20" in de-DE), or
 * null when it is not a whole, real date. Any of / . - or a space separates the parts; a day or
 * month may have one digit; an ISO date is read as it is in every locale.
 */
export function readTypedDate(text: string, locale: string): string | null {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  let year: number, month: number, day: number;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const numbers = trimmed.split(/[/.\-\s]+/).filter(Boolean);
    const { order } = datePattern(locale);
    if (numbers.length !== 3 || numbers.some((n) => !/^\d+$/.test(n))) return null;
    const value = (part: DatePart) => numbers[order.indexOf(part)]!;
    if (value('year').length !== 4 || value('month').length > 2 || value('day').length > 2) return null;
    [year, month, day] = [Number(value('year')), Number(value('month')), Number(value('day'))];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
