import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billableSeconds, roundSeconds } from './time-rounding';
import { ROUNDING_INCREMENTS, ROUNDING_SCOPES, type TimeRounding } from './types';

const rule = (mode: TimeRounding['mode'], incrementMinutes: TimeRounding['incrementMinutes'] = 15, scope: TimeRounding['scope'] = 'entry'): TimeRounding => ({
  mode,
  incrementMinutes,
  scope,
});

describe('rounding a duration', () => {
  it('leaves it with no rule', () => {
    expect(roundSeconds(1_234, rule('none'))).toBe(1_234);
  });

  it('rounds up to the next increment', () => {
    expect(roundSeconds(1, rule('up'))).toBe(900);
    expect(roundSeconds(900, rule('up'))).toBe(900);
    expect(roundSeconds(901, rule('up'))).toBe(1_800);
    expect(roundSeconds(0, rule('up'))).toBe(0);
    expect(roundSeconds(361, rule('up', 6))).toBe(720);
    expect(roundSeconds(59, rule('up', 1))).toBe(60);
  });

  it('rounds to the nearest increment, halves up', () => {
    expect(roundSeconds(449, rule('nearest'))).toBe(0);
    expect(roundSeconds(450, rule('nearest'))).toBe(900);
    expect(roundSeconds(2_699, rule('nearest', 30))).toBe(1_800);
    expect(roundSeconds(2_700, rule('nearest', 30))).toBe(3_600);
    expect(roundSeconds(29, rule('nearest', 1))).toBe(0);
    expect(roundSeconds(30, rule('nearest', 1))).toBe(60);
  });

  it('refuses negative or fractional seconds and an unknown increment', () => {
    expect(() => roundSeconds(-1, rule('up'))).toThrow(RangeError);
    expect(() => roundSeconds(1.5, rule('none'))).toThrow(RangeError);
    expect(() => roundSeconds(60, { mode: 'up', incrementMinutes: 0 as 1, scope: 'entry' })).toThrow(RangeError);
  });

  it('gives a whole increment within one increment (up) or half of one (nearest), idempotently', () => {
    const rounding = fc.record({ mode: fc.constantFrom('up' as const, 'nearest' as const), incrementMinutes: fc.constantFrom(...ROUNDING_INCREMENTS), scope: fc.constantFrom(...ROUNDING_SCOPES) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), rounding, (seconds, r) => {
        const increment = r.incrementMinutes * 60;
        const rounded = roundSeconds(seconds, r);
        expect(rounded % increment).toBe(0);
        expect(roundSeconds(rounded, r)).toBe(rounded);
        if (r.mode === 'up') expect(rounded - seconds).toBeGreaterThanOrEqual(0);
        expect(Math.abs(rounded - seconds)).toBeLessThanOrEqual(r.mode === 'up' ? increment - 1 : increment / 2);
      }),
      { numRuns: 200 },
    );
  });
});

describe('billable seconds for a set of entries', () => {
  const entries = [
    { day: '2026-03-02', seconds: 600 },
    { day: '2026-03-02', seconds: 600 },
    { day: '2026-03-03', seconds: 60 },
  ];

  it('rounds each entry, or each day, by scope', () => {
    expect(billableSeconds(entries, rule('up', 15, 'entry'))).toBe(2_700);
    expect(billableSeconds(entries, rule('up', 15, 'day'))).toBe(2_700);
    expect(billableSeconds(entries, rule('nearest', 15, 'entry'))).toBe(1_800);
    expect(billableSeconds(entries, rule('nearest', 15, 'day'))).toBe(900);
    expect(billableSeconds(entries, rule('up', 30, 'day'))).toBe(3_600);
    expect(billableSeconds(entries, rule('none', 15, 'day'))).toBe(1_260);
    expect(billableSeconds([], rule('up'))).toBe(0);
  });

  it('never changes the entries', () => {
    const frozen = Object.freeze(entries.map((e) => Object.freeze({ ...e })));
    billableSeconds(frozen, rule('up', 6, 'day'));
    billableSeconds(frozen, rule('nearest', 6, 'entry'));
    expect(frozen).toEqual(entries);
  });

  it('refuses a negative entry even when the day still sums to a positive total', () => {
    expect(() => billableSeconds([{ day: '2026-03-02', seconds: 900 }, { day: '2026-03-02', seconds: -60 }], rule('up', 15, 'day'))).toThrow(RangeError);
  });

  it('per day, rounding up never bills more than per entry, and both bill at least the raw time', () => {
    const entry = fc.record({ day: fc.constantFrom('2026-03-02', '2026-03-03', '2026-03-04'), seconds: fc.integer({ min: 0, max: 20_000 }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.constantFrom(...ROUNDING_INCREMENTS), (list, increment) => {
        const raw = list.reduce((sum, e) => sum + e.seconds, 0);
        const perDay = billableSeconds(list, rule('up', increment, 'day'));
        const perEntry = billableSeconds(list, rule('up', increment, 'entry'));
        expect(perDay).toBeGreaterThanOrEqual(raw);
        expect(perEntry).toBeGreaterThanOrEqual(perDay);
        expect(billableSeconds(list, rule('none', increment, 'day'))).toBe(raw);
      }),
      { numRuns: 200 },
    );
  });
});
