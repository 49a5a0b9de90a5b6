import Papa from 'papaparse';
import { CSV_MAX_BYTES } from '../../../shared/api/lead-import';
import { formatOfHeader, headerIndex, type ImportFormat } from '../../../shared/lead-import/formats';
import { AppError } from '../errors';

/** A parsed contacts file: its format, header and the data rows under it (blank rows dropped). */
export interface CsvTable {
  format: ImportFormat;
  header: string[];
  rows: string[][];
}

/**
 * Parses a CSV export with papaparse: a byte-order mark, CRLF or LF line ends, quoted commas and
 * newlines; the header is found under any preamble (LinkedIn's "Notes:"). Raises VALIDATION for a
 * file over 10 MB, an empty file, one with no rows under its header, or broken quoting.
 */
export function parseCsv(text: string): CsvTable {
  if (Buffer.byteLength(text, 'utf8') > CSV_MAX_BYTES) throw new AppError('VALIDATION', 'This file is larger than 10 MB. Split it and import the parts.');
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new AppError('VALIDATION', 'This file is empty.');
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) throw new AppError('VALIDATION', `This file is not valid CSV: a quoted cell is not closed (row ${(broken.row ?? 0) + 1}).`);
  const all = parsed.data;
  const at = headerIndex(all);
  const header = (all[at] ?? []).map((cell) => cell.trim());
  const rows = all.slice(at + 1);
  if (rows.length === 0) throw new AppError('VALIDATION', 'This file has a header but no rows to import.');
  return { format: formatOfHeader(header), header, rows };
}
