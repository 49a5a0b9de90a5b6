import type { z } from 'zod';
import { MAX_DOCUMENT_AMOUNT, parseMoney } from '../money/money';
import type { CurrencyCode } from '../reference/currencies';

/**
 * Reads an amount the user typed in `currency` ("300", "1,250.50") as minor units, for a zod
 * transform or superRefine that knows the currency only from a sibling field. Adds the problem at
 * `path` ("Rate must be more than 0", "GBP amounts have at most 2 decimal places") and returns
 * null when it is not a valid amount; `label` names the field in messages.
 */
export function minorFromInput(text: string, currency: CurrencyCode, label: string, ctx: z.RefinementCtx, path: (string | number)[], options: { allowZero?: boolean } = {}): number | null {
  if (text.trim() === '') {
    ctx.addIssue({ code: 'custom', path, message: `${label} is required` });
    return null;
  }
  const parsed = parseMoney(text, currency, { allowNegative: false });
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', path, message: parsed.message === 'Enter an amount like 1234.50' && text.trim().startsWith('-') ? `${label} can't be negative` : parsed.message });
    return null;
  }
  const amount = parsed.value.amount;
  if (amount === 0 && !options.allowZero) {
    ctx.addIssue({ code: 'custom', path, message: `${label} must be more than 0` });
    return null;
  }
  if (BigInt(amount) > MAX_DOCUMENT_AMOUNT) {
    ctx.addIssue({ code: 'custom', path, message: `${label} is too large` });
    return null;
  }
  return amount;
}

/** An amount a refinement has already checked with minorFromInput, as minor units. Throws RangeError if it was not checked. */
export function checkedMinor(text: string, currency: CurrencyCode): number {
  const parsed = parseMoney(text, currency, { allowNegative: false });
  if (!parsed.ok) throw new RangeError(`Unchecked amount: ${parsed.message}`);
  return parsed.value.amount;
}
