import { describe, expect, it } from 'vitest';
import { addressLines, streetLines, withCountry } from './address';

const none = { addressLine1: null, addressLine2: null, city: null, region: null, postalCode: null };

describe('streetLines', () => {
  it('prints line 1, line 2, then the postal code before the city, then the region', () => {
    expect(streetLines({ addressLine1: '1 Main St', addressLine2: 'Suite 4', city: 'Springfield', region: 'IL', postalCode: '62701' })).toEqual([
      '1 Main St',
      'Suite 4',
      '62701 Springfield',
      'IL',
    ]);
  });

  it('leaves out missing parts without blank lines or stray spaces', () => {
    expect(streetLines({ ...none, addressLine1: 'Hauptstraße 5', city: 'Berlin' })).toEqual(['Hauptstraße 5', 'Berlin']);
    expect(streetLines({ ...none, postalCode: 'D02 X285' })).toEqual(['D02 X285']);
    expect(streetLines({ ...none, addressLine1: '', region: '' })).toEqual([]);
  });
});

describe('addressLines', () => {
  it("ends with the country's English name, not its code", () => {
    expect(addressLines({ ...none, addressLine1: '10 Downing St', city: 'London', postalCode: 'SW1A 2AA', country: 'GB' })).toEqual([
      '10 Downing St',
      'SW1A 2AA London',
      'United Kingdom',
    ]);
  });

  it('shows the country alone when nothing else is known', () => {
    expect(addressLines({ ...none, country: 'DE' })).toEqual(['Germany']);
  });
});

describe('withCountry', () => {
  it('appends the country name to lines already built, leaving them unchanged', () => {
    const lines = ['Rue de Rivoli 1', '75001 Paris'];
    expect(withCountry(lines, 'FR')).toEqual(['Rue de Rivoli 1', '75001 Paris', 'France']);
    expect(lines).toHaveLength(2);
  });
});
