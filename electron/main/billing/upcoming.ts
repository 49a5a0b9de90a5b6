import type { DbOrTx } from '../../../db/client';
import { listContracts } from '../../../db/contracts';
import { addDays } from '../../../shared/dates/calendar';
import { nextBillingDate } from '../../../shared/contracts/billing-cycle';
import { planInvoice, type InvoicePlan } from './plan';

/**
 * Each signed or active contract's next invoice from its billing cycle: the one due now if the
 * billing run has one (as `dueInvoices`), else the one its next billing date brings when that
 * falls within `days` of `today` (ISO), priced from the work logged so far (so the net grows as
 * work is logged). Soonest first.
 */
export function upcomingInvoices(db: DbOrTx, today: string, days: number): InvoicePlan[] {
  const until = addDays(today, days);
  const plans: InvoicePlan[] = [];
  for (const contract of listContracts(db, { status: ['signed', 'active'], clientId: null })) {
    const signed = contract.versions.filter((v) => v.signedAt !== null);
    const first = signed[0];
    const latest = signed.at(-1);
    if (!first || !latest) continue;
    const dueNow = planInvoice(db, contract, 'period', today);
    const date = dueNow ? null : nextBillingDate(latest.billingCycle, first.startDate, latest.endDate, today);
    const plan = dueNow ?? (date !== null && date <= until ? planInvoice(db, contract, 'period', date) : null);
    if (plan) plans.push(plan);
  }
  return plans.sort((a, b) => a.period.end.localeCompare(b.period.end) || a.clientName.localeCompare(b.clientName) || a.contractId - b.contractId);
}
