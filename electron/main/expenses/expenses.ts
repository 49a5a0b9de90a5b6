import type { Db, DbOrTx } from '../../../db/client';
import { getContract, listVersions } from '../../../db/contracts';
import { DocumentError, documentsDir, putDocument, readDocument } from '../../../db/documents';
import { lookupRate } from '../../../db/exchange-rates';
import { deleteExpense, expenseTotals, getExpense, insertExpense, listExpenses, updateExpense, type ExpenseFields, type ListedExpense } from '../../../db/expenses';
import { getHomeCurrency } from '../../../db/profile';
import type { Expense, ExpenseData, ExpenseFilter } from '../../../shared/api/expenses';
import { encodeCursor, type Keyset } from '../../../shared/api/paging';
import { checkReceipt, expenseFxProblems, lockProblem, rateFromHomeQuotes, type ReceiptType } from '../../../shared/expenses/rules';
import type { FxSource } from '../../../shared/money/fx';
import type { CurrencyCode } from '../../../shared/reference/currencies';
import { contractReference } from '../contracts/contracts';
import { AppError, found, profileMissing } from '../errors';
import { sanitizeFileName } from '../invoicing/file-names';

/** A stored row in the API's shape. */
function toExpense(row: ListedExpense): Expense {
  return {
    id: row.id,
    date: row.expenseDate,
    category: row.category,
    supplier: row.supplier,
    description: row.description,
    amountMinor: row.amountMinor,
    currency: row.currency,
    vatMinor: row.vatMinor,
    vatReclaimable: row.vatReclaimable,
    contract:
      row.contractId === null ? null : { id: row.contractId, reference: contractReference(row.contractId), title: row.contractTitle ?? '', clientName: row.clientName ?? '', currency: row.contractCurrency! },
    rebillable: row.rebillable,
    rebillKind: row.rebillKind,
    fx: row.fxRate !== null && row.fxDate !== null ? { rate: row.fxRate, date: row.fxDate } : null,
    receipt: row.receiptSha256 !== null && row.receiptType !== null ? { sha256: row.receiptSha256, fileName: row.receiptFileName ?? 'receipt', type: row.receiptType, byteSize: row.receiptByteSize ?? 0 } : null,
    billing: { state: row.billingState, invoiceId: row.invoiceId, invoiceNumber: row.invoiceNumber },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Expense `id`. Throws NOT_FOUND. */
export function expenseDetail(db: DbOrTx, id: number): Expense {
  return toExpense(found(getExpense(db, id), 'This expense'));
}

/** One page of the list (see db/expenses.ts listExpenses), each row with the cursor that asks for the rows after it. */
export function expensePage(db: DbOrTx, query: ExpenseFilter & { limit: number; after: Keyset | null }): (Expense & { cursor: string })[] {
  return listExpenses(db, query).map((row) => ({ ...toExpense(row), cursor: encodeCursor({ key: row.expenseDate, id: row.id }) }));
}

export { expenseTotals };

interface StoredReceipt {
  sha256: string;
  fileName: string;
  type: ReceiptType;
  byteSize: number;
}

/**
 * Checks an uploaded receipt (checkReceipt: size, real type by content) and puts it in the
 * documents store under its SHA-256, so the same file attached twice is one file. Throws
 * VALIDATION on `receipt`.
 */
async function storeReceipt(db: DbOrTx, upload: { fileName: string; dataBase64: string }): Promise<StoredReceipt> {
  const bytes = Buffer.from(upload.dataBase64, 'base64');
  const fileName = sanitizeFileName(upload.fileName, 'receipt');
  const checked = checkReceipt(fileName, bytes);
  if (!checked.ok) throw new AppError('VALIDATION', `${checked.message}.`, { receipt: checked.message });
  const sha256 = await putDocument(documentsDir(db), bytes);
  return { sha256, fileName, type: checked.type, byteSize: bytes.length };
}

/** The contract's currency: its latest version's (an amendment may change it). */
function contractCurrencyOf(db: DbOrTx, contractId: number): CurrencyCode {
  return found(listVersions(db, contractId).at(-1), 'This contract').currency;
}

/**
 * The rules that need stored rows: the contract exists; a rebillable expense's contract is
 * signed or active (checked when the expense becomes rebillable or moves contract, so an old
 * expense on a contract that has since ended can still be corrected); and a conversion rate is
 * given exactly when the contract's currency differs (expenseFxProblems). Throws NOT_FOUND or
 * VALIDATION with every problem on its field.
 */
function checkAgainstContract(db: DbOrTx, data: ExpenseData, before: ListedExpense | null): void {
  const problems: Record<string, string> = {};
  let contractCurrency: CurrencyCode | null = null;
  if (data.contractId !== null) {
    const contract = found(getContract(db, data.contractId), 'This contract');
    contractCurrency = contractCurrencyOf(db, data.contractId);
    const newlyRebilled = data.rebillable && (!before || !before.rebillable || before.contractId !== data.contractId);
    if (newlyRebilled && contract.status !== 'signed' && contract.status !== 'active') {
      problems.contractId = `${contractReference(contract.id)} is ${contract.status}: only a signed or active contract takes rebillable expenses`;
    }
  }
  Object.assign(problems, expenseFxProblems(data.currency, contractCurrency, data.fx));
  const first = Object.values(problems)[0];
  if (first) throw new AppError('VALIDATION', first, problems);
}

/** Refuses to change or delete an expense on an invoice (lockProblem), naming the invoice. Throws CONFLICT. */
function checkUnlocked(row: ListedExpense, action: 'changed' | 'deleted'): void {
  const problem = lockProblem(row.invoiceId === null ? null : { status: row.invoiceStatus ?? 'draft', number: row.invoiceNumber, clientName: row.clientName ?? 'the client' }, action);
  if (problem) throw new AppError('CONFLICT', problem);
}

function fieldsOf(data: ExpenseData, receipt: StoredReceipt | null): ExpenseFields {
  return {
    expenseDate: data.date,
    category: data.category,
    supplier: data.supplier,
    description: data.description,
    amountMinor: data.amountMinor,
    currency: data.currency,
    vatMinor: data.vatMinor,
    vatReclaimable: data.vatReclaimable,
    contractId: data.contractId,
    // A rebill kind is kept only where it means something, so a later tick of "rebillable" starts from the default.
    rebillable: data.rebillable,
    rebillKind: data.rebillable ? data.rebillKind : 'recharge',
    fxRate: data.fx?.rate ?? null,
    fxDate: data.fx?.date ?? null,
    receiptSha256: receipt?.sha256 ?? null,
    receiptFileName: receipt?.fileName ?? null,
    receiptType: receipt?.type ?? null,
    receiptByteSize: receipt?.byteSize ?? null,
  };
}

/**
 * Records an expense (amounts already in minor units by the contract's schema) with its receipt,
 * if any, stored first in the documents store by hash. Throws VALIDATION (contract rules, fx,
 * receipt) and NOT_FOUND (contract); nothing is written to the database then.
 */
export async function createExpense(db: Db, data: ExpenseData & { receipt: { fileName: string; dataBase64: string } | null }, now: string): Promise<Expense> {
  checkAgainstContract(db, data, null);
  const receipt = data.receipt ? await storeReceipt(db, data.receipt) : null;
  return db.transaction((tx) => {
    checkAgainstContract(tx, data, null);
    return expenseDetail(tx, insertExpense(tx, fieldsOf(data, receipt), now));
  });
}

/**
 * Changes expense `id`. `receipt`: 'keep' the stored one, null to remove it, or a new file.
 * Throws NOT_FOUND, CONFLICT when it is on an invoice (issued: named by number; draft: delete the
 * draft or line first), VALIDATION as createExpense.
 */
export async function changeExpense(db: Db, id: number, data: ExpenseData & { receipt: 'keep' | null | { fileName: string; dataBase64: string } }, now: string): Promise<Expense> {
  const before = found(getExpense(db, id), 'This expense');
  checkUnlocked(before, 'changed');
  checkAgainstContract(db, data, before);
  const upload = data.receipt !== null && data.receipt !== 'keep' ? await storeReceipt(db, data.receipt) : null;
  return db.transaction((tx) => {
    const row = found(getExpense(tx, id), 'This expense');
    checkUnlocked(row, 'changed');
    checkAgainstContract(tx, data, row);
    const kept: StoredReceipt | null =
      row.receiptSha256 !== null && row.receiptType !== null ? { sha256: row.receiptSha256, fileName: row.receiptFileName ?? 'receipt', type: row.receiptType, byteSize: row.receiptByteSize ?? 0 } : null;
    updateExpense(tx, id, fieldsOf(data, data.receipt === 'keep' ? kept : upload), now);
    return expenseDetail(tx, id);
  });
}

/**
 * Deletes expense `id`. Its receipt file stays in the documents store, which backups share and
 * which never removes a document. Throws NOT_FOUND, CONFLICT when it is on an invoice.
 */
export function removeExpense(db: Db, id: number): { id: number } {
  return db.transaction((tx) => {
    checkUnlocked(found(getExpense(tx, id), 'This expense'), 'deleted');
    deleteExpense(tx, id);
    return { id };
  });
}

/** The receipt of expense `id`, checked against its hash. Throws NOT_FOUND (no expense, no receipt, or its file missing or damaged). */
export async function expenseReceipt(db: DbOrTx, id: number): Promise<{ fileName: string; type: ReceiptType; sha256: string; bytes: Buffer }> {
  const row = found(getExpense(db, id), 'This expense');
  if (row.receiptSha256 === null || row.receiptType === null) throw new AppError('NOT_FOUND', 'This expense has no receipt.');
  const fileName = row.receiptFileName ?? 'receipt';
  try {
    return { fileName, type: row.receiptType, sha256: row.receiptSha256, bytes: await readDocument(documentsDir(db), row.receiptSha256, `receipt ${fileName}`) };
  } catch (error) {
    if (error instanceof DocumentError) throw new AppError('NOT_FOUND', error.message);
    throw error;
  }
}

/**
 * The stored rate to offer for an expense in `currency` on `contractId` dated `date`: units of
 * the contract's currency per 1 `currency`, from the exchange-rate store's quotes against the
 * home currency (the HMRC rate for that month if stored, else the latest on or before the date),
 * combined by rateFromHomeQuotes. Null when the currencies match or a quote is missing: a rate is
 * never guessed. Throws NOT_FOUND without a profile or contract.
 */
export function suggestExpenseRate(db: DbOrTx, input: { currency: CurrencyCode; contractId: number; date: string }): { rate: string; date: string; source: FxSource } | null {
  const homeCurrency = found(getHomeCurrency(db), profileMissing());
  const contractCurrency = contractCurrencyOf(db, input.contractId);
  if (contractCurrency === input.currency) return null;
  const quotes: Partial<Record<CurrencyCode, string>> = {};
  const used: { date: string; source: FxSource }[] = [];
  for (const currency of [input.currency, contractCurrency]) {
    if (currency === homeCurrency) continue;
    const pair = { homeCurrency, currency };
    const stored = lookupRate(db, pair, input.date, { source: 'hmrc-period', notBefore: `${input.date.slice(0, 7)}-01` }) ?? lookupRate(db, pair, input.date);
    if (!stored) return null;
    quotes[currency] = stored.rate;
    used.push(stored);
  }
  const rate = rateFromHomeQuotes(input.currency, contractCurrency, homeCurrency, quotes);
  if (rate === null) return null;
  // A cross rate is as old as its older quote.
  const oldest = used.reduce((a, b) => (b.date < a.date ? b : a));
  const source: FxSource = used.length === 1 ? oldest.source : used.every((u) => u.source === 'ecb-reference') ? 'ecb-cross' : 'other';
  return { rate, date: oldest.date, source };
}
