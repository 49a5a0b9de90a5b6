import { afterEach, describe, expect, it, vi } from 'vitest';

/** components/format.ts as a window in `locale` sees it (the display locale is read once per window). */
async function formatIn(locale: string) {
  vi.resetModules();
  vi.stubGlobal('window', { billableDesktop: { locale } });
  vi.stubGlobal('navigator', { language: locale });
  return import('./format');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('chart axis amounts', () => {
  it('are whole units of the currency in the display locale, never pence', async () => {
    expect((await formatIn('en-GB')).formatWholeMoney(100_000_049, 'GBP')).toBe('£1,000,000');
    expect((await formatIn('de-DE')).formatWholeMoney(423_250, 'EUR')).toBe('4.233\u00a0€');
    // A yen amount has no minor units to divide away.
    expect((await formatIn('en-GB')).formatWholeMoney(150_000, 'JPY')).toBe('JP¥150,000');
  });
});
