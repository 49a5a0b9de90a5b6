import addressFormatter from '@fragaria/address-formatter';
import { countryName } from '../reference/countries';

/** The free-text parts of a postal address, as clients and the business profile store them. */
export interface StreetAddress {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
}

/** Stands in for the street lines, which are free text the formatter must not reorder or abbreviate. */
const STREET = 'BILLABLESTREETLINES';

/**
 * An address's lines without the country, in the order and layout its country's post expects
 * (OpenCage's address-formatting templates through @fragaria/address-formatter): "Boston, MA
 * 02116" in the US, the town and then the postcode on lines of their own in the UK, "10115
 * Berlin" in Germany, largest part first in China. Address lines 1 and 2 are kept as typed and
 * placed where the template puts the street. Empty parts are left out, so no blank lines.
 * `country` is ISO 3166 alpha-2.
 */
export function streetLines(address: StreetAddress, country: string): string[] {
  const street = [address.addressLine1, address.addressLine2].filter((line): line is string => !!line);
  const city = address.city || undefined;
  const state = address.region || undefined;
  const postcode = address.postalCode || undefined;
  if (!street.length && !city && !state && !postcode) return [];
  const formatted = addressFormatter.format(
    { road: street.length ? STREET : undefined, city, state, postcode, countryCode: country },
    { output: 'array', countryCode: country },
  );
  const lines: string[] = [];
  for (const line of formatted) {
    if (!line.includes(STREET)) lines.push(line);
    else if (line.trim() === STREET) lines.push(...street);
    // A template that writes the street inside a line ("{road} {house_number}." in Hungary) keeps its place in it.
    else lines.push(line.replace(STREET, street.join(', ')).replace(/\s+\.$/, '').trim());
  }
  return lines;
}

/** Street lines followed by the country's English name (ISO 3166 alpha-2 `country`). */
export function withCountry(lines: readonly string[], country: string): string[] {
  return [...lines, countryName(country)];
}

/** Every line of an address as shown on screen and printed: street lines, then the country. */
export function addressLines(address: StreetAddress & { country: string }): string[] {
  return withCountry(streetLines(address, address.country), address.country);
}
