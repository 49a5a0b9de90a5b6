import { describe, expect, it } from 'vitest';
import { checkVatNumber, taxNumberLabel, vatFormatFor } from './vat-number';

describe('checkVatNumber', () => {
  it.each([
    ['GB', 'GB 123 4567 82', 'GB123456782'],
    ['GB', '123456782', 'GB123456782'],
    ['GB', 'GB123456727', 'GB123456727'], // mod-9755: the same first seven digits, check digits 55 lower
    ['GB', 'XI123456782', 'XI123456782'],
    ['IM', 'GB123456782001', 'GB123456782001'],
    ['DE', 'de-123.456.788', 'DE123456788'],
    ['GR', '123456783', 'EL123456783'],
    ['NL', 'NL123456782B01', 'NL123456782B01'],
    ['FR', 'FRXX123456789', 'FRXX123456789'],
    ['AT', 'ATU12345675', 'ATU12345675'],
    ['IE', '1234567FA', 'IE1234567FA'],
    ['BE', 'BE0123456749', 'BE0123456749'],
    ['BE', 'BE1000000021', 'BE1000000021'], // the 1-series
    ['CH', 'CHE-123.456.788 MWST', 'CHE123456788MWST'],
  ])('%s %s → %s, by its check digits', (country, raw, normalized) => {
    expect(checkVatNumber(country, raw)).toEqual({ ok: true, normalized, method: 'check-digits' });
  });

  it('every placeholder example passes its own check', () => {
    for (const country of ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'GR', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'GB', 'IM', 'CH', 'LI', 'NO']) {
      const example = vatFormatFor(country)!.example;
      expect(checkVatNumber(country, example), `${country} ${example}`).toMatchObject({ ok: true, normalized: example });
    }
  });

  it.each([
    ['DE', 'DE12345678'],
    ['DE', 'FR12345678901'],
    ['GB', 'GB12345'],
    ['NL', 'NL123456789'],
    ['AT', 'AT12345678'],
  ])('rejects %s %s by its format', (country, raw) => {
    expect(checkVatNumber(country, raw)).toMatchObject({ ok: false, message: expect.stringMatching(/^Not a valid VAT number for this country/) });
  });

  // Each of these has the right format, so a format check alone accepted it.
  it.each([
    ['GB', 'GB123456789'],
    ['GB', 'GB987654321'],
    ['DE', 'DE123456789'],
    ['NL', 'NL123456789B01'],
    ['AT', 'ATU12345678'],
    ['IE', '1234567WA'],
    ['GR', 'EL123456789'],
    ['BE', 'BE1000000004'],
    ['CH', 'CHE123456789MWST'],
  ])('rejects %s %s by its check digits', (country, raw) => {
    const result = checkVatNumber(country, raw);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/check digits don't match/) });
  });

  it('says what the format is', () => {
    expect(checkVatNumber('DE', 'DE1')).toEqual({
      ok: false,
      message: 'Not a valid VAT number for this country: expected DE, then 9 digits, e.g. DE123456788',
    });
  });

  it('says when the check digits are wrong', () => {
    expect(checkVatNumber('GB', 'GB 123 4567 89')).toEqual({
      ok: false,
      message: "GB123456789 is not a valid VAT number: its check digits don't match. Check it for a typo",
    });
  });

  it.each([
    ['US', '12-3456789'],
    ['AU', '51 824 753 556'],
    ['CA', '123456789 RT0001'],
    ['NZ', '123-456-789'],
    ['JP', 'T1234567890123'],
  ])('keeps the formatting of a %s tax number: %s', (country, raw) => {
    expect(checkVatNumber(country, `  ${raw} `)).toEqual({ ok: true, normalized: raw, method: 'format' });
  });

  it.each([['US', '!'], ['US', '1'], ['AU', '12_34']])('rejects the %s tax number %s, naming it', (country, raw) => {
    expect(checkVatNumber(country, raw)).toMatchObject({ ok: false, message: expect.stringMatching(country === 'US' ? /^EIN: / : /^ABN: /) });
  });
});

describe('taxNumberLabel', () => {
  it.each([
    ['GB', 'VAT number'],
    ['IM', 'VAT number'],
    ['DE', 'VAT number'],
    ['GR', 'VAT number'],
    ['IE', 'VAT number'],
    ['US', 'EIN'],
    ['AU', 'ABN'],
    ['CA', 'GST/HST number'],
    ['NZ', 'Tax ID'],
    ['JP', 'Tax ID'],
    ['JE', 'Tax ID'],
  ])('%s: %s', (country, label) => expect(taxNumberLabel(country)).toBe(label));
});
