import { countryName } from '../reference/countries';

/** The free-text parts of a postal address, as clients and the business profile store them. */
export interface StreetAddress {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
}

/**
 * An address's lines without the country, in print order: line 1, line 2, "postal code city",
 * region. Empty parts are left out, so no blank lines.
 */
export function streetLines(address: StreetAddress): string[] {
  return [address.addressLine1, address.addressLine2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region].filter((line): line is string => !!line);
}

/** Street lines followed by the country's English name (ISO 3166 alpha-2 `country`). */
export function withCountry(lines: readonly string[], country: string): string[] {
  return [...lines, countryName(country)];
}

/** Every line of an address as shown on screen and printed: street lines, then the country. */
export function addressLines(address: StreetAddress & { country: string }): string[] {
  return withCountry(streetLines(address), address.country);
}
