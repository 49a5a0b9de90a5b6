import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { convertToHome, impliedRate, parseRate, rateImplausibility } from './fx';
import { checkDocumentAmount } from './money';

const hmrc = { rate: '1.2560', source: 'hmrc-period', date: '2026-11-01' } as const;

describe('a rate tenfold off the nearest stored one is taken for a typo', () => {
  it('accepts up to exactly ten times either way, and anything without a reference', () => {
    expect(rateImplausibility('12.560', hmrc, 'USD', 'GBP')).toBeNull();
    expect(rateImplausibility('0.1256', hmrc, 'USD', 'GBP')).toBeNull();
    expect(rateImplausibility('0.0000000001', null, 'USD', 'GBP')).toBeNull();
  });

  it('refuses beyond, saying which way and against what', () => {
    expect(rateImplausibility('12.5601', hmrc, 'USD', 'GBP')).toBe(
      '12.5601 USD per 1 GBP is more than ten times the 1.2560 stored for 2026-11-01 (HMRC period rate). Check the rate; if the stored one is wrong, change it in Settings → Exchange rates.',
    );
    expect(rateImplausibility('0.12559', hmrc, 'USD', 'GBP')).toMatch(/^0.12559 USD per 1 GBP is less than a tenth of the 1.2560/);
  });
});

describe('amounts beyond what a document holds are refused, not overflowed', () => {
  it('allows a trillion in major units in any currency, refuses a minor unit more', () => {
    expect(() => checkDocumentAmount(1_000_000_000_000_000n, 'BHD', 'Line 1', 'lines.0.unitPrice')).not.toThrow();
    expect(() => checkDocumentAmount(-1_000_000_000_000n, 'JPY', 'Line 1', 'lines.0.unitPrice')).not.toThrow();
    const over = () => checkDocumentAmount(1_000_000_000_001n, 'JPY', 'Line 3', 'lines.2.unitPrice');
    expect(over).toThrow(DomainError);
    expect(over).toThrow('Line 3 comes to more than 1,000,000,000,000 JPY');
  });

  it('a conversion at an absurd rate is refused on the rate field', () => {
    expect(convertToHome(100_000, 'USD', parseRate('1.25'), 'GBP')).toBe(80_000);
    try {
      convertToHome(100_000, 'USD', parseRate('0.0000000001'), 'GBP');
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).fieldErrors).toEqual({ 'fx.rate': 'At 0.0000000001 USD per 1 GBP, this is worth more than 1,000,000,000,000 GBP. Check the exchange rate.' });
    }
  });

  it('the rate a payment implies, to six places', () => {
    expect(impliedRate(100_000, 'USD', 79_600, 'GBP')).toBe('1.256281');
    expect(impliedRate(1_000_000, 'JPY', 530_000, 'GBP')).toBe('188.679245');
  });
});
