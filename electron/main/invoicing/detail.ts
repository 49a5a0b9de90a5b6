import type { z } from 'zod';
import { billedWork } from '../../../db/billing';
import type { DbOrTx } from '../../../db/client';
import { documentHash, issuedCreditNotes, getInvoiceRow, getLines, listInvoices, type InvoiceRow } from '../../../db/invoices';
import { laterHomeValue } from '../../../db/home-values';
import { listPayments } from '../../../db/payments';
import type { Invoice, InvoiceListRow, invoiceListQuery } from '../../../shared/api/invoices';
import { encodeCursor } from '../../../shared/api/paging';
import type { InvoiceCalculation } from '../../../shared/invoice/types';
import type { InvoiceSnapshot } from '../../../shared/invoice/snapshot';
import { homeValueOf, realisedGains } from '../../../shared/invoice/home-value';
import { invoiceBalance } from '../../../shared/invoice/status';
import type { FxSource } from '../../../shared/money/fx';
import { evaluate } from '../../../shared/invoice/evaluate';
import type { TaxPoint } from '../../../shared/vat/tax-point';
import { found } from '../errors';
import { loadContext, termsOf } from './context';
import { creditPositionOf } from './credit-notes';

function balanceOf(row: Pick<InvoiceRow, 'status' | 'kind' | 'dueDate' | 'payable'>, paid: number, credited: number, today: string) {
  return invoiceBalance({ stored: row.status, kind: row.kind, dueDate: row.dueDate, payable: row.payable, paid, credited, today });
}

/** What a contract invoice's lines bill, or null when they bill no tracked work. */
function billedWorkOf(db: DbOrTx, id: number): Invoice['billedWork'] {
  const work = billedWork(db, id);
  return work.from === null || work.to === null ? null : { ...work, from: work.from, to: work.to };
}

/**
 * One page of the invoice list (see db/invoices.ts listInvoices), each row with its derived status,
 * balance (minor units, as of `today`, an ISO date) and the cursor that asks for the rows after it.
 */
export function invoiceSummaries(db: DbOrTx, query: z.output<typeof invoiceListQuery>, today: string): InvoiceListRow[] {
  const after = query.after && { issueDate: query.after.key, id: query.after.id };
  return listInvoices(db, { ...query, after }, today).map((row) => ({ ...row, cursor: encodeCursor({ key: row.issueDate, id: row.id }) }));
}

/** What a draft's figures were just evaluated as, so the detail does not evaluate them again. */
export interface DraftFigures {
  clientName: string;
  calculation: InvoiceCalculation;
  taxPoint: TaxPoint | null;
  invoiceDeadline: string | null;
}

/**
 * One invoice as the UI shows it: stored fields, derived status and balance, and its figures.
 * An issued document's client name and figures come from its frozen snapshot; a draft's are
 * evaluated here unless the caller passes the figures it has just evaluated.
 * Throws NOT_FOUND when there is no such invoice.
 */
export function invoiceDetail(db: DbOrTx, id: number, today: string, draft?: DraftFigures): Invoice {
  const row = found(getInvoiceRow(db, id), 'This invoice');
  const lines = getLines(db, id);
  const terms = termsOf(row, lines);
  const snapshot = (row.snapshot as InvoiceSnapshot | null) ?? null;
  const figures = snapshot ? issuedFigures(snapshot) : (draft ?? evaluateStoredDraft(db, row, terms));
  // Only an issued invoice is paid or credited, and only an issued document has a stored PDF.
  const issued = row.status === 'issued';
  const settles = issued && row.kind === 'invoice';
  const homeValue = issued && snapshot ? homeValueFor(db, row, snapshot) : null;
  const stored = settles ? listPayments(db, id) : [];
  const gains = homeValue && row.gross > 0 ? realisedGains(row.gross, homeValue.gross, stored) : null;
  const payments = stored.map((payment, i) => ({ ...payment, settledHomeValue: gains?.payments[i]!.settledHomeValue ?? null, exchangeGain: gains?.payments[i]!.gain ?? null }));
  const paid = payments.reduce((sum, payment) => sum + payment.amount, 0);
  const notes = settles ? issuedCreditNotes(db, id) : [];
  const credited = notes.reduce((sum, note) => sum + note.payable, 0);
  const position = settles && snapshot ? creditPositionOf(snapshot, lines, notes) : null;
  const original = row.creditForId ? getInvoiceRow(db, row.creditForId) : undefined;
  const { lines: _lines, ...fields } = terms;
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    clientId: row.clientId,
    clientName: figures.clientName,
    ...fields,
    dueDate: row.dueDate,
    fx: row.fxRate ? { rate: row.fxRate, source: row.fxSource as FxSource, date: row.fxDate! } : null,
    homeValue,
    exchangeGain: gains && stored.some((payment) => payment.homeAmount !== null) ? gains.total : null,
    net: row.net,
    vat: row.vat,
    gross: row.gross,
    payable: row.payable,
    ...balanceOf(row, paid, credited, today),
    creditFor: original ? { id: original.id, number: original.number ?? '', issueDate: original.issueDate, payable: original.payable } : null,
    contractId: row.contractId,
    billedWork: row.contractId === null ? null : billedWorkOf(db, id),
    timesheetAppendix: row.timesheetAppendix,
    creditReason: row.creditReason,
    creditNotes: notes.map(({ id: noteId, number, issueDate, payable }) => ({ id: noteId, number, issueDate, payable })),
    creditable: position ? lines.map((line, i) => ({ lineId: line.id, quantity: position.lines[i]!.quantity, amount: position.lines[i]!.amount + position.lines[i]!.discount })) : [],
    lines: lines.map(({ id: lineId, description, kind, quantity, unit, unitPrice, creditsLineId, listRate, listCurrency, discountPercent, discountReason }) => ({
      id: lineId,
      description,
      kind,
      quantity,
      unit,
      unitPrice,
      creditsLineId,
      pricing: listRate !== null && listCurrency !== null ? { listRate, listCurrency, discountPercent: discountPercent ?? '0', discountReason } : null,
    })),
    payments,
    paid,
    credited,
    issuedAt: row.issuedAt,
    pdfSha256: issued ? documentHash(db, id) : null,
    snapshot,
    calculation: figures.calculation,
    derivedTaxPoint: figures.taxPoint,
    invoiceDeadline: figures.invoiceDeadline,
  };
}

/** An issued document's figures, all from its snapshot; the tax-point rule only where it was kept. */
function issuedFigures(snapshot: InvoiceSnapshot): DraftFigures {
  const rule = snapshot.taxPointRule;
  return {
    clientName: snapshot.customer.name,
    calculation: snapshot.calculation,
    taxPoint: rule ? { date: snapshot.taxPoint ?? snapshot.issueDate, ...rule } : null,
    invoiceDeadline: null,
  };
}

/**
 * An issued document's home-currency value: stored with it at issue (or, for one issued before
 * the columns existed, read from its frozen calculation), else the value the user added later.
 */
function homeValueFor(db: DbOrTx, row: InvoiceRow, snapshot: InvoiceSnapshot): Invoice['homeValue'] {
  const frozen = snapshot.calculation.home;
  if (frozen) {
    const value = row.homeGross !== null ? { net: row.homeNet!, vat: row.homeVat!, gross: row.homeGross } : homeValueOf(snapshot.calculation)!;
    return { currency: frozen.currency, ...value, rate: frozen.rate, source: frozen.source, date: frozen.date, addedAt: null };
  }
  return laterHomeValue(db, row.id) ?? null;
}

function evaluateStoredDraft(db: DbOrTx, row: InvoiceRow, terms: ReturnType<typeof termsOf>): DraftFigures {
  const { profile, client, settings } = loadContext(db, row.clientId);
  const evaluation = evaluate(profile, client, settings, terms);
  return { clientName: client.name, calculation: evaluation.calculation, taxPoint: evaluation.taxPoint, invoiceDeadline: evaluation.invoiceDeadline };
}
