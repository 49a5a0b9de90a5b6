import type { ExpensePolicy } from '../contracts/types';
import { decimal, decimalToString } from '../money/decimal';
import { formatMoney } from '../money/money';
import { divRound, pow10 } from '../money/rounding';
import { describeDay } from '../dates/calendar';
import { currencyExponent, type CurrencyCode } from '../reference/currencies';

/** An unbilled rebillable expense as the run sees it. Amounts in minor units of `currency`. */
export interface RebillableExpense {
  id: number;
  expenseDate: string;
  description: string;
  supplier: string;
  /** What was paid, VAT included. */
  amountMinor: number;
  /** The VAT in it. */
  vatMinor: number;
  vatReclaimable: boolean;
  currency: CurrencyCode;
  /** Units of the contract's currency per 1 unit of `currency`; null when they are the same. */
  fxRate: string | null;
  rebillKind: 'recharge' | 'disbursement';
}

/** One invoice line rebilling one expense, in the contract's currency. */
export interface RebilledLine {
  expenseId: number;
  kind: 'expense' | 'disbursement';
  description: string;
  /** Major units, exact: the line's unit price at quantity 1. */
  unitPrice: string;
  /** What the expense cost, converted (minor units), the markup on it, and what the cap took off. */
  costMinor: number;
  markupMinor: number;
  cappedMinor: number;
}

/**
 * `amount` minor units of `from` at `rate` units of `to` per 1 `from`, in minor units of `to`,
 * rounded half-up. Throws RangeError for a missing rate between two currencies.
 */
export function convertExpense(amount: number, from: CurrencyCode, rate: string | null, to: CurrencyCode): number {
  if (from === to) return amount;
  if (rate === null) throw new RangeError(`An expense in ${from} needs a rate to ${to}`);
  const r = decimal(rate);
  return Number(divRound(BigInt(amount) * r.units * pow10(currencyExponent(to)), pow10(r.scale + currencyExponent(from)), 'half-up'));
}

/**
 * What an expense costs the business, in its own currency (rules §1.6): a recharge is the net
 * cost when its VAT was reclaimed (else VAT would be charged twice) and the gross cost when it
 * was not; a disbursement is the exact amount paid on the client's behalf, gross.
 */
export function expenseCost(expense: RebillableExpense): number {
  return expense.rebillKind === 'recharge' && expense.vatReclaimable ? expense.amountMinor - expense.vatMinor : expense.amountMinor;
}

/**
 * The lines that rebill `expenses` under a contract's expense policy, in `currency` (the
 * contract's), in date order. Recharges take the policy's markup; a disbursement never does
 * (HMRC: the exact amount is recovered, rules §1.6). The cap per billing period (minor units)
 * applies to the total: the line that crosses it is reduced, later ones bill 0.00 and say so,
 * so every expense is still settled once and the client sees what was absorbed. A
 * not-rebillable policy rebills nothing. Throws RangeError for a foreign expense with no rate.
 */
export function rebillExpenses(expenses: readonly RebillableExpense[], policy: ExpensePolicy, currency: CurrencyCode): RebilledLine[] {
  if (policy.kind === 'not-rebillable') return [];
  const markup = policy.kind === 'markup' && policy.markupPercent !== null ? decimal(policy.markupPercent) : null;
  let room = policy.capMinor;
  const sorted = [...expenses].sort((a, b) => (a.expenseDate === b.expenseDate ? a.id - b.id : a.expenseDate < b.expenseDate ? -1 : 1));
  return sorted.map((expense) => {
    const costMinor = convertExpense(expenseCost(expense), expense.currency, expense.fxRate, currency);
    const markupMinor = markup === null || expense.rebillKind === 'disbursement' ? 0 : Number(divRound(BigInt(costMinor) * markup.units, pow10(markup.scale + 2), 'half-up'));
    const full = costMinor + markupMinor;
    const charged = room === null ? full : Math.min(full, room);
    if (room !== null) room -= charged;
    const cappedMinor = full - charged;
    const base = `${expense.description} (${expense.supplier}, ${describeDay(expense.expenseDate)})`;
    const note = cappedMinor === 0 ? '' : charged === 0 ? ' — above the agreed expense cap, not charged' : ` — capped: ${formatMoney({ amount: cappedMinor, currency })} above the agreed expense cap not charged`;
    return {
      expenseId: expense.id,
      kind: expense.rebillKind === 'disbursement' ? 'disbursement' : 'expense',
      description: `${base}${note}`,
      unitPrice: decimalToString({ units: BigInt(charged), scale: currencyExponent(currency) }, currencyExponent(currency)),
      costMinor,
      markupMinor,
      cappedMinor,
    };
  });
}
