/**
 * A lead's pipeline stages, in order (issue 15): new → qualified → intro call booked → call held →
 * proposal sent → negotiating → won or lost. Won and lost close the lead.
 */
export const LEAD_STAGES = ['new', 'qualified', 'call-booked', 'call-held', 'proposal-sent', 'negotiating', 'won', 'lost'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

export const OPEN_STAGES = LEAD_STAGES.filter((s) => s !== 'won' && s !== 'lost');

export const STAGE_LABELS: Record<LeadStage, string> = {
  new: 'New',
  qualified: 'Qualified',
  'call-booked': 'Intro call booked',
  'call-held': 'Call held',
  'proposal-sent': 'Proposal sent',
  negotiating: 'Negotiating',
  won: 'Won',
  lost: 'Lost',
};

/** Why a lead was lost: a short list, with free text beside it. */
export const LOST_REASONS = ['price', 'timing', 'chose-another', 'no-response', 'not-a-fit', 'recruiter', 'other'] as const;
export type LostReason = (typeof LOST_REASONS)[number];

export const LOST_REASON_LABELS: Record<LostReason, string> = {
  price: 'Price',
  timing: 'Timing or budget moved',
  'chose-another': 'Chose someone else',
  'no-response': 'Stopped replying',
  'not-a-fit': 'Not a fit',
  recruiter: 'Third-party recruiter',
  other: 'Other',
};

/**
 * The default chance, in whole percent, that a lead at each stage is won: what the pipeline's
 * weighted value multiplies by until the user sets their own (Settings → Leads).
 */
export const DEFAULT_STAGE_PROBABILITIES: Record<LeadStage, number> = {
  new: 10,
  qualified: 20,
  'call-booked': 30,
  'call-held': 40,
  'proposal-sent': 60,
  negotiating: 80,
  won: 100,
  lost: 0,
};

/** Whether a stage closes the lead. */
export const isClosed = (stage: LeadStage): boolean => stage === 'won' || stage === 'lost';

/**
 * The weighted value of an estimate at a stage, in minor units: estimate × probability ÷ 100,
 * rounded half up (whole minor units; the estimate is only an estimate).
 */
export function weightedValue(estimateMinor: number, probabilityPercent: number): number {
  return Math.floor((estimateMinor * probabilityPercent + 50) / 100);
}
