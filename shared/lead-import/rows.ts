import { foldForSearch } from '../clients/search';
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
 * The keys that say two records are the same person (issue 15 §7 duplicates): the email and the
 * profile link (a LinkedIn export has no email for most connections); with neither, the name at
 * the organisation. Lower-cased and folded, so "Müller" and "muller" meet.
 */
export function identityKeys(person: { email: string | null; links: readonly string[]; name: string | null; organisation: string | null }): string[] {
  const keys = person.email ? [`email:${person.email.trim().toLowerCase()}`] : [];
  for (const link of person.links) {
    const bare = link.trim().toLowerCase().replace(/^https?:\/\/(www\.)?/, '').replace(/\/+$/, '');
    if (bare) keys.push(`link:${bare}`);
  }
  if (keys.length === 0 && person.name) keys.push(`name:${foldForSearch(person.name)}|${foldForSearch(person.organisation ?? '')}`);
  return keys;
}

const describeKey = (key: string, record: ImportRecord) => (key.startsWith('email:') ? record.email : key.startsWith('link:') ? record.link : `${record.name}${record.organisation ? ` at ${record.organisation}` : ''}`);

/**
 * Checks every data row for import as leads or as a client's contacts: the same schema the single
 * create uses, a missing name or title, and duplicates (`identityKeys`: the email, else the profile
 * link, else the name at the organisation) of an existing lead or client contact (`known`) or of an
 * earlier row in the file.
 */
export function checkRows(rows: readonly (readonly string[])[], mapping: ColumnMapping, target: ImportTarget, source: LeadSource, known: ReadonlySet<string>): CheckedRow[] {
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
    const keys = identityKeys({ ...record, links: record.link ? [record.link] : [] });
    const knownKey = keys.find((key) => known.has(key));
    if (knownKey) errors.push(`Already a lead or contact: ${describeKey(knownKey, record)}`);
    const earlierKey = keys.find((key) => firstRowWith.has(key));
    if (earlierKey) errors.push(`Same ${earlierKey.startsWith('email:') ? 'email' : 'person'} as row ${firstRowWith.get(earlierKey)}`);
    for (const key of keys) if (!firstRowWith.has(key)) firstRowWith.set(key, row);
    return { row, record, errors };
  });
}
