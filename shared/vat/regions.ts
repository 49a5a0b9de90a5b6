/** EU member states with accession (and exit) dates, so a tax point decides membership. */
const EU_MEMBERSHIP: Record<string, { from: string; until?: string }> = {
  AT: { from: '1995-01-01' }, BE: { from: '1958-01-01' }, BG: { from: '2007-01-01' }, CY: { from: '2004-05-01' },
  CZ: { from: '2004-05-01' }, DE: { from: '1958-01-01' }, DK: { from: '1973-01-01' }, EE: { from: '2004-05-01' },
  ES: { from: '1986-01-01' }, FI: { from: '1995-01-01' }, FR: { from: '1958-01-01' }, GR: { from: '1981-01-01' },
  HR: { from: '2013-07-01' }, HU: { from: '2004-05-01' }, IE: { from: '1973-01-01' }, IT: { from: '1958-01-01' },
  LT: { from: '2004-05-01' }, LU: { from: '1958-01-01' }, LV: { from: '2004-05-01' }, MT: { from: '2004-05-01' },
  NL: { from: '1958-01-01' }, PL: { from: '2004-05-01' }, PT: { from: '1986-01-01' }, RO: { from: '2007-01-01' },
  SE: { from: '1995-01-01' }, SI: { from: '2004-05-01' }, SK: { from: '2004-05-01' },
  GB: { from: '1973-01-01', until: '2020-12-31' },
};

export function isEuMember(country: string, date: string): boolean {
  const membership = EU_MEMBERSHIP[country];
  return !!membership && date >= membership.from && (!membership.until || date <= membership.until);
}

/** The UK VAT area includes the Isle of Man; Jersey and Guernsey are outside it. */
export function inUkVatArea(country: string): boolean {
  return country === 'GB' || country === 'IM';
}
