import { describe, expect, it } from 'vitest';
import { canonicalDraft, draftNumberProblems, emptyLine, lineNumberProblems, newDraftValues, withKind } from './draft-form';

describe('a line’s unit follows its kind', () => {
  it('an expense, disbursement or discount becomes items; back to a fee, hours', () => {
    expect(emptyLine().unit).toBe('hour');
    expect(withKind({ kind: 'fee', unit: 'hour' }, 'expense')).toEqual({ kind: 'expense', unit: 'item' });
    expect(withKind({ kind: 'fee', unit: 'hour' }, 'disbursement')).toEqual({ kind: 'disbursement', unit: 'item' });
    expect(withKind({ kind: 'fee', unit: 'hour' }, 'discount')).toEqual({ kind: 'discount', unit: 'item' });
    expect(withKind({ kind: 'expense', unit: 'item' }, 'fee')).toEqual({ kind: 'fee', unit: 'hour' });
  });

  it('keeps a unit the user chose', () => {
    expect(withKind({ kind: 'fee', unit: 'day' }, 'expense')).toEqual({ kind: 'expense', unit: 'day' });
  });
});

describe('lineNumberProblems', () => {
  it('names each out-of-range or malformed number by line, so the totals never pass it over in silence', () => {
    expect(
      lineNumberProblems([
        { quantity: '2', unitPrice: '300' },
        { quantity: '2000000', unitPrice: '10' },
        { quantity: '1', unitPrice: 'abc' },
      ], 'en-GB'),
    ).toEqual(['Line 2: Quantity must be less than 1,000,000', 'Line 3: Unit price must be a number like 7.5']);
  });

  it('leaves blank numbers alone while they are being typed', () => {
    expect(lineNumberProblems([{ quantity: '', unitPrice: '' }], 'en-GB')).toEqual([]);
  });
});

describe('numbers typed in the display locale', () => {
  it('in en-GB, a decimal comma names its line at once instead of dropping it from the totals', () => {
    expect(lineNumberProblems([{ quantity: '2,5', unitPrice: '1,000' }], 'en-GB')).toEqual(['Line 1: Use a point for decimals: 2.5']);
  });

  it('in de-DE, "2,5" hours and "1.234,50" are read as 2.5 and 1234.50 for the totals and the API', () => {
    expect(lineNumberProblems([{ quantity: '2,5', unitPrice: '1.234,50' }], 'de-DE')).toEqual([]);
    const values = { ...newDraftValues('2026-12-03'), discountPercent: '2,5', lines: [{ ...emptyLine(), quantity: '2,5', unitPrice: '1.234,50' }] };
    const canonical = canonicalDraft(values, 'de-DE');
    expect(canonical.lines[0]).toMatchObject({ quantity: '2.5', unitPrice: '1234.50' });
    expect(canonical.discountPercent).toBe('2.5');
  });

  it('holds the save back on a number the locale reads two ways, on its own field', () => {
    const values = { ...newDraftValues('2026-12-03'), discountPercent: '2.5', lines: [{ ...emptyLine(), quantity: '2,5', unitPrice: '300' }] };
    expect(draftNumberProblems(values, 'de-DE')).toEqual({ discountPercent: 'Use a comma for decimals: 2,5' });
    expect(draftNumberProblems(values, 'en-GB')).toEqual({ 'lines.0.quantity': 'Use a point for decimals: 2.5' });
  });
});
