import { describe, expect, it } from 'vitest';
import type { AgendaItemView } from '../../../../shared/api/today';
import { dueReminders, readFired, rememberFired } from './reminders';

const call: AgendaItemView = { kind: 'call', date: '2026-12-08', urgency: 'today', callId: 3, leadId: 7, leadTitle: 'Acme audit', startsAt: '2026-12-08T15:00:00.000Z', bothZones: 'Tue 8 Dec, 15:00 London · 10:00 New York' };
const followUp: AgendaItemView = { kind: 'follow-up', date: '2026-12-08', urgency: 'today', leadId: 9, leadTitle: 'Beta migration', nextAction: 'Send the case study' };
const stale: AgendaItemView = { kind: 'stale-lead', date: '2026-12-08', urgency: 'today', leadId: 11, leadTitle: 'Gamma', lastActivityAt: '2026-11-01T10:00:00.000Z' };
const at = (time: string) => Date.parse(`2026-12-08T${time}:00.000Z`);

describe('reminders', () => {
  it('reminds of a call from ten minutes before its start, once, and not long after it began', () => {
    const items = [call, stale];
    expect(dueReminders(items, at('14:49'), new Set())).toEqual([]);
    const due = dueReminders(items, at('14:50'), new Set());
    expect(due).toEqual([{ id: 'call:3:2026-12-08T15:00:00.000Z', title: 'Intro call in 10 min', body: 'Acme audit: Tue 8 Dec, 15:00 London · 10:00 New York', leadId: 7 }]);
    expect(dueReminders(items, at('14:55'), new Set([due[0]!.id]))).toEqual([]);
    expect(dueReminders(items, at('15:05'), new Set())).toMatchObject([{ title: 'Intro call now' }]);
    expect(dueReminders(items, at('15:16'), new Set())).toEqual([]);
  });

  it('reminds again of a rescheduled call, and of a follow-up once per due date', () => {
    const fired = new Set(['call:3:2026-12-08T15:00:00.000Z', 'follow-up:9:2026-12-08']);
    const moved = { ...call, startsAt: '2026-12-08T16:00:00.000Z' };
    expect(dueReminders([moved, followUp], at('15:50'), fired).map((r) => r.id)).toEqual(['call:3:2026-12-08T16:00:00.000Z']);
    expect(dueReminders([{ ...followUp, date: '2026-12-15' }], at('09:00'), fired)).toEqual([{ id: 'follow-up:9:2026-12-15', title: 'Follow up: Beta migration', body: 'Send the case study', leadId: 9 }]);
  });

  it('remembers what fired across restarts, and survives a damaged store', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    rememberFired(storage, new Set(['a', 'b']));
    expect(readFired(storage)).toEqual(new Set(['a', 'b']));
    store.set('billable.reminders.fired', '{not json');
    expect(readFired(storage)).toEqual(new Set());
  });
});
