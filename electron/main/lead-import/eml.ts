import PostalMime from 'postal-mime';
import type { DbOrTx } from '../../../db/client';
import { getLeadSettings } from '../../../db/settings';
import type { LeadDetail } from '../../../shared/api/leads';
import { leadInput } from '../../../shared/api/leads';
import { EML_MAX_BYTES, leadFromEmail, type ParsedEmail } from '../../../shared/lead-import/email';
import { AppError } from '../errors';
import { createLead, logLeadActivity } from '../leads/leads';

/**
 * Reads an .eml file with postal-mime: headers, the plain text and the HTML body only. Nothing is
 * fetched (postal-mime has no network code) and attachments are dropped unread. Raises VALIDATION
 * for a file over 5 MB or one that is not an email.
 */
export async function readEml(bytes: Uint8Array): Promise<ParsedEmail> {
  if (bytes.byteLength > EML_MAX_BYTES) throw new AppError('VALIDATION', 'This email file is larger than 5 MB. Save the message without its attachments and try again.');
  let mail;
  try {
    mail = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 20 });
  } catch {
    throw new AppError('VALIDATION', 'This file could not be read as an email (.eml).');
  }
  const from = mail.from && 'address' in mail.from && mail.from.address ? mail.from : null;
  if (mail.headers.length === 0 || !from) throw new AppError('VALIDATION', 'This file is not an email with a sender (.eml), so it cannot become a lead.');
  return { fromName: from.name || null, fromAddress: from.address ?? null, subject: mail.subject ?? null, date: mail.date ?? null, text: mail.text ?? null, html: mail.html ?? null };
}

/**
 * Creates a lead from an enquiry email (issue 15 §1) in one transaction: the lead through the same
 * service as leads.create, then the message as its first activity. Raises VALIDATION.
 */
export async function leadFromEml(db: DbOrTx, bytes: Uint8Array, now: string, today: string): Promise<LeadDetail> {
  const mail = await readEml(bytes);
  const { lead, activity } = leadFromEmail(mail, getLeadSettings(db).agencyDomains, now);
  const checked = leadInput.safeParse(lead);
  if (!checked.success) throw new AppError('VALIDATION', `This email cannot become a lead: ${checked.error.issues[0]!.message}.`);
  return db.transaction((tx) => {
    const created = createLead(tx, checked.data, now, today);
    return logLeadActivity(tx, { leadId: created.id, clientId: null, kind: 'email', occurredAt: activity.occurredAt, body: activity.body }, now, today);
  });
}
