import { describe, expect, it } from 'vitest';
import { computeEcSalesList, isEcSale, wholeUnits } from './ec-sales-list';
import { computeVatSummary, type PeriodDocument } from './summary';

const Q4 = { start: '2026-10-01', end: '2026-12-31' };
let nextId = 1;

/** A document in minor units; `home` defaults to the same figures (a home-currency document). */
function doc(over: Partial<PeriodDocument> & Pick<PeriodDocument, 'category' | 'rate' | 'net' | 'vat'>): PeriodDocument {
  const id = nextId++;
  const kind = over.net < 0 ? 'credit-note' : 'invoice';
  return {
    ref: { kind, id, label: `${kind === 'invoice' ? 'INV' : 'CN'}-${id}` },
    taxPoint: '2026-11-10',
    currency: 'GBP',
    home: { net: over.net, vat: over.vat },
    supplierCountry: 'GB',
    customer: { name: 'Initech Ltd', country: 'GB', vatNumber: 'GB987654353' },
    ...over,
  };
}
const acme = { name: 'Acme Analytics GmbH', country: 'DE', vatNumber: 'DE123456788' };

describe('the VAT summary per category and rate (issue 16 point 4)', () => {
  it('groups a quarter by category and rate in the home currency, credit notes deducted, with the documents behind each line', () => {
    const sale = doc({ category: 'standard', rate: '20', net: 120_000, vat: 24_000 });
    const credit = doc({ category: 'standard', rate: '20', net: -60_000, vat: -12_000, taxPoint: '2026-12-01' });
    const reduced = doc({ category: 'standard', rate: '5', net: 10_000, vat: 500 });
    const zero = doc({ category: 'zero', rate: '0', net: 5_000, vat: 0 });
    // €3,000.00 at the stored 1.1564 EUR per GBP: 3000 ÷ 1.1564 = 2,594.257… → £2,594.26 (rules §2.5).
    const export_ = doc({ category: 'reverse-charge', rate: '0', currency: 'EUR', net: 300_000, vat: 0, home: { net: 259_426, vat: 0 }, customer: acme });
    // €500 with no sterling value yet: named, not guessed.
    const unvalued = doc({ category: 'reverse-charge', rate: '0', currency: 'EUR', net: 50_000, vat: 0, home: null, customer: acme });
    const before = doc({ category: 'standard', rate: '20', net: 99_900, vat: 19_980, taxPoint: '2026-09-30' });
    const summary = computeVatSummary(Q4, [export_, zero, credit, reduced, sale, unvalued, before]);

    // Standard 20%: £1,200.00 − £600.00 = £600.00 net, £240.00 − £120.00 = £120.00 VAT. Rates highest
    // first within a category; the categories that charge VAT before reverse charge.
    expect(summary.lines.map((l) => [l.category, l.rate, l.net, l.vat, l.documents.map((d) => d.ref.label)])).toEqual([
      ['standard', '20', 60_000, 12_000, [credit.ref.label, sale.ref.label]],
      ['standard', '5', 10_000, 500, [reduced.ref.label]],
      ['zero', '0', 5_000, 0, [zero.ref.label]],
      ['reverse-charge', '0', 259_426, 0, [export_.ref.label]],
    ]);
    // 600.00 + 100.00 + 50.00 + 2,594.26 = £3,344.26 net; 120.00 + 5.00 = £125.00 VAT; five documents valued.
    expect(summary.total).toEqual({ net: 334_426, vat: 12_500, count: 5 });
    expect(summary.unvalued).toEqual([unvalued.ref]);
    // In euros every document counts: €3,000 + €500.
    expect(summary.byCurrency).toEqual([
      { currency: 'EUR', category: 'reverse-charge', rate: '0', net: 350_000, vat: 0, count: 2 },
      { currency: 'GBP', category: 'standard', rate: '20', net: 60_000, vat: 12_000, count: 2 },
      { currency: 'GBP', category: 'standard', rate: '5', net: 10_000, vat: 500, count: 1 },
      { currency: 'GBP', category: 'zero', rate: '0', net: 5_000, vat: 0, count: 1 },
    ]);
  });

  it('is empty for a period with no documents', () => {
    expect(computeVatSummary(Q4, [doc({ category: 'standard', rate: '20', net: 100, vat: 20, taxPoint: '2027-01-01' })])).toEqual({
      period: Q4,
      lines: [],
      total: { net: 0, vat: 0, count: 0 },
      byCurrency: [],
      unvalued: [],
    });
  });
});

describe('the EC Sales List data (issue 16 point 4)', () => {
  it('totals each EU customer’s reverse-charge services once, in whole pounds rounded down after credit notes', () => {
    const first = doc({ category: 'reverse-charge', rate: '0', currency: 'EUR', net: 300_000, vat: 0, home: { net: 259_426, vat: 0 }, customer: acme });
    const second = doc({ category: 'reverse-charge', rate: '0', net: 100_080, vat: 0, customer: { ...acme, vatNumber: 'DE 123 456 788' } });
    const credit = doc({ category: 'reverse-charge', rate: '0', net: -10_000, vat: 0, taxPoint: '2026-12-20', customer: acme });
    // Only a credit note for the Irish customer this quarter: a negative line (HMRC: "prefixed with a minus").
    const irish = doc({ category: 'reverse-charge', rate: '0', net: -1_050, vat: 0, customer: { name: 'Éire Data Ltd', country: 'IE', vatNumber: 'IE6388047V' } });
    const unvalued = doc({ category: 'reverse-charge', rate: '0', currency: 'EUR', net: 80_000, vat: 0, home: null, customer: { name: 'Lyon SA', country: 'FR', vatNumber: 'FRXX123456789' } });
    const notListed = [
      doc({ category: 'standard', rate: '20', net: 50_000, vat: 10_000 }),
      doc({ category: 'outside-scope', rate: '0', net: 70_000, vat: 0, customer: { name: 'Globex Inc', country: 'US', vatNumber: null } }),
      doc({ category: 'reverse-charge', rate: '0', net: 40_000, vat: 0, taxPoint: '2027-01-02', customer: acme }),
    ];
    const list = computeEcSalesList(Q4, 'GBP', [first, second, credit, irish, unvalued, ...notListed]);

    // DE: 2,594.26 + 1,000.80 − 100.00 = £3,495.06 → 3,495. Dropping pence per document would give
    // 2,594 + 1,000 − 100 = 3,494: the rule drops them once, on the customer's total.
    expect(list.lines.map((l) => [l.country, l.vatNumber, l.customers, l.exact, l.value, l.documents.map((d) => d.ref.label)])).toEqual([
      ['DE', 'DE123456788', ['Acme Analytics GmbH'], 349_506, 3_495, [first.ref.label, second.ref.label, credit.ref.label]],
      // −£10.50 → −10: towards zero, never a pound more than was credited.
      ['IE', 'IE6388047V', ['Éire Data Ltd'], -1_050, -10, [irish.ref.label]],
    ]);
    expect(list.unvalued).toEqual([unvalued.ref]);
  });

  it('lists an EU supplier’s services to other member states, not to its own country or outside the EU', () => {
    const german = { supplierCountry: 'DE' };
    const toFrance = doc({ ...german, category: 'reverse-charge', rate: '0', currency: 'EUR', net: 123_456, vat: 0, customer: { name: 'Lyon SA', country: 'FR', vatNumber: 'FRXX123456789' } });
    // A German domestic reverse charge and a sale to a UK business after Brexit are not intra-EU supplies.
    const domestic = doc({ ...german, category: 'reverse-charge', rate: '0', currency: 'EUR', net: 10_000, vat: 0, customer: acme });
    const toUk = doc({ ...german, category: 'reverse-charge', rate: '0', currency: 'EUR', net: 20_000, vat: 0 });
    expect([toFrance, domestic, toUk].map(isEcSale)).toEqual([true, false, false]);
    // €1,234.56 → 1,234 euros.
    expect(computeEcSalesList(Q4, 'EUR', [toFrance, domestic, toUk]).lines.map((l) => [l.country, l.value])).toEqual([['FR', 1_234]]);
    // The UK was a member until 31 Dec 2020: a 2020 sale from Germany to a UK business was listed.
    expect(isEcSale({ ...toUk, taxPoint: '2020-12-31' })).toBe(true);
  });

  it('makes whole units by the currency’s minor units', () => {
    expect([wholeUnits(123_499, 'GBP'), wholeUnits(1_234, 'JPY'), wholeUnits(12_345, 'BHD'), wholeUnits(-99, 'EUR')]).toEqual([1_234, 1_234, 12, 0]);
  });
});
