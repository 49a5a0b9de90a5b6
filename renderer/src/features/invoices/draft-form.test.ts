import { describe, expect, it } from 'vitest';
import { emptyLine, lineNumberProblems, withKind } from './draft-form';

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
      ]),
    ).toEqual(['Line 2: Quantity must be less than 1,000,000', 'Line 3: Unit price must be a number like 7.5']);
  });

  it('leaves blank numbers alone while they are being typed', () => {
    expect(lineNumberProblems([{ quantity: '', unitPrice: '' }])).toEqual([]);
  });
});
