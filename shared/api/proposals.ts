import { z } from 'zod';
import { BILLING_CYCLES, FX_MODES } from '../contracts/types';
import { clientInput } from './clients';
import { rateFields, resolvedRateSchema, termsFields } from './contracts';
import { currencyCode, id, isoTimestamp, optionalText, requiredText } from './fields';
import { decimalText, isoDate } from './invoices';

export const PROPOSAL_STATUSES = ['draft', 'sent', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * A proposal's terms (proposals.terms JSON): the contract's own rate card, discount, currency,
 * conversion and billing cycle fields, and the estimate in the card's unit (hours for an hourly
 * card, days for a day rate, a count of a fixed price).
 */
export const proposalTermsInput = z.object({
  ...rateFields,
  billingCycle: termsFields.billingCycle,
  estimate: decimalText('Estimate', { maxScale: 2, positive: true, max: 100_000 }),
});
export type ProposalTermsInput = z.input<typeof proposalTermsInput>;
export type ProposalTermsValues = z.output<typeof proposalTermsInput>;

/** What is stored: the terms as checked, and the rate resolved when the proposal was last saved (frozen once sent). */
export const storedProposalTerms = z.object({
  rateCardId: id,
  discount: rateFields.discount,
  currency: currencyCode,
  fx: z.object({ mode: z.enum(FX_MODES), rate: z.string(), date: z.string() }).nullable(),
  billingCycle: z.object({ kind: z.enum(BILLING_CYCLES), anchor: z.string().nullable() }),
  estimate: z.string(),
  rate: resolvedRateSchema,
  rateCardVersionFrom: z.string(),
});
export type StoredProposalTerms = z.output<typeof storedProposalTerms>;

const proposalFields = {
  title: requiredText('Title', 200),
  scope: optionalText('Scope', 5000, { multiline: true }),
  terms: proposalTermsInput,
  /** The last day the offer stands; today or later when saved. */
  validUntil: isoDate,
};

export const proposalInput = z.object({ leadId: id, ...proposalFields });
export const proposalUpdateInput = z.object({ id, ...proposalFields });
export type ProposalInput = z.input<typeof proposalInput>;

/**
 * Accepting a sent proposal: link the lead to an existing client, or create one (the same fields
 * as the client form; the lead's contact becomes its contact), and the draft contract's start.
 */
export const proposalAcceptInput = z.object({
  id,
  client: z.discriminatedUnion('mode', [z.object({ mode: z.literal('link'), clientId: id }), z.object({ mode: z.literal('new'), details: clientInput })], { error: 'Choose a client or create one' }),
  startDate: isoDate,
});
export type ProposalAcceptInput = z.input<typeof proposalAcceptInput>;

/** Which existing clients a won lead may already be: by the name and VAT number typed in the accept dialog, and the lead's email. */
export const proposalMatchesInput = z.object({ id, name: optionalText('Name', 200), taxNumber: optionalText('VAT or tax number', 40) });

export const clientMatchSchema = z.object({ clientId: id, name: z.string(), reasons: z.array(z.enum(['name', 'domain', 'taxNumber'])) });
export type ClientMatchView = z.output<typeof clientMatchSchema>;

export const proposalSchema = z.object({
  id,
  leadId: id,
  status: z.enum(PROPOSAL_STATUSES),
  /** A draft or sent proposal whose validity date has passed: it can't be accepted until extended. */
  expired: z.boolean(),
  title: z.string(),
  scope: z.string(),
  terms: storedProposalTerms,
  rateCardName: z.string(),
  /** Estimate × rate after discount, minor units of the rate's currency, VAT not applied. */
  priceMinor: z.number().int(),
  validUntil: z.string(),
  sentAt: isoTimestamp.nullable(),
  decidedAt: isoTimestamp.nullable(),
  clientId: id.nullable(),
  contractId: id.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Proposal = z.output<typeof proposalSchema>;

export const proposalListQuery = z.object({ leadId: id });
