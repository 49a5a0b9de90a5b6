import type { DbOrTx } from '../../../db/client';
import { getDocument, getInvoiceRow, insertDocument } from '../../../db/invoices';
import { logoBySha } from '../../../db/logos';
import type { InvoiceSnapshot } from '../../../shared/invoice/snapshot';
import { AppError, found } from '../errors';
import { renderInvoicePdf } from '../pdf/invoice-pdf';
import { pdfFileName } from './file-names';
import { sha256 } from './hash';

export interface StoredPdf {
  pdf: Buffer;
  sha256: string;
  fileName: string;
}

/** An issued invoice or credit note: what its PDF is rendered from. */
export interface IssuedDocument {
  id: number;
  number: string;
  /** ISO timestamp; the PDF's creation date, so a re-render is byte-identical. */
  issuedAt: string;
  snapshot: InvoiceSnapshot;
}

/**
 * Renders a just-issued document from its frozen snapshot and stores it with its SHA-256, so
 * every later print returns these bytes.
 */
export async function storeIssuedPdf(db: DbOrTx, issued: IssuedDocument, now: string): Promise<StoredPdf> {
  const { snapshot } = issued;
  const logo = snapshot.supplier.logo ? (logoBySha(db, snapshot.supplier.logo.sha256) ?? null) : null;
  const pdf = await renderInvoicePdf(snapshot, { createdAt: new Date(issued.issuedAt), logo: logo && { ...logo, sha256: snapshot.supplier.logo!.sha256 } });
  const hash = sha256(pdf);
  insertDocument(db, issued.id, pdf, hash, now);
  return { pdf, sha256: hash, fileName: pdfFileName(issued.number, snapshot.customer.name) };
}

/**
 * The issued document's PDF: the stored bytes, or rendered once from the snapshot and stored.
 * Throws NOT_FOUND, or CONFLICT for a draft.
 */
export async function issuedPdf(db: DbOrTx, invoiceId: number, now: string): Promise<StoredPdf> {
  const row = found(getInvoiceRow(db, invoiceId), 'This invoice');
  if (row.status !== 'issued') throw new AppError('CONFLICT', 'Issue the invoice to get its PDF.');
  const snapshot = row.snapshot as InvoiceSnapshot;
  const stored = getDocument(db, invoiceId);
  if (stored) return { pdf: stored.pdf, sha256: stored.sha256, fileName: pdfFileName(row.number!, snapshot.customer.name) };
  return storeIssuedPdf(db, { id: row.id, number: row.number!, issuedAt: row.issuedAt!, snapshot }, now);
}
