import { describe, expect, it, vi } from 'vitest';
import { durationHint, numberProblems, typedDuration, typedNumber, typedText, withCanonicalNumbers, withTypedNumbers } from './numbers';

// A German desktop: the preload hands over the OS locale before any screen reads it.
vi.stubGlobal('window', { billableDesktop: { locale: 'de-DE' } });
vi.stubGlobal('navigator', { language: 'en-US' });

describe('typedNumber (de-DE here)', () => {
  it('reads what was typed in the display locale for the schema to judge, and never invents a number', () => {
    expect(typedNumber('7,5')).toBe(7.5);
    expect(typedNumber('1.000')).toBe(1000);
    expect(typedNumber(' -3 ')).toBe(-3);
    expect(typedNumber(30)).toBe(30);
    // "2.5" is 2.5 or 25 to a German reader: neither is guessed.
    for (const text of ['', ' ', '1e20', '0x10', '2.5', 'ten']) expect(typedNumber(text), text).toBeNaN();
  });
});

describe('typedDuration (de-DE here)', () => {
  it('sends decimal hours typed with a comma as the canonical text main reads, and other forms as typed', () => {
    expect(typedDuration('2,5')).toEqual({ ok: true, text: '2.5' });
    expect(typedDuration(' ,25 ')).toEqual({ ok: true, text: '0.25' });
    expect(typedDuration('1:30')).toEqual({ ok: true, text: '1:30' });
    expect(typedDuration('1h30m')).toEqual({ ok: true, text: '1h30m' });
  });

  it('refuses decimal hours the locale reads two ways, and names the forms in its own notation', () => {
    expect(typedDuration('2.5')).toEqual({ ok: false, message: 'Use a comma for decimals: 2,5' });
    expect(typedDuration('abc')).toEqual({ ok: false, message: 'Enter a duration like 1:30, 1,5, 90m, 1h30m or 1h' });
    expect(typedDuration('25')).toEqual({ ok: false, message: 'A time entry can be at most 24 hours; split longer work over days' });
    expect(durationHint()).toBe('1:30, 1,5, 90m, 1h30m or 1h');
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
