import { dueInvoices, runBilling } from '../../billing/run';
import type { InvoicePlan } from '../../billing/plan';
import { workInProgress } from '../../billing/work-in-progress';
import { UPCOMING_INVOICE_DAYS, type DueInvoice } from '../../../../shared/api/billing';
import { upcomingInvoices } from '../../billing/upcoming';
import type { Handlers } from '../handler';

/** A plan as the screen shows it: its lines with how many entries or expenses each settles; the stored terms stay in main. */
function view(plan: InvoicePlan): DueInvoice {
  const { version: _version, lines, ...rest } = plan;
  return { ...rest, lines: lines.map(({ timeEntryIds, expenseIds, ...line }) => ({ ...line, entries: timeEntryIds.length + expenseIds.length })) };
}

export const billingHandlers: Handlers<'billing.due' | 'billing.upcoming' | 'billing.workInProgress' | 'billing.run'> = {
  'billing.workInProgress': (ctx) => workInProgress(ctx.db(), ctx.today),
  'billing.due': (ctx, { grouping }) => dueInvoices(ctx.db(), grouping, ctx.today).map(view),
  'billing.upcoming': (ctx) => upcomingInvoices(ctx.db(), ctx.today, UPCOMING_INVOICE_DAYS).map(view),
  'billing.run': (ctx, input) => ({
    drafts: runBilling(ctx.db(), input, ctx.now, ctx.today).map(({ invoiceId, plan }) => ({ invoiceId, contractId: plan.contractId, reference: plan.reference, clientName: plan.clientName, currency: plan.currency, netMinor: plan.netMinor, burn: plan.burn })),
  }),
};
