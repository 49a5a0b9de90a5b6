import { addDays } from '../dates/calendar';
import { inUkVatArea, isEuMember } from './regions';

/** Which rule of the rules document (§2.4) chose a tax point. */
export type TaxPointRule =
  | 'uk-basic'
  | 'uk-earlier-invoice'
  | 'uk-earlier-payment'
  | 'uk-14-day'
  | 'uk-continuous-invoice'
  | 'uk-continuous-payment'
  | 'eu-performed'
  | 'eu-payment-on-account'
  | 'eu-period-end'
  | 'invoice-date'
  | 'override';

export interface TaxPointInput {
  /** The supplier's country (ISO 3166-1 alpha-2); the rules are the UK's or the EU's. */
  supplierCountry: string;
  /** Services supplied over a period and paid periodically (retainers, fortnightly engagements). */
  continuous: boolean;
  /** ISO date the service was completed, or the end of the period billed; null when not given. */
  supplyEnd: string | null;
  /** ISO date the invoice is (or will be) issued. */
  issueDate: string;
  /** ISO date of the first payment received for the supply, if any came before the invoice. */
  firstPaymentDate: string | null;
  /** The user's own tax point, recorded with a reason; wins over the rules. */
  override?: { date: string; reason: string } | null;
}

export interface TaxPoint {
  /** ISO date: the date VAT becomes due, which picks the VAT rate and the return period. */
  date: string;
  rule: TaxPointRule;
  /** One sentence for the draft: the rule that chose the date, in plain words. */
  explanation: string;
}

const earliest = (...dates: (string | null)[]) => dates.filter((d): d is string => d !== null).sort()[0]!;

/**
 * The tax point (time of supply) of an invoice, from vat-and-invoicing.md §2.4.
 * UK (VATA 1994 s6, reg 90 for continuous supplies): a one-off service's basic tax point is its
 * completion; an invoice or payment before it moves it earlier; an invoice within 14 days after
 * it moves it to the invoice date. Continuous supplies: the earlier of invoice and payment.
 * EU (Directive 2006/112/EC Art 63–65): when the service is performed, or a payment on account
 * before it; continuous supplies at the end of the period billed.
 * Other suppliers, and a missing completion date, use the invoice date.
 */
export function deriveTaxPoint(input: TaxPointInput): TaxPoint {
  const { issueDate, supplyEnd, firstPaymentDate: paid } = input;
  if (input.override) return { date: input.override.date, rule: 'override', explanation: `Set by you: ${input.override.reason}` };
  const uk = inUkVatArea(input.supplierCountry);
  const eu = !uk && isEuMember(input.supplierCountry, issueDate);
  if (uk && input.continuous) {
    return paid && paid < issueDate
      ? { date: paid, rule: 'uk-continuous-payment', explanation: 'Continuous supply: the payment came before the invoice, so its date is the tax point.' }
      : { date: issueDate, rule: 'uk-continuous-invoice', explanation: 'Continuous supply: the tax point is the invoice date, the earlier of invoice and payment.' };
  }
  if (eu && input.continuous && supplyEnd) {
    return paid && paid < supplyEnd
      ? { date: paid, rule: 'eu-payment-on-account', explanation: 'A payment on account came before the end of the period, so VAT is due on its date (Art 65).' }
      : { date: supplyEnd, rule: 'eu-period-end', explanation: 'Continuous supply: VAT is due at the end of the period billed (Art 64).' };
  }
  if ((!uk && !eu) || !supplyEnd) {
    return { date: issueDate, rule: 'invoice-date', explanation: supplyEnd ? 'The invoice date.' : 'No completion date is given, so the tax point is the invoice date.' };
  }
  if (eu) {
    return paid && paid < supplyEnd
      ? { date: paid, rule: 'eu-payment-on-account', explanation: 'A payment on account came before the work was done, so VAT is due on its date (Art 65).' }
      : { date: supplyEnd, rule: 'eu-performed', explanation: 'VAT is due when the service is performed (Art 63).' };
  }
  const first = earliest(paid, issueDate);
  if (first < supplyEnd) {
    return first === paid && paid !== issueDate
      ? { date: paid, rule: 'uk-earlier-payment', explanation: 'Payment came before the work was completed, so its date is the tax point.' }
      : { date: issueDate, rule: 'uk-earlier-invoice', explanation: 'The invoice is issued before the work is completed, so its date is the tax point.' };
  }
  if (issueDate <= addDays(supplyEnd, 14)) {
    return { date: issueDate, rule: 'uk-14-day', explanation: 'The invoice follows the completed work within 14 days, so the invoice date is the tax point.' };
  }
  return { date: supplyEnd, rule: 'uk-basic', explanation: 'The invoice came more than 14 days after the work was completed, so the completion date is the tax point.' };
}

/**
 * The latest issue date for an invoice for an intra-EU business supply: the 15th of the month
 * after the supply (Directive 2006/112/EC Art 222). Null when the rule does not apply.
 */
export function intraEuInvoiceDeadline(supplierCountry: string, customerCountry: string, business: boolean, supplyDate: string): string | null {
  if (!business || !isEuMember(supplierCountry, supplyDate) || !isEuMember(customerCountry, supplyDate) || supplierCountry === customerCountry) return null;
  const [year, month] = supplyDate.split('-').map(Number) as [number, number];
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  return `${next.y}-${String(next.m).padStart(2, '0')}-15`;
}
