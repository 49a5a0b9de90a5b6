import { z } from 'zod';
import { contractTermsProblems } from '../contracts/terms';
import {
  BILLING_CYCLES,
  BUDGET_KINDS,
  CONTRACT_STATUSES,
  EXPENSE_POLICIES,
  FX_MODES,
  IR35_STATUSES,
  NOTICE_UNITS,
  RATE_UNITS,
  ROUNDING_INCREMENTS,
  ROUNDING_SCOPES,
  TIME_ROUNDING_MODES,
  type Budget,
  type Retainer,
} from '../contracts/types';
import { currencyCode, currencyField, id, optionalText, paymentTermsField, requiredText } from './fields';
import { decimalText, isoDate } from './invoices';
import { minorFromInput } from './money-fields';

const CONTRACT_LIMITS = { title: 200, scope: 5000, poNumber: 60, discountReason: 200 } as const;

const hours = (label: string) => decimalText(label, { maxScale: 2, positive: true, max: 100_000 });
const moneyText = (label: string) => z.string({ error: `${label} is required` }).max(40, `Enter an amount like 1250`);

export const discountChoice = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('rule'), ruleId: id }),
    z.object({
      kind: z.literal('custom'),
      percent: decimalText('Discount', { maxScale: 2, positive: true, max: 100 }),
      reason: requiredText('Reason', CONTRACT_LIMITS.discountReason),
    }),
  ],
  { error: 'Choose a discount' },
);
export type DiscountChoice = z.output<typeof discountChoice>;

/** The rate card, discount and currency of a contract: enough to resolve its rate (a proposal's terms reuse them). */
export const rateFields = {
  rateCardId: id,
  discount: discountChoice,
  currency: currencyField,
  /** Required when the card's currency is not the contract's (checked in main, which knows the card). */
  fx: z.object({ mode: z.enum(FX_MODES), rate: decimalText('Exchange rate', { maxScale: 10, positive: true, max: 1_000_000 }), date: isoDate }).nullable().default(null),
};

/** A contract's term fields as typed (a proposal's terms reuse its billing cycle). */
export const termsFields = {
  clientId: id,
  title: requiredText('Title', CONTRACT_LIMITS.title),
  scope: optionalText('Scope', CONTRACT_LIMITS.scope, { multiline: true }),
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
  notice: z.object({
    amount: z.number({ error: 'Enter a notice period' }).int('Enter a whole number').min(0, "Notice can't be negative").max(365, 'At most 365'),
    unit: z.enum(NOTICE_UNITS),
  }),
  ...rateFields,
  billingCycle: z.object({ kind: z.enum(BILLING_CYCLES, { error: 'Choose a billing cycle' }), anchor: isoDate.nullable().default(null) }),
  /** Its invoices are a continuous supply of services: the tax point is the invoice or the payment, whichever is first (rules §2.4). */
  continuousSupply: z.boolean().default(false),
  paymentTermsDays: paymentTermsField,
  poNumber: optionalText('PO number', CONTRACT_LIMITS.poNumber),
  rounding: z.object({
    mode: z.enum(TIME_ROUNDING_MODES),
    incrementMinutes: z.union(ROUNDING_INCREMENTS.map((n) => z.literal(n)) as [z.ZodLiteral<1>, z.ZodLiteral<6>, z.ZodLiteral<15>, z.ZodLiteral<30>], { error: 'Choose 1, 6, 15 or 30 minutes' }),
    scope: z.enum(ROUNDING_SCOPES),
  }),
  expensePolicy: z.object({
    kind: z.enum(EXPENSE_POLICIES),
    markupPercent: decimalText('Markup', { maxScale: 2, positive: true, max: 1000 }).nullable().default(null),
    cap: moneyText('Cap').nullable().default(null),
  }),
  retainer: z
    .object({ monthlyFee: moneyText('Monthly fee'), includedHours: hours('Included hours'), overageRate: moneyText('Overage rate'), rollover: z.boolean(), rolloverCapHours: hours('Rollover cap').nullable().default(null) })
    .nullable()
    .default(null),
  budget: z.object({ kind: z.enum(BUDGET_KINDS), amount: z.string({ error: 'Budget is required' }).max(40) }).nullable().default(null),
  ir35: z.object({ status: z.enum(IR35_STATUSES), sdsReceived: z.boolean(), sdsDate: isoDate.nullable().default(null) }).nullable().default(null),
};

/**
 * Terms as typed, turned into stored units: money in minor units of the contract currency, with
 * the cross-field rules of shared/contracts/terms.ts that do not depend on the rate card's unit
 * (main, which knows the card, checks them all again).
 */
function toTerms(input: z.output<z.ZodObject<typeof termsFields>>, ctx: z.RefinementCtx) {
  const { currency } = input;
  const capMinor = input.expensePolicy.cap === null || input.expensePolicy.cap.trim() === '' ? null : minorFromInput(input.expensePolicy.cap, currency, 'Cap', ctx, ['expensePolicy', 'cap']);
  let retainer: Retainer | null = null;
  if (input.retainer) {
    const monthlyFeeMinor = minorFromInput(input.retainer.monthlyFee, currency, 'Monthly fee', ctx, ['retainer', 'monthlyFee']);
    const overageRateMinor = minorFromInput(input.retainer.overageRate, currency, 'Overage rate', ctx, ['retainer', 'overageRate'], { allowZero: true });
    if (monthlyFeeMinor !== null && overageRateMinor !== null) {
      retainer = { monthlyFeeMinor, includedHours: input.retainer.includedHours, overageRateMinor, rollover: input.retainer.rollover, rolloverCapHours: input.retainer.rolloverCapHours };
    }
  }
  let budget: Budget | null = null;
  if (input.budget) {
    if (input.budget.kind === 'money') {
      const minor = minorFromInput(input.budget.amount, currency, 'Budget', ctx, ['budget', 'amount']);
      if (minor !== null) budget = { kind: 'money', amount: String(minor) };
    } else {
      const parsed = hours('Budget').safeParse(input.budget.amount);
      if (parsed.success) budget = { kind: 'hours', amount: parsed.data };
      else ctx.addIssue({ code: 'custom', path: ['budget', 'amount'], message: parsed.error.issues[0]?.message ?? 'Enter hours like 120' });
    }
  }
  const expensePolicy = { kind: input.expensePolicy.kind, markupPercent: input.expensePolicy.markupPercent, capMinor };
  // Every rule that does not need the rate card's unit, so all problems show at once; main runs them all again with the unit.
  const retainerHours = input.retainer && { monthlyFeeMinor: retainer?.monthlyFeeMinor ?? 1, overageRateMinor: retainer?.overageRateMinor ?? 0, includedHours: input.retainer.includedHours, rollover: input.retainer.rollover, rolloverCapHours: input.retainer.rolloverCapHours };
  const problems = contractTermsProblems({ ...input, unit: 'hour', expensePolicy, retainer: retainerHours, budget });
  for (const [path, message] of Object.entries(problems)) ctx.addIssue({ code: 'custom', path: path.split('.'), message });
  const { clientId, title, startDate, endDate, notice, rateCardId, discount, fx, billingCycle, continuousSupply, paymentTermsDays, poNumber, rounding, ir35 } = input;
  return { clientId, title, scope: input.scope ?? '', startDate, endDate, notice, rateCardId, discount, currency, fx, billingCycle, continuousSupply, paymentTermsDays, poNumber, rounding, expensePolicy, retainer, budget, ir35 };
}

export const contractInput = z.object(termsFields).transform(toTerms);
export type ContractInput = z.input<typeof contractInput>;
export type ContractTerms = z.output<typeof contractInput>;

/** Changes the unsigned version (the draft contract, or a draft amendment) of contract `id`. */
export const contractUpdateInput = z.object({ ...termsFields, id }).transform((input, ctx) => ({ ...toTerms(input, ctx), id: input.id }));

/** What the editor needs to show the live rate: the terms that resolve it, on a date. */
export const ratePreviewInput = z.object({ ...rateFields, clientId: id, effectiveFrom: isoDate, contractId: id.nullable().default(null) });

export const resolvedRateSchema = z.object({
  unit: z.enum(RATE_UNITS),
  hoursPerDay: z.string().nullable(),
  listRate: z.string(),
  listCurrency: currencyCode,
  discountPercent: z.string(),
  discountReason: z.string().nullable(),
  rate: z.string(),
  currency: currencyCode,
});

export const ratePreviewSchema = z.object({
  rate: resolvedRateSchema,
  /** The card version used (ISO date it took effect). */
  rateCardVersionFrom: z.string(),
  /** Whole months of continuous engagement with the client on the effective date. */
  engagedMonths: z.number(),
  /** A tier of the rule that starts later, with the date it takes effect if the engagement continues. */
  nextTier: z.object({ date: z.string(), percent: z.string() }).nullable(),
});
export type RatePreview = z.infer<typeof ratePreviewSchema>;

export const contractStatusInput = z.object({ id, status: z.enum(['sent', 'active', 'ended', 'cancelled']) });
export const amendInput = z.object({ id, effectiveFrom: isoDate });
export const contractListQuery = z.object({ status: z.enum(CONTRACT_STATUSES).nullable().default(null), clientId: id.nullable().default(null) }).default({ status: null, clientId: null });

const termsView = z.object({
  title: z.string(),
  scope: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  notice: z.object({ amount: z.number(), unit: z.enum(NOTICE_UNITS) }),
  rateCardId: z.number(),
  rateCardName: z.string(),
  rateCardVersionFrom: z.string(),
  discount: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('rule'), ruleId: z.number(), ruleName: z.string() }),
    z.object({ kind: z.literal('custom'), percent: z.string(), reason: z.string() }),
  ]),
  rate: resolvedRateSchema,
  fx: z.object({ mode: z.enum(FX_MODES), rate: z.string(), date: z.string() }).nullable(),
  billingCycle: z.object({ kind: z.enum(BILLING_CYCLES), anchor: z.string().nullable() }),
  continuousSupply: z.boolean(),
  paymentTermsDays: z.number(),
  poNumber: z.string().nullable(),
  rounding: z.object({ mode: z.enum(TIME_ROUNDING_MODES), incrementMinutes: z.union([z.literal(1), z.literal(6), z.literal(15), z.literal(30)]), scope: z.enum(ROUNDING_SCOPES) }),
  expensePolicy: z.object({ kind: z.enum(EXPENSE_POLICIES), markupPercent: z.string().nullable(), capMinor: z.number().nullable() }),
  retainer: z.object({ monthlyFeeMinor: z.number(), includedHours: z.string(), overageRateMinor: z.number(), rollover: z.boolean(), rolloverCapHours: z.string().nullable() }).nullable(),
  budget: z.object({ kind: z.enum(BUDGET_KINDS), amount: z.string() }).nullable(),
  ir35: z.object({ status: z.enum(IR35_STATUSES), sdsReceived: z.boolean(), sdsDate: z.string().nullable() }).nullable(),
});

export const contractVersionSchema = termsView.extend({
  id: z.number(),
  versionNumber: z.number(),
  effectiveFrom: z.string(),
  signedAt: z.string().nullable(),
  /** SHA-256 of the signed PDF; null until signed. */
  pdfSha256: z.string().nullable(),
});
export type ContractVersion = z.infer<typeof contractVersionSchema>;

export const contractSchema = z.object({
  id: z.number(),
  reference: z.string(),
  clientId: z.number(),
  clientName: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  /** ISO date of the last status change: when an ended or cancelled contract ended. */
  statusSince: z.string(),
  /** Invoices the billing run drafts from it print a timesheet appendix (date, hours, note). */
  timesheetAppendix: z.boolean(),
  /** Oldest first: the original and each amendment. */
  versions: z.array(contractVersionSchema),
  /** The signed version in effect today, or null before the first is signed or takes effect. */
  current: z.number().nullable(),
  /** The version being edited (not signed), or null. */
  draft: z.number().nullable(),
  /** The end of the current billing period, from the cycle in effect; null for milestones or when the contract is over. */
  nextBillingDate: z.string().nullable(),
  /**
   * A discount rule's later tier that applies today but not to the signed terms (the engagement
   * has run long enough): what an amendment would give. Null otherwise.
   */
  tierDue: z.object({ percent: z.string(), reason: z.string().nullable(), rate: z.string() }).nullable(),
  /** Countersigned copies the client returned, oldest first. */
  documents: z.array(z.object({ id: z.number(), versionId: z.number(), fileName: z.string(), byteSize: z.number(), createdAt: z.string() })),
  /** Budget use from issued invoices started from this contract; null without a budget. */
  burn: z.object({ used: z.string(), percent: z.number(), level: z.enum(['ok', 'warning', 'over']) }).nullable(),
});
export type Contract = z.infer<typeof contractSchema>;

export const contractSummarySchema = z.object({
  id: z.number(),
  reference: z.string(),
  clientId: z.number(),
  clientName: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  rate: resolvedRateSchema,
  billingCycle: z.enum(BILLING_CYCLES),
  nextBillingDate: z.string().nullable(),
});
export type ContractSummary = z.infer<typeof contractSummarySchema>;

/** The most a countersigned PDF may weigh: scans of a few pages fit well within it. */
export const COUNTERSIGNED_MAX_BYTES = 20 * 1024 * 1024;

export const versionRef = z.object({ versionId: id });
export const documentRef = z.object({ contractId: id, documentId: id });
/** A PDF as base64; the size and the real file type are checked in main. */
export const countersignedInput = z.object({
  versionId: id,
  fileName: z.string().max(260).default('countersigned.pdf'),
  dataBase64: z.string().min(1, 'The file is empty').max(28_000_000, 'Choose a PDF of at most 20 MB'),
});
