/**
 * Invoice number patterns such as "INV-{YYYY}-{SEQ:4}". Numbers are allocated only when an
 * invoice is issued, in the issuing transaction, so the series has no gaps.
 */
const TOKEN = /\{(YYYY|YY|MM|SEQ(?::(\d))?)\}/g;

export function patternProblem(pattern: string): string | null {
  const seqTokens = [...pattern.matchAll(/\{SEQ(?::\d)?\}/g)].length;
  if (seqTokens !== 1) return 'The pattern needs exactly one {SEQ} or {SEQ:n}, e.g. INV-{YYYY}-{SEQ:4}';
  const rest = pattern.replace(TOKEN, '');
  if (/[{}]/.test(rest)) return 'Unknown placeholder: use {YYYY}, {YY}, {MM} and {SEQ:n}';
  if (!/^[A-Za-z0-9 ._/-]*$/.test(rest)) return 'Use letters, digits, spaces and . _ / - around the placeholders';
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

/** The series key year: the issue year when numbering restarts yearly, else 0. */
export function seriesYear(issueDate: string, resetYearly: boolean): number {
  return resetYearly ? Number(issueDate.slice(0, 4)) : 0;
}
