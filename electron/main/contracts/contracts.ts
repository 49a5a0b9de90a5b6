import type { z } from 'zod';
import type { Db, DbOrTx } from '../../../db/client';
import { getClient } from '../../../db/clients';
import {
  contractBilled,
  deleteContract,
  deleteVersion,
  getContract,
  insertContract,
  insertVersion,
  invoicesFromContract,
  listContractDocuments,
  listContracts,
  listVersions,
  setContractClient,
  setContractStatus,
  setTimesheetAppendix,
  updateVersion,
  type StoredVersion,
} from '../../../db/contracts';
import { listDiscountRules } from '../../../db/discount-rules';
import { listRateCards } from '../../../db/rate-cards';
import type { amendInput, Contract, ContractSummary, ContractTerms, ContractVersion, contractListQuery, contractStatusInput, ratePreviewInput, RatePreview } from '../../../shared/api/contracts';
import { nextBillingDate } from '../../../shared/contracts/billing-cycle';
import { budgetBurn } from '../../../shared/contracts/budget';
import type { ContractStatus, RateUnit, ResolvedRate } from '../../../shared/contracts/types';
import type { CurrencyCode } from '../../../shared/reference/currencies';
import { addDecimals, compareDecimals, decimal, decimalToString, DECIMAL_ZERO, multiply } from '../../../shared/money/decimal';
import { currencyExponent } from '../../../shared/reference/currencies';
import { describeDay } from '../../../shared/dates/calendar';
import { AppError, found } from '../errors';
import { resolveContractRate, storedTerms } from './terms';

/** "C-0007": how screens and documents name a contract. */
export function contractReference(id: number): string {
  return `C-${String(id).padStart(4, '0')}`;
}

function rateOf(v: StoredVersion): ResolvedRate {
  return {
    unit: v.unit,
    hoursPerDay: v.hoursPerDay,
    listRate: decimalToString({ units: BigInt(v.listAmountMinor), scale: currencyExponent(v.listCurrency) }),
    listCurrency: v.listCurrency,
    discountPercent: v.discountPercent,
    discountReason: v.discountReason,
    rate: v.resolvedRate,
    currency: v.currency,
  };
}

/** The signed version in effect on `today` (ISO; the latest signed one that has started), else null. */
export function versionOn(versions: StoredVersion[], today: string): StoredVersion | null {
  return versions.filter((v) => v.signedAt !== null && v.effectiveFrom <= today).at(-1) ?? null;
}

const BILLING_STATUSES: ContractStatus[] = ['signed', 'active'];

/** Invoices started from a contract, measured against its budget (issue 11 §3: warn at 80% and 100%). */
function burnOf(db: DbOrTx, contractId: number, terms: StoredVersion): Contract['burn'] {
  if (!terms.budget) return null;
  const billed = contractBilled(db, contractId);
  let used = DECIMAL_ZERO;
  if (terms.budget.kind === 'money') used = decimal(String(billed.netMinor));
  else {
    for (const line of billed.lines) {
      if (line.unit === 'hour') used = addDecimals(used, decimal(line.quantity));
      if (line.unit === 'day' && terms.hoursPerDay) used = addDecimals(used, multiply(decimal(line.quantity), decimal(terms.hoursPerDay)));
    }
  }
  const usedText = decimalToString(used);
  return { used: usedText, ...budgetBurn(usedText, terms.budget.amount) };
}

/** A contract with every version, the one in effect, the draft being edited, the next billing date and the budget burn. Throws NOT_FOUND. */
export function contractDetail(db: DbOrTx, id: number, today: string): Contract {
  const row = found(getContract(db, id), 'This contract');
  const versions = listVersions(db, id);
  const cardNames = new Map(listRateCards(db).map((c) => [c.id, c.name]));
  const ruleNames = new Map(listDiscountRules(db).map((r) => [r.id, r.name]));
  const current = versionOn(versions, today);
  const draft = versions.find((v) => v.signedAt === null) ?? null;
  const terms = headlineVersion(versions, today);
  return {
    id: row.id,
    reference: contractReference(row.id),
    clientId: row.clientId,
    clientName: row.clientName,
    status: row.status,
    statusSince: row.updatedAt.slice(0, 10),
    timesheetAppendix: row.timesheetAppendix,
    versions: versions.map((v) => versionView(v, cardNames, ruleNames)),
    current: current?.id ?? null,
    draft: draft?.id ?? null,
    nextBillingDate: BILLING_STATUSES.includes(row.status) ? nextBillingDate(terms.billingCycle, terms.startDate, terms.endDate, today) : null,
    tierDue: BILLING_STATUSES.includes(row.status) && current ? tierDueOn(db, row.clientId, current, today) : null,
    documents: listContractDocuments(db, id).map(({ id: docId, contractVersionId, fileName, byteSize, createdAt }) => ({ id: docId, versionId: contractVersionId, fileName, byteSize, createdAt })),
    burn: burnOf(db, row.id, terms),
  };
}

/** The rule's tier on `today` when it is more than the signed version's: a long-term step the user may want to amend for. */
function tierDueOn(db: DbOrTx, clientId: number, version: StoredVersion, today: string): Contract['tierDue'] {
  if (version.discountRuleId === null) return null;
  const now = resolveContractRate(db, {
    clientId,
    rateCardId: version.rateCardId,
    discount: { kind: 'rule', ruleId: version.discountRuleId },
    currency: version.currency,
    fx: version.fx,
    effectiveFrom: today,
    period: { start: version.startDate, end: version.endDate },
    contractId: version.contractId,
    allowArchived: { rateCardId: version.rateCardId, ruleId: version.discountRuleId },
  });
  if (compareDecimals(decimal(now.rate.discountPercent), decimal(version.discountPercent)) <= 0) return null;
  return { percent: now.rate.discountPercent, reason: now.rate.discountReason, rate: now.rate.rate };
}

function versionView(v: StoredVersion, cardNames: Map<number, string>, ruleNames: Map<number, string>): ContractVersion {
  const discount: ContractVersion['discount'] =
    v.discountRuleId !== null
      ? { kind: 'rule', ruleId: v.discountRuleId, ruleName: ruleNames.get(v.discountRuleId) ?? '' }
      : v.discountPercent !== '0'
        ? { kind: 'custom', percent: v.discountPercent, reason: v.discountReason ?? '' }
        : { kind: 'none' };
  return {
    id: v.id,
    versionNumber: v.versionNumber,
    effectiveFrom: v.effectiveFrom,
    signedAt: v.signedAt,
    pdfSha256: v.pdfSha256,
    title: v.title,
    scope: v.scope,
    startDate: v.startDate,
    endDate: v.endDate,
    notice: v.notice,
    rateCardId: v.rateCardId,
    rateCardName: cardNames.get(v.rateCardId) ?? '',
    rateCardVersionFrom: v.rateCardVersionFrom,
    discount,
    rate: rateOf(v),
    fx: v.fx,
    billingCycle: v.billingCycle,
    continuousSupply: v.continuousSupply,
    paymentTermsDays: v.paymentTermsDays,
    poNumber: v.poNumber,
    rounding: v.rounding,
    expensePolicy: v.expensePolicy,
    retainer: v.retainer,
    budget: v.budget,
    ir35: v.ir35,
  };
}

/** Contracts newest first, by status and client, each with its latest terms and next billing date. */
export function contractSummaries(db: DbOrTx, filter: z.output<typeof contractListQuery>, today: string): ContractSummary[] {
  return listContracts(db, filter).map(({ versions, ...row }) => {
    const latest = headlineVersion(versions, today);
    return {
    id: row.id,
    reference: contractReference(row.id),
    clientId: row.clientId,
    clientName: row.clientName,
    status: row.status,
    title: latest.title,
    startDate: latest.startDate,
    endDate: latest.endDate,
    rate: rateOf(latest),
    billingCycle: latest.billingCycle.kind,
    nextBillingDate: BILLING_STATUSES.includes(row.status) ? nextBillingDate(latest.billingCycle, latest.startDate, latest.endDate, today) : null,
    };
  });
}

/** The version a contract is shown by: the one in effect today, else the first signed one (not started yet), else the draft. */
function headlineVersion(versions: StoredVersion[], today: string): StoredVersion {
  return versionOn(versions, today) ?? versions.find((v) => v.signedAt !== null) ?? versions.at(-1)!;
}

function clientMustExist(db: DbOrTx, clientId: number): void {
  const client = getClient(db, clientId);
  if (!client) throw new AppError('VALIDATION', 'Choose a client from the list.', { clientId: 'Choose a client from the list' });
  if (client.archivedAt) throw new AppError('VALIDATION', `${client.name} is archived.`, { clientId: 'This client is archived; restore it first' });
}

/** Creates a draft contract (version 1, effective from its start date). Throws what storedTerms throws, VALIDATION on `clientId`. */
export function createContract(db: DbOrTx, terms: ContractTerms, now: string, today: string): Contract {
  return db.transaction((tx) => {
    clientMustExist(tx, terms.clientId);
    const id = insertContract(tx, terms.clientId, storedTerms(tx, terms, terms.startDate, null, null), now);
    return contractDetail(tx, id, today);
  });
}

/**
 * Saves the unsigned version: the draft contract, or a draft amendment (whose client cannot
 * change). Throws NOT_FOUND, CONFLICT when every version is signed (amend first) or the contract is
 * over, and what storedTerms throws.
 */
export function updateContractDraft(db: Db, id: number, terms: ContractTerms, now: string, today: string): Contract {
  return db.transaction((tx) => {
    const row = found(getContract(tx, id), 'This contract');
    if (row.status === 'ended' || row.status === 'cancelled') throw new AppError('CONFLICT', `This contract is ${row.status}; it can't be changed.`);
    const versions = listVersions(tx, id);
    const draft = versions.find((v) => v.signedAt === null);
    if (!draft) throw new AppError('CONFLICT', 'This contract is signed. Amend it to change its terms from a date.');
    if (draft.versionNumber > 1 && terms.clientId !== row.clientId) throw new AppError('VALIDATION', 'An amendment is with the same client.', { clientId: 'An amendment is with the same client' });
    if (draft.versionNumber === 1) clientMustExist(tx, terms.clientId);
    const effectiveFrom = draft.versionNumber === 1 ? terms.startDate : draft.effectiveFrom;
    updateVersion(tx, draft, storedTerms(tx, terms, effectiveFrom, id, draft), now);
    if (draft.versionNumber === 1 && terms.clientId !== row.clientId) setContractClient(tx, id, terms.clientId, now);
    return contractDetail(tx, id, today);
  });
}

/** The live rate for the editor: the same resolution signing uses. Throws what resolveContractRate throws. */
export function previewContractRate(db: DbOrTx, input: z.output<typeof ratePreviewInput>): RatePreview {
  const { rate, rateCardVersionFrom, engagedMonths, nextTier } = resolveContractRate(db, {
    ...input,
    period: { start: input.effectiveFrom, end: null },
    allowArchived: { rateCardId: input.rateCardId, ruleId: input.discount.kind === 'rule' ? input.discount.ruleId : null },
  });
  return { rate, rateCardVersionFrom, engagedMonths, nextTier };
}

/**
 * A draft invoice may belong to a signed or active contract with the same client. Throws
 * VALIDATION on `contractId` otherwise (unknown, another client's, unsigned, ended or cancelled), and on
 * `currency` when it is not the currency of the terms in effect on `date` (ISO).
 */
export function checkInvoiceContract(db: DbOrTx, contractId: number, clientId: number, currency: CurrencyCode, date: string): void {
  const row = getContract(db, contractId);
  const problem = !row ? 'This contract no longer exists' : row.clientId !== clientId ? `This contract is with ${row.clientName}, not this client` : !BILLING_STATUSES.includes(row.status) ? `This contract is ${row.status}; invoices start from a signed or active contract` : null;
  if (problem) throw new AppError('VALIDATION', `${problem}.`, { contractId: problem });
  // Its rate is in the contract's currency: billing it in another would need a conversion nobody agreed.
  const versions = listVersions(db, contractId);
  const terms = versionOn(versions, date) ?? versions.find((v) => v.signedAt !== null);
  if (terms && terms.currency !== currency) {
    const message = `${contractReference(contractId)} bills in ${terms.currency}; invoice it in ${terms.currency}, or start an invoice without the contract`;
    throw new AppError('VALIDATION', `${message}.`, { currency: message });
  }
}

/** What an invoice line priced at a contract's rate records: the list rate (major units) and currency, the discount and why. */
export interface LinePricing {
  listRate: string;
  listCurrency: CurrencyCode;
  discountPercent: string;
  discountReason: string | null;
}

/**
 * The rate of a signed contract on `date` (ISO; the version in effect then, else the first signed
 * one) and what a line priced at it records (issue 11 §2: "why did this client pay $270 an hour?").
 * Null when nothing of the contract is signed. Throws NOT_FOUND for an unknown contract.
 */
export function contractRateOn(db: DbOrTx, contractId: number, date: string): ContractRate | null {
  found(getContract(db, contractId), 'This contract');
  const versions = listVersions(db, contractId);
  const version = versionOn(versions, date) ?? versions.find((v) => v.signedAt !== null);
  return version ? versionRate(version) : null;
}

/** A signed version's rate, unit and what a line priced at it records (contractRateOn for a version already loaded). */
export function versionRate(version: StoredVersion): ContractRate {
  const rate = rateOf(version);
  return { unit: version.unit, rate: version.resolvedRate, pricing: { listRate: rate.listRate, listCurrency: rate.listCurrency, discountPercent: rate.discountPercent, discountReason: rate.discountReason } };
}

export interface ContractRate {
  unit: RateUnit;
  rate: string;
  pricing: LinePricing;
}

/** Statuses as a sentence says them: "This contract is active, so it can't be marked as sent." */
const STATUS_NOW: Record<ContractStatus, string> = { draft: 'a draft', sent: 'sent', signed: 'signed', active: 'active', ended: 'ended', cancelled: 'cancelled' };
const STATUS_MOVE: Record<z.output<typeof contractStatusInput>['status'], string> = { sent: 'marked as sent', active: 'made active', ended: 'ended', cancelled: 'cancelled' };

const TRANSITIONS: Record<z.output<typeof contractStatusInput>['status'], ContractStatus[]> = {
  sent: ['draft'],
  active: ['signed'],
  ended: ['signed', 'active'],
  cancelled: ['draft', 'sent', 'signed'],
};

/**
 * Moves a contract along draft → sent → (signed by signContract) → active → ended, or cancels one
 * not yet active. Throws NOT_FOUND, CONFLICT for any other move, naming the current status.
 */
export function changeContractStatus(db: Db, input: z.output<typeof contractStatusInput>, now: string, today: string): Contract {
  return db.transaction((tx) => {
    const row = found(getContract(tx, input.id), 'This contract');
    if (!TRANSITIONS[input.status].includes(row.status)) throw new AppError('CONFLICT', `This contract is ${STATUS_NOW[row.status]}, so it can't be ${STATUS_MOVE[input.status]}.`);
    const versions = listVersions(tx, input.id);
    if (input.status === 'active' && versions.some((v) => v.signedAt === null)) throw new AppError('CONFLICT', 'Sign or discard the amendment first.');
    setContractStatus(tx, input.id, input.status, now);
    return contractDetail(tx, input.id, today);
  });
}

/**
 * Starts an amendment of a signed contract: a new unsigned version, a copy of the latest terms,
 * from `effectiveFrom` (after the latest version's date). The versions before it stay as signed.
 * Throws NOT_FOUND, CONFLICT (not signed or active, or an amendment is already open), VALIDATION on `effectiveFrom`.
 */
export function amendContract(db: Db, input: z.output<typeof amendInput>, now: string, today: string): Contract {
  return db.transaction((tx) => {
    const row = found(getContract(tx, input.id), 'This contract');
    if (!BILLING_STATUSES.includes(row.status)) throw new AppError('CONFLICT', `Only a signed or active contract can be amended; this one is ${row.status}.`);
    const versions = listVersions(tx, input.id);
    if (versions.some((v) => v.signedAt === null)) throw new AppError('CONFLICT', 'This contract already has an amendment being drafted.');
    const latest = versions.at(-1)!;
    if (input.effectiveFrom <= latest.effectiveFrom) {
      const message = `An amendment starts after ${describeDay(latest.effectiveFrom)}, when version ${latest.versionNumber} took effect`;
      throw new AppError('VALIDATION', `${message}.`, { effectiveFrom: message });
    }
    if (latest.endDate !== null && input.effectiveFrom > latest.endDate) {
      const message = `The contract ends on ${describeDay(latest.endDate)}`;
      throw new AppError('VALIDATION', `${message}; an amendment must start by then.`, { effectiveFrom: message });
    }
    insertVersion(tx, input.id, latest.versionNumber + 1, input.effectiveFrom, latest, now);
    return contractDetail(tx, input.id, today);
  });
}

/**
 * Throws away the unsigned version: a draft amendment, or the whole contract while nothing of it
 * is signed. Returns the contract, or null when it was deleted. Throws NOT_FOUND, CONFLICT when
 * there is nothing unsigned, or invoices were started from the contract.
 */
export function discardContractDraft(db: Db, id: number, today: string): Contract | null {
  return db.transaction((tx) => {
    found(getContract(tx, id), 'This contract');
    const versions = listVersions(tx, id);
    const draft = versions.find((v) => v.signedAt === null);
    if (!draft) throw new AppError('CONFLICT', 'Every version of this contract is signed; a signed version stays.');
    if (draft.versionNumber > 1) {
      deleteVersion(tx, draft.id);
      return contractDetail(tx, id, today);
    }
    if (invoicesFromContract(tx, id) > 0) throw new AppError('CONFLICT', 'Invoices were started from this contract. Delete those drafts first.');
    deleteContract(tx, id);
    return null;
  });
}

/** Turns the timesheet appendix on or off for invoices the billing run drafts from now on (issue 12 §4); drafts already made keep theirs. Throws NOT_FOUND. */
export function setContractTimesheetAppendix(db: Db, id: number, on: boolean, now: string, today: string): Contract {
  found(getContract(db, id), 'This contract');
  setTimesheetAppendix(db, id, on, now);
  return contractDetail(db, id, today);
}
