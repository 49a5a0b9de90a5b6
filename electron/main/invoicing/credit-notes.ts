import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { creditTotals, creditedQuantities, getInvoiceRow, getLines, insertCreditNoteDraft, markIssued } from '../../../db/invoices';
import { takeNextNumber } from '../../../db/numbering';
import { getInvoicingSettings } from '../../../db/settings';
import type { creditNoteInput } from '../../../shared/api/invoices';
import { calculateInvoice } from '../../../shared/invoice/calculate';
import type { InvoiceSnapshot } from '../../../shared/invoice/snapshot';
import { addDecimals, compareDecimals, DECIMAL_ZERO, decimal, decimalToString, subtractDecimals, type Decimal } from '../../../shared/money/decimal';
import { formatMoney } from '../../../shared/money/money';
import { AppError, found } from '../errors';
import type { IssuedDocument } from './documents';

const NOT_TREATMENT = new Set(['home-currency', 'home-currency-value', 'disbursement', 'credit-note']);

/**
 * Credits an issued invoice in full or in part, at its VAT treatment, notes and exchange rate,
 * in the credit-note series. No line is credited beyond what was invoiced, and the invoice never
 * beyond its total. Returns what the PDF is rendered from. Throws NOT_FOUND, CONFLICT for anything
 * but an issued invoice, VALIDATION (per line) for quantities beyond what is left.
 */
export function issueCreditNote(db: Db, input: z.output<typeof creditNoteInput>, now: string): IssuedDocument {
  return db.transaction((tx) => {
    const original = found(getInvoiceRow(tx, input.invoiceId), 'This invoice');
    if (original.status !== 'issued' || original.kind !== 'invoice') {
      throw new AppError('CONFLICT', 'Only an issued invoice can be credited.');
    }
    const snapshot = original.snapshot as InvoiceSnapshot;
    if (input.issueDate < original.issueDate) {
      throw new AppError('VALIDATION', 'A credit note cannot be dated before its invoice.', { issueDate: `Use ${original.issueDate} or later` });
    }
    const originalLines = getLines(tx, original.id);
    const already = new Map<number, Decimal>();
    for (const { lineId, quantity } of creditedQuantities(tx, original.id)) {
      already.set(lineId, addDecimals(already.get(lineId) ?? DECIMAL_ZERO, decimal(quantity)));
    }
    const fieldErrors: Record<string, string> = {};
    const lines = input.lines.flatMap((wanted, i) => {
      const line = originalLines.find((l) => l.id === wanted.lineId);
      if (!line) {
        fieldErrors[`lines.${i}.lineId`] = 'This line is not on the invoice';
        return [];
      }
      const remaining = subtractDecimals(decimal(line.quantity), already.get(line.id) ?? DECIMAL_ZERO);
      if (compareDecimals(decimal(wanted.quantity), remaining) > 0) {
        fieldErrors[`lines.${i}.quantity`] = remaining.units === 0n ? 'This line is already fully credited' : `At most ${decimalToString(remaining)} can still be credited`;
      }
      return [{ description: line.description, kind: line.kind, quantity: wanted.quantity, unit: line.unit, unitPrice: line.unitPrice, creditsLineId: line.id }];
    });
    if (Object.keys(fieldErrors).length > 0) throw new AppError('VALIDATION', 'Some lines cannot be credited as asked.', fieldErrors);

    const settings = getInvoicingSettings(tx);
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
      settings: { vatRounding: settings.vatRounding, vatLevel: settings.vatLevel, discountDisplay: settings.discountDisplay, fxMethod: snapshot.calculation.home?.method ?? settings.fxMethod },
    });
    const creditedSoFar = creditTotals(tx, original.id).gross;
    if (-(creditedSoFar + calculation.totals.gross) > original.gross) {
      const left = original.gross + creditedSoFar;
      const message = `This would credit more than the invoice's total; at most ${formatMoney({ amount: left, currency: snapshot.currency })} is left to credit.`;
      throw new AppError('VALIDATION', message, { lines: message });
    }

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
      creditFor: { number: original.number!, issueDate: original.issueDate },
      creditReason: input.reason,
    };
    markIssued(tx, id, { number, issuedAt: now, snapshot: creditSnapshot, totals, fx: snapshot.fx });
    return { id, number, issuedAt: now, snapshot: creditSnapshot };
  });
}
