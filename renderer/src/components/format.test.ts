import { afterEach, describe, expect, it, vi } from 'vitest';

/** components/format.ts as a window in `locale` sees it (the display locale is read once per window). */
async function formatIn(locale: string) {
  vi.resetModules();
  vi.stubGlobal('window', { billableDesktop: { locale } });
  vi.stubGlobal('navigator', { language: 'en-US' });
  return import('./format');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('screen numbers in the display locale', () => {
  it('shows a billing-run line as a German user reads it, not as the PDF prints it', async () => {
    const { formatDecimal, formatQuantity, formatUnitPrice } = await formatIn('de-DE');
    expect(formatQuantity('7.5', 'hour')).toBe('7,5 hours');
    expect(formatUnitPrice('1270', 'EUR')).toBe('1.270,00');
    expect(formatDecimal('12.5')).toBe('12,5');
  });

  it('writes chart axis amounts in whole units of the currency, never pence', async () => {
    expect((await formatIn('en-GB')).formatWholeMoney(100_000_049, 'GBP')).toBe('£1,000,000');
    expect((await formatIn('de-DE')).formatWholeMoney(423_250, 'EUR')).toBe('4.233\u00a0€');
    // A yen amount has no minor units to divide away.
    expect((await formatIn('en-GB')).formatWholeMoney(150_000, 'JPY')).toBe('JP¥150,000');
  });
});
