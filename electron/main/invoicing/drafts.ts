import type { Db, DbOrTx } from '../../../db/client';
import { deleteDraft, getInvoiceRow, insertDraft, updateDraft, type DraftData, type InvoiceRow, type RunFields } from '../../../db/invoices';
import type { Invoice } from '../../../shared/api/invoices';
import { evaluate } from '../../../shared/invoice/evaluate';
import { AppError, found } from '../errors';
import { loadContext, type Context } from './context';
import { invoiceDetail, type DraftFigures } from './detail';
import { ISSUED_MESSAGE } from './issue';
import { checkInvoiceContract, contractRateOn, type ContractRate, type LinePricing } from '../contracts/contracts';
import { compareDecimals, decimal } from '../../../shared/money/decimal';

/**
 * Evaluates draft data once: the data to store (with the settings' VAT-inclusive default
 * applied when the draft does not say), its due date and totals, and the figures to return.
 */
function evaluateDraft(db: DbOrTx, input: DraftData, prepared: Prepared | null = null) {
  const { profile, client, settings } = prepared?.context ?? loadContext(db, input.clientId);
  if (input.contractId !== null && !prepared) checkInvoiceContract(db, input.contractId, input.clientId, input.currency, input.issueDate);
  const contract = prepared ? prepared.contractRate : input.contractId === null ? null : contractRateOn(db, input.contractId, input.issueDate);
  const data = { ...input, pricesIncludeVat: input.pricesIncludeVat ?? settings.pricesIncludeVat, lines: withContractPricing(input, contract) };
  const evaluation = evaluate(profile, client, settings, data);
  const { net, vat, gross, payable } = evaluation.calculation.totals;
  const figures: DraftFigures = { clientName: client.name, calculation: evaluation.calculation, taxPoint: evaluation.taxPoint, invoiceDeadline: evaluation.invoiceDeadline };
  return { data, dueDate: evaluation.dueDate, totals: { net, vat, gross, payable }, figures };
}

/** What a caller that has already checked the contract and loaded the context hands over, so a run of many drafts reads each once. */
export interface Prepared {
  context: Context;
  contractRate: ContractRate | null;
}

/**
 * The draft's lines, each fee line priced at its contract's rate (same unit, same price) carrying
 * where that price came from: the list rate, the discount and why. A price typed by hand carries nothing.
 */
function withContractPricing(input: DraftData, contract: ContractRate | null): (DraftData['lines'][number] & Partial<LinePricing>)[] {
  if (!contract) return input.lines;
  const rate = decimal(contract.rate);
  return input.lines.map((line) => (line.kind === 'fee' && line.unit === contract.unit && compareDecimals(decimal(line.unitPrice), rate) === 0 ? { ...line, ...contract.pricing } : line));
}

/** The draft row, or NOT_FOUND; CONFLICT when it has been issued and so can no longer change. */
function editableDraft(db: DbOrTx, id: number): InvoiceRow {
  const row = found(getInvoiceRow(db, id), 'This invoice');
  if (row.status === 'issued') throw new AppError('CONFLICT', ISSUED_MESSAGE);
  return row;
}

/**
 * Saves a new draft with its evaluated due date and totals (minor units); returns its detail.
 * Throws NOT_FOUND when the profile or client is missing.
 */
export function createDraft(db: Db, data: DraftData, now: string, today: string): Invoice {
  const { data: resolved, dueDate, totals, figures } = evaluateDraft(db, data);
  return invoiceDetail(db, insertDraft(db, resolved, dueDate, totals, now), today, figures);
}

/**
 * Saves a draft a billing run made, evaluated as any draft is, with the run's period and
 * timesheet flag; returns its id. Throws as createDraft, and SQLite's unique error when the
 * contract's period already has an invoice (invoices_contract_period_unique).
 */
export function insertRunDraft(db: DbOrTx, data: DraftData, run: RunFields, prepared: Prepared, now: string): number {
  const { data: resolved, dueDate, totals } = evaluateDraft(db, data, prepared);
  return insertDraft(db, resolved, dueDate, totals, now, run);
}

/** Replaces a draft's fields and lines; CONFLICT once it is issued, NOT_FOUND when it is gone. */
export function saveDraft(db: Db, id: number, data: DraftData, now: string, today: string): Invoice {
  editableDraft(db, id);
  const { data: resolved, dueDate, totals, figures } = evaluateDraft(db, data);
  updateDraft(db, id, resolved, dueDate, totals, now);
  return invoiceDetail(db, id, today, figures);
}

/** Deletes a draft; an issued invoice can only be credited (CONFLICT), never deleted. */
export function removeDraft(db: Db, id: number): { id: number } {
  const row = found(getInvoiceRow(db, id), 'This invoice');
  if (row.status === 'issued') throw new AppError('CONFLICT', `${row.number} is issued and can't be deleted. Create a credit note instead.`);
  deleteDraft(db, id);
  return { id };
}
