import { describe, expect, it } from 'vitest';
import { formatIban, isValidIban } from './iban';

describe('iban', () => {
  it.each(['GB82 WEST 1234 5698 7654 32', 'DE89370400440532013000', 'nl91abna0417164300'])('accepts %s', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });
  it.each(['GB82 WEST 1234 5698 7654 33', 'DE8937040044053201300', 'XX', '1234567890123456'])('rejects %s', (iban) => {
    expect(isValidIban(iban)).toBe(false);
  });
  it('prints in groups of four', () => expect(formatIban('gb82west12345698765432')).toBe('GB82 WEST 1234 5698 7654 32'));
});
