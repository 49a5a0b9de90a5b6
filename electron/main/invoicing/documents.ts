import type { DbOrTx } from '../../../db/client';
import { DocumentError, documentsDir, putDocument, readDocument, sha256Of } from '../../../db/documents';
import { getDocument, getInvoiceRow, insertDocument } from '../../../db/invoices';
import { logoBySha } from '../../../db/logos';
import type { InvoiceSnapshot } from '../../../shared/invoice/snapshot';
import { AppError, found } from '../errors';
import { renderInvoicePdf } from '../pdf/invoice-pdf';
import { pdfFileName } from './file-names';

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
 * every later print returns these bytes: the file goes into the documents store first, then the
 * row records its hash (a crash between leaves only an unreferenced file, and the next print
 * renders the same bytes again). Rejects when the file cannot be written.
 */
export async function storeIssuedPdf(db: DbOrTx, issued: IssuedDocument, now: string): Promise<StoredPdf> {
  const pdf = await renderIssued(db, issued);
  const hash = await putDocument(documentsDir(db), pdf);
  insertDocument(db, issued.id, hash, now);
  return { pdf, sha256: hash, fileName: pdfFileName(issued.number, issued.snapshot.customer.name) };
}

/** The PDF of an issued document, rendered from its frozen snapshot, its logo and its issue time: the same bytes every time. */
function renderIssued(db: DbOrTx, { snapshot, issuedAt }: IssuedDocument): Promise<Buffer> {
  const logo = snapshot.supplier.logo ? (logoBySha(db, snapshot.supplier.logo.sha256) ?? null) : null;
  return renderInvoicePdf(snapshot, { createdAt: new Date(issuedAt), logo: logo && { ...logo, sha256: snapshot.supplier.logo!.sha256 } });
}

/**
 * The issued document's PDF: the stored bytes, checked against their SHA-256, or rendered once
 * from the snapshot and stored when none is stored yet. When the stored file is missing or
 * damaged, it is rendered again from the snapshot and, only if those bytes hash to the stored
 * SHA-256, put back and returned. Throws NOT_FOUND (for the invoice, or naming the document when
 * its file is lost and a new render differs: never other bytes), or CONFLICT for a draft.
 */
export async function issuedPdf(db: DbOrTx, invoiceId: number, now: string): Promise<StoredPdf> {
  const row = found(getInvoiceRow(db, invoiceId), 'This invoice');
  if (row.status !== 'issued') throw new AppError('CONFLICT', 'Issue the invoice to get its PDF.');
  const snapshot = row.snapshot as InvoiceSnapshot;
  const stored = getDocument(db, invoiceId);
  if (!stored) return storeIssuedPdf(db, { id: row.id, number: row.number!, issuedAt: row.issuedAt!, snapshot }, now);
  const fileName = pdfFileName(row.number!, snapshot.customer.name);
  const name = `PDF of ${row.number!}`;
  // A document stored before the documents store is still in its row until the app moves it out.
  if (stored.pdf) {
    if (sha256Of(stored.pdf) !== stored.sha256) throw new AppError('NOT_FOUND', `The stored document ${name} is damaged: it no longer matches its hash. Restore a backup to get it back.`);
    return { pdf: stored.pdf, sha256: stored.sha256, fileName };
  }
  const issued = { id: row.id, number: row.number!, issuedAt: row.issuedAt!, snapshot };
  try {
    return { pdf: await readDocument(documentsDir(db), stored.sha256, name), sha256: stored.sha256, fileName };
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    const again = await renderIssued(db, issued);
    if (sha256Of(again) !== stored.sha256) throw new AppError('NOT_FOUND', error.message);
    await putDocument(documentsDir(db), again);
    return { pdf: again, sha256: stored.sha256, fileName };
  }
}
