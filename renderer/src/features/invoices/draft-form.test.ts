import { describe, expect, it } from 'vitest';
import { emptyLine, withKind } from './draft-form';

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
