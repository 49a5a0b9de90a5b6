import type { AgendaItemView } from '../../../../shared/api/today';

/** One reminder to show: its id (so it fires once), the words, and the lead it opens. */
export interface Reminder {
  id: string;
  title: string;
  body: string;
  leadId: number;
}

/** A call reminds this long before it starts. */
export const CALL_REMINDER_MINUTES = 10;
/** A call opened in the app this long after it started no longer reminds. */
const CALL_LATE_MINUTES = 15;

/**
 * The reminders due at `nowMs` and not yet fired: a booked call from ten minutes before its start
 * (until a quarter of an hour after it), a follow-up once its day is due (the Today list only holds
 * those due or overdue). A rescheduled call has a new id, so it reminds again; a follow-up reminds
 * once per due date.
 */
export function dueReminders(items: readonly AgendaItemView[], nowMs: number, fired: ReadonlySet<string>): Reminder[] {
  const due: Reminder[] = [];
  for (const item of items) {
    if (item.kind === 'call') {
      const start = Date.parse(item.startsAt);
      const id = `call:${item.callId}:${item.startsAt}`;
      if (fired.has(id) || nowMs < start - CALL_REMINDER_MINUTES * 60_000 || nowMs > start + CALL_LATE_MINUTES * 60_000) continue;
      const minutes = Math.round((start - nowMs) / 60_000);
      due.push({ id, title: minutes > 0 ? `Intro call in ${minutes} min` : 'Intro call now', body: `${item.leadTitle}: ${item.bothZones}`, leadId: item.leadId });
    } else if (item.kind === 'follow-up') {
      const id = `follow-up:${item.leadId}:${item.date}`;
      if (!fired.has(id)) due.push({ id, title: `Follow up: ${item.leadTitle}`, body: item.nextAction, leadId: item.leadId });
    }
  }
  return due;
}

const FIRED_KEY = 'billable.reminders.fired';
/** How many fired ids are kept: far more than a day's reminders, so the list never grows without end. */
const FIRED_KEPT = 200;

/** The ids already fired, as remembered in this browser profile. */
export function readFired(storage: Pick<Storage, 'getItem'>): Set<string> {
  try {
    const stored: unknown = JSON.parse(storage.getItem(FIRED_KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Remembers fired ids, newest last, keeping the latest few hundred. */
export function rememberFired(storage: Pick<Storage, 'setItem'>, fired: ReadonlySet<string>): void {
  storage.setItem(FIRED_KEY, JSON.stringify([...fired].slice(-FIRED_KEPT)));
}
