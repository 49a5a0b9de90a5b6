import { describe, expect, it } from 'vitest';
import { typedNumber } from './numbers';

describe('typedNumber', () => {
  it('keeps what was typed for the schema to judge, and never invents a number', () => {
    expect(typedNumber('2.5')).toBe(2.5);
    expect(typedNumber(' -3 ')).toBe(-3);
    expect(typedNumber(30)).toBe(30);
    for (const text of ['', ' ', '1e20', '0x10', '7,5', 'ten']) expect(typedNumber(text), text).toBeNaN();
  });
});
