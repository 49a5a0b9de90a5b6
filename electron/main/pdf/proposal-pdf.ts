import type { PartySnapshot } from '../../../shared/invoice/snapshot';
import type { ResolvedRate, BillingCycle } from '../../../shared/contracts/types';
import { decimal } from '../../../shared/money/decimal';
import { formatMoney } from '../../../shared/money/money';
import { estimateUnit } from '../../../shared/proposals/price';
import type { CurrencyCode } from '../../../shared/reference/currencies';
import { logoImage } from './images';
import { ACCENT, BAND, day, drawDocumentHeader, drawFooters, drawParties, forgetColor, height, INK, lineHeight, MARGIN, MUTED, openDocument, pageBottom, RULE, write } from './pdf-document';
import { cycleText, discountWhy, moneyText, perUnit } from './terms-text';

/** Everything a proposal PDF prints. */
export interface ProposalDocument {
  reference: string;
  documentDate: string;
  validUntil: string;
  paperSize: 'A4' | 'Letter';
  supplier: PartySnapshot & { companyNumber: string | null; email: string | null; phone: string | null; website: string | null };
  /** The lead: its organisation (or contact) with the contact, no address yet. */
  customer: PartySnapshot & { contactName: string | null; contactEmail: string | null };
  title: string;
  scope: string;
  rateCardName: string;
  rate: ResolvedRate;
  estimate: string;
  billingCycle: BillingCycle;
  priceMinor: number;
  currency: CurrencyCode;
}

const LABEL_WIDTH = 150;

/**
 * Lays out a proposal in the invoices' and contracts' visual language (pdf-document.ts: header,
 * parties, palette, footer): the title and scope, then the fees (list rate, discount, rate, the
 * estimate and billing cycle) with the estimated price on a band, VAT not applied and said so,
 * and how long the offer stands. Rejects when the logo cannot be decoded.
 */
export async function renderProposalPdf(p: ProposalDocument, options: { createdAt: Date; logo?: { mimeType: string; sha256: string; data: Buffer } | null }): Promise<Buffer> {
  const logo = options.logo ? await logoImage(options.logo) : null;
  const { doc, done } = openDocument(p.paperSize, { title: `Proposal ${p.reference}: ${p.title}`, author: p.supplier.legalName ?? p.supplier.name, createdAt: options.createdAt });
  const right = doc.page.width - MARGIN;
  const width = right - MARGIN;
  const meta: [string, string][] = [
    ['Date', day(p.documentDate)],
    ['Valid until', day(p.validUntil)],
  ];
  const partiesTop = drawDocumentHeader(doc, { logo, supplierName: p.supplier.name, title: 'PROPOSAL', reference: p.reference, meta }) + 16;
  let y = drawParties(doc, p.supplier, p.customer, { supplier: 'From', customer: 'Prepared for', contact: 'Attn:' }, partiesTop) + 24;

  const ensure = (needed: number) => {
    if (y + needed > pageBottom(doc)) {
      doc.addPage();
      y = MARGIN;
    }
  };
  const heading = (text: string) => {
    ensure(24 + 3 * lineHeight(9));
    write(doc, text, MARGIN, y, { size: 10.5, bold: true, color: ACCENT });
    doc.moveTo(MARGIN, y + 17).lineTo(right, y + 17).lineWidth(0.5).strokeColor(RULE).stroke();
    y += 24;
  };
  const paragraph = (text: string, o: { size?: number; bold?: boolean; color?: string } = {}) => {
    ensure(height(doc, text, width, o.size ?? 9, o.bold));
    y = write(doc, text, MARGIN, y, { ...o, width }) + 5;
  };
  const row = (label: string, value: string, strong = false) => {
    const h = Math.max(height(doc, label, LABEL_WIDTH - 12), height(doc, value, width - LABEL_WIDTH - 8, strong ? 11 : 9, strong));
    ensure(h + 14);
    if (strong) {
      y += 4;
      doc.rect(MARGIN, y - 5, width, h + 10).fill(BAND);
      forgetColor(doc);
    }
    write(doc, label, MARGIN + (strong ? 8 : 0), y, { width: LABEL_WIDTH - 12, color: strong ? INK : MUTED, bold: strong });
    write(doc, value, MARGIN + LABEL_WIDTH, y, { width: width - LABEL_WIDTH - 8, bold: strong, size: strong ? 11 : 9 });
    y += h + (strong ? 10 : 5);
  };

  paragraph(p.title, { size: 13, bold: true });
  y += 4;
  heading('Scope');
  const scope = p.scope.split(/\n[^\S\n]*\n\s*/).map((s) => s.trim()).filter(Boolean);
  for (const part of scope.length ? scope : ['To be agreed.']) paragraph(part);
  y += 8;

  heading('Fees');
  const r = p.rate;
  const discounted = decimal(r.discountPercent).units !== 0n;
  row('Rate card', p.rateCardName);
  if (discounted || r.currency !== r.listCurrency) row('List rate', `${moneyText(r.listRate, r.listCurrency)} ${perUnit(r)}`);
  if (discounted) row('Discount', `${r.discountPercent}%${r.discountReason ? ` — ${discountWhy(r.discountReason, r.discountPercent)}` : ''}`);
  row('Rate', `${moneyText(r.rate, r.currency)} ${perUnit(r)}`);
  row('Estimate', `${p.estimate} ${estimateUnit(r.unit)}`);
  row('Invoicing', cycleText(p.billingCycle));
  row('Estimated price', `${formatMoney({ amount: p.priceMinor, currency: p.currency })} excluding VAT`, true);
  y += 6;
  paragraph('Prices exclude VAT. This proposal is not a tax invoice: VAT, where it applies, is added to each invoice at the rate in force when it is issued. The price is an estimate; work is invoiced as set out in the contract that follows acceptance.', { color: MUTED, size: 8.5 });
  y += 8;

  heading('Validity');
  paragraph(`This proposal stands until ${day(p.validUntil)}. To accept it, reply to ${p.supplier.email ?? p.supplier.name} and an engagement letter with these terms will follow for signature.`);

  drawFooters(doc, p.supplier, p.reference);
  doc.end();
  return done;
}
