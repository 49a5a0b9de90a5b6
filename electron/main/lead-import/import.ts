import type { z } from 'zod';
import { getClient } from '../../../db/clients';
import type { DbOrTx } from '../../../db/client';
import { createContact } from '../../../db/contacts';
import { knownIdentities } from '../../../db/lead-import';
import { getLeadSettings } from '../../../db/settings';
import { contactInput } from '../../../shared/api/clients';
import { leadInput } from '../../../shared/api/leads';
import type { CsvPreview, csvImportInput, csvPreviewInput } from '../../../shared/api/lead-import';
import { proposeMapping } from '../../../shared/lead-import/formats';
import { checkRows, contactInputOf, leadInputOf } from '../../../shared/lead-import/rows';
import { AppError, found } from '../errors';
import { addLead } from '../leads/leads';
import { parseCsv } from './csv';

/** The file parsed and every row checked against the book as it is now. Raises VALIDATION or NOT_FOUND. */
export function previewCsv(db: DbOrTx, input: z.output<typeof csvPreviewInput>): CsvPreview {
  if (input.target === 'contacts') found(getClient(db, input.clientId!), 'This client');
  const table = parseCsv(input.text);
  const mapping = input.mapping ?? proposeMapping(table.header);
  const outside = Object.values(mapping).find((column) => column !== null && column >= table.header.length);
  if (outside !== undefined) throw new AppError('VALIDATION', 'The mapping names a column this file does not have.', { mapping: 'Choose columns from this file' });
  const rows = checkRows(table.rows, mapping, input.target, input.source, knownIdentities(db));
  return { format: table.format, columns: table.header, mapping, rows, errorCount: rows.filter((r) => r.errors.length > 0).length };
}

/**
 * Imports a checked file in one transaction: each row becomes a lead through the same service as
 * leads.create (recruiters flagged by agency domain), or a contact of the chosen client. If any row
 * has an error the whole file is refused and nothing changes, unless `skipErrors` says to leave
 * those rows out, which are then returned as skipped. Raises VALIDATION or NOT_FOUND.
 */
export function importCsv(db: DbOrTx, input: z.output<typeof csvImportInput>, now: string) {
  return db.transaction((tx) => {
    const preview = previewCsv(tx, input);
    const skipped = preview.rows.filter((r) => r.errors.length > 0);
    if (skipped.length > 0 && !input.skipErrors) {
      const first = skipped[0]!;
      throw new AppError('VALIDATION', `Nothing was imported: ${skipped.length} ${skipped.length === 1 ? 'row has an error' : 'rows have errors'} (row ${first.row}: ${first.errors[0]}). Fix the file or choose to skip those rows.`);
    }
    const good = preview.rows.filter((r) => r.errors.length === 0);
    if (good.length === 0) throw new AppError('VALIDATION', 'Nothing to import: every row has an error.');
    const settings = getLeadSettings(tx);
    for (const { record } of good) {
      if (input.target === 'leads') addLead(tx, leadInput.parse(leadInputOf(record, input.source)), settings, now);
      else createContact(tx, contactInput.parse({ clientId: input.clientId, ...contactInputOf(record) }), now);
    }
    return { imported: good.length, skipped };
  });
}
