import { describe, expect, it, vi } from 'vitest';
import { formatDecimal, formatQuantity, formatUnitPrice } from './format';

// A German desktop: the preload hands over the OS locale before any screen reads it.
vi.stubGlobal('window', { billableDesktop: { locale: 'de-DE' } });
vi.stubGlobal('navigator', { language: 'en-US' });

describe('screen numbers in the display locale (de-DE here)', () => {
  it('shows a billing-run line as a German user reads it, not as the PDF prints it', () => {
    expect(formatQuantity('7.5', 'hour')).toBe('7,5 hours');
    expect(formatUnitPrice('1270', 'EUR')).toBe('1.270,00');
    expect(formatDecimal('12.5')).toBe('12,5');
  });
});
