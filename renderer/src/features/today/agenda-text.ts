import type { AgendaItemView } from '../../../../shared/api/today';
import { daysBetween } from '../../../../shared/dates/calendar';
import { formatMoney } from '../../components/format';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { countOf } from '../../../../shared/text/plural';
import { formatDate } from '../../components/dates';

/** What a Today item says and where it leads: a headline, a line on the deadline, the screen it opens. */
export interface AgendaText {
  headline: string;
  detail: string;
  to: string;
  kindLabel: string;
}

/** "today", "tomorrow", "in 3 days", "yesterday", "19 days ago": how far `date` is from `today` (both ISO). */
export function relativeDay(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${countOf(days, 'day', 'days')}` : `${countOf(-days, 'day', 'days')} ago`;
}

/** The words for one Today item as of `today` (ISO); dates in the display locale. */
export function agendaText(item: AgendaItemView, today: string): AgendaText {
  const when = `${formatDate(item.date)}, ${relativeDay(item.date, today)}`;
  const past = item.date < today;
  switch (item.kind) {
    case 'vat-return':
      return {
        kindLabel: 'VAT return',
        headline: `VAT return for ${formatDate(item.periodStart)} to ${formatDate(item.periodEnd)}`,
        detail: `${past ? 'Was due' : 'File and pay by'} ${when}`,
        to: `/vat-returns/${item.periodStart}`,
      };
    case 'invoice-deadline':
      return {
        kindLabel: 'Invoice deadline',
        headline: item.invoiceId !== null ? `Issue the draft invoice for ${item.clientName}` : `Invoice the unbilled work on ${item.reference} for ${item.clientName}`,
        detail: `A supply to a business in another EU country on ${formatDate(item.supplyDate)} must be invoiced by the 15th of the next month (EU VAT Directive, Art 222): ${past ? 'that was' : 'by'} ${when}`,
        to: item.invoiceId !== null ? `/invoices/${item.invoiceId}` : `/contracts/${item.contractId}`,
      };
    case 'invoice-due':
      return {
        kindLabel: past ? 'Overdue invoice' : 'Invoice due',
        headline: `${item.number} to ${item.clientName}: ${formatMoney({ amount: item.outstandingMinor, currency: item.currency as CurrencyCode })} outstanding`,
        detail: `${past ? 'Was due' : 'Due'} ${when}`,
        to: `/invoices/${item.invoiceId}`,
      };
    case 'billing-due':
      return {
        kindLabel: 'To bill',
        headline: `Bill ${item.title} (${item.reference}) for ${item.clientName}`,
        detail: `Its billing period ${past ? 'ended' : 'ends'} ${when}`,
        to: '/billing',
      };
    case 'contract-ending':
      return {
        kindLabel: 'Contract ending',
        headline: `${item.title} (${item.reference}) with ${item.clientName}`,
        detail: past ? `Ended ${when}, and is still active: end it or amend its end date` : `Ends ${when}: renew it or plan the final invoice`,
        to: `/contracts/${item.contractId}`,
      };
    case 'call':
      return { kindLabel: 'Intro call', headline: `Intro call: ${item.leadTitle}`, detail: item.bothZones, to: `/leads/${item.leadId}` };
    case 'follow-up':
      return { kindLabel: past ? 'Overdue follow-up' : 'Follow-up', headline: `${item.nextAction}: ${item.leadTitle}`, detail: `${past ? 'Was due' : 'Due'} ${when}`, to: `/leads/${item.leadId}` };
    case 'stale-lead':
      return { kindLabel: 'Stale lead', headline: item.leadTitle, detail: `No contact since ${formatDate(item.lastActivityAt.slice(0, 10))}`, to: `/leads/${item.leadId}` };
  }
}
