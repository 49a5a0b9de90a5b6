import { describe, expect, it, vi } from 'vitest';
import { formatDate, formatLocalTime } from './dates';

// A US desktop: the preload hands over the OS locale before any screen reads it.
vi.stubGlobal('window', { billableDesktop: { locale: 'en-US' } });
vi.stubGlobal('navigator', { language: 'en-GB' });

describe('dates and clocks in the display locale (en-US here)', () => {
  it("shows a client's local time on a US clock, and dates in US order", () => {
    const at = new Date('2026-12-03T13:36:00Z');
    expect(formatLocalTime('Europe/London', at)).toBe('Thu 01:36 PM');
    expect(formatLocalTime('America/New_York', at)).toBe('Thu 08:36 AM');
    expect(formatDate('2026-12-03')).toBe('Dec 3, 2026');
  });
});
