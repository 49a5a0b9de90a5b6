import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates/calendar';
import { computeVatReturn, isLimitedCostTrader, type Purchase, type PurchaseTotal, type ReceivedPayment, type SaleDocument, type SaleTotal, type VatReturnInput } from './boxes';
import { toMtdReturn } from './mtd';
import { nextReturnPeriod, returnDueDate, returnPeriodOf, type ReturnFrequency } from './periods';

const q4 = { start: '2026-10-01', end: '2026-12-31' };
const uk = (id: number, taxPoint: string, net: number, vat = net / 5): SaleDocument => ({
  ref: { kind: 'invoice', id, label: `INV-${id}` },
  taxPoint,
  net,
  vat,
  box1: true,
  box6: true,
  flatRateTurnover: true,
});
const abroad = (id: number, taxPoint: string, net: number): SaleDocument => ({ ...uk(id, taxPoint, net, 0), box1: false, flatRateTurnover: false });
const credit = (id: number, taxPoint: string, net: number): SaleDocument => ({ ...uk(id, taxPoint, -net), ref: { kind: 'credit-note', id, label: `CN-${id}` } });
const expense = (id: number, date: string, net: number, reclaimableVat: number, extra: Partial<Purchase> = {}): Purchase => ({
  ref: { kind: 'expense', id, label: `Expense ${id}` },
  date,
  net,
  reclaimableVat,
  ...extra,
});
const returnFor = (overrides: Partial<VatReturnInput>) =>
  computeVatReturn({
    period: q4,
    scheme: { accounting: 'invoice', flatRate: null },
    earliestOpen: true,
    since: '2024-01-01',
    counted: new Set(),
    sales: [],
    payments: [],
    purchases: [],
    ...overrides,
  });

describe('return periods', () => {
  it('follow HMRC staggers and monthly returns, with the deadline a month and seven days after', () => {
    const quarterly = (stagger: 1 | 2 | 3): ReturnFrequency => ({ kind: 'quarterly', stagger });
    expect(returnPeriodOf('2026-11-20', quarterly(1))).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(returnPeriodOf('2026-11-20', quarterly(2))).toEqual({ start: '2026-11-01', end: '2027-01-31' });
    expect(returnPeriodOf('2026-11-20', quarterly(3))).toEqual({ start: '2026-09-01', end: '2026-11-30' });
    expect(returnPeriodOf('2028-02-29', { kind: 'monthly' })).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(returnDueDate(q4)).toBe('2027-02-07');
    expect(returnDueDate({ start: '2026-12-01', end: '2027-02-28' })).toBe('2027-04-07');
  });

  it('tile the calendar: every day is in exactly one period, and the next starts the day after', () => {
    const frequency = fc.oneof(fc.constant<ReturnFrequency>({ kind: 'monthly' }), fc.constantFrom(1, 2, 3).map((stagger) => ({ kind: 'quarterly', stagger }) as ReturnFrequency));
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2010-01-01', n));
    fc.assert(
      fc.property(day, frequency, (date, f) => {
        const period = returnPeriodOf(date, f);
        expect(period.start <= date && date <= period.end).toBe(true);
        expect(returnPeriodOf(period.start, f)).toEqual(period);
        expect(nextReturnPeriod(period, f).start).toBe(addDays(period.end, 1));
      }),
    );
  });
});

describe('the nine boxes on the invoice basis (rules §5.1, §5.2)', () => {
  it('puts UK VAT in Box 1, every sale’s net in Box 6 (reverse charge and outside the scope too), credit notes negative, purchases in Boxes 4 and 7', () => {
    const r = returnFor({
      sales: [uk(1, '2026-10-05', 100_000), abroad(2, '2026-11-02', 50_000), abroad(3, '2026-12-31', 30_050), credit(4, '2026-12-10', 10_000), uk(5, '2027-01-01', 99_900)],
      purchases: [expense(1, '2026-11-11', 15_000, 3_000)],
    });
    expect(r.boxes).toEqual({ box1: 18_000, box2: 0, box3: 18_000, box4: 3_000, box5: 15_000, box6: 1700, box7: 150, box8: 0, box9: 0 });
    expect(r.direction).toBe('payable');
    expect(r.sources.box1.map((s) => s.ref.label)).toEqual(['INV-1', 'CN-4']);
    expect(r.sources.box6.map((s) => [s.ref.label, s.amount])).toEqual([['INV-1', 100_000], ['INV-2', 50_000], ['INV-3', 30_050], ['CN-4', -10_000]]);
    expect(r.counts).toEqual(['invoice:1', 'invoice:2', 'invoice:3', 'credit-note:4', 'expense:1']);
  });

  it('drops pence from Boxes 6 and 7 once, on the period total (two £100.99 sales are £201, not £200)', () => {
    expect(returnFor({ sales: [abroad(1, '2026-10-01', 10_099), abroad(2, '2026-10-02', 10_099)] }).boxes.box6).toBe(201);
    expect(returnFor({ sales: [abroad(1, '2026-10-01', 10_099), abroad(2, '2026-10-02', 10_099)], wholePounds: 'nearest' }).boxes.box6).toBe(202);
  });

  it('is repayable when purchase VAT is larger, with Box 5 the absolute difference', () => {
    const r = returnFor({ sales: [uk(1, '2026-10-05', 1_000)], purchases: [expense(1, '2026-10-06', 10_000, 2_000)] });
    expect([r.boxes.box5, r.direction]).toEqual([1_800, 'repayable']);
  });

  it('counts a service bought under the reverse charge in Boxes 1 and 4 and its net in 6 and 7', () => {
    const r = returnFor({ purchases: [expense(1, '2026-10-06', 50_000, 0, { reverseChargeVat: 10_000 })] });
    expect(r.boxes).toMatchObject({ box1: 10_000, box4: 10_000, box5: 0, box6: 500, box7: 500 });
    expect(r.direction).toBe('nil');
  });

  it('never changes a finalised return: a late invoice, credit note or expense dated in it falls into the earliest open period', () => {
    const sales = [uk(1, '2026-09-30', 100_000), uk(2, '2026-09-15', 10_000), credit(3, '2026-08-01', 5_000), uk(4, '2023-12-31', 1_000)];
    const counted = new Set(['invoice:1']);
    const open = returnFor({ sales, counted, purchases: [expense(9, '2026-09-01', 1_000, 200)] });
    expect(open.counts).toEqual(['invoice:2', 'credit-note:3', 'expense:9']);
    expect(open.boxes.box1).toBe(2_000 - 1_000);
    // A later open period takes only its own dates.
    expect(returnFor({ sales, counted, earliestOpen: false }).counts).toEqual([]);
  });
});

describe('cash accounting (Notice 731)', () => {
  const invoice = { net: 100_000, vat: 20_000, gross: 130_000, box1: true, box6: true, flatRateTurnover: true };
  const payment = (id: number, date: string, amount: number): ReceivedPayment => ({ ref: { kind: 'payment', id, label: `Payment ${id}` }, date, amount, document: invoice });

  it('counts VAT when money arrives: a part payment carries its share, and a reversal is negative', () => {
    // £1,300 gross includes a £100 disbursement: a £650 payment carries half the VAT and half the fee.
    const r = returnFor({ scheme: { accounting: 'cash', flatRate: null }, sales: [uk(1, '2026-10-01', 100_000)], payments: [payment(1, '2026-11-01', 65_000)] });
    expect(r.boxes).toMatchObject({ box1: 10_000, box6: 500 });
    expect(r.counts).toEqual(['payment:1']);
    const reversal = returnFor({ scheme: { accounting: 'cash', flatRate: null }, counted: new Set(['payment:1']), payments: [payment(1, '2026-09-01', 65_000), payment(2, '2026-10-20', -65_000)] });
    expect(reversal.boxes).toMatchObject({ box1: -10_000, box6: -500 });
  });
});

describe('the Flat Rate Scheme (Notice 733, rules §5.4)', () => {
  const flatRate = (extra: Partial<NonNullable<VatReturnInput['scheme']['flatRate']>> = {}) => ({
    accounting: 'invoice' as const,
    flatRate: { sectorPercent: '14.5', limitedCostTrader: false, firstYearEnds: null, ...extra },
  });
  const sales = [uk(1, '2026-10-05', 100_000), abroad(2, '2026-11-05', 100_000)];

  it('charges the flat rate on VAT-inclusive UK turnover only, and puts that turnover with VAT plus other sales’ net in Box 6', () => {
    const r = returnFor({ scheme: flatRate(), sales, purchases: [expense(1, '2026-10-06', 10_000, 2_000)] });
    expect(r.boxes).toMatchObject({ box1: 17_400, box4: 0, box6: 2_200, box7: 0 });
    expect(r.sources.box1.map((s) => s.ref.label)).toEqual(['INV-1']);
  });

  it('takes one point off in the first year of registration, per sale’s date, and uses 16.5% for a limited cost trader', () => {
    const straddling = [uk(1, '2026-10-05', 100_000), uk(2, '2026-11-05', 100_000)];
    expect(returnFor({ scheme: flatRate({ firstYearEnds: '2026-11-01' }), sales: straddling }).boxes.box1).toBe(16_200 + 17_400);
    expect(returnFor({ scheme: flatRate({ limitedCostTrader: true }), sales }).boxes.box1).toBe(19_800);
  });

  it('rounds once per rate, and the records behind Box 1 add up to it', () => {
    // Seven sales of £4.01 with VAT: 14.5% of each is 58.1p (58p), of the total £28.07 is 407.0p.
    const many = Array.from({ length: 7 }, (_, i) => uk(i + 1, '2026-10-05', 334, 67));
    const r = returnFor({ scheme: flatRate(), sales: many });
    expect(r.boxes.box1).toBe(407);
    expect(r.sources.box1.reduce((sum, s) => sum + s.amount, 0)).toBe(r.boxes.box1);
  });

  it('reclaims only capital goods of £2,000 or more with VAT', () => {
    const purchases = [expense(1, '2026-10-06', 166_667, 33_333, { capitalGoods: true }), expense(2, '2026-10-07', 166_666, 33_333, { capitalGoods: true })];
    expect(returnFor({ scheme: flatRate(), purchases }).sources.box4.map((s) => s.ref.id)).toEqual([1]);
  });

  it('knows a limited cost trader: relevant goods under 2% of turnover, or under £1,000 a year pro rata', () => {
    expect(isLimitedCostTrader(40_000, 3_000_000, 3)).toBe(true); // £400 < 2% of £30,000 (£600)
    expect(isLimitedCostTrader(24_999, 500_000, 3)).toBe(true); // above 2% but under £250 a quarter
    expect(isLimitedCostTrader(60_000, 3_000_000, 3)).toBe(false);
    expect(isLimitedCostTrader(8_400, 100_000, 1)).toBe(false); // £84 a month is over £1,000 a year
  });
});

describe('the MTD export', () => {
  it('uses HMRC’s field names, pounds with pence for Boxes 1–5 and whole pounds for 6–9', () => {
    const r = returnFor({ sales: [uk(1, '2026-10-05', 123_456, 24_691)], purchases: [expense(1, '2026-11-11', 15_000, 3_005)] });
    expect(JSON.stringify(toMtdReturn(r.boxes, '26A4', true))).toBe(
      '{"periodKey":"26A4","vatDueSales":246.91,"vatDueAcquisitions":0,"totalVatDue":246.91,"vatReclaimedCurrPeriod":30.05,"netVatDue":216.86,' +
        '"totalValueSalesExVAT":1234,"totalValuePurchasesExVAT":150,"totalValueGoodsSuppliedExVAT":0,"totalAcquisitionsExVAT":0,"finalised":true}',
    );
  });
});

describe('totals summed by the database', () => {
  const day = fc.integer({ min: -100, max: 91 }).map((n) => addDays(q4.start, n));
  const sale = fc.record({
    taxPoint: day,
    net: fc.integer({ min: -500_000, max: 2_000_000 }),
    vat: fc.integer({ min: -100_000, max: 400_000 }),
    category: fc.constantFrom('standard', 'zero', 'reverse-charge', 'outside-scope', 'not-registered'),
  });
  const purchase = fc.record({ date: day, net: fc.integer({ min: 0, max: 300_000 }), reclaimableVat: fc.integer({ min: 0, max: 60_000 }) });
  const scheme = fc.constantFrom<VatReturnInput['scheme']>(
    { accounting: 'invoice', flatRate: null },
    { accounting: 'invoice', flatRate: { sectorPercent: '14.5', limitedCostTrader: false, firstYearEnds: '2026-11-15' } },
    { accounting: 'invoice', flatRate: { sectorPercent: '12', limitedCostTrader: true, firstYearEnds: null } },
  );

  it('give the boxes, and the count of records behind each, that the records give one by one (rules §5.2: boxes add records)', () => {
    fc.assert(
      fc.property(fc.array(sale, { maxLength: 30 }), fc.array(purchase, { maxLength: 15 }), scheme, fc.boolean(), (saleSpecs, purchaseSpecs, scheme, earliestOpen) => {
        const placement = (category: string) => ({ box1: category === 'standard' || category === 'zero', box6: category !== 'not-registered', flatRateTurnover: category === 'standard' || category === 'zero' });
        const sales: SaleDocument[] = saleSpecs.map((s, i) => ({ ref: { kind: 'invoice', id: i + 1, label: `INV-${i + 1}` }, taxPoint: s.taxPoint, net: s.net, vat: s.vat, ...placement(s.category) }));
        const purchases: Purchase[] = purchaseSpecs.map((p, i) => ({ ref: { kind: 'expense', id: i + 1, label: `Expense ${i + 1}` }, ...p }));
        const saleTotals = new Map<string, SaleTotal>();
        for (const [i, s] of saleSpecs.entries()) {
          const key = `${s.taxPoint}|${s.category}`;
          const t = saleTotals.get(key) ?? { taxPoint: s.taxPoint, net: 0, vat: 0, ...placement(s.category), records: { net: 0, vat: 0, gross: 0 } };
          t.net += sales[i]!.net;
          t.vat += sales[i]!.vat;
          t.records.net += Number(s.net !== 0);
          t.records.vat += Number(s.vat !== 0);
          t.records.gross += Number(s.net + s.vat !== 0);
          saleTotals.set(key, t);
        }
        const purchaseTotals = new Map<string, PurchaseTotal>();
        for (const p of purchaseSpecs) {
          const t = purchaseTotals.get(p.date) ?? { date: p.date, net: 0, reclaimableVat: 0, records: { net: 0, vat: 0 } };
          t.net += p.net;
          t.reclaimableVat += p.reclaimableVat;
          t.records.net += Number(p.net !== 0);
          t.records.vat += Number(p.reclaimableVat !== 0);
          purchaseTotals.set(p.date, t);
        }
        const one = returnFor({ scheme, earliestOpen, sales, purchases });
        const summed = returnFor({ scheme, earliestOpen, sales: [...saleTotals.values()], purchases: [...purchaseTotals.values()] });
        expect(summed.boxes).toEqual(one.boxes);
        expect(summed.direction).toBe(one.direction);
        // On the Flat Rate Scheme a sale's share of box 1 can round to nothing, and is then not listed.
        expect({ ...summed.records, box1: 0 }).toEqual({ ...one.records, box1: 0 });
        if (!scheme.flatRate) expect(summed.records.box1).toBe(one.records.box1);
        expect(one.records).toEqual(Object.fromEntries(Object.entries(one.sources).map(([box, list]) => [box, list.length])));
      }),
      { numRuns: 300 },
    );
  });
});

