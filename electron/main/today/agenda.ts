import type { DbOrTx } from '../../../db/client';
import { draftSupplies, earliestUnbilledWork, openInvoicesDueBy } from '../../../db/agenda';
import { getProfile } from '../../../db/profile';
import type { Today } from '../../../shared/api/today';
import { addDays } from '../../../shared/dates/calendar';
import { AGENDA_HORIZON_DAYS, buildAgenda, invoiceDeadlines, type AgendaEntry } from '../../../shared/today/agenda';
import { dueInvoices } from '../billing/run';
import { contractReference, contractSummaries } from '../contracts/contracts';
import { returnsToFile } from '../vat-return/returns';
import { leadEntries } from './lead-entries';

/** The Today list shows at most this many invoices falling due; the rest are counted. */
const INVOICES_LISTED = 50;

/**
 * What needs doing, as of `today` (ISO): VAT returns to file, intra-EU invoices the law says must be
 * issued by a date, open invoices falling due within a week or overdue, contracts to bill, and
 * contracts ending within a month, and from the pipeline today's calls, follow-ups due and stale
 * leads (`shared/today/agenda.ts` decides what shows and how urgent it is). Empty before the
 * business profile exists.
 */
export function todayAgenda(db: DbOrTx, today: string, now: string): Today {
  const profile = getProfile(db, { withLogo: false });
  if (!profile) return { today, items: [], moreInvoicesDue: 0 };

  const entries: AgendaEntry[] = returnsToFile(db, today).map((p) => ({ kind: 'vat-return', date: p.dueDate, periodStart: p.start, periodEnd: p.end }));

  entries.push(
    ...invoiceDeadlines(profile.country, [
      ...draftSupplies(db).map((d) => ({ source: 'draft' as const, invoiceId: d.invoiceId, supplyDate: d.supplyDate, clientName: d.clientName, client: { country: d.country, business: d.customerType === 'business' } })),
      ...earliestUnbilledWork(db).map((w) => ({
        source: 'unbilled' as const,
        contractId: w.contractId,
        reference: contractReference(w.contractId),
        supplyDate: w.supplyDate,
        clientName: w.clientName,
        client: { country: w.country, business: w.customerType === 'business' },
      })),
    ]),
  );

  const due = openInvoicesDueBy(db, addDays(today, AGENDA_HORIZON_DAYS.invoiceDue), INVOICES_LISTED);
  entries.push(...due.rows.map((r) => ({ kind: 'invoice-due' as const, date: r.dueDate, ...r })));

  for (const plan of dueInvoices(db, 'period', today)) {
    entries.push({ kind: 'billing-due', date: plan.period.end, contractId: plan.contractId, reference: plan.reference, title: plan.title, clientName: plan.clientName });
  }
  for (const contract of contractSummaries(db, { status: null, clientId: null }, today)) {
    if ((contract.status === 'signed' || contract.status === 'active') && contract.endDate !== null) {
      entries.push({ kind: 'contract-ending', date: contract.endDate, contractId: contract.id, reference: contract.reference, title: contract.title, clientName: contract.clientName });
    }
  }

  entries.push(...leadEntries(db, today, now));

  return { today, items: buildAgenda(entries, today), moreInvoicesDue: due.total - due.rows.length };
}
