import { z } from 'zod';
import { LEAD_SOURCES } from '../leads/sources';
import { DEFAULT_STAGE_PROBABILITIES, LEAD_STAGES, LOST_REASONS } from '../leads/stages';
import { checkedMinor, minorFromInput } from './money-fields';
import { countryField, currencyCode, currencyField, emailField, id, isoTimestamp, optionalText, phoneField, requiredText, timeZoneField } from './fields';
import { isoDate } from './invoices';
import { isCurrencyCode, type CurrencyCode } from '../reference/currencies';

const tagField = requiredText('Tag', 40).refine((s) => !s.includes(','), "A tag can't contain a comma");
const linkField = requiredText('Link', 500).refine((s) => /^https?:\/\/[^\s]+\.[^\s]+$/i.test(s), 'Enter a link starting with https://');
const clockTime = z.string({ error: 'Enter a time' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:00');

/** The user's working day, in their own zone: the time-zone fit and call warnings measure against it. */
export const workingHoursSchema = z
  .object({ start: clockTime, end: clockTime })
  .refine((h) => h.end > h.start, { path: ['end'], message: 'The working day must end after it starts' });

const domainField = requiredText('Domain', 253)
  .transform((s) => s.toLowerCase().replace(/^@/, ''))
  .refine((s) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(s), 'Enter a domain like hays.com');

/** A saved set of list filters (issue 15 §2), by name. */
export const savedLeadFilterSchema = z.object({
  name: requiredText('Name', 60),
  stages: z.array(z.enum(LEAD_STAGES)).default([]),
  sources: z.array(z.enum(LEAD_SOURCES)).default([]),
  tag: optionalText('Tag', 40),
  staleOnly: z.boolean().default(false),
  minOverlapHours: z.number().int().min(0).max(24).nullable().default(null),
});
export type SavedLeadFilter = z.output<typeof savedLeadFilterSchema>;

/** Settings → Leads (app_settings.leads JSON). */
export const leadSettingsSchema = z.object({
  /** Contacts whose email is at one of these (or a subdomain) are flagged as recruiters when the lead is created. */
  agencyDomains: z.array(domainField).max(200, 'At most 200 domains').default([]),
  staleAfterDays: z.number({ error: 'Enter a number of days' }).int('Enter whole days').min(1, 'At least 1 day').max(365, 'At most 365 days').default(14),
  /** Whole percent per open stage: the pipeline's weighted value. */
  stageProbabilities: z
    .object(Object.fromEntries(LEAD_STAGES.map((s) => [s, z.number({ error: 'Enter a percentage' }).int('Enter a whole percentage').min(0, 'At least 0%').max(100, 'At most 100%')])) as Record<(typeof LEAD_STAGES)[number], z.ZodNumber>)
    .default(DEFAULT_STAGE_PROBABILITIES),
  /** The user's working hours and zone; the zone defaults to the business profile's when null. */
  workingHours: workingHoursSchema.default({ start: '09:00', end: '17:30' }),
  workZone: timeZoneField.nullable().default(null),
  callMinutes: z.number({ error: 'Enter minutes' }).int('Enter whole minutes').min(5, 'At least 5 minutes').max(480, 'At most 8 hours').default(45),
  bufferMinutes: z.number({ error: 'Enter minutes' }).int('Enter whole minutes').min(0, "Buffers can't be negative").max(120, 'At most 2 hours').default(15),
  /** Remembered list and board filter: recruiters hidden unless the user shows them. */
  hideRecruiters: z.boolean().default(true),
  savedFilters: z.array(savedLeadFilterSchema).max(30, 'At most 30 saved filters').default([]),
});
export type LeadSettings = z.output<typeof leadSettingsSchema>;
export const DEFAULT_LEAD_SETTINGS: LeadSettings = leadSettingsSchema.parse({});

const leadFields = z.object({
  title: requiredText('Title', 200),
  organisation: optionalText('Organisation', 200),
  contactName: optionalText('Contact', 200),
  contactEmail: emailField,
  contactPhone: phoneField,
  links: z.array(linkField).max(10, 'At most 10 links').default([]),
  source: z.enum(LEAD_SOURCES, { error: 'Choose where the lead came from' }),
  sourceDetail: optionalText('Source detail', 200),
  /** An amount as typed ("12000", "12,000.50") in `currency`; '' or null for no estimate. */
  estimate: z.string().max(40, 'Enter an amount like 12000').nullable().default(null),
  currency: currencyField.nullable().default(null),
  expectedStart: isoDate.nullable().default(null),
  timezone: timeZoneField.nullable().default(null),
  /** Where the organisation is: the new client's country when a proposal is accepted. */
  country: countryField.nullable().default(null),
  notes: optionalText('Notes', 5000, { multiline: true }),
  nextAction: optionalText('Next action', 200),
  nextActionDue: isoDate.nullable().default(null),
  tags: z.array(tagField).max(20, 'At most 20 tags').default([]),
});

type LeadFields = z.output<typeof leadFields>;

/**
 * Checks the fields that go together (an estimate needs its currency and reads in its digits; a
 * due date needs its action). Runs even when other fields failed, so the form shows every problem at once.
 */
function checkPairs(value: unknown, ctx: z.RefinementCtx): void {
  const lead = value as Partial<Record<keyof LeadFields, unknown>>;
  const estimate = typeof lead.estimate === 'string' ? lead.estimate : '';
  if (estimate.trim() !== '') {
    if (typeof lead.currency !== 'string' || !isCurrencyCode(lead.currency)) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'Choose the currency of the estimate' });
    else minorFromInput(estimate, lead.currency, 'Estimate', ctx, ['estimate'], { allowZero: true });
  }
  if (lead.nextActionDue && !lead.nextAction) ctx.addIssue({ code: 'custom', path: ['nextAction'], message: 'Say what the next action is' });
}

/** The checked lead with its estimate in minor units and tags de-duplicated. */
function finishLead<T extends LeadFields>(lead: T): Omit<T, 'estimate'> & { estimateMinor: number | null } {
  const { estimate, ...rest } = lead;
  const estimateMinor = estimate !== null && estimate.trim() !== '' && lead.currency ? checkedMinor(estimate, lead.currency as CurrencyCode) : null;
  const tags = [...new Map(lead.tags.map((t) => [t.toLocaleLowerCase(), t])).values()];
  return { ...rest, tags, estimateMinor };
}

export const leadInput = leadFields.superRefine(checkPairs, { when: () => true }).transform(finishLead);
export const leadUpdateInput = leadFields.extend({ id }).superRefine(checkPairs, { when: () => true }).transform(finishLead);
export type LeadInput = z.input<typeof leadInput>;
export type LeadValues = z.output<typeof leadInput>;

/** Moves a lead to a stage. Lost needs a reason; the note is free text beside it. */
export const leadStageInput = z
  .object({
    id,
    stage: z.enum(LEAD_STAGES, { error: 'Choose a stage' }),
    lostReason: z.enum(LOST_REASONS, { error: 'Choose why it was lost' }).nullable().default(null),
    lostNote: optionalText('Note', 500),
  })
  .superRefine((v, ctx) => {
    if (v.stage === 'lost' && !v.lostReason) ctx.addIssue({ code: 'custom', path: ['lostReason'], message: 'Choose why it was lost' });
  });

export const ACTIVITY_KINDS = ['note', 'call', 'email', 'meeting', 'stage', 'proposal'] as const;
/** What the user can log by hand; stage and proposal entries are written by those actions. */
export const LOGGED_ACTIVITY_KINDS = ['note', 'call', 'email', 'meeting'] as const;

/** A note, call, email or meeting logged by hand on a lead or a client. A call, email or meeting clears staleness. */
export const activityInput = z
  .object({
    leadId: id.nullable().default(null),
    clientId: id.nullable().default(null),
    kind: z.enum(LOGGED_ACTIVITY_KINDS, { error: 'Choose what happened' }),
    /** When it happened (UTC instant); now when null. */
    occurredAt: z.iso.datetime({ message: 'Enter when it happened' }).nullable().default(null),
    body: optionalText('Text', 5000, { multiline: true }).refine((s): s is string => s !== null, 'Write what happened'),
  })
  .refine((v) => (v.leadId === null) !== (v.clientId === null), { path: ['leadId'], message: 'Log it on a lead or on a client' });

export const activitySchema = z.object({
  id: z.string(),
  kind: z.enum([...ACTIVITY_KINDS, 'contract', 'invoice', 'payment']),
  occurredAt: isoTimestamp,
  body: z.string(),
  fromStage: z.enum(LEAD_STAGES).nullable(),
  toStage: z.enum(LEAD_STAGES).nullable(),
  /** Where the entry opens: a renderer route such as /invoices/12. Null for a plain note. */
  href: z.string().nullable(),
});
export type Activity = z.output<typeof activitySchema>;

export const leadSchema = z.object({
  id,
  title: z.string(),
  organisation: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  links: z.array(z.string()),
  source: z.enum(LEAD_SOURCES),
  sourceDetail: z.string().nullable(),
  recruiter: z.boolean(),
  estimateMinor: z.number().int().nullable(),
  currency: currencyCode.nullable(),
  expectedStart: z.string().nullable(),
  timezone: z.string().nullable(),
  country: z.string().nullable(),
  notes: z.string(),
  stage: z.enum(LEAD_STAGES),
  stageChangedAt: isoTimestamp,
  lostReason: z.enum(LOST_REASONS).nullable(),
  lostNote: z.string().nullable(),
  nextAction: z.string().nullable(),
  nextActionDue: z.string().nullable(),
  tags: z.array(z.string()),
  lastActivityAt: isoTimestamp,
  stale: z.boolean(),
  /** Minutes the lead's working day overlaps the user's today (both zones' DST applied); null without a zone. */
  overlapMinutes: z.number().int().nullable(),
  clientId: id.nullable(),
  contractId: id.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Lead = z.output<typeof leadSchema>;

export const leadDetailSchema = leadSchema.extend({ timeline: z.array(activitySchema) });
export type LeadDetail = z.output<typeof leadDetailSchema>;

export const LEAD_SORTS = ['updated', 'title', 'stage', 'value', 'nextAction', 'lastActivity'] as const;

/** The list and board filters. Recruiters are shown only when `showRecruiters` is set. */
export const leadListQuery = z
  .object({
    stages: z.array(z.enum(LEAD_STAGES)).default([]),
    sources: z.array(z.enum(LEAD_SOURCES)).default([]),
    tag: optionalText('Tag', 40),
    staleOnly: z.boolean().default(false),
    minOverlapHours: z.number({ error: 'Enter hours' }).int('Enter whole hours').min(0).max(24, 'At most 24 hours').nullable().default(null),
    showRecruiters: z.boolean().default(false),
    includeClosed: z.boolean().default(false),
    sort: z.enum(LEAD_SORTS).default('updated'),
    direction: z.enum(['asc', 'desc']).default('desc'),
  })
  .default({ stages: [], sources: [], tag: null, staleOnly: false, minOverlapHours: null, showRecruiters: false, includeClosed: false, sort: 'updated', direction: 'desc' });
export type LeadListQuery = z.output<typeof leadListQuery>;

/** One board column: the stage's leads, their value in the home currency and that value weighted by the stage's probability. */
export const pipelineStageSchema = z.object({
  stage: z.enum(LEAD_STAGES),
  probability: z.number().int(),
  count: z.number().int(),
  /** Sum of estimates converted to the home currency at the latest stored rate, minor units. */
  valueMinor: z.number().int(),
  weightedMinor: z.number().int(),
  /** Leads whose estimate has no stored rate to the home currency: left out of the sums, not guessed. */
  unconvertedCount: z.number().int(),
});

export type PipelineStage = z.output<typeof pipelineStageSchema>;

export const leadBoardSchema = z.object({
  homeCurrency: currencyCode.nullable(),
  stages: z.array(pipelineStageSchema),
  leads: z.array(leadSchema),
  /** Recruiter leads the filter hid, so the screen can say so. */
  hiddenRecruiters: z.number().int(),
});
export type LeadBoard = z.output<typeof leadBoardSchema>;
