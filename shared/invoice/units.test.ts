import { describe, expect, it } from 'vitest';
import { calculateInvoice } from './calculate';
import type { InvoiceSettings } from './types';
import { defaultUnit, quantityText, unitPriceText, vatExclusiveLines } from './units';

describe('units', () => {
  it('expense, disbursement and discount lines default to items, fees to hours', () => {
    expect(defaultUnit('fee')).toBe('hour');
    expect(defaultUnit('expense')).toBe('item');
    expect(defaultUnit('disbursement')).toBe('item');
    expect(defaultUnit('discount')).toBe('item');
  });

  it('says "1 day" and "2 days" by the plural rules, not by adding an s', () => {
    expect(quantityText('1', 'day')).toBe('1 day');
    expect(quantityText('2', 'day')).toBe('2 days');
    expect(quantityText('1', 'hour')).toBe('1 hour');
    expect(quantityText('7.5', 'hour')).toBe('7.5 hours');
    expect(quantityText('1.0', 'hour')).toBe('1.0 hours');
    expect(quantityText('1', 'item')).toBe('1');
    expect(quantityText('1', 'fixed')).toBe('');
  });

  it('writes quantities and unit prices in the locale asked for (a screen\'s), en-GB by default (the documents\')', () => {
    expect(quantityText('7.5', 'hour', 'de-DE')).toBe('7,5 hours');
    expect(quantityText('1.0', 'day', 'de-DE')).toBe('1,0 days');
    expect(quantityText('2.25', 'item', 'de-DE')).toBe('2,25');
    expect(unitPriceText('1270', 'EUR')).toBe('1,270.00');
    expect(unitPriceText('1270', 'EUR', 'de-DE')).toBe('1.270,00');
    expect(unitPriceText('0.9999', 'GBP', 'de-DE')).toBe('0,9999');
    expect(unitPriceText('1270', 'USD', 'en-US')).toBe('1,270.00');
  });
});

describe('vatExclusiveLines', () => {
  const settings: InvoiceSettings = { vatRounding: 'half-up', vatLevel: 'invoice', discountDisplay: 'separate-line', pricesIncludeVat: true, fxMethod: 'A' };
  const vat = { category: 'standard' as const, rate: '20', notes: [] };
  const lines = [
    { description: 'Workshop seat', kind: 'fee' as const, quantity: '3', unit: 'item' as const, unitPrice: '9.99' },
    { description: 'Course book', kind: 'fee' as const, quantity: '1', unit: 'item' as const, unitPrice: '120' },
  ];

  it('shows unit prices without VAT, and line amounts that add up to the net', () => {
    const calc = calculateInvoice({ currency: 'GBP', lines, vat, settings });
    const exclusive = vatExclusiveLines(calc);
    expect(exclusive.map((l) => l.unitPrice)).toEqual(['8.325', '100']);
    expect(exclusive.reduce((sum, l) => sum + l.amount, 0)).toBe(calc.groups[0]!.net);
    expect(exclusive.map((l) => l.amount)).toEqual([2497, 10000]);
  });

  it('with per-line VAT, each line is its amount less its VAT', () => {
    const calc = calculateInvoice({ currency: 'GBP', lines, vat, settings: { ...settings, vatLevel: 'line' } });
    expect(vatExclusiveLines(calc).map((l) => l.amount)).toEqual(calc.lines.map((l) => l.amount - l.vat!));
  });
});
