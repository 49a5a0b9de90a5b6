import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalOrAsTyped, localiseNumber, numberMarks, readTypedNumber, typedNumberProblem } from './typed-number';

const number = (canonical: string) => ({ kind: 'number', canonical });
const ambiguous = (message: string) => ({ kind: 'ambiguous', message });

describe('readTypedNumber', () => {
  it('en-GB and en-US: a point for decimals, commas group thousands, and "2,5" is ambiguous rather than 25 or nothing', () => {
    for (const locale of ['en-GB', 'en-US']) {
      expect(readTypedNumber('2.5', locale)).toEqual(number('2.5'));
      expect(readTypedNumber('1,234.5', locale)).toEqual(number('1234.5'));
      expect(readTypedNumber('1,234', locale)).toEqual(number('1234'));
      expect(readTypedNumber(' -12 ', locale)).toEqual(number('-12'));
      expect(readTypedNumber('2,5', locale)).toEqual(ambiguous('Use a point for decimals: 2.5'));
      expect(readTypedNumber('2,50', locale)).toEqual(ambiguous('Use a point for decimals: 2.50'));
      expect(readTypedNumber('1.234,5', locale)).toEqual(ambiguous('Use a point for decimals: 1234.5'));
    }
  });

  it('de-DE: a comma for decimals and points group thousands; "2.5" is ambiguous', () => {
    expect(readTypedNumber('1.234,5', 'de-DE')).toEqual(number('1234.5'));
    expect(readTypedNumber('2,5', 'de-DE')).toEqual(number('2.5'));
    expect(readTypedNumber('1.234', 'de-DE')).toEqual(number('1234'));
    expect(readTypedNumber('−0,75', 'de-DE')).toEqual(number('-0.75'));
    expect(readTypedNumber('2.5', 'de-DE')).toEqual(ambiguous('Use a comma for decimals: 2,5'));
  });

  it('fr-FR: a comma for decimals, digits grouped by a narrow no-break space, a no-break space or a plain one', () => {
    expect(numberMarks('fr-FR')).toEqual({ decimal: ',', group: '\u202f' });
    expect(readTypedNumber('1\u202f234,5', 'fr-FR')).toEqual(number('1234.5'));
    expect(readTypedNumber('1\u00a0234,5', 'fr-FR')).toEqual(number('1234.5'));
    expect(readTypedNumber('12 345', 'fr-FR')).toEqual(number('12345'));
    expect(readTypedNumber('2.5', 'fr-FR')).toEqual(ambiguous('Use a comma for decimals: 2,5'));
  });

  it('de-CH: a point for decimals and an apostrophe, typed or typographic, grouping thousands', () => {
    expect(readTypedNumber('1’234.5', 'de-CH')).toEqual(number('1234.5'));
    expect(readTypedNumber("1'234.5", 'de-CH')).toEqual(number('1234.5'));
    expect(readTypedNumber('2,5', 'de-CH')).toEqual(ambiguous('Use a point for decimals: 2.5'));
  });

  it('leaves what is no number in either convention to the field’s own schema', () => {
    for (const text of ['', '-', 'ten', '1e5', '5.', '1,2,3,4', '£10', '1..2']) {
      expect(readTypedNumber(text, 'en-GB'), text).toEqual({ kind: 'other' });
      expect(readTypedNumber(text, 'de-DE'), text).toEqual({ kind: 'other' });
    }
  });

  it('reads back every number it writes for the locale, exactly', () => {
    const canonical = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }));
    fc.assert(
      fc.property(canonical, fc.constantFrom('en-GB', 'en-US', 'de-DE', 'fr-FR', 'de-CH'), ([negative, whole, fraction], locale) => {
        const text = `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`;
        expect(readTypedNumber(localiseNumber(text, locale), locale)).toEqual(number(text));
      }),
    );
  });
});

describe('what a form sends and says', () => {
  it('sends canonical text for a number, and anything else as typed for the API schema to refuse', () => {
    expect(canonicalOrAsTyped('1.234,5', 'de-DE')).toBe('1234.5');
    expect(canonicalOrAsTyped('2,5', 'en-GB')).toBe('2,5');
    expect(canonicalOrAsTyped('abc', 'en-US')).toBe('abc');
  });

  it('names only the ambiguity the locale creates', () => {
    expect(typedNumberProblem('2,5', 'en-GB')).toBe('Use a point for decimals: 2.5');
    expect(typedNumberProblem('2,5', 'de-DE')).toBeNull();
    expect(typedNumberProblem('abc', 'en-GB')).toBeNull();
  });
});
