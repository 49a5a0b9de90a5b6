import { getClient } from '../../../db/clients';
import type { DbOrTx } from '../../../db/client';
import type { InvoiceRow, LineRow } from '../../../db/invoices';
import { getProfile } from '../../../db/profile';
import { getInvoicingSettings } from '../../../db/settings';
import { found, profileMissing } from '../errors';
import type { DocumentTerms } from '../../../shared/invoice/evaluate';

/** Who is billing whom, and how: everything a document is evaluated against (the logo is not read). */
export function loadContext(db: DbOrTx, clientId: number) {
  const profile = found(getProfile(db, { withLogo: false }), profileMissing());
  const client = found(getClient(db, clientId), 'This client');
  return { profile, client, settings: getInvoicingSettings(db) };
}

export type Context = ReturnType<typeof loadContext>;

/**
 * loadContext for many documents in one transaction (a billing run): the profile and settings are
 * read once, each client once. Throws as loadContext.
 */
export function contextLoader(db: DbOrTx): (clientId: number) => Context {
  const profile = found(getProfile(db, { withLogo: false }), profileMissing());
  const settings = getInvoicingSettings(db);
  const clients = new Map<number, Context['client']>();
  return (clientId) => {
    let client = clients.get(clientId);
    if (!client) clients.set(clientId, (client = found(getClient(db, clientId), 'This client')));
    return { profile, client, settings };
  };
}

/** A stored invoice row and its lines as the terms evaluate() takes. */
export function termsOf(row: InvoiceRow, lines: LineRow[]): DocumentTerms & { taxPointReason: string | null; continuousSupply: boolean; pricesIncludeVat: boolean; supplyStart: string | null; supplyEnd: string | null; poNumber: string | null; notes: string | null } {
  return {
    currency: row.currency,
    issueDate: row.issueDate,
    taxPoint: row.taxPoint,
    taxPointReason: row.taxPointReason,
    continuousSupply: row.continuousSupply,
    pricesIncludeVat: row.pricesIncludeVat,
    supplyStart: row.supplyStart,
    supplyEnd: row.supplyEnd,
    poNumber: row.poNumber,
    notes: row.notes,
    paymentTermsDays: row.paymentTermsDays,
    discountPercent: row.discountPercent,
    withholdingPercent: row.withholdingPercent,
    vatOverride: row.vatOverride as DocumentTerms['vatOverride'],
    lines: lines.map(({ description, kind, quantity, unit, unitPrice }) => ({ description, kind, quantity, unit, unitPrice })),
  };
}
