import type { DbOrTx } from '../../../db/client';
import { engagementPeriods, type StoredTerms } from '../../../db/contracts';
import { getDiscountRule } from '../../../db/discount-rules';
import { getRateCard, listRateCardVersions } from '../../../db/rate-cards';
import { getInvoicingSettings } from '../../../db/settings';
import type { ContractTerms, DiscountChoice, RatePreview } from '../../../shared/api/contracts';
import { resolveRate } from '../../../shared/contracts/effective-rate';
import { continuousStart, discountFor, wholeMonthsBetween } from '../../../shared/contracts/engagement';
import { rateVersionOn } from '../../../shared/contracts/rate-cards';
import { contractTermsProblems } from '../../../shared/contracts/terms';
import type { ContractFx, ResolvedRate } from '../../../shared/contracts/types';
import { addMonths, describeDay } from '../../../shared/dates/calendar';
import { compareDecimals, decimal } from '../../../shared/money/decimal';
import { MAX_UNIT_PRICE } from '../../../shared/api/invoices';
import type { CurrencyCode } from '../../../shared/reference/currencies';
import { AppError, found } from '../errors';

export interface RateChoice {
  clientId: number;
  rateCardId: number;
  discount: DiscountChoice;
  currency: CurrencyCode;
  fx: ContractFx | null;
  /** ISO date the version takes effect: the card price and the discount tier are the ones on this date. */
  effectiveFrom: string;
  /** This contract's own period, part of the continuous engagement; null end = open-ended. */
  period: { start: string; end: string | null };
  /** Left out of the client's other engagements (the contract being edited). */
  contractId: number | null;
  /** The card or rule already on this contract may be archived since; a new choice may not. */
  allowArchived: { rateCardId: number | null; ruleId: number | null };
}

export interface Resolution extends RatePreview {
  rateCardVersionFrom: string;
  listAmountMinor: number;
  discountRuleId: number | null;
  fx: ContractFx | null;
}

/**
 * Resolves a contract's rate on its effective date: the rate card's price then (shared/contracts/rate-cards.ts),
 * the discount (a rule's tier by whole months of continuous engagement with the client, gaps up to
 * the engagementGapDays setting; or the user's own percent and reason), then the conversion into
 * the contract currency at the rate the contract fixes (engagement model: contract version > rate
 * card version). Throws NOT_FOUND for an unknown card or rule, VALIDATION on `rateCardId` (archived,
 * or no price yet on that date), `discount.ruleId` (archived) or `fx.rate` (a foreign card without a rate).
 */
export function resolveContractRate(db: DbOrTx, choice: RateChoice): Resolution {
  const card = found(getRateCard(db, choice.rateCardId), 'This rate card');
  if (card.archivedAt && choice.allowArchived.rateCardId !== card.id) throw new AppError('VALIDATION', `The rate card ${card.name} is archived.`, { rateCardId: 'This rate card is archived; choose another' });
  const versions = listRateCardVersions(db, card.id);
  const price = rateVersionOn(versions, choice.effectiveFrom);
  if (!price) {
    const message = `${card.name} has no price on ${describeDay(choice.effectiveFrom)}; its first price starts ${versions[0] ? describeDay(versions[0].effectiveFrom) : 'later'}`;
    throw new AppError('VALIDATION', `${message}.`, { rateCardId: message });
  }
  const foreign = card.currency !== choice.currency;
  if (foreign && !choice.fx) {
    const message = `Enter the rate from ${card.currency} to ${choice.currency}`;
    throw new AppError('VALIDATION', `This rate card is in ${card.currency} and the contract in ${choice.currency}. ${message}.`, { 'fx.rate': message });
  }
  if (!foreign && choice.fx) {
    const message = `The rate card is already in ${card.currency}; no conversion is needed`;
    throw new AppError('VALIDATION', `${message}.`, { 'fx.rate': message });
  }
  const fx = foreign ? choice.fx : null;

  let discountRuleId: number | null = null;
  let percent = '0';
  let reason: string | null = null;
  let engagedMonths = 0;
  let nextTier: RatePreview['nextTier'] = null;
  if (choice.discount.kind === 'custom') {
    percent = choice.discount.percent;
    reason = choice.discount.reason;
  } else if (choice.discount.kind === 'rule') {
    const rule = found(getDiscountRule(db, choice.discount.ruleId), 'This discount rule');
    if (rule.archivedAt && choice.allowArchived.ruleId !== rule.id) throw new AppError('VALIDATION', `The discount rule ${rule.name} is archived.`, { 'discount.ruleId': 'This discount rule is archived; choose another' });
    discountRuleId = rule.id;
    const gapDays = getInvoicingSettings(db).engagementGapDays;
    const periods = [...engagementPeriods(db, choice.clientId, choice.contractId), choice.period];
    const since = continuousStart(periods, choice.effectiveFrom, gapDays) ?? choice.effectiveFrom;
    engagedMonths = wholeMonthsBetween(since, choice.effectiveFrom);
    const applied = discountFor(rule, engagedMonths);
    if (applied) {
      percent = applied.tier.percent;
      reason = applied.reason;
    }
    const later = rule.tiers.find((t) => t.fromMonths > engagedMonths);
    if (later) nextTier = { date: addMonths(since, later.fromMonths), percent: later.percent };
  }
  const rate: ResolvedRate = resolveRate({
    unit: card.unit,
    hoursPerDay: price.hoursPerDay,
    listAmountMinor: price.amountMinor,
    listCurrency: card.currency,
    currency: choice.currency,
    discountPercent: percent,
    discountReason: reason,
    fxRate: fx?.rate ?? null,
  });
  // An invoice line holds a unit price under 100,000,000; a rate above it (a mistyped conversion) could never be billed.
  if (compareDecimals(decimal(rate.rate), decimal(String(MAX_UNIT_PRICE))) >= 0) {
    const message = `That makes the contract rate ${rate.rate} ${rate.currency}, more than an invoice can charge; check the ${fx ? 'exchange rate' : 'rate card'}`;
    throw new AppError('VALIDATION', `${message}.`, { [fx ? 'fx.rate' : 'rateCardId']: message });
  }
  return { rate, rateCardVersionFrom: price.effectiveFrom, listAmountMinor: price.amountMinor, discountRuleId, fx, engagedMonths, nextTier };
}

/**
 * Turns validated terms into what a version stores: the rate resolved on `effectiveFrom`, then the
 * cross-field rules of shared/contracts/terms.ts with the card's unit. Throws what
 * resolveContractRate throws, and VALIDATION with every broken rule on its own field.
 */
export function storedTerms(db: DbOrTx, terms: ContractTerms, effectiveFrom: string, contractId: number | null, existing: StoredTerms | null): StoredTerms {
  // The rules first: a rate resolved over an end date before the start would make no sense.
  const card = found(getRateCard(db, terms.rateCardId), 'This rate card');
  const problems = contractTermsProblems({ ...terms, unit: card.unit });
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION', Object.values(problems)[0]!, problems);
  const resolution = resolveContractRate(db, {
    clientId: terms.clientId,
    rateCardId: terms.rateCardId,
    discount: terms.discount,
    currency: terms.currency,
    fx: terms.fx,
    effectiveFrom,
    period: { start: terms.startDate, end: terms.endDate },
    contractId,
    allowArchived: { rateCardId: existing?.rateCardId ?? null, ruleId: existing?.discountRuleId ?? null },
  });
  const { rate } = resolution;
  return {
    title: terms.title,
    scope: terms.scope,
    startDate: terms.startDate,
    endDate: terms.endDate,
    notice: terms.notice,
    rateCardId: terms.rateCardId,
    rateCardVersionFrom: resolution.rateCardVersionFrom,
    unit: rate.unit,
    hoursPerDay: rate.hoursPerDay,
    listAmountMinor: resolution.listAmountMinor,
    listCurrency: rate.listCurrency,
    discountRuleId: resolution.discountRuleId,
    discountPercent: rate.discountPercent,
    discountReason: rate.discountReason,
    currency: terms.currency,
    fx: resolution.fx,
    resolvedRate: rate.rate,
    billingCycle: terms.billingCycle,
    continuousSupply: terms.continuousSupply,
    paymentTermsDays: terms.paymentTermsDays,
    poNumber: terms.poNumber,
    rounding: terms.rounding,
    expensePolicy: terms.expensePolicy,
    retainer: terms.retainer,
    budget: terms.budget,
    ir35: terms.ir35,
  };
}
