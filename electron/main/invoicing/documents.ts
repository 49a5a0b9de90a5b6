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

/**
 * The issued document's PDF: rendered once from the frozen snapshot (creation date = issue time)
 * and stored with its hash, so every later print is byte-identical.
 */
export async function issuedPdf(db: DbOrTx, invoiceId: number, now: string): Promise<StoredPdf> {
  const row = found(getInvoiceRow(db, invoiceId), 'This invoice');
  if (row.status !== 'issued') throw new AppError('CONFLICT', 'Issue the invoice to get its PDF.');
  const snapshot = row.snapshot as InvoiceSnapshot;
  const fileName = pdfFileName(row.number!, snapshot.customer.name);
  const stored = getDocument(db, invoiceId);
  if (stored) return { pdf: stored.pdf, sha256: stored.sha256, fileName };
  const logo = snapshot.supplier.logo ? (logoBySha(db, snapshot.supplier.logo.sha256) ?? null) : null;
  const pdf = await renderInvoicePdf(snapshot, { createdAt: new Date(row.issuedAt!), logo: logo && { ...logo, sha256: snapshot.supplier.logo!.sha256 } });
  const hash = sha256(pdf);
  insertDocument(db, invoiceId, pdf, hash, now);
  return { pdf, sha256: hash, fileName };
}
