import { describe, expect, it } from 'vitest';
import { proposalsForCountry } from './client-form';

describe('choosing a client’s country', () => {
  it('proposes its main time zone and its currency', () => {
    expect(proposalsForCountry({ timezone: '', currency: 'GBP' }, 'US', false)).toEqual({ timezone: 'America/New_York', currency: 'USD' });
    expect(proposalsForCountry({ timezone: '', currency: 'GBP' }, 'ES', false)).toEqual({ timezone: 'Europe/Madrid', currency: 'EUR' });
  });

  it('keeps a zone already in the country and a currency the user chose', () => {
    expect(proposalsForCountry({ timezone: 'America/Chicago', currency: 'GBP' }, 'US', true)).toEqual({});
  });
});
