/**
 * Invoice number patterns such as "INV-{YYYY}-{SEQ:4}". Numbers are allocated only when an
 * invoice is issued, in the issuing transaction, so the series has no gaps.
 */
const TOKEN = /\{(YYYY|YY|MM|SEQ(?::(\d))?)\}/g;

/**
 * Why `pattern` cannot number documents, or null: exactly one {SEQ} or {SEQ:n}; only {YYYY},
 * {YY}, {MM} besides; letters, digits, spaces and . _ / - around them; starting and ending with
 * a letter, digit or placeholder, one separator at a time.
 */
export function patternProblem(pattern: string): string | null {
  const seqTokens = [...pattern.matchAll(/\{SEQ(?::\d)?\}/g)].length;
  if (seqTokens !== 1) return 'The pattern needs exactly one {SEQ} or {SEQ:n}, e.g. INV-{YYYY}-{SEQ:4}';
  const rest = pattern.replace(TOKEN, '');
  if (/[{}]/.test(rest)) return 'Unknown placeholder: use {YYYY}, {YY}, {MM} and {SEQ:n}';
  if (!/^[A-Za-z0-9 ._/-]*$/.test(rest)) return 'Use letters, digits, spaces and . _ / - around the placeholders';
  // A number is also a file name and a payment reference: "../{SEQ}" or "INV--{SEQ}" reads as a path or a typo.
  const shape = pattern.replace(TOKEN, '0');
  if (!/^[A-Za-z0-9]/.test(shape) || !/[A-Za-z0-9]$/.test(shape)) return 'Start and end the pattern with a letter, a digit or a placeholder';
  if (/[ ._/-]{2}/.test(shape)) return 'Use one separator at a time between parts (not .. // or --)';
  return null;
}

export function formatInvoiceNumber(pattern: string, issueDate: string, sequence: number): string {
  const [year, month] = issueDate.split('-') as [string, string];
  return pattern.replace(TOKEN, (_, token: string, width?: string) => {
    if (token === 'YYYY') return year;
    if (token === 'YY') return year.slice(2);
    if (token === 'MM') return month;
    return String(sequence).padStart(Number(width ?? 1), '0');
  });
}

/** One step of the strings a pattern can produce: a literal character, one digit, or any run of digits. */
type Atom = { kind: 'char'; char: string } | { kind: 'digit' } | { kind: 'digits' };

/** {YYYY}, {YY} and {MM} are fixed runs of digits; {SEQ:n} is taken as any run of digits (a superset). */
function atoms(pattern: string): Atom[] {
  const out: Atom[] = [];
  const literal = (text: string) => out.push(...[...text].map((char) => ({ kind: 'char', char }) as const));
  let last = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    literal(pattern.slice(last, m.index));
    const width = { YYYY: 4, YY: 2, MM: 2 }[m[1] as 'YYYY' | 'YY' | 'MM'];
    if (width) out.push(...Array.from({ length: width }, () => ({ kind: 'digit' }) as const));
    else out.push({ kind: 'digits' });
    last = m.index + m[0].length;
  }
  literal(pattern.slice(last));
  return out;
}

const isDigit = (c: string) => c >= '0' && c <= '9';

/** The positions reachable after reading `c` from each of `states` (a run of digits may go on or end). */
function step(pattern: Atom[], states: number[], c: string): number[] {
  const next = new Set<number>();
  for (const i of states) {
    const atom = pattern[i];
    if (!atom) continue;
    if (atom.kind === 'char' ? atom.char === c : isDigit(c)) next.add(i + 1);
    if (atom.kind === 'digits' && isDigit(c)) next.add(i);
  }
  return [...next];
}

/**
 * Whether two valid patterns can ever produce the same number, for any dates and sequences:
 * a search over both patterns in step, character by character. Sound: it never misses a clash.
 */
export function patternsCanClash(a: string, b: string): boolean {
  const pa = atoms(a);
  const pb = atoms(b);
  const alphabet = [...new Set([...'0123456789', ...a, ...b])];
  const seen = new Set<string>();
  const queue: [number[], number[]][] = [[[0], [0]]];
  while (queue.length) {
    const [sa, sb] = queue.shift()!;
    const key = `${sa.sort().join(',')}|${sb.sort().join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Both have read a whole number, and neither is mid-run in a way that needs more.
    if (sa.includes(pa.length) && sb.includes(pb.length)) return true;
    for (const c of alphabet) {
      const na = step(pa, sa, c);
      const nb = step(pb, sb, c);
      if (na.length && nb.length) queue.push([na, nb]);
    }
  }
  return false;
}

export interface NumberingSettings {
  invoicePattern: string;
  creditNotePattern: string;
  resetYearly: boolean;
}

/**
 * Refuses numbering settings that could give a number twice (rules doc §2.3: never reuse a
 * number). Invoices and credit notes share one list of numbers, and a yearly reset starts the
 * sequence again each January, so: a yearly reset needs {YYYY} in both patterns ({YY} repeats
 * after a century), and the two patterns must never produce the same text.
 * Returns one message per field, for the form and the API; empty when the settings are safe.
 */
export function numberingProblems(settings: NumberingSettings): { field: keyof NumberingSettings; message: string }[] {
  const problems: { field: keyof NumberingSettings; message: string }[] = [];
  const valid = (pattern: string) => patternProblem(pattern) === null;
  for (const field of ['invoicePattern', 'creditNotePattern'] as const) {
    const pattern = settings[field];
    if (settings.resetYearly && valid(pattern) && !pattern.includes('{YYYY}')) {
      const again = formatInvoiceNumber(pattern, '2027-01-01', 1);
      problems.push({
        field,
        message: pattern.includes('{YY}')
          ? 'Yearly reset needs {YYYY} in the pattern: {YY} alone repeats every 100 years'
          : `Yearly reset needs {YYYY} in the pattern, or ${again} would be given again each January`,
      });
    }
  }
  if (valid(settings.invoicePattern) && valid(settings.creditNotePattern) && patternsCanClash(settings.invoicePattern, settings.creditNotePattern)) {
    problems.push({ field: 'creditNotePattern', message: 'Credit notes share the list of numbers with invoices: start this pattern differently, e.g. CN-{YYYY}-{SEQ:4}' });
  }
  return problems;
}

/** The series key year: the issue year when numbering restarts yearly, else 0. */
export function seriesYear(issueDate: string, resetYearly: boolean): number {
  return resetYearly ? Number(issueDate.slice(0, 4)) : 0;
}
