import type { DbOrTx } from '../../../db/client';
import { sha256Of } from '../../../db/documents';
import { getLeadRow } from '../../../db/leads';
import { logoBySha } from '../../../db/logos';
import { currentLogoRef, getProfile } from '../../../db/profile';
import { getInvoicingSettings } from '../../../db/settings';
import { AppError, found, profileMissing } from '../errors';
import { sanitizeFileName } from '../invoicing/file-names';
import { supplierSnapshot } from '../invoicing/snapshot';
import { renderProposalPdf } from '../pdf/proposal-pdf';
import { proposalDetail } from './proposals';

/** "P-0003": how screens and documents name a proposal. */
export function proposalReference(id: number): string {
  return `P-${String(id).padStart(4, '0')}`;
}

/**
 * A proposal's PDF as of `today`, drawn from its stored terms and the current business profile and
 * logo (a proposal is not a tax document, so it is not frozen in the documents store). A declined
 * or expired proposal is refused: it no longer stands. Raises NOT_FOUND, CONFLICT.
 */
export async function proposalPdf(db: DbOrTx, id: number, today: string): Promise<{ pdf: Buffer; sha256: string; fileName: string }> {
  const proposal = proposalDetail(db, id, today);
  if (proposal.status === 'declined') throw new AppError('CONFLICT', 'This proposal was declined; make a new one to send.');
  if (proposal.expired) throw new AppError('CONFLICT', 'This proposal has expired; extend it before sending it again.');
  const lead = found(getLeadRow(db, proposal.leadId), 'This lead');
  const profile = found(getProfile(db), profileMissing());
  const logoRef = currentLogoRef(db);
  const logo = logoRef ? (logoBySha(db, logoRef.sha256) ?? null) : null;
  const reference = proposalReference(id);
  const customerName = lead.organisation ?? lead.contactName ?? lead.title;
  const pdf = await renderProposalPdf(
    {
      reference,
      documentDate: today,
      validUntil: proposal.validUntil,
      paperSize: getInvoicingSettings(db).paperSize,
      supplier: supplierSnapshot(profile, logoRef),
      customer: { name: customerName, legalName: null, addressLines: [], country: lead.country ?? '', vatNumber: null, contactName: lead.contactName, contactEmail: lead.contactEmail },
      title: proposal.title,
      scope: proposal.scope,
      rateCardName: proposal.rateCardName,
      rate: proposal.terms.rate,
      estimate: proposal.terms.estimate,
      billingCycle: proposal.terms.billingCycle,
      priceMinor: proposal.priceMinor,
      currency: proposal.terms.rate.currency,
    },
    { createdAt: new Date(`${today}T00:00:00Z`), logo: logo && logoRef && { ...logo, sha256: logoRef.sha256 } },
  );
  return { pdf, sha256: sha256Of(pdf), fileName: sanitizeFileName(`${reference} ${customerName}.pdf`) };
}
