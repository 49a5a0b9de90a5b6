import type { CurrencyCode } from '../reference/currencies';

/** How a rate card prices work: per hour, per day (of `hoursPerDay` hours), or one fixed price. */
export const RATE_UNITS = ['hour', 'day', 'fixed'] as const;
export type RateUnit = (typeof RATE_UNITS)[number];

/** One dated price of a rate card. A change takes effect from `effectiveFrom` and never reprices earlier work. */
export interface RateCardVersion {
  /** ISO date. */
  effectiveFrom: string;
  /** Minor units of the card's currency per unit (30000 = $300.00). */
  amountMinor: number;
  /** Decimal hours in a day ("8", "7.5") for day rates; null otherwise. */
  hoursPerDay: string | null;
}

/** A discount step: `percent` (decimal text, "5", "7.5") applies from `fromMonths` whole months of continuous engagement. */
export interface DiscountTier {
  fromMonths: number;
  percent: string;
}

/** A named discount rule. A flat discount (retained work) is one tier from 0 months. */
export interface DiscountRule {
  name: string;
  tiers: DiscountTier[];
}

export const BILLING_CYCLES = ['weekly', 'fortnightly', 'semi-monthly', 'monthly', 'milestones', 'completion'] as const;
export type BillingCycleKind = (typeof BILLING_CYCLES)[number];

/** A billing cycle in calendar dates. `anchor` (ISO date) starts the first weekly or fortnightly period; other kinds ignore it. */
export interface BillingCycle {
  kind: BillingCycleKind;
  anchor: string | null;
}

export const TIME_ROUNDING_MODES = ['none', 'up', 'nearest'] as const;
export type TimeRoundingMode = (typeof TIME_ROUNDING_MODES)[number];
export const ROUNDING_INCREMENTS = [1, 6, 15, 30] as const;
export type RoundingIncrement = (typeof ROUNDING_INCREMENTS)[number];
export const ROUNDING_SCOPES = ['entry', 'day'] as const;
export type RoundingScope = (typeof ROUNDING_SCOPES)[number];

/** How tracked time is rounded when it is priced. Raw times are never changed. */
export interface TimeRounding {
  mode: TimeRoundingMode;
  /** Minutes; ignored when mode is 'none'. */
  incrementMinutes: RoundingIncrement;
  scope: RoundingScope;
}

export const EXPENSE_POLICIES = ['at-cost', 'markup', 'not-rebillable'] as const;
export type ExpensePolicyKind = (typeof EXPENSE_POLICIES)[number];

export interface ExpensePolicy {
  kind: ExpensePolicyKind;
  /** Decimal percent for 'markup' ("10"); null otherwise. */
  markupPercent: string | null;
  /** Minor units of the contract currency rebilled at most per billing period; null for no cap. */
  capMinor: number | null;
}

export interface Retainer {
  /** Minor units of the contract currency per month, prepaid. */
  monthlyFeeMinor: number;
  /** Decimal hours included each month ("20"). */
  includedHours: string;
  /** Minor units per hour over the included hours. */
  overageRateMinor: number;
  rollover: boolean;
  /** Decimal hours: the most unused hours carried into the next month; null is no cap. */
  rolloverCapHours: string | null;
}

export const BUDGET_KINDS = ['hours', 'money'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

/** `amount`: decimal hours for 'hours', minor units (as decimal text) of the contract currency for 'money'. */
export interface Budget {
  kind: BudgetKind;
  amount: string;
}

export const FX_MODES = ['fixed', 'billing-date'] as const;
export type FxMode = (typeof FX_MODES)[number];

/** A rate card in another currency: converted at a rate fixed on the contract, or at each billing date. */
export interface ContractFx {
  mode: FxMode;
  /** Units of the contract currency per 1 unit of the card's currency ("0.79"); for 'billing-date', the rate used for the estimate shown. */
  rate: string;
  /** ISO date the rate is for. */
  date: string;
}

export const NOTICE_UNITS = ['day', 'week', 'month'] as const;
export type NoticeUnit = (typeof NOTICE_UNITS)[number];

export const IR35_STATUSES = ['inside', 'outside', 'not-assessed'] as const;
export type Ir35Status = (typeof IR35_STATUSES)[number];

export const CONTRACT_STATUSES = ['draft', 'sent', 'signed', 'active', 'ended', 'cancelled'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** The list rate, the discount and the rate that results, as a contract resolves them. Decimal texts in major units. */
export interface ResolvedRate {
  unit: RateUnit;
  hoursPerDay: string | null;
  /** The card's amount in the card's currency ("300"). */
  listRate: string;
  listCurrency: CurrencyCode;
  /** Decimal percent ("10"), "0" without a discount. */
  discountPercent: string;
  /** Why: the rule and tier, or the custom reason; null without a discount. */
  discountReason: string | null;
  /** Exact decimal in the contract currency per unit, after discount and conversion ("270"). */
  rate: string;
  currency: CurrencyCode;
}
