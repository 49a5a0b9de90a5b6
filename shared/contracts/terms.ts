import { compareDecimals, decimal, parseDecimal, type Decimal } from '../money/decimal';
import type { BillingCycle, Budget, ExpensePolicy, Ir35Status, RateUnit, Retainer, TimeRounding } from './types';

/** 31 days of 24 hours: no month holds more. */
export const MAX_MONTH_HOURS = 744;

/** The terms of a contract that must agree with each other. */
export interface ContractTerms {
  /** ISO dates; `endDate` null for open-ended. */
  startDate: string;
  endDate: string | null;
  unit: RateUnit;
  rounding: TimeRounding;
  retainer: Retainer | null;
  expensePolicy: ExpensePolicy;
  budget: Budget | null;
  billingCycle: BillingCycle;
  ir35: { status: Ir35Status; sdsReceived: boolean; sdsDate: string | null } | null;
}

/**
 * What is wrong across a contract's terms, as field path → a sentence for the user; empty when
 * nothing is. A contract schema's superRefine reports these on its fields. The rules: the end is
 * not before the start; a fixed price has no time rounding and no retainer; a retainer includes
 * more than 0 and at most MAX_MONTH_HOURS hours, caps rollover only when rollover is on and above
 * 0 hours, and is billed monthly, not by milestone or on completion; only a markup expense policy
 * has a markup, above 0% and at most 100%; a budget is above 0; a weekly or fortnightly cycle has
 * its first day; a status determination statement received has its date. A number that does not
 * parse is reported on its field too. Never throws.
 */
export function contractTermsProblems(t: ContractTerms): Record<string, string> {
  const problems: Record<string, string> = {};
  const report = (field: string, message: string) => {
    problems[field] ??= message;
  };
  /** `text` as a decimal, or null after reporting on `field` that it is not a number. */
  const number = (text: string, field: string, example: string): Decimal | null => {
    const parsed = parseDecimal(text, { maxScale: 12, allowNegative: true });
    if (!parsed.ok) report(field, `Enter a number like ${example}`);
    return parsed.ok ? parsed.value : null;
  };
  const above = (value: Decimal, limit: string) => compareDecimals(value, decimal(limit)) > 0;

  // ISO dates sort as text.
  if (t.endDate !== null && t.endDate < t.startDate) report('endDate', 'The contract ends before it starts');

  if (t.unit === 'fixed' && t.rounding.mode !== 'none') report('rounding.mode', 'A fixed-price contract is not billed by time, so it has no rounding rule');

  if (t.retainer) {
    if (t.unit === 'fixed') report('retainer.monthlyFeeMinor', 'A retainer buys hours each month, so it needs an hourly or daily rate, not a fixed price');
    const included = number(t.retainer.includedHours, 'retainer.includedHours', '20');
    if (included && !above(included, '0')) report('retainer.includedHours', 'A retainer must include more than 0 hours a month');
    if (included && above(included, String(MAX_MONTH_HOURS))) report('retainer.includedHours', `A month has at most ${MAX_MONTH_HOURS} hours`);
    if (t.retainer.rolloverCapHours !== null) {
      const cap = number(t.retainer.rolloverCapHours, 'retainer.rolloverCapHours', '10');
      if (!t.retainer.rollover) report('retainer.rolloverCapHours', 'Unused hours only carry over with rollover on; turn it on or remove the cap');
      else if (cap && !above(cap, '0')) report('retainer.rolloverCapHours', 'The most hours carried over must be more than 0');
    }
    if (t.billingCycle.kind !== 'monthly') report('billingCycle.kind', 'A retainer is a monthly fee, so it is billed monthly; choose Monthly');
  }

  const markup = t.expensePolicy.markupPercent;
  if (t.expensePolicy.kind === 'markup') {
    const percent = markup === null ? null : number(markup, 'expensePolicy.markupPercent', '10');
    if (markup === null || (percent && (!above(percent, '0') || above(percent, '100')))) report('expensePolicy.markupPercent', 'Enter a markup more than 0% and at most 100%');
  } else if (markup !== null) {
    report('expensePolicy.markupPercent', 'Only expenses rebilled with a markup have a markup percentage');
  }

  if (t.expensePolicy.kind === 'not-rebillable' && t.expensePolicy.capMinor !== null) report('expensePolicy.cap', 'Expenses that are not rebillable have no cap; clear it');

  if (t.unit === 'fixed' && t.budget?.kind === 'hours') report('budget.kind', 'A fixed-price contract is not billed by time; give its budget in money');

  if (t.budget) {
    const amount = number(t.budget.amount, 'budget.amount', t.budget.kind === 'hours' ? '40' : '5000');
    if (amount && !above(amount, '0')) report('budget.amount', 'A budget must be more than 0');
  }

  if ((t.billingCycle.kind === 'weekly' || t.billingCycle.kind === 'fortnightly') && t.billingCycle.anchor === null) {
    report('billingCycle.anchor', 'Choose the first day of the first period');
  } else if (t.billingCycle.kind !== 'weekly' && t.billingCycle.kind !== 'fortnightly' && t.billingCycle.anchor !== null) {
    report('billingCycle.anchor', 'Only weekly and fortnightly cycles start from a chosen day; clear it');
  }

  if (t.ir35?.sdsReceived && t.ir35.sdsDate === null) report('ir35.sdsDate', 'Enter the date you received the status determination statement');
  if (t.ir35 && !t.ir35.sdsReceived && t.ir35.sdsDate !== null) report('ir35.sdsDate', 'A date goes with a statement received; tick that or clear the date');

  return problems;
}
