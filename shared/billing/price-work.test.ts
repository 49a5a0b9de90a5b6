import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billableSeconds } from '../contracts/time-rounding';
import { ROUNDING_INCREMENTS, TIME_ROUNDING_MODES, ROUNDING_SCOPES, type TimeRounding } from '../contracts/types';
import { addDecimals, decimal, decimalToString, DECIMAL_ZERO, multiply } from '../money/decimal';
import { divRound } from '../money/rounding';
import { priceWork, TIME_GROUPINGS, type WorkEntry } from './price-work';

const period = { start: '2026-11-20', end: '2026-12-03' };
const quarterUp: TimeRounding = { mode: 'up', incrementMinutes: 15, scope: 'entry' };
const hourly = (rounding: TimeRounding = quarterUp) => ({ unit: 'hour' as const, hoursPerDay: null, rate: '270', rounding });
const entry = (id: number, workDate: string, minutes: number, note = ''): WorkEntry => ({ id, workDate, seconds: minutes * 60, note });

describe('priceWork', () => {
  it('bills a fortnight on one line at the contract rate, each entry rounded up to the quarter hour', () => {
    const lines = priceWork([entry(1, '2026-11-24', 100), entry(2, '2026-11-25', 61), entry(3, '2026-12-01', 30)], hourly(), 'period', 'Postgres performance', period);
    expect(lines).toEqual([
      { description: 'Postgres performance, 20 Nov 2026 – 3 Dec 2026', quantity: '3.5', unit: 'hour', unitPrice: '270', entryIds: [1, 2, 3], rawSeconds: 191 * 60, roundedSeconds: 210 * 60 },
    ]);
  });

  it('groups per ISO week, per day and per note, oldest first', () => {
    const work = [entry(3, '2026-12-01', 60, 'Index review'), entry(1, '2026-11-27', 45, 'Query plan audit'), entry(2, '2026-11-27', 15, 'Index review')];
    expect(priceWork(work, hourly(), 'week', 'Tuning', period).map((l) => [l.description, l.quantity, l.entryIds])).toEqual([
      ['Tuning, week of 23 Nov 2026', '1', [1, 2]],
      ['Tuning, week of 30 Nov 2026', '1', [3]],
    ]);
    expect(priceWork(work, hourly(), 'day', 'Tuning', period).map((l) => l.description)).toEqual(['Tuning, 27 Nov 2026', 'Tuning, 1 Dec 2026']);
    expect(priceWork(work, hourly(), 'note', 'Tuning', period).map((l) => [l.description, l.quantity])).toEqual([
      ['Query plan audit', '0.75'],
      ['Index review', '1.25'],
    ]);
  });

  it('prices a day rate in days of the contract length: 10 h at 7.5 h a day is 1.3333 days', () => {
    const [line] = priceWork([entry(1, '2026-11-24', 600)], { unit: 'day', hoursPerDay: '7.5', rate: '2000', rounding: { mode: 'none', incrementMinutes: 1, scope: 'entry' } }, 'period', 'Design review', period);
    expect(line).toMatchObject({ quantity: '1.3333', unit: 'day', unitPrice: '2000' });
  });

  it('folds a group that rounds to nothing into its neighbour, so its entries are still settled once', () => {
    const nearest: TimeRounding = { mode: 'nearest', incrementMinutes: 30, scope: 'entry' };
    const lines = priceWork([entry(1, '2026-11-24', 5), entry(2, '2026-11-25', 60)], hourly(nearest), 'day', 'Tuning', period);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ description: 'Tuning, 25 Nov 2026', quantity: '1', entryIds: [2, 1] });
  });

  it('keeps the day rounding when grouping by note splits a day: the difference goes to the longest entry', () => {
    const perDay: TimeRounding = { mode: 'up', incrementMinutes: 30, scope: 'day' };
    const lines = priceWork([entry(1, '2026-11-24', 20, 'a'), entry(2, '2026-11-24', 25, 'b')], hourly(perDay), 'note', 'Tuning', period);
    expect(lines.map((l) => [l.description, l.roundedSeconds])).toEqual([
      ['a', 20 * 60],
      ['b', 40 * 60],
    ]);
  });

  it('property: for every rounding rule and grouping, the lines bill exactly rate × the rounded time', () => {
    const rounding = fc.record({ mode: fc.constantFrom(...TIME_ROUNDING_MODES), incrementMinutes: fc.constantFrom(...ROUNDING_INCREMENTS), scope: fc.constantFrom(...ROUNDING_SCOPES) });
    const entries = fc.uniqueArray(
      fc.record({ id: fc.integer({ min: 1, max: 10_000 }), day: fc.integer({ min: 0, max: 13 }), seconds: fc.integer({ min: 1, max: 12 * 3600 }), note: fc.constantFrom('', 'Review', 'Calls', 'Index work') }),
      { selector: (e) => e.id, minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(entries, rounding, fc.constantFrom(...TIME_GROUPINGS), fc.constantFrom('270', '300', '123.45', '0.9999'), (raw, rule, grouping, rate) => {
        const work = raw.map((e) => ({ id: e.id, workDate: `2026-11-${String(20 + (e.day % 10)).padStart(2, '0')}`, seconds: e.seconds, note: e.note }));
        const lines = priceWork(work, { unit: 'hour', hoursPerDay: null, rate, rounding: rule }, grouping, 'Work', period);
        const rounded = billableSeconds(work.map((e) => ({ day: e.workDate, seconds: e.seconds })), rule);
        // Quantities add up to the rounded hours (to the 4 decimals a quantity holds) …
        const hours = lines.reduce((sum, l) => addDecimals(sum, decimal(l.quantity)), DECIMAL_ZERO);
        expect(decimalToString(hours)).toBe(decimalToString({ units: divRound(BigInt(rounded) * 10_000n, 3600n, 'half-up'), scale: 4 }));
        // … so the unrounded line amounts add up to rate × those hours exactly; every entry is on one line.
        const amounts = lines.reduce((sum, l) => addDecimals(sum, multiply(decimal(l.quantity), decimal(l.unitPrice))), DECIMAL_ZERO);
        expect(decimalToString(amounts)).toBe(decimalToString(multiply(hours, decimal(rate))));
        // Time that rounds to nothing at all bills no line; otherwise every entry is on exactly one.
        const billed = lines.flatMap((l) => l.entryIds).sort((a, b) => a - b);
        expect(billed).toEqual(hours.units === 0n ? [] : work.map((e) => e.id).sort((a, b) => a - b));
        expect(lines.reduce((sum, l) => sum + l.roundedSeconds, 0)).toBe(rounded);
      }),
      { numRuns: 300 },
    );
  });
});
