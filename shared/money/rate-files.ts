import { isCurrencyCode, type CurrencyCode } from '../reference/currencies';
import { parseDecimal, type Decimal } from './decimal';
import { crossRate, type FxSource } from './fx';

/** One rate read from a file: units of `currency` per 1 unit of the home currency on `date`. */
export interface ImportedRate {
  currency: CurrencyCode;
  rate: string;
  source: FxSource;
  date: string;
}

export type RateFileKind = 'hmrc' | 'ecb';

export type RateFileResult =
  | { ok: true; kind: RateFileKind; rates: ImportedRate[]; skipped: string[] }
  | { ok: false; message: string; row: number | null };

/** Characters a rate file may have; the host refuses larger requests anyway. */
export const RATE_FILE_MAX_CHARS = 3_500_000;

/**
 * Reads a rate file the user downloaded, all or nothing:
 * - HMRC's monthly file (exrates-monthly-MMYY.csv): columns `Country/Territories, Currency,
 *   Currency Code, Currency Units per £1, Start Date, End Date` (names matched ignoring case and
 *   spacing; dates dd/mm/yyyy or yyyy-mm-dd). Rates are per £1, so the home currency must be GBP.
 *   Each rate is stored at its start date as an HMRC period rate.
 * - The ECB's reference rates (eurofxref.csv, eurofxref-hist.csv): `Date, USD, JPY, …` per 1 EUR
 *   (dates "24 January 2025" or 2025-01-24; N/A and empty cells are skipped). For a EUR home they
 *   are stored as quoted; for any other home currency each is a cross rate via EUR (see
 *   crossRate), labelled as derived.
 * Codes that are not ISO 4217 (HMRC lists a few retired ones) are skipped and named in `skipped`.
 * A bad file returns a message naming its 1-based row (the header is row 1) and no rates.
 */
export function parseRateFile(text: string, home: CurrencyCode): RateFileResult {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = rows[0]?.map(normalise) ?? [];
  if (header.includes('currency code') && header.some((h) => h.startsWith('currency units per'))) return hmrc(rows, header, home);
  if (header[0] === 'date' && header.length > 1) return ecb(rows, home);
  return {
    ok: false,
    row: 1,
    message:
      'This is not a rate file Billable reads. Use HMRC’s monthly CSV (Currency Code, Currency Units per £1, Start Date, …) or the ECB’s eurofxref CSV (Date, USD, JPY, …).',
  };
}

function normalise(cell: string): string {
  return cell.trim().replace(/\s+/g, ' ').toLowerCase();
}

function fail(row: number, message: string): RateFileResult {
  return { ok: false, row, message: `Row ${row}: ${message}. Nothing was imported.` };
}

function hmrc(rows: string[][], header: string[], home: CurrencyCode): RateFileResult {
  if (home !== 'GBP') return { ok: false, row: 1, message: `HMRC’s rates are per £1, but your home currency is ${home}. Nothing was imported.` };
  const codeAt = header.indexOf('currency code');
  const rateAt = header.findIndex((h) => h.startsWith('currency units per'));
  const startAt = header.indexOf('start date');
  if (startAt === -1) return fail(1, 'the Start Date column is missing');
  const rates: ImportedRate[] = [];
  const skipped: string[] = [];
  for (let i = 1; i < rows.length; i += 1) {
    const cells = rows[i]!;
    const row = i + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    const code = (cells[codeAt] ?? '').trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) return fail(row, `“${cells[codeAt] ?? ''}” is not a currency code`);
    const rate = positiveRate(cells[rateAt] ?? '');
    if (!rate.ok) return fail(row, `the rate for ${code} ${rate.message}`);
    const date = isoDate(cells[startAt] ?? '');
    if (!date) return fail(row, `“${cells[startAt] ?? ''}” is not a date like 01/07/2026`);
    if (!isCurrencyCode(code)) {
      skipped.push(`${code} (row ${row})`);
      continue;
    }
    if (code !== home) rates.push({ currency: code, rate: rate.text, source: 'hmrc-period', date });
  }
  if (rates.length === 0) return fail(rows.length, 'the file has no rates');
  return { ok: true, kind: 'hmrc', rates, skipped };
}

function ecb(rows: string[][], home: CurrencyCode): RateFileResult {
  const codes = rows[0]!.slice(1).map((c) => c.trim().toUpperCase());
  for (const code of codes) {
    if (code !== '' && !/^[A-Z]{3}$/.test(code)) return fail(1, `“${code}” is not a currency code`);
  }
  const homeAt = codes.indexOf(home);
  if (home !== 'EUR' && homeAt === -1) return fail(1, `the file has no ${home} column, so no rates per 1 ${home} can be derived`);
  const skipped = [...new Set(codes.filter((c) => c !== '' && !isCurrencyCode(c)))];
  const rates: ImportedRate[] = [];
  for (let i = 1; i < rows.length; i += 1) {
    const cells = rows[i]!;
    const row = i + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    const date = isoDate(cells[0] ?? '');
    if (!date) return fail(row, `“${cells[0] ?? ''}” is not a date like 2025-01-24 or 24 January 2025`);
    const perEuro = new Map<CurrencyCode, Decimal>();
    for (const [j, code] of codes.entries()) {
      const cell = (cells[j + 1] ?? '').trim();
      if (code === '' || cell === '' || cell.toUpperCase() === 'N/A' || !isCurrencyCode(code)) continue;
      const rate = positiveRate(cell);
      if (!rate.ok) return fail(row, `the ${code} rate ${rate.message}`);
      perEuro.set(code, rate.value);
    }
    if (home === 'EUR') {
      for (const [currency, value] of perEuro) rates.push({ currency, rate: textOf(value), source: 'ecb-reference', date });
      continue;
    }
    const homePerEuro = perEuro.get(home);
    if (!homePerEuro) continue; // No home rate that day (a TARGET holiday column gap): nothing can be derived.
    perEuro.delete(home);
    perEuro.set('EUR', { units: 1n, scale: 0 });
    for (const [currency, value] of perEuro) rates.push({ currency, rate: crossRate(value, homePerEuro), source: 'ecb-cross', date });
  }
  if (rates.length === 0) return fail(rows.length, 'the file has no rates');
  return { ok: true, kind: 'ecb', rates, skipped };
}

function textOf(value: Decimal): string {
  const digits = value.units.toString().padStart(value.scale + 1, '0');
  return value.scale === 0 ? digits : `${digits.slice(0, -value.scale)}.${digits.slice(-value.scale)}`;
}

function positiveRate(cell: string): { ok: true; value: Decimal; text: string } | { ok: false; message: string } {
  const parsed = parseDecimal(cell.trim(), { maxScale: 10, label: 'rate' });
  if (!parsed.ok) return { ok: false, message: `“${cell.trim()}” is not a number like 1.2560` };
  if (parsed.value.units <= 0n) return { ok: false, message: 'must be above zero' };
  return { ok: true, value: parsed.value, text: textOf(parsed.value) };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** dd/mm/yyyy, yyyy-mm-dd or "24 January 2025" as an ISO date; null when it is none of them or no real date. */
function isoDate(cell: string): string | null {
  const text = cell.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text)) && MONTHS.includes(match[2]!.toLowerCase())) {
    [d, m, y] = [Number(match[1]), MONTHS.indexOf(match[2]!.toLowerCase()) + 1, Number(match[3])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** RFC 4180 rows: fields may be quoted, with "" for a quote inside; CRLF or LF line ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
