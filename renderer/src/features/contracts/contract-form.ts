import { contractInput, type ContractInput, type ContractVersion } from '../../../../shared/api/contracts';
import type { BillingCycleKind, BudgetKind, ExpensePolicyKind, FxMode, Ir35Status, NoticeUnit, RoundingIncrement, RoundingScope, TimeRoundingMode } from '../../../../shared/contracts/types';
import { toMajorString } from '../../../../shared/money/money';
import type { CurrencyCode } from '../../../../shared/reference/currencies';
import { fieldMaxLength } from '../../forms/max-length';
import { typedNumber } from '../../forms/numbers';

/** The contract editor's fields, as the inputs hold them (text for numbers being typed). */
export interface ContractValues {
  clientId: string | null;
  title: string;
  scope: string;
  startDate: string;
  openEnded: boolean;
  endDate: string;
  noticeAmount: number | string;
  noticeUnit: NoticeUnit;
  rateCardId: string | null;
  discountKind: 'none' | 'rule' | 'custom';
  discountRuleId: string | null;
  discountPercent: string;
  discountReason: string;
  currency: string;
  fxMode: FxMode;
  fxRate: string;
  fxDate: string;
  billingCycle: BillingCycleKind;
  billingAnchor: string;
  continuousSupply: boolean;
  paymentTermsDays: number | string;
  poNumber: string;
  roundingMode: TimeRoundingMode;
  roundingIncrement: string;
  roundingScope: RoundingScope;
  expensePolicy: ExpensePolicyKind;
  markupPercent: string;
  expenseCap: string;
  hasRetainer: boolean;
  retainerFee: string;
  retainerHours: string;
  retainerOverage: string;
  retainerRollover: boolean;
  retainerRolloverCap: string;
  budgetKind: 'none' | BudgetKind;
  budgetAmount: string;
  ir35Status: 'none' | Ir35Status;
  sdsReceived: boolean;
  sdsDate: string;
}

/** A new contract's fields: the client's currency and terms, the default rate card, a fortnightly cycle from the start. */
export function newContractValues(defaults: { clientId: number | null; currency: string; paymentTermsDays: number; rateCardId: number | null; today: string }): ContractValues {
  return {
    clientId: defaults.clientId === null ? null : String(defaults.clientId),
    title: '',
    scope: '',
    startDate: defaults.today,
    openEnded: true,
    endDate: '',
    noticeAmount: 4,
    noticeUnit: 'week',
    rateCardId: defaults.rateCardId === null ? null : String(defaults.rateCardId),
    discountKind: 'none',
    discountRuleId: null,
    discountPercent: '',
    discountReason: '',
    currency: defaults.currency,
    fxMode: 'fixed',
    fxRate: '',
    fxDate: defaults.today,
    billingCycle: 'fortnightly',
    billingAnchor: defaults.today,
    continuousSupply: false,
    paymentTermsDays: defaults.paymentTermsDays,
    poNumber: '',
    roundingMode: 'none',
    roundingIncrement: '15',
    roundingScope: 'entry',
    expensePolicy: 'at-cost',
    markupPercent: '',
    expenseCap: '',
    hasRetainer: false,
    retainerFee: '',
    retainerHours: '',
    retainerOverage: '',
    retainerRollover: false,
    retainerRolloverCap: '',
    budgetKind: 'none',
    budgetAmount: '',
    ir35Status: 'none',
    sdsReceived: false,
    sdsDate: '',
  };
}

/** The fields of a saved version, for editing a draft or an amendment. */
export function versionValues(clientId: number, v: ContractVersion): ContractValues {
  const money = (minor: number | null | undefined) => (minor === null || minor === undefined ? '' : toMajorString(minor, v.rate.currency));
  return {
    clientId: String(clientId),
    title: v.title,
    scope: v.scope,
    startDate: v.startDate,
    openEnded: v.endDate === null,
    endDate: v.endDate ?? '',
    noticeAmount: v.notice.amount,
    noticeUnit: v.notice.unit,
    rateCardId: String(v.rateCardId),
    discountKind: v.discount.kind,
    discountRuleId: v.discount.kind === 'rule' ? String(v.discount.ruleId) : null,
    discountPercent: v.discount.kind === 'custom' ? v.discount.percent : '',
    discountReason: v.discount.kind === 'custom' ? v.discount.reason : '',
    currency: v.rate.currency,
    fxMode: v.fx?.mode ?? 'fixed',
    fxRate: v.fx?.rate ?? '',
    fxDate: v.fx?.date ?? v.startDate,
    billingCycle: v.billingCycle.kind,
    billingAnchor: v.billingCycle.anchor ?? v.startDate,
    continuousSupply: v.continuousSupply,
    paymentTermsDays: v.paymentTermsDays,
    poNumber: v.poNumber ?? '',
    roundingMode: v.rounding.mode,
    roundingIncrement: String(v.rounding.incrementMinutes),
    roundingScope: v.rounding.scope,
    expensePolicy: v.expensePolicy.kind,
    markupPercent: v.expensePolicy.markupPercent ?? '',
    expenseCap: money(v.expensePolicy.capMinor),
    hasRetainer: v.retainer !== null,
    retainerFee: money(v.retainer?.monthlyFeeMinor),
    retainerHours: v.retainer?.includedHours ?? '',
    retainerOverage: money(v.retainer?.overageRateMinor),
    retainerRollover: v.retainer?.rollover ?? false,
    retainerRolloverCap: v.retainer?.rolloverCapHours ?? '',
    budgetKind: v.budget?.kind ?? 'none',
    budgetAmount: v.budget ? (v.budget.kind === 'money' ? money(Number(v.budget.amount)) : v.budget.amount) : '',
    ir35Status: v.ir35?.status ?? 'none',
    sdsReceived: v.ir35?.sdsReceived ?? false,
    sdsDate: v.ir35?.sdsDate ?? '',
  };
}

const WITH_ANCHOR: BillingCycleKind[] = ['weekly', 'fortnightly'];

/**
 * The API input for the editor's fields. `cardCurrency` decides whether a conversion rate is
 * sent; a field left blank is sent blank, so the contract's own schema names the problem.
 */
export function contractInputOf(values: ContractValues, cardCurrency: string | null): ContractInput {
  const discount: ContractInput['discount'] =
    values.discountKind === 'rule'
      ? { kind: 'rule', ruleId: Number(values.discountRuleId ?? 0) }
      : values.discountKind === 'custom'
        ? { kind: 'custom', percent: values.discountPercent, reason: values.discountReason }
        : { kind: 'none' };
  return {
    clientId: Number(values.clientId ?? 0),
    title: values.title,
    scope: values.scope,
    startDate: values.startDate,
    endDate: values.openEnded ? null : values.endDate,
    notice: { amount: typedNumber(values.noticeAmount), unit: values.noticeUnit },
    rateCardId: Number(values.rateCardId ?? 0),
    discount,
    currency: values.currency as CurrencyCode,
    fx: cardCurrency !== null && cardCurrency !== values.currency ? { mode: values.fxMode, rate: values.fxRate, date: values.fxDate } : null,
    billingCycle: { kind: values.billingCycle, anchor: WITH_ANCHOR.includes(values.billingCycle) ? values.billingAnchor : null },
    continuousSupply: values.continuousSupply,
    paymentTermsDays: typedNumber(values.paymentTermsDays),
    poNumber: values.poNumber,
    rounding: { mode: values.roundingMode, incrementMinutes: Number(values.roundingIncrement) as RoundingIncrement, scope: values.roundingScope },
    expensePolicy: { kind: values.expensePolicy, markupPercent: values.expensePolicy === 'markup' ? values.markupPercent : null, cap: values.expensePolicy === 'not-rebillable' || values.expenseCap.trim() === '' ? null : values.expenseCap },
    retainer: values.hasRetainer
      ? { monthlyFee: values.retainerFee, includedHours: values.retainerHours, overageRate: values.retainerOverage, rollover: values.retainerRollover, rolloverCapHours: values.retainerRollover && values.retainerRolloverCap.trim() !== '' ? values.retainerRolloverCap : null }
      : null,
    budget: values.budgetKind === 'none' ? null : { kind: values.budgetKind, amount: values.budgetAmount },
    ir35: values.ir35Status === 'none' ? null : { status: values.ir35Status, sdsReceived: values.sdsReceived, sdsDate: values.sdsReceived ? values.sdsDate : null },
  };
}

/** Where an API field error sits in the editor: `retainer.includedHours` → `retainerHours`. */
export const FIELD_OF_PATH: Record<string, keyof ContractValues> = {
  'notice.amount': 'noticeAmount',
  'discount.ruleId': 'discountRuleId',
  'discount.percent': 'discountPercent',
  'discount.reason': 'discountReason',
  'fx.rate': 'fxRate',
  'fx.date': 'fxDate',
  'billingCycle.kind': 'billingCycle',
  'billingCycle.anchor': 'billingAnchor',
  'rounding.mode': 'roundingMode',
  'rounding.incrementMinutes': 'roundingIncrement',
  'expensePolicy.markupPercent': 'markupPercent',
  'expensePolicy.cap': 'expenseCap',
  'retainer.monthlyFee': 'retainerFee',
  'retainer.monthlyFeeMinor': 'retainerFee',
  'retainer.includedHours': 'retainerHours',
  'retainer.overageRate': 'retainerOverage',
  'retainer.rolloverCapHours': 'retainerRolloverCap',
  'budget.amount': 'budgetAmount',
  'ir35.sdsDate': 'sdsDate',
};

/** The contract's own length limit for an editor field, found under its API path (`retainerFee` → `retainer.monthlyFee`). */
export function editorMaxLength(field: keyof ContractValues): number | undefined {
  const path = Object.keys(FIELD_OF_PATH).find((p) => FIELD_OF_PATH[p] === field) ?? field;
  return fieldMaxLength(contractInput, path);
}

/** API field errors keyed by the editor's field names. */
export function editorErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [FIELD_OF_PATH[path] ?? path, message]));
}
