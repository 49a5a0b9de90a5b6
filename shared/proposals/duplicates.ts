import { foldForSearch } from '../clients/search';

/**
 * Mail providers anyone can sign up with: two people at gmail.com are not one organisation, so
 * their domain says nothing about a duplicate client.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
  'yandex.com',
  'qq.com',
  '163.com',
]);

/** Company-form words that don't tell two organisations apart: "Acme Ltd" and "ACME Limited" are one. */
const LEGAL_FORMS = new Set(['ltd', 'limited', 'llc', 'llp', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'plc', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'bv', 'nv', 'srl', 'spa', 'oy', 'ab', 'as', 'aps', 'pty', 'kg']);

/** A name folded for comparison: case, accents, punctuation and legal forms ignored ("Müller GmbH" → "muller"). */
export function nameKey(name: string): string {
  return foldForSearch(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !LEGAL_FORMS.has(word))
    .join(' ');
}

/** The organisation's domain of an email, or null for a free mail provider or no email ("dana@Acme.com" → "acme.com"). */
export function businessDomain(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return null;
  const domain = email.slice(at + 1).trim().toLowerCase();
  return domain && !FREE_MAIL_DOMAINS.has(domain) ? domain : null;
}

/** A VAT or tax number compared without spaces, dots, dashes or case ("gb 123 4567 89" = "GB123456789"). */
export function taxKey(taxNumber: string | null | undefined): string | null {
  const key = taxNumber?.replace(/[\s.\-/]/g, '').toUpperCase() ?? '';
  return key === '' ? null : key;
}

export type MatchReason = 'name' | 'domain' | 'taxNumber';

export interface ExistingClient {
  id: number;
  name: string;
  legalName: string | null;
  taxNumber: string | null;
  /** Its contacts' email addresses. */
  emails: readonly string[];
}

export interface ClientMatch {
  clientId: number;
  name: string;
  reasons: MatchReason[];
}

/**
 * The existing clients a new one (from a won lead) is likely to be: the same name or legal name
 * (folded), a contact at the same business email domain (free mail domains ignored), or the same
 * VAT number. Strongest first: a VAT number, then the most reasons, then the name.
 */
export function likelyMatches(candidate: { name: string | null; email: string | null; taxNumber: string | null }, clients: readonly ExistingClient[]): ClientMatch[] {
  const name = candidate.name ? nameKey(candidate.name) : '';
  const domain = businessDomain(candidate.email);
  const tax = taxKey(candidate.taxNumber);
  const matches: ClientMatch[] = [];
  for (const client of clients) {
    const reasons: MatchReason[] = [];
    if (name && [client.name, client.legalName].some((n) => n && nameKey(n) === name)) reasons.push('name');
    if (domain && client.emails.some((e) => businessDomain(e) === domain)) reasons.push('domain');
    if (tax && taxKey(client.taxNumber) === tax) reasons.push('taxNumber');
    if (reasons.length) matches.push({ clientId: client.id, name: client.name, reasons });
  }
  const rank = (m: ClientMatch) => (m.reasons.includes('taxNumber') ? 10 : 0) + m.reasons.length;
  return matches.sort((a, b) => rank(b) - rank(a) || a.name.localeCompare(b.name));
}

/** How the accept dialog says why a client matched. */
export const MATCH_REASON_LABELS: Record<MatchReason, string> = { name: 'same name', domain: 'same email domain', taxNumber: 'same VAT number' };
