import { describe, expect, it, vi } from 'vitest';
import { numberProblems, typedNumber, typedText, withCanonicalNumbers, withTypedNumbers } from './numbers';

// A German desktop: the preload hands over the OS locale before any screen reads it.
vi.stubGlobal('window', { billableDesktop: { locale: 'de-DE' } });
vi.stubGlobal('navigator', { language: 'en-US' });

describe('typedNumber', () => {
  it('keeps what was typed for the schema to judge, and never invents a number', () => {
    expect(typedNumber('2.5')).toBe(2.5);
    expect(typedNumber(' -3 ')).toBe(-3);
    expect(typedNumber(30)).toBe(30);
    for (const text of ['', ' ', '1e20', '0x10', '7,5', 'ten']) expect(typedNumber(text), text).toBeNaN();
  });
});

describe('number fields in the display locale (de-DE here)', () => {
  it('sends the API canonical text, and a number the locale cannot read as typed, for the schema to refuse', () => {
    const values = { amount: '1.234,50', vat: '2.5', note: '1,5' };
    expect(withCanonicalNumbers(values, ['amount', 'vat'])).toEqual({ amount: '1234.50', vat: '2.5', note: '1,5' });
  });

  it('holds the form back on a number the locale reads two ways, saying what to type', () => {
    expect(numberProblems({ amount: '1.234,50', vat: '2.5', note: '2.5' }, ['amount', 'vat'])).toEqual({ vat: 'Use a comma for decimals: 2,5' });
  });

  it('shows stored canonical text as the user types it', () => {
    expect(typedText('0.79')).toBe('0,79');
    expect(withTypedNumbers({ rate: '1.2560', date: '2026-11-20' }, ['rate'])).toEqual({ rate: '1,2560', date: '2026-11-20' });
  });
});
