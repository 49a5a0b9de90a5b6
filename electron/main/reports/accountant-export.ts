import { zipSync, strToU8 } from 'fflate';
import Papa from 'papaparse';
import { exportDocuments, exportExpenses, exportPayments } from '../../../db/accountant-export';
import type { DbOrTx } from '../../../db/client';
import { lookupRate } from '../../../db/exchange-rates';
import { getProfile } from '../../../db/profile';
import { CATEGORY_LABELS, type ExpenseCategory } from '../../../shared/expenses/rules';
import { convertToHome } from '../../../shared/money/fx';
import { decimal } from '../../../shared/money/decimal';
import { toMajorString } from '../../../shared/money/money';
import type { CurrencyCode } from '../../../shared/reference/currencies';
import { profileMissing } from '../errors';

/**
 * A cell that starts like a formula (= + - @, tab, CR) is prefixed with ' so a spreadsheet shows it
 * as text (OWASP CSV injection); a plain negative amount such as -120.00 is left a number.
 */
const FORMULA_START = /^(?:[=+@\t\r]|-(?!\d+(?:\.\d+)?$))/;

/** Rows as CSV text (CRLF), formula-like cells made safe; every CSV export of records uses this one. */
export const csv = (rows: (string | number | null)[][]) => `${Papa.unparse(rows, { escapeFormulae: FORMULA_START })}\r\n`;

const KINDS = { invoice: 'Invoice', 'credit-note': 'Credit note' } as const;

/**
 * What an accountant asks for at year end or for a VAT quarter: the period's issued invoices and
 * credit notes, their lines, the payments received and the expenses, as four CSV files in one zip
 * (amounts in major units, each document's home-currency figures beside its own). Dates are ISO;
 * `range` is inclusive. Throws NOT_FOUND when there is no business profile.
 */
export function accountantExport(db: DbOrTx, range: { from: string; to: string }) {
  const profile = getProfile(db, { withLogo: false });
  if (!profile) throw profileMissing();
  const home = profile.homeCurrency;
  const money = (amount: number | null, currency: CurrencyCode) => (amount === null ? '' : toMajorString(amount, currency));

  const documents = exportDocuments(db, range.from, range.to);
  const invoiceRows: (string | number | null)[][] = [
    ['Number', 'Type', 'Credit for', 'Issue date', 'Tax point', 'Due date', 'Client', 'Client country', 'Client VAT number', 'VAT treatment', 'Currency', 'Net', 'VAT', 'Gross', 'Paid', 'Exchange rate', `Net (${home})`, `VAT (${home})`, `Gross (${home})`],
  ];
  const lineRows: (string | number | null)[][] = [['Document', 'Line', 'Kind', 'Description', 'Quantity', 'Unit', 'Unit price', 'Currency', 'Amount', 'VAT rate (%)', 'VAT category']];
  for (const { snapshot: s, ...d } of documents) {
    invoiceRows.push([
      s.number, KINDS[s.kind], s.creditFor?.number ?? '', s.issueDate, s.taxPoint ?? s.issueDate, s.dueDate, s.customer.name, s.customer.country, s.customer.vatNumber ?? '', s.treatment.category,
      s.currency, money(d.net, s.currency), money(d.vat, s.currency), money(d.gross, s.currency), money(d.paid, s.currency), s.fx?.rate ?? '',
      s.currency === home ? money(d.net, home) : money(d.homeNet, home), s.currency === home ? money(d.vat, home) : money(d.homeVat, home), s.currency === home ? money(d.gross, home) : money(d.homeGross, home),
    ]);
    s.calculation.lines.forEach((line, i) => {
      lineRows.push([s.number, i + 1, line.kind, line.description, line.quantity, line.unit, line.unitPrice, s.currency, money(line.amount, s.currency), line.vatRate, line.vatCategory]);
    });
  }

  const payments = exportPayments(db, range.from, range.to);
  const paymentRows: (string | number | null)[][] = [['Document', 'Date received', 'Currency', 'Amount', 'Bank fee', `Received (${home})`, 'Method', 'Note']];
  for (const p of payments) paymentRows.push([p.number, p.date, p.currency, money(p.amount, p.currency), money(p.bankFee, p.currency), p.currency === home ? money(p.amount, home) : money(p.homeAmount, home), p.method, p.note ?? '']);

  const expenses = exportExpenses(db, range.from, range.to);
  const expenseRows: (string | number | null)[][] = [
    ['Date', 'Supplier', 'Description', 'Category', 'Currency', 'Amount', 'VAT', 'VAT reclaimable', `Amount (${home})`, 'Client', 'Contract', 'Rebilled as', 'Billed on'],
  ];
  for (const e of expenses) {
    // A foreign expense at the stored rate for its date; blank when there is none, never a guess.
    const rate = e.currency === home ? null : lookupRate(db, { homeCurrency: home, currency: e.currency }, e.date);
    const homeAmount = e.currency === home ? e.amount : rate ? convertToHome(e.amount, e.currency, decimal(rate.rate), home) : null;
    expenseRows.push([
      e.date, e.supplier, e.description, CATEGORY_LABELS[e.category as ExpenseCategory], e.currency, money(e.amount, e.currency), money(e.vat, e.currency), e.vatReclaimable ? 'yes' : 'no',
      money(homeAmount, home), e.clientName ?? '', e.contractTitle ?? '', e.rebillable ? e.rebillKind : '', e.billedOn ?? '',
    ]);
  }

  const zip = zipSync(
    {
      'invoices-and-credit-notes.csv': strToU8(csv(invoiceRows)),
      'lines.csv': strToU8(csv(lineRows)),
      'payments.csv': strToU8(csv(paymentRows)),
      'expenses.csv': strToU8(csv(expenseRows)),
    },
    // Fixed timestamps, so the same book and period always give the same bytes.
    { mtime: new Date('2000-01-01T00:00:00Z') },
  );
  return {
    fileName: `accounts-${range.from}-to-${range.to}.zip`,
    dataBase64: Buffer.from(zip).toString('base64'),
    counts: { documents: documents.length, lines: lineRows.length - 1, payments: payments.length, expenses: expenses.length },
  };
}
