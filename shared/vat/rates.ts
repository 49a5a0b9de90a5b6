/**
 * Standard VAT rates with the dates they apply from, chosen by tax point, never by the date an
 * invoice is created. Percentages are exact decimal strings. Sources: the rules document §1.5.
 */
interface RatePeriod {
  from: string;
  rate: string;
}

const STANDARD_RATES: Record<string, RatePeriod[]> = {
  GB: [{ from: '2008-12-01', rate: '15' }, { from: '2010-01-01', rate: '17.5' }, { from: '2011-01-04', rate: '20' }],
  AT: [{ from: '1995-01-01', rate: '20' }],
  BE: [{ from: '1996-01-01', rate: '21' }],
  BG: [{ from: '2007-01-01', rate: '20' }],
  CY: [{ from: '2014-01-13', rate: '19' }],
  CZ: [{ from: '2013-01-01', rate: '21' }],
  DE: [{ from: '2007-01-01', rate: '19' }, { from: '2020-07-01', rate: '16' }, { from: '2021-01-01', rate: '19' }],
  DK: [{ from: '1992-01-01', rate: '25' }],
  EE: [{ from: '2024-01-01', rate: '22' }, { from: '2025-07-01', rate: '24' }],
  ES: [{ from: '2012-09-01', rate: '21' }],
  FI: [{ from: '2013-01-01', rate: '24' }, { from: '2024-09-01', rate: '25.5' }],
  FR: [{ from: '2014-01-01', rate: '20' }],
  GR: [{ from: '2016-06-01', rate: '24' }],
  HR: [{ from: '2013-07-01', rate: '25' }],
  HU: [{ from: '2012-01-01', rate: '27' }],
  IE: [{ from: '2012-01-01', rate: '23' }, { from: '2020-09-01', rate: '21' }, { from: '2021-03-01', rate: '23' }],
  IT: [{ from: '2013-10-01', rate: '22' }],
  LT: [{ from: '2009-09-01', rate: '21' }],
  LU: [{ from: '2015-01-01', rate: '17' }, { from: '2023-01-01', rate: '16' }, { from: '2024-01-01', rate: '17' }],
  LV: [{ from: '2012-07-01', rate: '21' }],
  MT: [{ from: '2004-01-01', rate: '18' }],
  NL: [{ from: '2012-10-01', rate: '21' }],
  PL: [{ from: '2011-01-01', rate: '23' }],
  PT: [{ from: '2011-01-01', rate: '23' }],
  RO: [{ from: '2017-01-01', rate: '19' }, { from: '2025-08-01', rate: '21' }],
  SE: [{ from: '1990-07-01', rate: '25' }],
  SI: [{ from: '2013-07-01', rate: '22' }],
  SK: [{ from: '2011-01-01', rate: '20' }, { from: '2025-01-01', rate: '23' }],
};

/** A user's own rate for a country from a date, which wins over the built-in table. */
export interface RateOverride {
  country: string;
  from: string;
  rate: string;
}

/** The standard rate in force in `country` on `taxPoint`, or null where none is known. */
export function standardRate(country: string, taxPoint: string, overrides: readonly RateOverride[] = []): string | null {
  const periods = [...(STANDARD_RATES[country] ?? []), ...overrides.filter((o) => o.country === country)]
    .filter((p) => p.from <= taxPoint)
    .sort((a, b) => a.from.localeCompare(b.from));
  return periods.at(-1)?.rate ?? null;
}

/** The first date the built-in table has a rate for `country`, or null when it has none. */
export function rateTableStart(country: string): string | null {
  return STANDARD_RATES[country]?.[0]?.from ?? null;
}

export function hasRateTable(country: string): boolean {
  return country in STANDARD_RATES;
}
