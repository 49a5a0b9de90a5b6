import { describe, expect, it } from 'vitest';
import { divRound } from '../money/rounding';
import { formatMoney } from '../money/money';
import { box6 } from '../vat/uk-return';
import { calculateInvoice } from './calculate';
import type { CalculateInvoiceInput, InvoiceLineInput } from './types';

const STANDARD_20 = { category: 'standard', rate: '20' } as const;
const fee = (quantity: string, unitPrice: string, unit: InvoiceLineInput['unit'] = 'hour'): InvoiceLineInput => ({ description: 'Work', kind: 'fee', quantity, unit, unitPrice });
const gbp = (lines: InvoiceLineInput[], extra: Partial<CalculateInvoiceInput> = {}) => calculateInvoice({ currency: 'GBP', lines, vat: STANDARD_20, ...extra });

describe('rules §3.3 pitfalls', () => {
  it('P1: VAT on summed nets differs from summed line VAT, and each mode is available', () => {
    const lines = Array.from({ length: 10 }, () => fee('1', '10.04'));
    expect(gbp(lines).totals.vat).toBe(2008);
    expect(gbp(lines, { settings: { vatLevel: 'line' } }).totals.vat).toBe(2010);
    const eur = (vatLevel: 'invoice' | 'line') =>
      calculateInvoice({ currency: 'EUR', lines: [fee('1', '99.99'), fee('1', '99.99'), fee('1', '99.99')], vat: { category: 'standard', rate: '21' }, settings: { vatLevel } });
    expect(eur('line').totals.vat).toBe(6300);
    expect(eur('invoice').totals.vat).toBe(6299);
  });

  it('P2: a fractional quantity’s line is rounded before summing', () => {
    const result = gbp([fee('0.25', '97.35'), fee('0.25', '97.35')]);
    expect(result.lines.map((l) => l.amount)).toEqual([2434, 2434]);
    expect(result.totals.taxableNet).toBe(4868);
    expect(result.explanation[0]!.text).toBe('Line 1: 0.25 × 97.35 = 24.3375, rounded half-up to 24.34.');
  });

  it('P3: a percentage discount per line or on the subtotal, on fees only', () => {
    const lines = [fee('1', '10.10'), fee('1', '10.10'), fee('1', '10.10'), { description: 'Train', kind: 'expense', quantity: '1', unit: 'item', unitPrice: '50' } as const];
    const separate = gbp(lines, { discountPercent: '12.5' });
    expect(separate.lines.at(-1)).toMatchObject({ kind: 'discount', amount: -379, index: null });
    expect(separate.totals.taxableNet).toBe(3030 + 5000 - 379);
    const perLine = gbp(lines, { discountPercent: '12.5', settings: { discountDisplay: 'per-line' } });
    expect(perLine.lines.map((l) => l.discount)).toEqual([-126, -126, -126, 0]);
    expect(perLine.totals.taxableNet).toBe(3030 + 5000 - 378);
  });

  it('P4: VAT inside VAT-inclusive prices, by line or on the total', () => {
    const lines = [fee('1', '9.99', 'item'), fee('1', '9.99', 'item'), fee('1', '9.99', 'item')];
    const inclusive = (settings: CalculateInvoiceInput['settings']) => gbp(lines, { settings: { pricesIncludeVat: true, ...settings } });
    expect(inclusive({ vatLevel: 'line' }).totals).toMatchObject({ vat: 501, gross: 2997 });
    expect(inclusive({}).totals).toMatchObject({ vat: 500, gross: 2997, net: 2497 });
    expect(inclusive({ vatRounding: 'down' }).totals).toMatchObject({ vat: 499, gross: 2997 });
  });

  it('P5: the HMRC rounding-down concession changes the gross', () => {
    expect(gbp([fee('1', '333.33', 'fixed')]).totals).toMatchObject({ vat: 6667, gross: 40000 });
    expect(gbp([fee('1', '333.33', 'fixed')], { settings: { vatRounding: 'down' } }).totals).toMatchObject({ vat: 6666, gross: 39999 });
  });

  it('P6: home-currency VAT by method A and method B', () => {
    const usd = (fxMethod: 'A' | 'B') =>
      calculateInvoice({
        currency: 'USD',
        lines: [fee('1', '1234.56', 'fixed')],
        vat: STANDARD_20,
        fx: { rate: '1.2560', source: 'hmrc-period', date: '2026-11-01', homeCurrency: 'GBP' },
        settings: { fxMethod },
      });
    expect(usd('A').home).toMatchObject({ net: 98293, vat: 19659, currency: 'GBP' });
    expect(usd('B').home).toMatchObject({ net: 98293, vat: 19658 });
    expect(usd('A').notes.at(-1)!.text).toBe('VAT and totals in GBP: net £982.93, VAT £196.59 — converted at the HMRC period rate of 1.2560 USD per 1 GBP on 2026-11-01.');
  });

  it('P7: a credit note at the original rate leaves the booked figures, not a recomputation', () => {
    const fx = { rate: '1.2650', source: 'hmrc-period', date: '2026-10-01', homeCurrency: 'GBP' } as const;
    const invoice = calculateInvoice({ currency: 'USD', lines: [fee('37.5', '300')], vat: STANDARD_20, fx });
    expect(invoice.home).toMatchObject({ net: 889328, vat: 177866 });
    const credit = calculateInvoice({ kind: 'credit-note', currency: 'USD', lines: [fee('5', '300')], vat: STANDARD_20, fx, creditFor: { number: 'INV-2026-0007', date: '2026-10-01' } });
    expect(credit.home).toMatchObject({ net: -118577, vat: -23715 });
    expect(invoice.home!.net + credit.home!.net).toBe(770751);
    expect(invoice.home!.vat + credit.home!.vat).toBe(154151);
    const recomputed = calculateInvoice({ currency: 'USD', lines: [fee('32.5', '300')], vat: STANDARD_20, fx });
    expect(recomputed.home).toMatchObject({ net: 770751, vat: 154150 });
    expect(credit.notes[0]!.text).toBe('Credit note for invoice INV-2026-0007 of 2026-10-01.');
  });

  it('P8: Box 6 drops pence once, on the period total', () => {
    const nets = [1850053, 1850053, 1845200];
    expect(nets.reduce((a, b) => a + b)).toBe(5545306);
    expect(box6(nets)).toBe(55453);
    expect(nets.map((n) => box6([n])).reduce((a, b) => a + b)).toBe(55452);
    expect(box6([5545350], 'nearest')).toBe(55454);
  });

  it('P9: halves round away from zero for negatives too', () => {
    expect(divRound(-25n, 10n, 'half-up')).toBe(-3n);
    expect(divRound(25n, 10n, 'half-up')).toBe(3n);
    expect(divRound(-25n, 10n, 'down')).toBe(-2n);
    const credit = calculateInvoice({ kind: 'credit-note', currency: 'GBP', lines: [fee('0.25', '97.35')], vat: STANDARD_20 });
    expect(credit.lines[0]!.amount).toBe(-2434);
  });

  it('P10: no binary floating point: 1.005 rounds up, where toFixed would not', () => {
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(gbp([fee('1', '1.005', 'item')]).lines[0]!.amount).toBe(101);
  });

  it('P11: display digits come from ISO 4217, not CLDR', () => {
    expect(formatMoney({ amount: 123450, currency: 'HUF' }, 'en-GB', 'code').replace(/\s/g, ' ')).toBe('HUF 1,234.50');
    expect(formatMoney({ amount: 1234500, currency: 'IQD' }, 'en-GB', 'code').replace(/\s/g, ' ')).toBe('IQD 1,234.500');
  });

  it('P12: VAT is rounded to the currency’s minor unit in 0- and 3-decimal currencies', () => {
    const jpy = calculateInvoice({ currency: 'JPY', lines: [fee('1', '99999')], vat: { category: 'standard', rate: '19.9998' } });
    expect(jpy.totals.vat).toBe(20000);
    const bhd = calculateInvoice({ currency: 'BHD', lines: [fee('1', '612.888')], vat: STANDARD_20 });
    expect(bhd.totals.vat).toBe(122578);
  });
});

describe('calculateInvoice', () => {
  it('keeps disbursements out of VAT and withholding, and foots', () => {
    const result = calculateInvoice({
      currency: 'EUR',
      lines: [fee('10', '150'), { description: 'Hotel', kind: 'expense', quantity: '1', unit: 'item', unitPrice: '125' }, { description: 'Court fee paid for you', kind: 'disbursement', quantity: '1', unit: 'item', unitPrice: '80' }],
      vat: { category: 'standard', rate: '21' },
      withholdingPercent: '15',
    });
    expect(result.groups).toEqual([{ category: 'standard', rate: '21', net: 162500, vat: 34125, gross: 196625, home: null }]);
    expect(result.totals).toEqual({ taxableNet: 162500, disbursements: 8000, net: 170500, vat: 34125, gross: 204625, withholding: 24375, payable: 180250 });
    expect(result.lines[2]).toMatchObject({ vatCategory: 'disbursement', vatRate: '0' });
    expect(result.notes.map((n) => n.key)).toEqual(['disbursement']);
  });

  it('makes a manual discount line negative whatever sign was typed', () => {
    const result = gbp([fee('10', '300'), { description: 'Loyalty', kind: 'discount', quantity: '1', unit: 'fixed', unitPrice: '100' }]);
    expect(result.lines[1]!.amount).toBe(-10000);
    expect(result.totals.taxableNet).toBe(290000);
  });

  it('charges no VAT for reverse charge, and carries the treatment’s notes', () => {
    const notes = [{ key: 'uk.reverse-charge' as const, params: {}, text: 'Reverse charge' }];
    const result = calculateInvoice({ currency: 'EUR', lines: [fee('7.5', '300')], vat: { category: 'reverse-charge', rate: '0', notes } });
    expect(result.totals).toMatchObject({ net: 225000, vat: 0, gross: 225000 });
    expect(result.notes).toEqual(notes);
  });

  it('gives identical output for the same input', () => {
    const input: CalculateInvoiceInput = { currency: 'USD', lines: [fee('3.3333', '123.4567')], vat: STANDARD_20, discountPercent: '7.5', fx: { rate: '1.3', source: 'market', date: '2026-11-01', homeCurrency: 'GBP' } };
    expect(JSON.stringify(calculateInvoice(input))).toBe(JSON.stringify(calculateInvoice(input)));
  });

  it('handles an invoice with no lines', () => {
    expect(gbp([]).totals).toEqual({ taxableNet: 0, disbursements: 0, net: 0, vat: 0, gross: 0, withholding: 0, payable: 0 });
  });
});
