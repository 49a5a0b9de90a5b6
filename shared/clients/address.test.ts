import { describe, expect, it } from 'vitest';
import { addressLines, streetLines, withCountry } from './address';

const none = { addressLine1: null, addressLine2: null, city: null, region: null, postalCode: null };

describe('streetLines: by the country’s convention', () => {
  it('the US: city, state and ZIP on one line', () => {
    expect(streetLines({ addressLine1: '350 Boylston Street', addressLine2: 'Suite 400', city: 'Boston', region: 'MA', postalCode: '02116' }, 'US')).toEqual([
      '350 Boylston Street',
      'Suite 400',
      'Boston, MA 02116',
    ]);
  });

  it('the UK: the town, then the postcode on its own line', () => {
    expect(streetLines({ ...none, addressLine1: '10 Downing St', city: 'London', postalCode: 'SW1A 2AA' }, 'GB')).toEqual(['10 Downing St', 'London', 'SW1A 2AA']);
  });

  it('Germany: the postcode before the town', () => {
    expect(streetLines({ ...none, addressLine1: 'Friedrichstraße 12', city: 'Berlin', postalCode: '10115' }, 'DE')).toEqual(['Friedrichstraße 12', '10115 Berlin']);
  });

  it('leaves out missing parts without blank lines or stray spaces, and keeps free text as typed', () => {
    expect(streetLines({ ...none, addressLine1: 'Hauptstraße 5', city: 'Berlin' }, 'DE')).toEqual(['Hauptstraße 5', 'Berlin']);
    expect(streetLines({ ...none, postalCode: 'D02 X285' }, 'IE')).toEqual(['D02 X285']);
    expect(streetLines({ ...none, addressLine1: '', region: '' }, 'DE')).toEqual([]);
  });
});

describe('addressLines', () => {
  it("ends with the country's English name, not its code", () => {
    expect(addressLines({ ...none, addressLine1: '10 Downing St', city: 'London', postalCode: 'SW1A 2AA', country: 'GB' })).toEqual([
      '10 Downing St',
      'London',
      'SW1A 2AA',
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
