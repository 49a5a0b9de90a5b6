import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from './countries';
import { currencyOfCountry } from './country-currencies';
import { defaultTimeZone, timeZonesForCountry } from './timezones';

describe('a new client’s defaults by country', () => {
  it("proposes the country's main time zone, not the alphabetically first", () => {
    expect(defaultTimeZone('US')).toBe('America/New_York');
    expect(defaultTimeZone('CA')).toBe('America/Toronto');
    expect(defaultTimeZone('AU')).toBe('Australia/Sydney');
    expect(defaultTimeZone('ES')).toBe('Europe/Madrid');
    expect(defaultTimeZone('GB')).toBe('Europe/London');
    expect(['Europe/Kyiv', 'Europe/Kiev']).toContain(defaultTimeZone('UA'));
    expect(timeZonesForCountry('US')).toContain('America/Adak');
  });

  it("proposes the country's currency", () => {
    expect(currencyOfCountry('US')).toBe('USD');
    expect(currencyOfCountry('DE')).toBe('EUR');
    expect(currencyOfCountry('GB')).toBe('GBP');
    expect(currencyOfCountry('CH')).toBe('CHF');
    expect(currencyOfCountry('AQ')).toBeNull();
    const missing = COUNTRY_CODES.filter((c) => currencyOfCountry(c) === null);
    expect(missing).toEqual(['AQ']);
  });
});
