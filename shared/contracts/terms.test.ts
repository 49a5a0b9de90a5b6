import { describe, expect, it } from 'vitest';
import { contractTermsProblems, type ContractTerms } from './terms';
import type { Retainer } from './types';

const fine: ContractTerms = {
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  unit: 'hour',
  rounding: { mode: 'up', incrementMinutes: 15, scope: 'entry' },
  retainer: null,
  expensePolicy: { kind: 'at-cost', markupPercent: null, capMinor: null },
  budget: { kind: 'hours', amount: '120' },
  billingCycle: { kind: 'monthly', anchor: null },
  ir35: { status: 'outside', sdsReceived: true, sdsDate: '2025-12-20' },
};
const retainer: Retainer = { monthlyFeeMinor: 500_000, includedHours: '20', overageRateMinor: 30_000, rollover: true, rolloverCapHours: '10' };
const problems = (changes: Partial<ContractTerms>) => contractTermsProblems({ ...fine, ...changes });
const withRetainer = (changes: Partial<Retainer>, terms: Partial<ContractTerms> = {}) => problems({ retainer: { ...retainer, ...changes }, ...terms });

describe("a contract's terms", () => {
  it('have no problems when they agree', () => {
    expect(contractTermsProblems(fine)).toEqual({});
    expect(problems({ endDate: null, retainer, ir35: null, budget: null })).toEqual({});
    expect(problems({ endDate: '2026-01-01' })).toEqual({});
    expect(problems({ unit: 'fixed', rounding: { mode: 'none', incrementMinutes: 15, scope: 'entry' }, budget: { kind: 'money', amount: '1200000' } })).toEqual({});
  });

  it('refuse a setting that contradicts its neighbour instead of dropping it: a cap on unrebillable expenses, an anchor on a monthly cycle, a statement date with no statement', () => {
    expect(problems({ expensePolicy: { kind: 'not-rebillable', markupPercent: null, capMinor: 10_000 } })).toEqual({ 'expensePolicy.cap': 'Expenses that are not rebillable have no cap; clear it' });
    expect(problems({ billingCycle: { kind: 'monthly', anchor: '2026-01-05' } })).toEqual({ 'billingCycle.anchor': 'Only weekly and fortnightly cycles start from a chosen day; clear it' });
    expect(problems({ ir35: { status: 'outside', sdsReceived: false, sdsDate: '2025-12-20' } })).toEqual({ 'ir35.sdsDate': 'A date goes with a statement received; tick that or clear the date' });
  });

  it('must not end before they start', () => {
    expect(problems({ endDate: '2025-12-31' })).toEqual({ endDate: 'The contract ends before it starts' });
  });

  it('give a fixed price no rounding rule and no retainer', () => {
    expect(problems({ unit: 'fixed', budget: null })).toEqual({ 'rounding.mode': 'A fixed-price contract is not billed by time, so it has no rounding rule' });
    expect(problems({ unit: 'fixed', rounding: { mode: 'none', incrementMinutes: 15, scope: 'entry' } })).toEqual({ 'budget.kind': 'A fixed-price contract is not billed by time; give its budget in money' });
    expect(problems({ unit: 'fixed', rounding: { mode: 'nearest', incrementMinutes: 6, scope: 'day' }, retainer, budget: null })).toEqual({
      'rounding.mode': 'A fixed-price contract is not billed by time, so it has no rounding rule',
      'retainer.monthlyFeeMinor': 'A retainer buys hours each month, so it needs an hourly or daily rate, not a fixed price',
    });
    expect(problems({ unit: 'day', retainer })).toEqual({});
  });

  it('include more than 0 and at most 744 hours in a retainer month', () => {
    expect(withRetainer({ includedHours: '745' })).toEqual({ 'retainer.includedHours': 'A month has at most 744 hours' });
    expect(withRetainer({ includedHours: '744.01' })).toEqual({ 'retainer.includedHours': 'A month has at most 744 hours' });
    expect(withRetainer({ includedHours: '744' })).toEqual({});
    expect(withRetainer({ includedHours: '0.00' })).toEqual({ 'retainer.includedHours': 'A retainer must include more than 0 hours a month' });
    expect(withRetainer({ includedHours: '-3' })).toEqual({ 'retainer.includedHours': 'A retainer must include more than 0 hours a month' });
    expect(withRetainer({ includedHours: 'twenty' })).toEqual({ 'retainer.includedHours': 'Enter a number like 20' });
  });

  it('cap rollover only when it is on, and above 0 hours', () => {
    expect(withRetainer({ rollover: false })).toEqual({ 'retainer.rolloverCapHours': 'Unused hours only carry over with rollover on; turn it on or remove the cap' });
    expect(withRetainer({ rollover: false, rolloverCapHours: null })).toEqual({});
    expect(withRetainer({ rolloverCapHours: '0' })).toEqual({ 'retainer.rolloverCapHours': 'The most hours carried over must be more than 0' });
    expect(withRetainer({ rolloverCapHours: null })).toEqual({});
  });

  it('bill a retainer monthly, never weekly, fortnightly, by milestone or on completion', () => {
    const message = { 'billingCycle.kind': 'A retainer is a monthly fee, so it is billed monthly; choose Monthly' };
    expect(withRetainer({}, { billingCycle: { kind: 'milestones', anchor: null } })).toEqual(message);
    expect(withRetainer({}, { billingCycle: { kind: 'completion', anchor: null } })).toEqual(message);
    expect(withRetainer({}, { billingCycle: { kind: 'fortnightly', anchor: '2026-01-05' } })).toEqual(message);
    expect(problems({ billingCycle: { kind: 'completion', anchor: null } })).toEqual({});
  });

  it('give a markup only to a markup expense policy, above 0% and at most 100%', () => {
    const markup = (markupPercent: string | null) => problems({ expensePolicy: { kind: 'markup', markupPercent, capMinor: null } });
    expect(markup('10')).toEqual({});
    expect(markup('100')).toEqual({});
    const message = { 'expensePolicy.markupPercent': 'Enter a markup more than 0% and at most 100%' };
    expect(markup('0')).toEqual(message);
    expect(markup('100.5')).toEqual(message);
    expect(markup(null)).toEqual(message);
    expect(markup('ten')).toEqual({ 'expensePolicy.markupPercent': 'Enter a number like 10' });
    expect(problems({ expensePolicy: { kind: 'not-rebillable', markupPercent: '10', capMinor: null } })).toEqual({
      'expensePolicy.markupPercent': 'Only expenses rebilled with a markup have a markup percentage',
    });
  });

  it('need a budget above 0', () => {
    expect(problems({ budget: { kind: 'money', amount: '0' } })).toEqual({ 'budget.amount': 'A budget must be more than 0' });
    expect(problems({ budget: { kind: 'hours', amount: '-1' } })).toEqual({ 'budget.amount': 'A budget must be more than 0' });
    expect(problems({ budget: { kind: 'hours', amount: '0.5' } })).toEqual({});
  });

  it('need the first day of a weekly or fortnightly cycle', () => {
    const message = { 'billingCycle.anchor': 'Choose the first day of the first period' };
    expect(problems({ billingCycle: { kind: 'weekly', anchor: null } })).toEqual(message);
    expect(problems({ billingCycle: { kind: 'fortnightly', anchor: null } })).toEqual(message);
    expect(problems({ billingCycle: { kind: 'fortnightly', anchor: '2026-01-05' } })).toEqual({});
    expect(problems({ billingCycle: { kind: 'semi-monthly', anchor: null } })).toEqual({});
  });

  it('date a status determination statement that was received', () => {
    expect(problems({ ir35: { status: 'inside', sdsReceived: true, sdsDate: null } })).toEqual({
      'ir35.sdsDate': 'Enter the date you received the status determination statement',
    });
    expect(problems({ ir35: { status: 'not-assessed', sdsReceived: false, sdsDate: null } })).toEqual({});
  });

  it('report every problem at once, one per field', () => {
    expect(
      Object.keys(
        problems({
          endDate: '2025-01-01',
          unit: 'fixed',
          retainer: { ...retainer, includedHours: '745', rollover: false },
          billingCycle: { kind: 'weekly', anchor: null },
          budget: { kind: 'money', amount: '0' },
        }),
      ).sort(),
    ).toEqual(['billingCycle.anchor', 'billingCycle.kind', 'budget.amount', 'endDate', 'retainer.includedHours', 'retainer.monthlyFeeMinor', 'retainer.rolloverCapHours', 'rounding.mode']);
  });
});
