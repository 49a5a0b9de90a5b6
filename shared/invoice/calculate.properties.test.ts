import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimal } from '../money/decimal';
import { pow10 } from '../money/rounding';
import { CURRENCY_CODES, currencyExponent, type CurrencyCode } from '../reference/currencies';
import { calculateInvoice } from './calculate';
import { LINE_KINDS, UNITS, type CalculateInvoiceInput, type InvoiceLineInput } from './types';

/** Sizes stay within what an invoice can hold (safe-integer minor units), rates within 0.1–5000. */
const decimalText = (maxUnits: number, maxScale: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxUnits }), fc.integer({ min: 0, max: maxScale })).map(([units, scale]) => {
    const s = String(units).padStart(scale + 1, '0');
    return scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  });

const line: fc.Arbitrary<InvoiceLineInput> = fc.record({
  description: fc.constant('Line'),
  kind: fc.constantFrom(...LINE_KINDS),
  quantity: decimalText(10_000, 4),
  unit: fc.constantFrom(...UNITS),
  unitPrice: decimalText(1_000_000, 4),
});

const rate = fc.constantFrom('0', '5', '7.7', '16', '19', '20', '21', '23', '25.5', '27');

const invoice = (currency: fc.Arbitrary<CurrencyCode>): fc.Arbitrary<CalculateInvoiceInput> =>
  fc.record({
    currency,
    lines: fc.array(line, { maxLength: 25 }),
    vat: rate.map((r) => ({ category: 'standard' as const, rate: r })),
    discountPercent: fc.option(
      fc.integer({ min: 0, max: 10_000 }).map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`),
      { nil: null },
    ),
    withholdingPercent: fc.option(fc.constantFrom('7', '15', '19'), { nil: null }),
    fx: fc.option(
      fc.record({
        rate: fc.integer({ min: 1_000, max: 50_000_000 }).map((n) => `${Math.floor(n / 10_000)}.${String(n % 10_000).padStart(4, '0')}`),
        source: fc.constant('market' as const),
        date: fc.constant('2026-11-01'),
        homeCurrency: fc.constantFrom<CurrencyCode>('GBP', 'EUR', 'JPY', 'KWD'),
      }),
      { nil: null },
    ),
    settings: fc.record({
      vatRounding: fc.constantFrom('half-up' as const, 'down' as const),
      vatLevel: fc.constantFrom('invoice' as const, 'line' as const),
      discountDisplay: fc.constantFrom('separate-line' as const, 'per-line' as const),
      pricesIncludeVat: fc.boolean(),
      fxMethod: fc.constantFrom('A' as const, 'B' as const),
    }),
  });

const anyCurrency = fc.constantFrom(...CURRENCY_CODES);

describe('invoice arithmetic properties', () => {
  it('totals foot for random invoices in every ISO currency', () => {
    fc.assert(
      fc.property(invoice(anyCurrency), (input) => {
        const { totals, groups, lines } = calculateInvoice(input);
        expect(totals.gross).toBe(totals.net + totals.vat);
        expect(totals.net).toBe(totals.taxableNet + totals.disbursements);
        expect(totals.payable).toBe(totals.gross - totals.withholding);
        expect(totals.vat).toBe(groups.reduce((s, g) => s + g.vat, 0));
        for (const g of groups) expect(g.gross).toBe(g.net + g.vat);
        const lineSum = lines.reduce((s, l) => s + l.amount, 0);
        expect(lineSum).toBe(input.settings?.pricesIncludeVat ? totals.gross : totals.net);
      }),
      { numRuns: 400 },
    );
  });

  it('an invoice plus a full credit note nets to zero, home-currency figures included', () => {
    fc.assert(
      fc.property(invoice(anyCurrency), (input) => {
        const original = calculateInvoice(input);
        const credit = calculateInvoice({ ...input, kind: 'credit-note' });
        for (const key of Object.keys(original.totals) as (keyof typeof original.totals)[]) {
          expect(original.totals[key] + credit.totals[key]).toBe(0);
        }
        original.lines.forEach((l, i) => expect(l.amount + credit.lines[i]!.amount).toBe(0));
        if (original.home) {
          expect(original.home.net + credit.home!.net).toBe(0);
          expect(original.home.vat + credit.home!.vat).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('VAT-inclusive mode never changes the gross', () => {
    fc.assert(
      fc.property(invoice(anyCurrency), (input) => {
        const settings = { ...input.settings, pricesIncludeVat: true };
        const result = calculateInvoice({ ...input, settings });
        const linesGross = result.lines.reduce((s, l) => s + l.amount, 0);
        expect(result.totals.gross).toBe(linesGross);
        const down = calculateInvoice({ ...input, settings: { ...settings, vatRounding: 'down', vatLevel: 'line' } });
        expect(down.totals.gross).toBe(linesGross);
      }),
      { numRuns: 300 },
    );
  });

  it('conversion to the home currency stays within half a minor unit for each group', () => {
    fc.assert(
      fc.property(invoice(anyCurrency).filter((i) => !!i.fx), (input) => {
        const result = calculateInvoice(input);
        const r = decimal(input.fx!.rate);
        const fromExp = currencyExponent(input.currency);
        const toExp = currencyExponent(input.fx!.homeCurrency);
        for (const g of result.groups) {
          // |home − net ÷ rate| ≤ ½ minor unit, compared exactly in integers.
          const lhs = BigInt(g.home!.net) * r.units * pow10(fromExp) - BigInt(g.net) * pow10(r.scale + toExp);
          const abs = lhs < 0n ? -lhs : lhs;
          expect(2n * abs <= r.units * pow10(fromExp)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
