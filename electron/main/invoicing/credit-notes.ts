import type { z } from 'zod';
import type { Db, DbOrTx } from '../../../db/client';
import { creditTotals, getInvoiceRow, getLines, insertCreditNoteDraft, issuedCreditNotes, markIssued, type IssuedCreditNote, type LineRow } from '../../../db/invoices';
import { takeNextNumber } from '../../../db/numbering';
import { getInvoicingSettings } from '../../../db/settings';
import type { creditNoteInput } from '../../../shared/api/invoices';
import { calculateInvoice } from '../../../shared/invoice/calculate';
import { homeValueOf } from '../../../shared/invoice/home-value';
import { creditExactness, creditPosition, creditSettings, type CreditPosition } from '../../../shared/invoice/credit';
import type { InvoiceSnapshot } from '../../../shared/invoice/snapshot';
import { compareDecimals, decimal, DECIMAL_ZERO } from '../../../shared/money/decimal';
import { formatMoney } from '../../../shared/money/money';
import { AppError, found } from '../errors';
import type { IssuedDocument } from './documents';
import { refusingConstraintFailures } from './issue';

const NOT_TREATMENT = new Set(['home-currency', 'home-currency-value', 'disbursement', 'credit-note', 'prices-include-vat']);

/**
 * What is left to credit of an issued invoice, per line (in `lines` order) and in total, from its
 * snapshot and its issued credit notes (rules §4).
 */
export function creditPositionOf(snapshot: InvoiceSnapshot, lines: readonly LineRow[], notes: readonly IssuedCreditNote[]): CreditPosition {
  const indexOf = new Map(lines.map((line, i) => [line.id, i]));
  return creditPosition(
    snapshot.calculation,
    lines.map((line) => line.quantity),
    notes.map((note) => ({
      calculation: note.snapshot.calculation,
      creditsLine: note.lines.map((line) => indexOf.get(line.creditsLineId ?? -1) ?? -1),
      quantities: note.lines.map((line) => line.quantity),
    })),
  );
}

/**
 * Credits an issued invoice in full or in part, at its VAT treatment, notes, exchange rate and
 * frozen rounding settings, in the credit-note series. No line is credited beyond what is left,
 * and a note that credits the last of a line, or of the invoice, takes exactly the remainder, so
 * credits always sum to the invoice. Returns what the PDF is rendered from. Throws NOT_FOUND,
 * CONFLICT for anything but an issued invoice, VALIDATION (per line) for quantities beyond what
 * is left or a line named twice.
 */
export function issueCreditNote(db: Db, input: z.output<typeof creditNoteInput>, now: string): IssuedDocument {
  return refusingConstraintFailures(() => issueInTransaction(db, input, now));
}

type CreditRequest = Pick<z.output<typeof creditNoteInput>, 'invoiceId' | 'issueDate' | 'lines'>;

/**
 * The totals (minor units, negative) the credit note for `input` would have, by the same rules
 * and checks as issueCreditNote, so the dialog shows what will be credited after the invoice's
 * discount and VAT. Writes nothing. Throws as issueCreditNote does.
 */
export function previewCreditNote(db: DbOrTx, input: CreditRequest): { net: number; vat: number; gross: number; payable: number } {
  const { net, vat, gross, payable } = planCreditNote(db, input).calculation.totals;
  return { net, vat, gross, payable };
}

/** The figures a credit note for `input` would have, checked as issuing checks them; nothing is written. */
function planCreditNote(tx: DbOrTx, input: CreditRequest) {
  const original = found(getInvoiceRow(tx, input.invoiceId), 'This invoice');
  if (original.status !== 'issued' || original.kind !== 'invoice') {
    throw new AppError('CONFLICT', 'Only an issued invoice can be credited.');
  }
  const snapshot = original.snapshot as InvoiceSnapshot;
  if (input.issueDate < original.issueDate) {
    throw new AppError('VALIDATION', 'A credit note cannot be dated before its invoice.', { issueDate: `Use ${original.issueDate} or later` });
  }
  const originalLines = getLines(tx, original.id);
  const position = creditPositionOf(snapshot, originalLines, issuedCreditNotes(tx, original.id));
  const fieldErrors: Record<string, string> = {};
  const named = new Set<number>();
  const wanted: { line: number; quantity: string }[] = [];
  const lines = input.lines.flatMap((asked, i) => {
    const index = originalLines.findIndex((l) => l.id === asked.lineId);
    const line = originalLines[index];
    if (!line) {
      fieldErrors[`lines.${i}.lineId`] = 'This line is not on the invoice';
      return [];
    }
    if (named.has(line.id)) {
      fieldErrors[`lines.${i}.lineId`] = 'This line is already in this credit note';
      return [];
    }
    named.add(line.id);
    const left = position.lines[index]!.quantity;
    if (compareDecimals(decimal(asked.quantity), decimal(left)) > 0) {
      fieldErrors[`lines.${i}.quantity`] = compareDecimals(decimal(left), DECIMAL_ZERO) === 0 ? 'This line is already fully credited' : `At most ${left} can still be credited`;
    }
    wanted.push({ line: index, quantity: asked.quantity });
    return [{ description: line.description, kind: line.kind, quantity: asked.quantity, unit: line.unit, unitPrice: line.unitPrice, creditsLineId: line.id }];
  });
  if (Object.keys(fieldErrors).length > 0) throw new AppError('VALIDATION', 'Some lines cannot be credited as asked.', fieldErrors);

  const settings = getInvoicingSettings(tx);
  const frozen = creditSettings(snapshot.calculation, snapshot.settings, { ...settings, pricesIncludeVat: false });
  const creditFor = { number: original.number!, date: original.issueDate };
  const calculation = calculateInvoice({
    kind: 'credit-note',
    currency: snapshot.currency,
    lines,
    vat: { category: snapshot.treatment.category, rate: snapshot.treatment.rate, notes: snapshot.calculation.notes.filter((n) => !NOT_TREATMENT.has(n.key)) },
    discountPercent: original.discountPercent,
    withholdingPercent: original.withholdingPercent,
    fx: snapshot.fx && snapshot.calculation.home ? { ...snapshot.fx, homeCurrency: snapshot.calculation.home.currency } : null,
    creditFor,
    credit: creditExactness(position, wanted),
    settings: frozen,
  });
  const creditedSoFar = creditTotals(tx, original.id).gross;
  if (-(creditedSoFar + calculation.totals.gross) > original.gross) {
    const left = original.gross + creditedSoFar;
    const message = `This would credit more than the invoice's total; at most ${formatMoney({ amount: left, currency: snapshot.currency })} is left to credit.`;
    throw new AppError('VALIDATION', message, { lines: message });
  }
  return { original, snapshot, lines, calculation, frozen, settings };
}

function issueInTransaction(db: Db, input: z.output<typeof creditNoteInput>, now: string): IssuedDocument {
  return db.transaction((tx) => {
    const { original, snapshot, lines, calculation, frozen, settings } = planCreditNote(tx, input);
    const { net, vat, gross, payable } = calculation.totals;
    const totals = { net, vat, gross, payable };
    const id = insertCreditNoteDraft(tx, original, { issueDate: input.issueDate, reason: input.reason, lines }, totals, now);
    const { number } = takeNextNumber(tx, 'credit-note', settings.creditNotePattern, input.issueDate, settings.resetYearly);
    const creditSnapshot: InvoiceSnapshot = {
      ...snapshot,
      kind: 'credit-note',
      number,
      issueDate: input.issueDate,
      dueDate: input.issueDate,
      taxPoint: input.issueDate,
      paymentTermsDays: 0,
      notes: null,
      lines: lines.map(({ creditsLineId: _id, ...line }) => line),
      calculation,
      settings: frozen,
      creditFor: { number: original.number!, issueDate: original.issueDate },
      creditReason: input.reason,
    };
    markIssued(tx, id, { number, issuedAt: now, snapshot: creditSnapshot, totals, fx: snapshot.fx, home: homeValueOf(calculation) });
    return { id, number, issuedAt: now, snapshot: creditSnapshot };
  });
}
