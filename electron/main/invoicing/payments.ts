import type { z } from 'zod';
import type { Db } from '../../../db/client';
import { creditTotals, getInvoiceRow } from '../../../db/invoices';
import { deletePayment, getPayment, insertPayment, paidTotal } from '../../../db/payments';
import { insertPaymentReversal, paymentCounted } from '../../../db/vat-returns';
import { getHomeCurrency } from '../../../db/profile';
import type { paymentInput } from '../../../shared/api/invoices';
import { invoiceBalance } from '../../../shared/invoice/status';
import { impliedRate, rateImplausibility, type FxSource } from '../../../shared/money/fx';
import { formatMoney, parseMoney } from '../../../shared/money/money';
import { AppError, found, profileMissing } from '../errors';

/**
 * Records money received against an issued invoice; never more than is outstanding. For a
 * foreign-currency invoice, `homeAmount` is what arrived in the home currency (optional; stored
 * in its minor units) and makes the realised exchange gain or loss known. Throws NOT_FOUND,
 * CONFLICT for anything but an issued invoice, VALIDATION per field: a bank fee not below the
 * amount, a home amount whose implied rate is tenfold off the invoice's, a date after `today` (ISO).
 */
export function recordPayment(db: Db, input: z.output<typeof paymentInput>, now: string, today: string): void {
  if (input.date > today) throw new AppError('VALIDATION', 'A payment can’t be dated after today: record it when the money arrives.', { date: 'Choose a date up to today' });
  db.transaction((tx) => {
    const invoice = found(getInvoiceRow(tx, input.invoiceId), 'This invoice');
    if (invoice.status !== 'issued' || invoice.kind !== 'invoice') {
      throw new AppError('CONFLICT', 'Payments can only be recorded against an issued invoice.');
    }
    const { currency } = invoice;
    const amount = parseMoney(input.amount, currency, { allowNegative: false });
    if (!amount.ok) throw new AppError('VALIDATION', amount.message, { amount: amount.message });
    if (amount.value.amount <= 0) throw new AppError('VALIDATION', 'Enter an amount above zero.', { amount: 'Enter an amount above zero' });
    const fee = input.bankFee ? parseMoney(input.bankFee, currency, { allowNegative: false }) : ({ ok: true, value: { amount: 0, currency } } as const);
    if (!fee.ok) throw new AppError('VALIDATION', fee.message, { bankFee: fee.message });
    if (fee.value.amount >= amount.value.amount) {
      const message = `The bank fee must be less than the ${formatMoney(amount.value)} received.`;
      throw new AppError('VALIDATION', message, { bankFee: message });
    }
    let homeAmount: number | null = null;
    if (input.homeAmount !== '') {
      const homeCurrency = found(getHomeCurrency(tx), profileMissing());
      if (currency === homeCurrency) {
        throw new AppError('VALIDATION', `This invoice is already in ${homeCurrency}.`, { homeAmount: `Leave this empty for a ${homeCurrency} invoice` });
      }
      const home = parseMoney(input.homeAmount, homeCurrency, { allowNegative: false });
      if (!home.ok) throw new AppError('VALIDATION', home.message, { homeAmount: home.message });
      if (home.value.amount <= 0) throw new AppError('VALIDATION', `Enter the ${homeCurrency} amount above zero.`, { homeAmount: 'Enter an amount above zero' });
      // What arrived implies a rate; tenfold off the invoice's own rate is a slipped digit.
      const implied = invoice.fxRate ? impliedRate(amount.value.amount, currency, home.value.amount, homeCurrency) : null;
      const problem = implied && invoice.fxRate ? rateImplausibility(implied, { rate: invoice.fxRate, source: invoice.fxSource as FxSource, date: invoice.fxDate! }, currency, homeCurrency) : null;
      if (problem) {
        const message = `${formatMoney(home.value)} for ${formatMoney(amount.value)} is a rate of ${implied} ${currency} per 1 ${homeCurrency}, far from the invoice's ${invoice.fxRate}. Check the amount.`;
        throw new AppError('VALIDATION', message, { homeAmount: message });
      }
      homeAmount = home.value.amount;
    }
    if (input.date < invoice.issueDate) {
      throw new AppError('VALIDATION', 'A payment cannot be dated before the invoice.', { date: `Use ${invoice.issueDate} or later` });
    }
    const { outstanding } = invoiceBalance({
      stored: 'issued',
      kind: 'invoice',
      dueDate: invoice.dueDate,
      payable: invoice.payable,
      paid: paidTotal(tx, invoice.id),
      credited: creditTotals(tx, invoice.id).payable,
      today: input.date,
    });
    if (amount.value.amount > outstanding) {
      const left = formatMoney({ amount: Math.max(outstanding, 0), currency });
      const message = outstanding <= 0 ? 'Nothing is outstanding on this invoice.' : `That is more than the ${left} outstanding.`;
      throw new AppError('VALIDATION', message, { amount: message });
    }
    insertPayment(tx, { invoiceId: invoice.id, date: input.date, amount: amount.value.amount, bankFee: fee.value.amount, method: input.method, note: input.note, homeAmount }, now);
  });
}

/**
 * Removes a payment and returns its invoice's id. A payment a finalised cash-accounting VAT return
 * already counted stays in that return: its removal is recorded as a reversal dated `today` (ISO),
 * which falls into the next open period (issue 16; Notice 731). Throws NOT_FOUND.
 */
export function removePayment(db: Db, id: number, today: string, now: string): number {
  return db.transaction((tx) => {
    const payment = found(getPayment(tx, id), 'This payment');
    if (paymentCounted(tx, id)) insertPaymentReversal(tx, { paymentId: id, invoiceId: payment.invoiceId, date: today, amount: payment.amount, homeAmount: payment.homeAmount }, now);
    deletePayment(tx, id);
    return payment.invoiceId;
  });
}
