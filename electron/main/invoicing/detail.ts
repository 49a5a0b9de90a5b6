import type { z } from 'zod';
import type { DbOrTx } from '../../../db/client';
import { creditNotesFor, creditTotals, documentHash, getInvoiceRow, getLines, listInvoices, type InvoiceRow } from '../../../db/invoices';
import { listPayments, paidTotal } from '../../../db/payments';
import type { Invoice, InvoiceSummary, invoiceListQuery } from '../../../shared/api/invoices';
import type { InvoiceSnapshot } from '../../../shared/invoice/snapshot';
import { invoiceBalance } from '../../../shared/invoice/status';
import type { FxSource } from '../../../shared/money/fx';
import { found } from '../errors';
import { loadContext, termsOf } from './context';
import { evaluate } from '../../../shared/invoice/evaluate';

function balanceOf(row: Pick<InvoiceRow, 'status' | 'kind' | 'dueDate' | 'payable'>, paid: number, credited: number, today: string) {
  return invoiceBalance({ stored: row.status, kind: row.kind, dueDate: row.dueDate, payable: row.payable, paid, credited, today });
}

export function invoiceSummaries(db: DbOrTx, query: z.output<typeof invoiceListQuery>, today: string): InvoiceSummary[] {
  return listInvoices(db, query)
    .map(({ paid, credited, ...row }) => ({ ...row, ...balanceOf(row, paid, credited, today) }))
    .filter((row) => query.status === 'all' || row.status === query.status);
}

/** One invoice as the UI shows it: stored fields, derived status and balance, and its figures. */
export function invoiceDetail(db: DbOrTx, id: number, today: string): Invoice {
  const row = found(getInvoiceRow(db, id), 'This invoice');
  const lines = getLines(db, id);
  const payments = listPayments(db, id);
  const paid = paidTotal(db, id);
  const credits = creditTotals(db, id);
  const snapshot = (row.snapshot as InvoiceSnapshot | null) ?? null;
  const { client, profile, settings } = loadContext(db, row.clientId);
  const terms = termsOf(row, lines);
  const calculation = snapshot?.calculation ?? evaluate(profile, client, settings, terms).calculation;
  const { lines: _lines, ...fields } = terms;
  const original = row.creditForId ? getInvoiceRow(db, row.creditForId) : undefined;
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    clientId: row.clientId,
    clientName: client.name,
    ...fields,
    dueDate: row.dueDate,
    fx: row.fxRate ? { rate: row.fxRate, source: row.fxSource as FxSource, date: row.fxDate! } : null,
    net: row.net,
    vat: row.vat,
    gross: row.gross,
    payable: row.payable,
    ...balanceOf(row, paid, credits.payable, today),
    creditFor: original ? { id: original.id, number: original.number ?? '', issueDate: original.issueDate, payable: original.payable } : null,
    creditReason: row.creditReason,
    creditNotes: creditNotesFor(db, id),
    lines: lines.map(({ id: lineId, description, kind, quantity, unit, unitPrice, creditsLineId }) => ({ id: lineId, description, kind, quantity, unit, unitPrice, creditsLineId })),
    payments,
    paid,
    credited: credits.payable,
    issuedAt: row.issuedAt,
    pdfSha256: documentHash(db, id),
    snapshot,
    calculation,
  };
}
