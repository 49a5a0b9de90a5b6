import { describe, expect, it } from 'vitest';
import { datePattern, formatTypedDate, readTypedDate } from './typed-date';

describe('datePattern', () => {
  it('follows the locale’s order and separator', () => {
    expect(datePattern('en-GB').placeholder).toBe('DD/MM/YYYY');
    expect(datePattern('en-US').placeholder).toBe('MM/DD/YYYY');
    expect(datePattern('de-DE').placeholder).toBe('DD.MM.YYYY');
    expect(datePattern('sv-SE').placeholder).toBe('YYYY-MM-DD');
  });
});

describe('typed dates', () => {
  it('shows an ISO date in the locale’s order', () => {
    expect(formatTypedDate('2026-11-20', 'en-GB')).toBe('20/11/2026');
    expect(formatTypedDate('2026-11-20', 'en-US')).toBe('11/20/2026');
    expect(formatTypedDate('2026-11-20', 'de-DE')).toBe('20.11.2026');
  });

  it('reads what is typed in the locale’s order, so 03/04 is 3 April in en-GB and 4 March in en-US', () => {
    expect(readTypedDate('03/04/2026', 'en-GB')).toBe('2026-04-03');
    expect(readTypedDate('03/04/2026', 'en-US')).toBe('2026-03-04');
    expect(readTypedDate('20.11.2026', 'de-DE')).toBe('2026-11-20');
    expect(readTypedDate('3.4.2026', 'de-DE')).toBe('2026-04-03');
    expect(readTypedDate(' 2026-11-20 ', 'en-US')).toBe('2026-11-20');
  });

  it('refuses what is not a whole, real date', () => {
    for (const text of ['', '20/11', '31/02/2026', '20/13/2026', '11/20/2026', '20/11/26', 'today', '2026-02-30']) {
      expect(readTypedDate(text, 'en-GB'), text).toBeNull();
    }
  });
});
