import { describe, expect, it } from 'vitest';
import { checkVatNumber } from './vat-number';

describe('checkVatNumber', () => {
  it.each([
    ['GB', 'GB 123 4567 89', 'GB123456789'],
    ['GB', '123456789', 'GB123456789'],
    ['IM', 'GB123456789012', 'GB123456789012'],
    ['DE', 'de-123.456.789', 'DE123456789'],
    ['GR', '123456789', 'EL123456789'],
    ['NL', 'NL123456789B01', 'NL123456789B01'],
    ['FR', 'FRXX123456789', 'FRXX123456789'],
    ['AT', 'ATU12345678', 'ATU12345678'],
    ['IE', '1234567WA', 'IE1234567WA'],
    ['CH', 'CHE-123.456.789 MWST', 'CHE123456789MWST'],
    ['US', '12-3456789', '123456789'],
  ])('%s %s → %s', (country, raw, normalized) => {
    expect(checkVatNumber(country, raw)).toEqual({ ok: true, normalized });
  });

  it.each([
    ['DE', 'DE12345678'],
    ['DE', 'FR12345678901'],
    ['GB', 'GB12345'],
    ['NL', 'NL123456789'],
    ['AT', 'AT12345678'],
    ['US', '!'],
  ])('rejects %s %s with the expected format', (country, raw) => {
    const result = checkVatNumber(country, raw);
    expect(result.ok).toBe(false);
  });

  it('says what the format is', () => {
    expect(checkVatNumber('DE', 'DE1')).toEqual({
      ok: false,
      message: 'Not a valid VAT number for this country: expected DE, then 9 digits, e.g. DE123456789',
    });
  });
});
