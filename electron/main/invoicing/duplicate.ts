import type { Db } from '../../../db/client';
import { getClient } from '../../../db/clients';
import { getInvoiceRow, getLines } from '../../../db/invoices';
import { getProfile } from '../../../db/profile';
import type { Invoice } from '../../../shared/api/invoices';
import { paymentTermsFor } from '../../../shared/clients/payment-terms';
import { AppError, found } from '../errors';
import { createDraft } from './drafts';

/** Why a credit note is refused: it only exists against the invoice it credits. */
export const CREDIT_NOTE_DUPLICATE_MESSAGE = "A credit note can't be duplicated: it only exists against the invoice it credits. Create a credit note from that invoice instead.";

/**
 * Starts a new draft from an invoice (draft, issued or void): same client, currency, lines as
 * typed (description, kind, quantity, unit, unit price), prices-include-VAT flag, discount,
 * withholding, PO number and notes. Dated today with the client's current payment terms; the tax
 * point, supply period, VAT override and contract are left for the rules and the user to decide,
 * as on any new draft. Nothing that belongs to the original comes along: no number, payments or
 * links to billed time or expenses, so duplicating never bills work twice. NOT_FOUND for an
 * unknown id, CONFLICT for a credit note; either way nothing is written.
 */
export function duplicateInvoice(db: Db, id: number, now: string, today: string): Invoice {
  const source = found(getInvoiceRow(db, id), 'This invoice');
  if (source.kind === 'credit-note') throw new AppError('CONFLICT', CREDIT_NOTE_DUPLICATE_MESSAGE);
  const client = found(getClient(db, source.clientId), 'This client');
  const profile = getProfile(db, { withLogo: false });
  return createDraft(
    db,
    {
      clientId: source.clientId,
      currency: source.currency,
      issueDate: today,
      taxPoint: null,
      taxPointReason: null,
      continuousSupply: source.continuousSupply,
      pricesIncludeVat: source.pricesIncludeVat,
      supplyStart: null,
      supplyEnd: null,
      poNumber: source.poNumber,
      notes: source.notes,
      paymentTermsDays: paymentTermsFor(client, profile),
      discountPercent: source.discountPercent,
      withholdingPercent: source.withholdingPercent,
      vatOverride: null,
      lines: getLines(db, id).map(({ description, kind, quantity, unit, unitPrice }) => ({ id: null, description, kind, quantity, unit, unitPrice })),
      contractId: null,
    },
    now,
    today,
  );
}
