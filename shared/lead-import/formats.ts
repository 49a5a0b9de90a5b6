/**
 * Which tool exported a contacts CSV, where its header row is, and which column feeds which field
 * (issue 15 §7). Pure: the rows arrive already parsed (electron/main/lead-import/csv.ts).
 */

export const IMPORT_FORMATS = ['linkedin', 'google', 'generic'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  linkedin: 'LinkedIn connections',
  google: 'Google Contacts',
  generic: 'Generic CSV',
};

export const IMPORT_FIELDS = ['firstName', 'lastName', 'name', 'email', 'phone', 'organisation', 'position', 'link', 'title', 'notes'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_LABELS: Record<ImportField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  name: 'Full name',
  email: 'Email',
  phone: 'Phone',
  organisation: 'Organisation',
  position: 'Position',
  link: 'Link',
  title: 'Lead title',
  notes: 'Notes',
};

/** Each field's column index in the file, or null when no column feeds it. */
export type ColumnMapping = Record<ImportField, number | null>;

/** Header names each field is recognised by, compared without case or surrounding spaces; the first match wins. */
const ALIASES: Record<ImportField, readonly string[]> = {
  firstName: ['first name', 'given name', 'firstname', 'first'],
  lastName: ['last name', 'family name', 'surname', 'lastname', 'last'],
  name: ['name', 'full name', 'contact name', 'contact'],
  email: ['email address', 'e-mail 1 - value', 'email', 'e-mail', 'e-mail address', 'email 1'],
  phone: ['phone 1 - value', 'phone', 'phone number', 'telephone', 'mobile'],
  organisation: ['company', 'organization name', 'organization 1 - name', 'organisation', 'organization', 'company name'],
  position: ['position', 'organization title', 'organization 1 - title', 'job title', 'role'],
  link: ['url', 'website 1 - value', 'website', 'linkedin', 'profile url', 'link'],
  title: ['title', 'lead title', 'lead', 'opportunity', 'subject'],
  notes: ['notes', 'note', 'comments'],
};

const norm = (cell: string) => cell.trim().toLowerCase();

/** The format a header row belongs to: LinkedIn's fixed columns, Google's numbered "E-mail 1 - Value" style, or generic. */
export function formatOfHeader(header: readonly string[]): ImportFormat {
  const cells = new Set(header.map(norm));
  if (cells.has('first name') && cells.has('connected on') && cells.has('url')) return 'linkedin';
  if (cells.has('e-mail 1 - value') || cells.has('organization name') || cells.has('organization 1 - name') || cells.has('given name')) return 'google';
  return 'generic';
}

/**
 * Finds the header row: LinkedIn's export starts with a few "Notes:" lines, so the header is the
 * first row (of the first 20) that names a known column; otherwise the first row. Returns its index.
 */
export function headerIndex(rows: readonly (readonly string[])[]): number {
  const known = new Set(Object.values(ALIASES).flat());
  const limit = Math.min(rows.length, 20);
  for (let i = 0; i < limit; i++) {
    const named = rows[i]!.filter((cell) => known.has(norm(cell))).length;
    if (named >= 2) return i;
  }
  return 0;
}

/** The column mapping proposed for a header: each field takes the first column named by one of its aliases. */
export function proposeMapping(header: readonly string[]): ColumnMapping {
  const cells = header.map(norm);
  const used = new Set<number>();
  const mapping = {} as ColumnMapping;
  for (const field of IMPORT_FIELDS) {
    let column: number | null = null;
    for (const alias of ALIASES[field]) {
      const at = cells.findIndex((cell, i) => cell === alias && !used.has(i));
      if (at >= 0) {
        column = at;
        break;
      }
    }
    if (column !== null) used.add(column);
    mapping[field] = column;
  }
  return mapping;
}
