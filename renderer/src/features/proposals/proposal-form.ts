import type { Lead } from '../../../../shared/api/leads';
import type { Proposal, ProposalInput } from '../../../../shared/api/proposals';
import type { FieldErrors } from '../../../../shared/api/errors';
import type { BillingCycleKind } from '../../../../shared/contracts/types';
import { addDays } from '../../../../shared/dates/calendar';
import { canonicalOrAsTyped, localiseNumber } from '../../../../shared/money/typed-number';
import { displayLocale } from '../../app/locale';

/** The proposal dialog's fields, flat, as typed (numbers in the display locale). */
export interface ProposalValues {
  title: string;
  scope: string;
  validUntil: string;
  rateCardId: string | null;
  discountKind: 'none' | 'rule' | 'custom';
  discountRuleId: string | null;
  discountPercent: string;
  discountReason: string;
  currency: string | null;
  fxRate: string;
  estimate: string;
  billingCycle: BillingCycleKind;
}

/** How long a new proposal stands unless the user says otherwise. */
const VALID_DAYS = 30;

/** A new proposal's fields from its lead (title and currency), or a draft's stored ones to edit. */
export function proposalValues(lead: Pick<Lead, 'title' | 'currency'>, today: string, proposal?: Proposal): ProposalValues {
  if (!proposal) {
    return { title: lead.title, scope: '', validUntil: addDays(today, VALID_DAYS), rateCardId: null, discountKind: 'none', discountRuleId: null, discountPercent: '', discountReason: '', currency: lead.currency, fxRate: '', estimate: '', billingCycle: 'monthly' };
  }
  const { terms } = proposal;
  const locale = displayLocale();
  return {
    title: proposal.title,
    scope: proposal.scope,
    validUntil: proposal.validUntil < today ? addDays(today, VALID_DAYS) : proposal.validUntil,
    rateCardId: String(terms.rateCardId),
    discountKind: terms.discount.kind,
    discountRuleId: terms.discount.kind === 'rule' ? String(terms.discount.ruleId) : null,
    discountPercent: terms.discount.kind === 'custom' ? localiseNumber(terms.discount.percent, locale) : '',
    discountReason: terms.discount.kind === 'custom' ? terms.discount.reason : '',
    currency: terms.currency,
    fxRate: terms.fx ? localiseNumber(terms.fx.rate, locale) : '',
    estimate: localiseNumber(terms.estimate, locale),
    billingCycle: terms.billingCycle.kind,
  };
}

/**
 * The call's input from the fields. The conversion is sent only when the chosen currency is not
 * the card's (`cardCurrency`), fixed at the rate typed, dated `today`; main checks the rest.
 */
export function proposalInputOf(v: ProposalValues, leadId: number, cardCurrency: string | null, today: string): ProposalInput {
  const number = (text: string) => canonicalOrAsTyped(text, displayLocale());
  const discount: ProposalInput['terms']['discount'] =
    v.discountKind === 'rule' ? { kind: 'rule', ruleId: Number(v.discountRuleId) } : v.discountKind === 'custom' ? { kind: 'custom', percent: number(v.discountPercent), reason: v.discountReason } : { kind: 'none' };
  const currency = v.currency ?? cardCurrency ?? '';
  return {
    leadId,
    title: v.title,
    scope: v.scope,
    validUntil: v.validUntil,
    terms: {
      rateCardId: Number(v.rateCardId),
      discount,
      currency,
      fx: cardCurrency && currency !== cardCurrency ? { mode: 'fixed', rate: number(v.fxRate), date: today } : null,
      billingCycle: { kind: v.billingCycle },
      estimate: number(v.estimate),
    },
  };
}

/** Where the call's field paths ("terms.fx.rate") sit in the dialog's flat fields ("fxRate"). */
const FIELD_OF: Record<string, keyof ProposalValues> = {
  'terms.rateCardId': 'rateCardId',
  'terms.discount': 'discountKind',
  'terms.discount.ruleId': 'discountRuleId',
  'terms.discount.percent': 'discountPercent',
  'terms.discount.reason': 'discountReason',
  'terms.currency': 'currency',
  'terms.fx.rate': 'fxRate',
  'terms.fx': 'fxRate',
  'terms.estimate': 'estimate',
  'terms.billingCycle.kind': 'billingCycle',
};

/** Field errors from the schema or the call, keyed by the dialog's fields. */
export function proposalErrors(errors: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [FIELD_OF[path] ?? path, message]));
}
