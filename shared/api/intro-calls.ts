import { z } from 'zod';
import { id, isoTimestamp, optionalText } from './fields';
import { isoDate } from './invoices';

/** What a held call led to (issue 15 §3), each moving the lead's stage. */
export const CALL_OUTCOMES = ['proposal', 'not-a-fit', 'follow-up'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  proposal: 'Send a proposal',
  'not-a-fit': 'Not a fit',
  'follow-up': 'Follow up later',
};

/** Whose clock the typed date and time are read on. */
export const SLOT_ZONES = ['user', 'lead'] as const;

const clockTime = z.string({ error: 'Enter a time' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 15:00');

/** A call's time as the user picks it: a date and a time on their clock or the lead's, and its length (the setting when null). */
const slotFields = {
  date: isoDate,
  time: clockTime,
  zone: z.enum(SLOT_ZONES, { error: 'Choose whose time this is' }).default('user'),
  durationMinutes: z.number({ error: 'Enter minutes' }).int('Enter whole minutes').min(1, 'A call lasts at least a minute').max(480, 'At most 8 hours').nullable().default(null),
};

/** Booking (or previewing) a call on a lead. */
export const bookCallInput = z.object({ leadId: id, ...slotFields });
export type BookCallInput = z.input<typeof bookCallInput>;

/** Moving a booked call: same UID, sequence + 1. */
export const rescheduleCallInput = z.object({ id, ...slotFields });

/** Recording a held call: notes and an outcome; "Follow up later" needs the next action and its date. */
export const holdCallInput = z
  .object({
    id,
    outcome: z.enum(CALL_OUTCOMES, { error: 'Choose what the call led to' }),
    notes: optionalText('Notes', 5000, { multiline: true }),
    nextAction: optionalText('Next action', 200),
    nextActionDue: isoDate.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'follow-up') return;
    if (!v.nextAction) ctx.addIssue({ code: 'custom', path: ['nextAction'], message: 'Say what to follow up with' });
    if (!v.nextActionDue) ctx.addIssue({ code: 'custom', path: ['nextActionDue'], message: 'Choose when to follow up' });
  });

/** A call's start, both zones and working-hours warnings, before or after booking. */
export const slotPreviewSchema = z.object({
  startsAt: isoTimestamp,
  /** "Tue 8 Dec, 15:00 London · 10:00 New York". */
  bothZones: z.string(),
  /** Outside either party's working hours: allowed, flagged. */
  warnings: z.array(z.string()),
  /** Why the slot cannot be booked (in the past, clashing with a booked call), or null. */
  problem: z.string().nullable(),
});
export type SlotPreview = z.output<typeof slotPreviewSchema>;

export const introCallSchema = z.object({
  id,
  leadId: id,
  startsAt: isoTimestamp,
  durationMinutes: z.number().int(),
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  uid: z.string(),
  sequence: z.number().int(),
  status: z.enum(['booked', 'held', 'cancelled']),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  notes: z.string(),
  bothZones: z.string(),
  warnings: z.array(z.string()),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type IntroCall = z.output<typeof introCallSchema>;

/** A lead's calls, newest first, with the zones they are shown in. */
export const leadCallsSchema = z.object({
  userZone: z.string(),
  leadZone: z.string().nullable(),
  durationMinutes: z.number().int(),
  calls: z.array(introCallSchema),
});
export type LeadCalls = z.output<typeof leadCallsSchema>;

export const proposedSlotsSchema = z.object({
  slots: z.array(z.object({ startsAt: isoTimestamp, bothZones: z.string() })),
  /** Paste-ready text for an email; empty when no slot was found. */
  text: z.string(),
});
export type ProposedSlots = z.output<typeof proposedSlotsSchema>;

export const icsOutput = z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() });
