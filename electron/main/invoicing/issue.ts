import type { Db } from '../../../db/client';
import { saveRate } from '../../../db/exchange-rates';
import { getInvoiceRow, getLines, markIssued } from '../../../db/invoices';
import { hasLogo, keepLogo } from '../../../db/logos';
import { currentLogoBytes, currentLogoRef } from '../../../db/profile';
import { peekNextNumber, takeNextNumber } from '../../../db/numbering';
import { evaluate } from '../../../shared/invoice/evaluate';
import { homeValueOf } from '../../../shared/invoice/home-value';
import type { FxSource } from '../../../shared/money/fx';
import { AppError, found } from '../errors';
import { checkPlausibleRate } from '../rates/rates';
import { loadContext, termsOf } from './context';
import type { IssuedDocument } from './documents';
import { buildSnapshot } from './snapshot';
import { invoiceTimesheet } from '../../../db/billing';
import { getInvoicingSettings } from '../../../db/settings';

export const ISSUED_MESSAGE = "This invoice is issued and can't be changed. Create a credit note instead.";

/**
 * Issues a draft in one transaction: takes the next number, freezes the snapshot (supplier,
 * client, lines, totals, VAT notes, exchange rate) and records the issue time. If anything fails
 * the number is not used, so the series stays gapless. `fx` is the home-currency rate, required
 * (VALIDATION on `fx.rate`) for every foreign-currency invoice; the home net, VAT and gross it
 * gives are stored with the invoice. Returns what the PDF is
 * rendered from. Throws NOT_FOUND, CONFLICT when already issued, VALIDATION with no lines, on
 * `fx.rate` for a rate that looks like a typo against the stored ones, and (DomainError) on the
 * field at fault for figures the rules refuse.
 */
export function issueInvoice(db: Db, id: number, fx: { rate: string; source: FxSource; date: string } | null, now: string): IssuedDocument {
  return refusingConstraintFailures(() => issueInTransaction(db, id, fx, now));
}

/**
 * Runs an issuing transaction, turning a constraint the data file enforces (a number already
 * used, a malformed total) into a CONFLICT the user can act on. The transaction has rolled back
 * by then, so the draft is unchanged and no number was taken.
 */
export function refusingConstraintFailures<T>(issue: () => T): T {
  try {
    return issue();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // Triggers guard immutability and report their own failures; only declared constraints are translated.
    if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_CONSTRAINT_TRIGGER') throw error;
    const detail = (error as Error).message.replace(/^[A-Z]+ constraint failed: /, '');
    const what = detail === 'invoices.number' ? 'its number is already used by another document' : `the data file refused it (${code.replace('SQLITE_CONSTRAINT_', '').toLowerCase()}: ${detail})`;
    throw new AppError('CONFLICT', `This document could not be issued: ${what}. Nothing was issued and the draft is unchanged. Check the numbering in Settings → Invoicing, then try again.`);
  }
}

function issueInTransaction(db: Db, id: number, fx: { rate: string; source: FxSource; date: string } | null, now: string): IssuedDocument {
  return db.transaction((tx) => {
    const row = found(getInvoiceRow(tx, id), 'This invoice');
    if (row.status === 'issued') throw new AppError('CONFLICT', `${row.number} is already issued.`);
    const lines = getLines(tx, id);
    if (lines.length === 0) throw new AppError('VALIDATION', 'Add at least one line before issuing.', { lines: 'Add at least one line' });
    const { profile, client, settings } = loadContext(tx, row.clientId);
    const terms = termsOf(row, lines);
    const usedFx = row.currency !== profile.homeCurrency ? fx : null;
    if (usedFx) checkPlausibleRate(tx, { homeCurrency: profile.homeCurrency, currency: row.currency }, usedFx, 'fx.rate');
    const evaluation = evaluate(profile, client, settings, terms, { fx: usedFx });
    // Every foreign document needs its home value (rules §2.5.6: Box 6 even without VAT); the PDF prints home VAT only when fxRequired.
    if (row.currency !== profile.homeCurrency && !usedFx) {
      const why = evaluation.fxRequired
        ? `This invoice charges VAT in ${row.currency}, so it must also show the VAT in ${profile.homeCurrency}.`
        : `This invoice is in ${row.currency}, and its value in ${profile.homeCurrency} is needed for your VAT return.`;
      throw new AppError('VALIDATION', `${why} Enter the exchange rate.`, { 'fx.rate': `Enter the exchange rate (${row.currency} per 1 ${profile.homeCurrency})` });
    }
    const { number } = takeNextNumber(tx, 'invoice', settings.invoicePattern, row.issueDate, settings.resetYearly);
    const logo = currentLogoRef(tx);
    if (logo && !hasLogo(tx, logo.sha256)) keepLogo(tx, logo.sha256, logo.mimeType, currentLogoBytes(tx)!, now);
    const timesheet = row.timesheetAppendix ? invoiceTimesheet(tx, id) : [];
    const snapshot = { ...buildSnapshot({ kind: 'invoice', number, profile, client, settings, terms, evaluation, fx: usedFx, creditFor: null, creditReason: null, logo }), ...(timesheet.length > 0 ? { timesheet } : {}) };
    const { net, vat, gross, payable } = evaluation.calculation.totals;
    markIssued(tx, id, { number, issuedAt: now, snapshot, totals: { net, vat, gross, payable }, fx: usedFx, home: homeValueOf(evaluation.calculation) });
    if (usedFx) saveRate(tx, profile.homeCurrency, row.currency, usedFx, now);
    return { id, number, issuedAt: now, snapshot };
  });
}

/**
 * The number draft `id` would take if issued now (its issue date, the invoice series and
 * pattern), for the issue dialog's summary; nothing is taken. Throws NOT_FOUND, and CONFLICT
 * for a document already issued.
 */
export function nextInvoiceNumber(db: Db, id: number): { number: string } {
  const row = found(getInvoiceRow(db, id), 'This invoice');
  if (row.status === 'issued') throw new AppError('CONFLICT', `${row.number} is already issued.`);
  const settings = getInvoicingSettings(db);
  return { number: peekNextNumber(db, 'invoice', settings.invoicePattern, row.issueDate, settings.resetYearly) };
}
