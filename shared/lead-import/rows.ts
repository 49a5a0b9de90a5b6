import { contactInput } from '../api/clients';
import { leadInput, type LeadInput } from '../api/leads';
import type { LeadSource } from '../leads/sources';
import type { ColumnMapping } from './formats';

/** What a file row becomes: leads and client contacts take their fields from these. */
export interface ImportRecord {
  name: string | null;
  email: string | null;
  phone: string | null;
  organisation: string | null;
  position: string | null;
  link: string | null;
  title: string | null;
  notes: string | null;
}

export type ImportTarget = 'leads' | 'contacts';

/** One data row checked for import: its number under the header (from 1), its values and what is wrong with it. */
export interface CheckedRow {
  row: number;
  record: ImportRecord;
  errors: string[];
}

const cellOf = (row: readonly string[], column: number | null): string | null => {
  const value = column === null ? '' : (row[column] ?? '').trim();
  return value === '' ? null : value;
};

/** Google Contacts puts several emails or phones in one cell joined by " ::: "; the first is the contact's. */
const firstOf = (value: string | null) => (value === null ? null : value.split(' ::: ')[0]!.trim() || null);

/** A row's values under a mapping; a full name column wins over first and last name. */
export function recordOf(row: readonly string[], mapping: ColumnMapping): ImportRecord {
  const joined = [cellOf(row, mapping.firstName), cellOf(row, mapping.lastName)].filter(Boolean).join(' ');
  return {
    name: cellOf(row, mapping.name) ?? (joined === '' ? null : joined),
    email: firstOf(cellOf(row, mapping.email)),
    phone: firstOf(cellOf(row, mapping.phone)),
    organisation: cellOf(row, mapping.organisation),
    position: cellOf(row, mapping.position),
    link: cellOf(row, mapping.link),
    title: cellOf(row, mapping.title),
    notes: cellOf(row, mapping.notes),
  };
}

/**
 * The leads.create input a record stands for: its title column, else "name — organisation"; the
 * position goes into the notes. `source` is chosen for the whole file.
 */
export function leadInputOf(record: ImportRecord, source: LeadSource): LeadInput {
  const title = record.title ?? [record.name, record.organisation].filter(Boolean).join(' — ');
  const notes = [record.position ? `Position: ${record.position}` : null, record.notes].filter(Boolean).join('\n');
  return {
    title,
    organisation: record.organisation,
    contactName: record.name,
    contactEmail: record.email,
    contactPhone: record.phone,
    links: record.link ? [record.link] : [],
    source,
    notes: notes === '' ? null : notes,
  };
}

/** The contact fields (clients.addContact's, less the client) a record stands for; the position is the role. */
export function contactInputOf(record: ImportRecord) {
  return { name: record.name ?? '', role: record.position, email: record.email, phone: record.phone, isBilling: false };
}

const contactFields = contactInput.omit({ clientId: true });

/**
 * Checks every data row for import as leads or as a client's contacts: the same schema the single
 * create uses, a missing name or title, and duplicates by email (case-insensitive) of an existing
 * lead or client contact (`knownEmails`, lower-cased) or of an earlier row in the file.
 */
export function checkRows(rows: readonly (readonly string[])[], mapping: ColumnMapping, target: ImportTarget, source: LeadSource, knownEmails: ReadonlySet<string>): CheckedRow[] {
  const firstRowWith = new Map<string, number>();
  return rows.map((cells, index) => {
    const row = index + 1;
    const record = recordOf(cells, mapping);
    const errors: string[] = [];
    const missing = target === 'leads' ? !record.name && !record.title : !record.name;
    if (missing) errors.push(target === 'leads' ? 'No name or title' : 'No name');
    const parsed = target === 'leads' ? leadInput.safeParse(leadInputOf(record, source)) : contactFields.safeParse(contactInputOf(record));
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = issue.path[0];
      if (missing && (field === 'title' || field === 'name')) continue;
      if (!errors.includes(issue.message)) errors.push(issue.message);
    }
    const email = record.email?.toLowerCase();
    if (email) {
      if (knownEmails.has(email)) errors.push(`Already a lead or contact: ${record.email}`);
      const earlier = firstRowWith.get(email);
      if (earlier !== undefined) errors.push(`Same email as row ${earlier}`);
      else firstRowWith.set(email, row);
    }
    return { row, record, errors };
  });
}
