import { z } from 'zod';
import { MAX_ENTRY_SECONDS, parseDuration } from '../time/duration';
import { DEFAULT_FORGOTTEN_AFTER_HOURS } from '../time/rules';
import { id, optionalText } from './fields';
import { isoDate } from './invoices';
import { afterCursor, DEFAULT_PAGE_SIZE, pageLimit } from './paging';

/** The longest note a time entry keeps. */
export const NOTE_MAX = 5000;

/** A duration as typed ("1:30", "1.5", "90m", "1h30m", "1h"), turned into whole seconds by shared/time/duration.ts. */
export const durationText = z.string({ error: 'Enter a duration' }).max(40, 'Enter a duration like 1:30').transform((text, ctx) => {
  const parsed = parseDuration(text);
  if (parsed.ok) return parsed.seconds;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

/** A wall-clock time "HH:MM", 24-hour, in the business's time zone. */
export const wallTime = z.string({ error: 'Enter a time' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:30');

const note = optionalText('Note', NOTE_MAX, { multiline: true }).transform((s) => s ?? '');

/** When the work was done: a duration on the day, or a start and end time on it (an end before the start is refused, not moved to the next day). */
export const entryTiming = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('duration'), duration: durationText }), z.object({ kind: z.literal('times'), start: wallTime, end: wallTime })],
  { error: 'Enter a duration or a start and end time' },
);

const entryFields = {
  contractId: id,
  /** The day the work belongs to (ISO), in the business's time zone. */
  date: isoDate,
  timing: entryTiming,
  note,
  billable: z.boolean().default(true),
};

/** A time entry typed by hand. */
export const timeEntryInput = z.object(entryFields);
export type TimeEntryInput = z.input<typeof timeEntryInput>;
/** Changes every field of entry `id`. */
export const timeEntryUpdateInput = z.object({ ...entryFields, id });

/** A grid cell: the time on one contract on one day. A blank duration clears the cell. */
export const setCellInput = z.object({
  contractId: id,
  date: isoDate,
  duration: z
    .string({ error: 'Enter a duration' })
    .max(40, 'Enter a duration like 1:30')
    .transform((text, ctx) => {
      if (text.trim() === '') return null;
      const parsed = parseDuration(text);
      if (parsed.ok) return parsed.seconds;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }),
});

export const BILLING_STATES = ['unbilled', 'draft', 'invoiced'] as const;
export type BillingState = (typeof BILLING_STATES)[number];

const filterFields = {
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  contractId: id.nullable().default(null),
  billable: z.enum(['all', 'billable', 'non-billable']).default('all'),
  state: z.enum(['all', ...BILLING_STATES]).default('all'),
};
const periodInOrder: [(r: { from: string | null; to: string | null }) => boolean, { path: string[]; message: string }] = [
  (r) => !r.from || !r.to || r.from <= r.to,
  { path: ['to'], message: 'The period ends before it starts' },
];

/** The entries list's filters, for the totals over everything they match. */
export const timeFilter = z.object(filterFields).refine(...periodInOrder).default({ from: null, to: null, contractId: null, billable: 'all', state: 'all' });
export type TimeFilter = z.output<typeof timeFilter>;

/** One page of time entries, newest work date first (ties: newest id), after the row whose `cursor` is `after`. */
export const timeListQuery = z
  .object({ ...filterFields, limit: pageLimit, after: afterCursor.refine((after) => after === null || isoDate.safeParse(after.key).success, 'Start the list again') })
  .refine(...periodInOrder)
  .default({ from: null, to: null, contractId: null, billable: 'all', state: 'all', limit: DEFAULT_PAGE_SIZE, after: null });

export const billingSchema = z.object({
  state: z.enum(BILLING_STATES),
  invoiceId: z.number().nullable(),
  /** The issued invoice's number; null while unbilled or on a draft. */
  invoiceNumber: z.string().nullable(),
});

export const timeEntrySchema = z.object({
  id: z.number(),
  contractId: z.number(),
  contractReference: z.string(),
  contractTitle: z.string(),
  clientName: z.string(),
  workDate: z.string(),
  /** UTC instants; null for an entry typed as a duration. */
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Raw seconds worked; null while the timer runs. */
  durationSeconds: z.number().nullable(),
  note: z.string(),
  billable: z.boolean(),
  billing: billingSchema,
});
export type TimeEntry = z.infer<typeof timeEntrySchema>;
export const timeListRowSchema = timeEntrySchema.extend({ cursor: z.string() });

/** Over every finished entry a filter matches: how many, and their seconds, all and billable. */
export const timeTotalsSchema = z.object({ count: z.number(), seconds: z.number(), billableSeconds: z.number() });

const cellSchema = z.object({
  seconds: z.number(),
  billableSeconds: z.number(),
  /** Finished entries in the cell. */
  entries: z.number(),
  /** Typing into the cell sets its time: it holds no entry, or one typed as a duration that no invoice holds. */
  editable: z.boolean(),
});
export type WeekCell = z.infer<typeof cellSchema>;

export const weekSchema = z.object({
  weekStart: z.string(),
  /** Monday to Sunday, ISO dates. */
  days: z.array(z.string()).length(7),
  /** The business's today, so the grid can mark it. */
  today: z.string(),
  /** Each contract time can be logged on, and each other one with time this week. */
  rows: z.array(
    z.object({
      contractId: z.number(),
      contractReference: z.string(),
      contractTitle: z.string(),
      clientName: z.string(),
      /** False when the contract no longer takes time (ended, cancelled): its cells are read only. */
      open: z.boolean(),
      cells: z.array(cellSchema).length(7),
      seconds: z.number(),
      billableSeconds: z.number(),
    }),
  ),
  dayTotals: z.array(z.object({ seconds: z.number(), billableSeconds: z.number() })).length(7),
  seconds: z.number(),
  billableSeconds: z.number(),
});
export type Week = z.infer<typeof weekSchema>;

export const weekQuery = z.object({
  weekStart: isoDate.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, 'A week starts on a Monday'),
});

export const runningTimerSchema = z.object({
  id: z.number(),
  contractId: z.number(),
  contractReference: z.string(),
  contractTitle: z.string(),
  clientName: z.string(),
  startedAt: z.string(),
  note: z.string(),
});

export const timerSchema = z.object({
  running: runningTimerSchema.nullable(),
  /** Why the running timer looks forgotten (shared/time/rules.ts forgottenReason), or null. */
  forgotten: z.enum(['restart', 'long']).nullable(),
  /** The contract last timed or logged that still takes time: the picker's default and the menu's Start. */
  lastContractId: z.number().nullable(),
});
export type Timer = z.infer<typeof timerSchema>;

/** Starts timing `contractId` (null: the contract last timed), stopping any timer running now. */
export const timerStartInput = z.object({ contractId: id.nullable().default(null), note }).default({ contractId: null, note: '' });
/** Stops the running timer now, or at `at` (an ISO instant after it started and not in the future). */
export const timerStopInput = z
  .object({ at: z.iso.datetime({ offset: true, error: 'Enter a date and time' }).nullable().default(null) })
  .default({ at: null });
export const timerKeepInput = z.object({ id, reason: z.enum(['restart', 'long']) });

/** 30 billable hours a week: a full-time consultant's week less sales, admin and learning. */
export const DEFAULT_CAPACITY_HOURS = 30;

export const timeSettingsSchema = z.object({
  /** A timer running longer than this many hours asks whether it was forgotten. */
  forgottenAfterHours: z
    .number({ error: 'Enter a number of hours' })
    .int('Enter whole hours')
    .min(1, 'At least 1 hour')
    .max(MAX_ENTRY_SECONDS / 3600, 'At most 24 hours: no entry can be longer')
    .default(DEFAULT_FORGOTTEN_AFTER_HOURS),
  /** Billable hours a week the user aims for: the dashboard's utilisation is measured against it. */
  capacityHoursPerWeek: z.number({ error: 'Enter a number of hours' }).int('Enter whole hours').min(1, 'At least 1 hour').max(100, 'At most 100 hours a week').default(DEFAULT_CAPACITY_HOURS),
});
export type TimeSettings = z.output<typeof timeSettingsSchema>;
export const DEFAULT_TIME_SETTINGS: TimeSettings = { forgottenAfterHours: DEFAULT_FORGOTTEN_AFTER_HOURS, capacityHoursPerWeek: DEFAULT_CAPACITY_HOURS };
