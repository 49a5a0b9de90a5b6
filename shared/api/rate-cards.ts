import { z } from 'zod';
import { checkTiers } from '../contracts/engagement';
import { RATE_UNITS } from '../contracts/types';
import { currencyCode, currencyField, id, requiredText } from './fields';
import { decimalText, isoDate } from './invoices';
import { isCurrencyCode } from '../reference/currencies';
import { checkedMinor, minorFromInput } from './money-fields';

const hoursPerDayField = decimalText('Hours in a day', { maxScale: 2, positive: true, max: 25 });

/** A price from a date: `amount` in major units of the card's currency as typed ("300"). */
const priceFields = {
  effectiveFrom: isoDate,
  amount: z.string({ error: 'Rate is required' }).max(40, 'Enter an amount like 300'),
  hoursPerDay: hoursPerDayField.nullable().default(null),
};

function checkDayLength(unit: (typeof RATE_UNITS)[number], hoursPerDay: string | null, ctx: z.RefinementCtx): void {
  if (unit === 'day' && hoursPerDay === null) ctx.addIssue({ code: 'custom', path: ['hoursPerDay'], message: 'Enter how many hours make a day, like 8 or 7.5' });
  if (unit !== 'day' && hoursPerDay !== null) ctx.addIssue({ code: 'custom', path: ['hoursPerDay'], message: 'Only a day rate has a day length' });
}

export const rateCardInput = z
  .object({
    name: requiredText('Name', 80),
    unit: z.enum(RATE_UNITS, { error: 'Choose hour, day or fixed price' }),
    currency: currencyField,
    isDefault: z.boolean().default(false),
    ...priceFields,
  })
  // A refinement, not a transform, so its messages come with those of every other field at once.
  .superRefine((input, ctx) => {
    checkDayLength(input.unit, input.hoursPerDay, ctx);
    if (isCurrencyCode(input.currency)) minorFromInput(input.amount, input.currency, 'Rate', ctx, ['amount']);
  })
  .transform((input) => ({ ...input, amountMinor: checkedMinor(input.amount, input.currency) }));

export const rateCardUpdateInput = z.object({ id, name: requiredText('Name', 80), isDefault: z.boolean(), archived: z.boolean() });

/** A new price for a card from a date; the unit and currency are the card's, so the amount is checked against them in main. */
export const rateCardPriceInput = z.object({ rateCardId: id, ...priceFields });

/** `used`: a contract was priced from this price, so it can't be deleted. */
export const rateCardVersionSchema = z.object({ id: z.number(), effectiveFrom: z.string(), amountMinor: z.number(), hoursPerDay: z.string().nullable(), used: z.boolean() });

export const rateCardSchema = z.object({
  id: z.number(),
  name: z.string(),
  unit: z.enum(RATE_UNITS),
  currency: currencyCode,
  isDefault: z.boolean(),
  archived: z.boolean(),
  /** Oldest first. */
  versions: z.array(rateCardVersionSchema),
  /** The version in effect today (the business's calendar), or null when every price starts later. */
  current: rateCardVersionSchema.nullable(),
  /** Contracts that use this card (an amended one counts once). */
  usedBy: z.number(),
});
export type RateCard = z.infer<typeof rateCardSchema>;

const tierInput = z.object({
  fromMonths: z.number({ error: 'Enter a number of months' }).int('Enter whole months').min(0, "Months can't be negative").max(600, 'At most 600 months'),
  percent: decimalText('Discount', { maxScale: 2, positive: true, max: 100 }),
});

export const discountRuleInput = z
  .object({
    id: id.nullable().default(null),
    name: requiredText('Name', 80),
    tiers: z.array(tierInput).min(1, 'Add at least one tier').max(12, 'At most 12 tiers'),
  })
  .superRefine((input, ctx) => {
    const problem = checkTiers(input.tiers);
    if (problem) ctx.addIssue({ code: 'custom', path: ['tiers'], message: problem });
  });

export const discountRuleSchema = z.object({
  id: z.number(),
  name: z.string(),
  archived: z.boolean(),
  tiers: z.array(z.object({ fromMonths: z.number(), percent: z.string() })),
  usedBy: z.number(),
});
export type DiscountRuleView = z.infer<typeof discountRuleSchema>;
