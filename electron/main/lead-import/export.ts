import type { DbOrTx } from '../../../db/client';
import type { LeadListQuery } from '../../../shared/api/leads';
import { SOURCE_LABELS } from '../../../shared/leads/sources';
import { STAGE_LABELS } from '../../../shared/leads/stages';
import { toMajorString } from '../../../shared/money/money';
import { leadBoard } from '../leads/leads';
import { csv } from '../reports/accountant-export';

/**
 * The leads the list shows under `query`, in its order, as CSV for a spreadsheet. Cells go through
 * the accountant export's writer, so one starting like a formula (= + - @, tab, CR) is escaped.
 */
export function exportLeadsCsv(db: DbOrTx, query: LeadListQuery, today: string): { fileName: string; text: string } {
  const { leads } = leadBoard(db, query, today);
  const rows: (string | number | null)[][] = [
    ['Title', 'Organisation', 'Contact', 'Email', 'Phone', 'Source', 'Recruiter', 'Stage', 'Estimate', 'Currency', 'Expected start', 'Time zone', 'Next action', 'Next action due', 'Tags', 'Last activity', 'Stale', 'Notes'],
  ];
  for (const l of leads) {
    rows.push([
      l.title,
      l.organisation,
      l.contactName,
      l.contactEmail,
      l.contactPhone,
      SOURCE_LABELS[l.source],
      l.recruiter ? 'Yes' : 'No',
      STAGE_LABELS[l.stage],
      l.estimateMinor === null || l.currency === null ? null : toMajorString(l.estimateMinor, l.currency),
      l.currency,
      l.expectedStart,
      l.timezone,
      l.nextAction,
      l.nextActionDue,
      l.tags.join(', '),
      l.lastActivityAt.slice(0, 10),
      l.stale ? 'Yes' : 'No',
      l.notes,
    ]);
  }
  return { fileName: `leads-${today}.csv`, text: csv(rows) };
}
