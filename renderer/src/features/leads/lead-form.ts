import type { Lead, LeadInput } from '../../../../shared/api/leads';
import type { LeadSource } from '../../../../shared/leads/sources';
import { toMajorString } from '../../../../shared/money/money';
import { typedText, withCanonicalNumbers } from '../../forms/numbers';

/** The lead form's values: strings as typed, turned into the API's input by `leadInputOf`. */
export interface LeadFormValues {
  title: string;
  organisation: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  links: string[];
  source: LeadSource;
  sourceDetail: string;
  estimate: string;
  currency: string;
  expectedStart: string;
  timezone: string;
  country: string;
  notes: string;
  nextAction: string;
  nextActionDue: string;
  tags: string[];
}

export function emptyLead(homeCurrency: string | null): LeadFormValues {
  return {
    title: '',
    organisation: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    links: [],
    source: 'direct',
    sourceDetail: '',
    estimate: '',
    currency: homeCurrency ?? '',
    expectedStart: '',
    timezone: '',
    country: '',
    notes: '',
    nextAction: '',
    nextActionDue: '',
    tags: [],
  };
}

/** The form's values for an existing lead; the estimate as typed in the display locale ("12000,00" in de-DE). */
export function leadFormValues(lead: Lead): LeadFormValues {
  return {
    title: lead.title,
    organisation: lead.organisation ?? '',
    contactName: lead.contactName ?? '',
    contactEmail: lead.contactEmail ?? '',
    contactPhone: lead.contactPhone ?? '',
    links: lead.links,
    source: lead.source,
    sourceDetail: lead.sourceDetail ?? '',
    estimate: lead.estimateMinor !== null && lead.currency ? typedText(toMajorString(lead.estimateMinor, lead.currency)) : '',
    currency: lead.currency ?? '',
    expectedStart: lead.expectedStart ?? '',
    timezone: lead.timezone ?? '',
    country: lead.country ?? '',
    notes: lead.notes,
    nextAction: lead.nextAction ?? '',
    nextActionDue: lead.nextActionDue ?? '',
    tags: lead.tags,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

/** The API input for the form's values: empty fields become null; the estimate canonical text ("1.234,5" → "1234.5" in de-DE) for the API to read exactly. */
export function leadInputOf(typed: LeadFormValues): LeadInput {
  const values = withCanonicalNumbers(typed, ['estimate']);
  return {
    ...values,
    estimate: orNull(values.estimate),
    currency: orNull(values.currency),
    expectedStart: orNull(values.expectedStart),
    timezone: orNull(values.timezone),
    country: orNull(values.country),
    nextActionDue: orNull(values.nextActionDue),
  };
}
