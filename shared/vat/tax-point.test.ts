import { describe, expect, it } from 'vitest';
import { deriveTaxPoint, intraEuInvoiceDeadline, type TaxPointInput } from './tax-point';

const uk = (over: Partial<TaxPointInput>): TaxPointInput => ({ supplierCountry: 'GB', continuous: false, supplyEnd: '2026-11-01', issueDate: '2026-11-10', firstPaymentDate: null, ...over });
const at = (input: TaxPointInput) => {
  const { date, rule } = deriveTaxPoint(input);
  return [date, rule];
};

// Each expectation is worked by hand from vat-and-invoicing.md §2.4.
describe('tax point, UK one-off services', () => {
  it('an invoice exactly 14 days after completion moves the tax point to the invoice date', () => {
    expect(at(uk({ issueDate: '2026-11-15' }))).toEqual(['2026-11-15', 'uk-14-day']);
  });
  it('an invoice 15 days after completion leaves the basic tax point, the completion date', () => {
    expect(at(uk({ issueDate: '2026-11-16' }))).toEqual(['2026-11-01', 'uk-basic']);
  });
  it('an invoice on the completion date is the tax point', () => {
    expect(at(uk({ issueDate: '2026-11-01' }))).toEqual(['2026-11-01', 'uk-14-day']);
  });
  it('an invoice before completion moves it earlier', () => {
    expect(at(uk({ issueDate: '2026-10-25' }))).toEqual(['2026-10-25', 'uk-earlier-invoice']);
  });
  it('a payment before the work moves it to the payment date, even with a later invoice', () => {
    expect(at(uk({ firstPaymentDate: '2026-10-20', issueDate: '2026-11-10' }))).toEqual(['2026-10-20', 'uk-earlier-payment']);
  });
  it('a payment after completion does not move it', () => {
    expect(at(uk({ firstPaymentDate: '2026-11-05', issueDate: '2026-11-10' }))).toEqual(['2026-11-10', 'uk-14-day']);
  });
  it('without a completion date the invoice date is used, and says why', () => {
    const point = deriveTaxPoint(uk({ supplyEnd: null }));
    expect(point).toMatchObject({ date: '2026-11-10', rule: 'invoice-date' });
    expect(point.explanation).toMatch(/No completion date/);
  });
});

describe('tax point, continuous supplies and the EU', () => {
  it('UK continuous supply: the earlier of invoice and payment', () => {
    expect(at(uk({ continuous: true, supplyEnd: '2026-11-14', issueDate: '2026-11-14' }))).toEqual(['2026-11-14', 'uk-continuous-invoice']);
    expect(at(uk({ continuous: true, supplyEnd: '2026-11-14', issueDate: '2026-11-20', firstPaymentDate: '2026-11-02' }))).toEqual(['2026-11-02', 'uk-continuous-payment']);
  });
  it('EU one-off: when the service is performed, or a payment on account before it', () => {
    expect(at(uk({ supplierCountry: 'DE', issueDate: '2026-11-10' }))).toEqual(['2026-11-01', 'eu-performed']);
    expect(at(uk({ supplierCountry: 'DE', firstPaymentDate: '2026-10-15' }))).toEqual(['2026-10-15', 'eu-payment-on-account']);
  });
  it('EU continuous supply: the end of the period billed', () => {
    expect(at(uk({ supplierCountry: 'NL', continuous: true, supplyEnd: '2026-11-14', issueDate: '2026-11-20' }))).toEqual(['2026-11-14', 'eu-period-end']);
  });
  it('a supplier outside the UK and EU uses the invoice date', () => {
    expect(at(uk({ supplierCountry: 'US' }))).toEqual(['2026-11-10', 'invoice-date']);
  });
  it("the user's override wins and keeps its reason", () => {
    expect(deriveTaxPoint(uk({ override: { date: '2026-11-03', reason: 'Agreed with HMRC' } }))).toEqual({ date: '2026-11-03', rule: 'override', explanation: 'Set by you: Agreed with HMRC' });
  });
});

describe('intra-EU invoice deadline (Art 222)', () => {
  it('is the 15th of the month after the supply, for business customers in another member state', () => {
    expect(intraEuInvoiceDeadline('DE', 'FR', true, '2026-12-05')).toBe('2027-01-15');
    expect(intraEuInvoiceDeadline('NL', 'IE', true, '2026-11-30')).toBe('2026-12-15');
  });
  it('does not apply at home, to consumers, or outside the EU', () => {
    expect(intraEuInvoiceDeadline('DE', 'DE', true, '2026-12-05')).toBeNull();
    expect(intraEuInvoiceDeadline('DE', 'FR', false, '2026-12-05')).toBeNull();
    expect(intraEuInvoiceDeadline('GB', 'FR', true, '2026-12-05')).toBeNull();
  });
});
