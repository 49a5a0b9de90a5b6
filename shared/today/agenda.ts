import { addDays } from '../dates/calendar';
import { intraEuInvoiceDeadline } from '../vat/tax-point';

/**
 * How far ahead each kind of item shows, in days from today (a calm list: what needs acting on
 * soon). A VAT return shows once its period has ended, however far off its deadline.
 */
export const AGENDA_HORIZON_DAYS = {
  /** An invoice falling due: a week's notice to chase or expect the money. */
  invoiceDue: 7,
  /** A contract ending: a month, enough to renew or give notice. */
  contractEnding: 30,
  /** A billing date: a week, so the run can be planned. */
  billingDue: 7,
  /** An intra-EU invoicing deadline: a month ahead, as the rule allows at most about six weeks. */
  invoiceDeadline: 31,
} as const;

export type Urgency = 'overdue' | 'today' | 'soon';

/** Whether an ISO date is before, on or after `today` (ISO). */
export function urgencyOf(date: string, today: string): Urgency {
  return date < today ? 'overdue' : date === today ? 'today' : 'soon';
}

/** A deadline or due date the user should see, before its words and urgency are added. */
export type AgendaEntry =
  | { kind: 'vat-return'; date: string; periodStart: string; periodEnd: string }
  | { kind: 'invoice-deadline'; date: string; supplyDate: string; clientName: string; invoiceId: number | null; contractId: number | null; reference: string | null }
  | { kind: 'invoice-due'; date: string; invoiceId: number; number: string; clientName: string; currency: string; outstandingMinor: number }
  | { kind: 'contract-ending'; date: string; contractId: number; reference: string; title: string; clientName: string }
  | { kind: 'billing-due'; date: string; contractId: number; reference: string; title: string; clientName: string }
  | { kind: 'call'; date: string; callId: number; leadId: number; leadTitle: string; startsAt: string; bothZones: string }
  | { kind: 'follow-up'; date: string; leadId: number; leadTitle: string; nextAction: string }
  | { kind: 'stale-lead'; date: string; leadId: number; leadTitle: string; lastActivityAt: string };

export type AgendaItem = AgendaEntry & { urgency: Urgency };

/** A client's place for the intra-EU invoicing deadline. */
export interface DeadlineParty {
  country: string;
  business: boolean;
}

/** Work not yet on an issued invoice: a draft invoice (its supply date) or a contract's earliest unbilled work. */
export type UninvoicedSupply =
  | { source: 'draft'; invoiceId: number; supplyDate: string; clientName: string; client: DeadlineParty }
  | { source: 'unbilled'; contractId: number; reference: string; supplyDate: string; clientName: string; client: DeadlineParty };

/**
 * The invoices the law says must be issued by a date: for a business customer in another EU member
 * state, by the 15th of the month after the supply (Directive 2006/112/EC Art 222; rules §3). One
 * entry per draft or contract whose supply falls under the rule; none for a supplier outside the EU.
 */
export function invoiceDeadlines(supplierCountry: string, supplies: readonly UninvoicedSupply[]): AgendaEntry[] {
  const entries: AgendaEntry[] = [];
  for (const supply of supplies) {
    const date = intraEuInvoiceDeadline(supplierCountry, supply.client.country, supply.client.business, supply.supplyDate);
    if (date === null) continue;
    entries.push({
      kind: 'invoice-deadline',
      date,
      supplyDate: supply.supplyDate,
      clientName: supply.clientName,
      invoiceId: supply.source === 'draft' ? supply.invoiceId : null,
      contractId: supply.source === 'unbilled' ? supply.contractId : null,
      reference: supply.source === 'unbilled' ? supply.reference : null,
    });
  }
  return entries;
}

const KIND_ORDER: Record<AgendaEntry['kind'], number> = { 'vat-return': 0, 'invoice-deadline': 1, 'invoice-due': 2, 'billing-due': 3, 'contract-ending': 4, call: 5, 'follow-up': 6, 'stale-lead': 7 };

/** Whether an entry is near enough to show on `today` (ISO): its kind's horizon (`AGENDA_HORIZON_DAYS`). */
export function withinHorizon(entry: AgendaEntry, today: string): boolean {
  switch (entry.kind) {
    case 'vat-return':
      return entry.periodEnd < today;
    case 'invoice-deadline':
      return entry.date <= addDays(today, AGENDA_HORIZON_DAYS.invoiceDeadline);
    case 'invoice-due':
      return entry.date <= addDays(today, AGENDA_HORIZON_DAYS.invoiceDue);
    case 'contract-ending':
      return entry.date <= addDays(today, AGENDA_HORIZON_DAYS.contractEnding);
    case 'billing-due':
      return entry.date <= addDays(today, AGENDA_HORIZON_DAYS.billingDue);
    case 'call':
      return entry.date === today;
    case 'follow-up':
      return entry.date <= today;
    case 'stale-lead':
      return true;
  }
}

/**
 * The Today list: the entries within their horizon on `today` (ISO), each marked overdue, today
 * or soon, earliest date first (on one date: VAT returns, invoice deadlines, invoices due, billing,
 * contracts ending, calls by start, follow-ups, stale leads). Calls show on their own day only,
 * follow-ups once due (and while overdue), and a stale lead as long as it stays stale.
 */
export function buildAgenda(entries: readonly AgendaEntry[], today: string): AgendaItem[] {
  return entries
    .filter((entry) => withinHorizon(entry, today))
    .map((entry) => ({ ...entry, urgency: urgencyOf(entry.date, today) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));
}
