import { describe, expect, it } from 'vitest';
import { checkBic, checkIban, formatIban } from './iban';

describe('checkIban', () => {
  it.each([
    ['GB82 WEST 1234 5698 7654 32', 'GB82WEST12345698765432'],
    ['DE89370400440532013000', 'DE89370400440532013000'],
    ['nl91abna0417164300', 'NL91ABNA0417164300'],
  ])('accepts %s', (raw, value) => {
    expect(checkIban(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['GB82 WEST 1234 5698 7654 33', "Not a valid IBAN: its check digits don't match. Check it for a typo"],
    ['DE8937040044053201300', 'Not a valid IBAN: a DE IBAN has 22 characters'],
    ['XX', 'Not a valid IBAN: it starts with a country code, e.g. GB or DE'],
    ['1234567890123456', 'Not a valid IBAN: it starts with a country code, e.g. GB or DE'],
    // Right length and a valid mod-97, but a UK IBAN has 4 letters for the bank: the old hand-written check let it through.
    ['GB25 1234 1234 5698 7654 32', 'Not a valid IBAN: the account part does not fit the GB format'],
  ])('rejects %s: %s', (raw, message) => {
    expect(checkIban(raw)).toEqual({ ok: false, message });
  });

  it('prints in groups of four', () => expect(formatIban('GB82WEST12345698765432')).toBe('GB82 WEST 1234 5698 7654 32'));
});

describe('checkBic', () => {
  it.each([['deutdeff', 'DEUTDEFF'], ['NWBK GB2L', 'NWBKGB2L'], ['DEUTDEFF500', 'DEUTDEFF500']])('accepts %s', (raw, value) => {
    expect(checkBic(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['DEUTXXFF', 'Not a valid BIC: letters 5 and 6 are the country code, e.g. DEUTDEFF'],
    ['DEUT', 'A BIC is 8 or 11 letters and digits, e.g. DEUTDEFF'],
    ['DEUTDEFF5', 'A BIC is 8 or 11 letters and digits, e.g. DEUTDEFF'],
  ])('rejects %s', (raw, message) => {
    expect(checkBic(raw)).toEqual({ ok: false, message });
  });
});
