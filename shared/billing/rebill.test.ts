import { describe, expect, it } from 'vitest';
import { rebillExpenses, type RebillableExpense } from './rebill';

const hotel: RebillableExpense = { id: 1, expenseDate: '2026-11-24', description: 'Hotel, 2 nights', supplier: 'Premier Inn', amountMinor: 15_000, vatMinor: 2_500, vatReclaimable: true, currency: 'GBP', fxRate: null, rebillKind: 'recharge' };
const flight: RebillableExpense = { id: 2, expenseDate: '2026-11-23', description: 'Flight LHR–BOS', supplier: 'BA', amountMinor: 62_000, vatMinor: 0, vatReclaimable: false, currency: 'GBP', fxRate: null, rebillKind: 'recharge' };

describe('rebillExpenses (rules §1.6)', () => {
  it('recharges the net cost of a hotel whose VAT was reclaimed: £150 incl. £25 VAT rebills £125', () => {
    expect(rebillExpenses([hotel], { kind: 'at-cost', markupPercent: null, capMinor: null }, 'GBP')).toEqual([
      { expenseId: 1, kind: 'expense', description: 'Hotel, 2 nights (Premier Inn, 24 Nov 2026)', unitPrice: '125.00', costMinor: 12_500, markupMinor: 0, cappedMinor: 0 },
    ]);
  });

  it('recharges the gross cost when the VAT was not reclaimed, and a disbursement always at the exact amount paid', () => {
    const unreclaimed = { ...hotel, vatReclaimable: false };
    const court = { ...hotel, id: 3, description: 'Court fee', rebillKind: 'disbursement' as const };
    const lines = rebillExpenses([unreclaimed, court], { kind: 'markup', markupPercent: '10', capMinor: null }, 'GBP');
    expect(lines.map((l) => [l.kind, l.unitPrice, l.markupMinor])).toEqual([
      ['expense', '165.00', 1_500],
      ['disbursement', '150.00', 0],
    ]);
  });

  it('converts a foreign expense at the rate stored with it, half-up to the cent', () => {
    const [line] = rebillExpenses([{ ...flight, currency: 'EUR', amountMinor: 10_001, fxRate: '1.0815' }], { kind: 'at-cost', markupPercent: null, capMinor: null }, 'USD');
    expect(line!.unitPrice).toBe('108.16');
  });

  it('applies the cap per period in date order: the crossing line is reduced, later ones bill 0.00 and say why', () => {
    const taxi = { ...flight, id: 4, expenseDate: '2026-11-25', description: 'Taxi', supplier: 'Uber', amountMinor: 4_000 };
    const lines = rebillExpenses([taxi, hotel, flight], { kind: 'at-cost', markupPercent: null, capMinor: 70_000 }, 'GBP');
    expect(lines.map((l) => [l.expenseId, l.unitPrice, l.cappedMinor])).toEqual([
      [2, '620.00', 0],
      [1, '80.00', 4_500],
      [4, '0.00', 4_000],
    ]);
    expect(lines[1]!.description).toBe('Hotel, 2 nights (Premier Inn, 24 Nov 2026) — capped: £45.00 above the agreed expense cap not charged');
    expect(lines[2]!.description).toMatch(/above the agreed expense cap, not charged$/);
  });

  it('rebills nothing under a not-rebillable policy, and refuses a foreign expense without a rate', () => {
    expect(rebillExpenses([hotel], { kind: 'not-rebillable', markupPercent: null, capMinor: null }, 'GBP')).toEqual([]);
    expect(() => rebillExpenses([{ ...hotel, currency: 'EUR' }], { kind: 'at-cost', markupPercent: null, capMinor: null }, 'GBP')).toThrow('An expense in EUR needs a rate to GBP');
  });
});
