import { z } from 'zod';

const urgency = z.enum(['overdue', 'today', 'soon']);
const base = { date: z.string(), urgency };

/** One Today item (`shared/today/agenda.ts`): what is due, by when, and the record it opens. */
export const agendaItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vat-return'), ...base, periodStart: z.string(), periodEnd: z.string() }),
  z.object({
    kind: z.literal('invoice-deadline'),
    ...base,
    supplyDate: z.string(),
    clientName: z.string(),
    invoiceId: z.number().nullable(),
    contractId: z.number().nullable(),
    reference: z.string().nullable(),
  }),
  z.object({ kind: z.literal('invoice-due'), ...base, invoiceId: z.number(), number: z.string(), clientName: z.string(), currency: z.string(), outstandingMinor: z.number().int() }),
  z.object({ kind: z.literal('contract-ending'), ...base, contractId: z.number(), reference: z.string(), title: z.string(), clientName: z.string() }),
  z.object({ kind: z.literal('billing-due'), ...base, contractId: z.number(), reference: z.string(), title: z.string(), clientName: z.string() }),
  z.object({ kind: z.literal('call'), ...base, callId: z.number(), leadId: z.number(), leadTitle: z.string(), startsAt: z.string(), bothZones: z.string() }),
  z.object({ kind: z.literal('follow-up'), ...base, leadId: z.number(), leadTitle: z.string(), nextAction: z.string() }),
  z.object({ kind: z.literal('stale-lead'), ...base, leadId: z.number(), leadTitle: z.string(), lastActivityAt: z.string() }),
]);
export type AgendaItemView = z.infer<typeof agendaItemSchema>;

export const todaySchema = z.object({
  today: z.string(),
  items: z.array(agendaItemSchema),
  /** Open invoices due by the horizon that the list leaves out (it shows the oldest 50). */
  moreInvoicesDue: z.number().int(),
});
export type Today = z.infer<typeof todaySchema>;
