/** Where a lead came from (issue 15): a recruiter or agency lead is flagged, and hidden by default. */
export const LEAD_SOURCES = ['direct', 'referral', 'inbound', 'platform', 'recruiter'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const SOURCE_LABELS: Record<LeadSource, string> = {
  direct: 'Direct',
  referral: 'Referral',
  inbound: 'Inbound',
  platform: 'Platform',
  recruiter: 'Recruiter or agency',
};

/** The domain of an email address, lower-cased; null when the address has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).trim().toLowerCase();
}

/**
 * Whether `email` belongs to one of the user's agency domains: the domain itself or any subdomain
 * of it ("jobs.hays.com" matches "hays.com"; "nothays.com" does not). Domains compare without case.
 */
export function isAgencyEmail(email: string | null, agencyDomains: readonly string[]): boolean {
  const domain = email ? emailDomain(email) : null;
  if (!domain) return false;
  return agencyDomains.some((d) => {
    const agency = d.trim().toLowerCase().replace(/^@/, '');
    return agency !== '' && (domain === agency || domain.endsWith(`.${agency}`));
  });
}
