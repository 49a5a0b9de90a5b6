import type { LeadInput } from '../api/leads';
import { DomainError } from '../errors/domain-error';
import { isAgencyEmail } from '../leads/sources';

/** The largest .eml file accepted: an enquiry is text; a bigger file is mostly attachments. */
export const EML_MAX_BYTES = 5 * 1024 * 1024;

/** What the parser (postal-mime, in main) read from a message; attachments are never passed on. */
export interface ParsedEmail {
  fromName: string | null;
  fromAddress: string | null;
  subject: string | null;
  /** The Date header as written, or null. */
  date: string | null;
  text: string | null;
  html: string | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Plain text from an HTML body, without rendering it: scripts, styles and comments are dropped,
 * line-breaking tags become newlines, every other tag is removed and entities are decoded last,
 * so an escaped "&lt;script&gt;" comes out as text and never as markup.
 */
export function htmlToText(html: string): string {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  const decoded = stripped.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
  return decoded
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The Date header as a UTC instant when it parses and is not after `now`; otherwise `now`. */
function occurredAt(date: string | null, now: string): string {
  const at = date ? new Date(date) : null;
  if (!at || Number.isNaN(at.getTime())) return now;
  const iso = at.toISOString();
  return iso > now ? now : iso;
}

/**
 * The lead an enquiry email stands for (issue 15 §1): the sender as its contact, the subject as
 * its title and the plain text (or the HTML as text) as its first activity, an email at the Date
 * header. The source is inbound, or recruiter when the sender is at one of the agency domains.
 * Throws DomainError when the message has no sender address.
 */
export function leadFromEmail(mail: ParsedEmail, agencyDomains: readonly string[], now: string): { lead: LeadInput; activity: { body: string; occurredAt: string } } {
  const address = mail.fromAddress?.trim() || null;
  if (!address) throw new DomainError('This email has no sender address, so it cannot become a lead.');
  const name = mail.fromName?.trim() || null;
  const subject = mail.subject?.trim() || null;
  const body = mail.text?.trim() || (mail.html ? htmlToText(mail.html) : '');
  return {
    lead: {
      title: clip(subject ?? `Email from ${name ?? address}`, 200),
      contactName: name ? clip(name, 200) : null,
      contactEmail: address,
      source: isAgencyEmail(address, agencyDomains) ? 'recruiter' : 'inbound',
    },
    activity: { body: clip(body === '' ? '(The email has no text.)' : body, 5000), occurredAt: occurredAt(mail.date, now) },
  };
}
