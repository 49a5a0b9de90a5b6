import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/api/contract';
import { contractTerms, sampleProfile, testApi } from '../../../test/temp-store';

const usClient = { name: 'Initrode Inc', country: 'US', city: 'Boston', region: 'MA', postalCode: '02116', addressLine1: '1 Main St', timezone: 'America/New_York', currency: 'USD', customerType: 'business' } satisfies CallInput<'clients.create'>;

/** A UK business in London billing a US client $300/h on a signed contract, and a second contract still a draft. Clock: `clock.now`. */
async function setup() {
  const clock = { now: new Date('2026-12-02T09:00:00Z') };
  const api = testApi(undefined, () => clock.now);
  await api.call('profile.save', { ...sampleProfile, timeZone: 'Europe/London' });
  const client = await api.call('clients.create', usClient);
  const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2026-01-01', isDefault: true });
  const terms = (title: string) => contractTerms(client.id, card.id, { title });
  const signed = await api.call('contracts.create', terms('Postgres performance'));
  await api.call('contracts.sign', { id: signed.id });
  const other = await api.call('contracts.create', terms('Rails upgrade'));
  await api.call('contracts.sign', { id: other.id });
  const draft = await api.call('contracts.create', terms('Audit (not signed)'));
  const count = () => (api.holder.store().sqlite.prepare('select count(*) as n from time_entries').get() as { n: number }).n;
  return { api, clock, client, contractId: signed.id, otherId: other.id, draftId: draft.id, count };
}

const at = (iso: string) => new Date(iso);

describe('the timer', () => {
  it('runs one timer at a time: starting B stops A at the same instant, in one step', async () => {
    const { api, clock, contractId, otherId } = await setup();
    const started = await api.call('timer.start', { contractId, note: 'Slow checkout query' });
    expect(started.running).toMatchObject({ contractId, startedAt: '2026-12-02T09:00:00.000Z', note: 'Slow checkout query' });
    expect(started.forgotten).toBeNull();

    clock.now = at('2026-12-02T10:30:00Z');
    const switched = await api.call('timer.start', { contractId: otherId });
    expect(switched.running).toMatchObject({ contractId: otherId, startedAt: '2026-12-02T10:30:00.000Z' });
    const [first] = await api.call('time.list', { contractId });
    expect(first).toMatchObject({ durationSeconds: 5400, startedAt: '2026-12-02T09:00:00.000Z', endedAt: '2026-12-02T10:30:00.000Z', workDate: '2026-12-02', billing: { state: 'unbilled' } });

    clock.now = at('2026-12-02T11:00:00Z');
    const stopped = await api.call('timer.stop', {});
    expect(stopped).toMatchObject({ running: null, lastContractId: otherId });
    expect(await api.call('time.totals', {})).toEqual({ count: 2, seconds: 7200, billableSeconds: 7200 });
    // The menu's Start resumes the contract last timed.
    expect((await api.call('timer.start', {})).running?.contractId).toBe(otherId);
  });

  it('lets the database hold only one running row, whatever writes it', async () => {
    const { api, contractId } = await setup();
    await api.call('timer.start', { contractId });
    const sqlite = api.holder.store().sqlite;
    expect(() =>
      sqlite.prepare("insert into time_entries (contract_id, started_at, work_date, created_at, updated_at) values (?, '2026-12-02T09:05:00Z', '2026-12-02', 'x', 'x')").run(contractId),
    ).toThrow(/UNIQUE constraint failed/);
  });

  it('asks about a timer left running for longer than the setting, and stops it at a chosen time', async () => {
    const { api, clock, contractId, count } = await setup();
    await api.call('time.saveSettings', { forgottenAfterHours: 8, capacityHoursPerWeek: 30 });
    await api.call('timer.start', { contractId });
    clock.now = at('2026-12-02T17:00:00Z');
    expect((await api.call('timer.current')).forgotten).toBeNull();
    clock.now = at('2026-12-02T17:00:01Z');
    const timer = await api.call('timer.current');
    expect(timer.forgotten).toBe('long');
    const kept = await api.call('timer.keep', { id: timer.running!.id, reason: 'long' });
    expect(kept.forgotten).toBeNull();

    // A day and more later, stopping now would make an entry over 24 hours: refused, nothing changes.
    clock.now = at('2026-12-03T10:00:00Z');
    expect(await api.raw('timer.stop', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { at: expect.stringContaining('at most 24 hours') } } });
    expect(await api.raw('timer.stop', { at: '2026-12-02T08:00:00Z' })).toMatchObject({ ok: false, error: { fieldErrors: { at: 'Choose a time after the timer started' } } });
    expect(await api.raw('timer.stop', { at: '2026-12-04T08:00:00Z' })).toMatchObject({ ok: false, error: { fieldErrors: { at: "The timer can't stop in the future" } } });
    expect(await api.raw('timer.stop', { at: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { at: 'Enter a date and time' } } });
    expect((await api.call('timer.current')).running).not.toBeNull();
    await api.call('timer.stop', { at: '2026-12-02T17:30:00Z' });
    expect((await api.call('time.list', {}))[0]).toMatchObject({ durationSeconds: 8.5 * 3600, endedAt: '2026-12-02T17:30:00.000Z' });
    expect(count()).toBe(1);

    await api.call('timer.start', { contractId });
    await api.call('timer.discard');
    expect(count()).toBe(1);
    expect(await api.raw('timer.discard')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'No timer is running.' } });
  });

  it('refuses a contract that is not signed or active, saying so', async () => {
    const { api, draftId, count } = await setup();
    const reference = `C-${String(draftId).padStart(4, '0')}`;
    expect(await api.raw('timer.start', { contractId: draftId })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { contractId: `${reference} is a draft; time can be logged only on a signed or active contract` } },
    });
    expect(await api.raw('timer.start', {})).toMatchObject({ ok: false, error: { fieldErrors: { contractId: 'Choose a contract to time' } } });
    expect(count()).toBe(0);
  });
});

describe('time entries', () => {
  it('logs a duration or start and end times in the business zone, with the week grid adding them up', async () => {
    const { api, contractId, otherId } = await setup();
    await api.call('time.create', { contractId, date: '2026-12-01', timing: { kind: 'duration', duration: '1:30' }, note: 'Index review' });
    const timed = await api.call('time.create', { contractId, date: '2026-12-03', timing: { kind: 'times', start: '09:00', end: '12:15' }, billable: false });
    expect(timed).toMatchObject({ startedAt: '2026-12-03T09:00:00.000Z', endedAt: '2026-12-03T12:15:00.000Z', durationSeconds: 11_700, billable: false });
    await api.call('time.setCell', { contractId: otherId, date: '2026-12-01', duration: '90m' });
    const week = await api.call('time.week', { weekStart: '2026-11-30' });
    const row = week.rows.find((r) => r.contractId === contractId)!;
    expect(row.cells.map((c) => c.seconds)).toEqual([0, 5400, 0, 11_700, 0, 0, 0]);
    expect(row.cells[3]).toMatchObject({ editable: false, billableSeconds: 0 });
    expect(row).toMatchObject({ seconds: 17_100, billableSeconds: 5400 });
    expect(week.dayTotals[1]).toEqual({ seconds: 10_800, billableSeconds: 10_800 });
    expect(week).toMatchObject({ seconds: 22_500, billableSeconds: 10_800, today: '2026-12-02' });
    expect(week.rows.map((r) => r.contractTitle)).not.toContain('Audit (not signed)');
  });

  it('sets a grid cell holding one typed entry, clears it with a blank, and sends a timed cell to the list', async () => {
    const { api, contractId, count } = await setup();
    await api.call('time.setCell', { contractId, date: '2026-12-01', duration: '1:30' });
    await api.call('time.setCell', { contractId, date: '2026-12-01', duration: '1h' });
    expect(await api.call('time.totals', {})).toMatchObject({ count: 1, seconds: 3600 });
    await api.call('time.setCell', { contractId, date: '2026-12-01', duration: '' });
    expect(count()).toBe(0);
    await api.call('time.create', { contractId, date: '2026-12-02', timing: { kind: 'times', start: '09:00', end: '10:00' } });
    expect(await api.raw('time.setCell', { contractId, date: '2026-12-02', duration: '2' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/has a timed entry on 2 Dec 2026; change them in the entries list/) } });
  });

  it('refuses bad input with a message on each field and changes nothing', async () => {
    const { api, contractId, count } = await setup();
    const bad: [unknown, Record<string, string>][] = [
      [{ contractId, date: '2026-12-01', timing: { kind: 'duration', duration: 'abc' } }, { 'timing.duration': 'Enter a duration like 1:30, 1.5, 90m, 1h30m or 1h' }],
      [{ contractId, date: '2026-12-01', timing: { kind: 'duration', duration: '25h' } }, { 'timing.duration': expect.stringContaining('at most 24 hours') as unknown as string }],
      [{ contractId, date: '2026-12-01', timing: { kind: 'duration', duration: '0:00' } }, { 'timing.duration': 'A time entry must be longer than zero' }],
      [{ contractId, date: '2026-12-01', timing: { kind: 'times', start: '12:00', end: '09:00' } }, { 'timing.end': expect.stringContaining('End after the start') as unknown as string }],
      [{ contractId, date: '2026-03-29', timing: { kind: 'times', start: '01:30', end: '03:00' } }, { 'timing.start': '01:30 does not exist on that day in Europe/London: the clocks go forward' }],
      [{ contractId, date: '2026-12-01', timing: { kind: 'times', start: '9am', end: '10:00' } }, { 'timing.start': 'Enter a time like 09:30' }],
      [{ contractId, date: '2026-12-01', timing: { kind: 'duration', duration: '1' }, note: 'x'.repeat(5001) }, { note: 'Note must be at most 5000 characters' }],
      [{ contractId, date: '2026-02-30', timing: { kind: 'duration', duration: '1' } }, { date: 'Not a real date' }],
      [{ contractId: 999, date: '2026-12-01', timing: { kind: 'duration', duration: '1' } }, { contractId: 'Choose a contract from the list' }],
    ];
    for (const [input, fieldErrors] of bad) {
      expect(await api.raw('time.create', input), JSON.stringify(input).slice(0, 120)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors } });
    }
    expect(await api.raw('time.setCell', { contractId, date: '2026-12-01', duration: 'abc' })).toMatchObject({ ok: false, error: { fieldErrors: { duration: 'Enter a duration like 1:30, 1.5, 90m, 1h30m or 1h' } } });
    expect(await api.raw('time.week', { weekStart: '2026-12-02' })).toMatchObject({ ok: false, error: { fieldErrors: { weekStart: 'A week starts on a Monday' } } });
    expect(await api.raw('time.saveSettings', { forgottenAfterHours: 0 })).toMatchObject({ ok: false, error: { fieldErrors: { forgottenAfterHours: 'At least 1 hour' } } });
    expect(count()).toBe(0);
    expect(await api.call('time.getSettings')).toEqual({ forgottenAfterHours: 10, capacityHoursPerWeek: 30 });

    // A day holds 24 hours at most, over every entry on it, however they are typed.
    await api.call('time.create', { contractId, date: '2026-12-01', timing: { kind: 'duration', duration: '7:30' } });
    const tooMuch = 'That makes 31:29 on 1 Dec 2026, more than the 24 hours in a day';
    expect(await api.raw('time.create', { contractId, date: '2026-12-01', timing: { kind: 'duration', duration: '23:59' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'timing.duration': tooMuch } } });
    expect(await api.raw('time.create', { contractId, date: '2026-12-01', timing: { kind: 'times', start: '00:01', end: '23:59' } })).toMatchObject({ ok: false, error: { fieldErrors: { 'timing.end': expect.stringContaining('more than the 24 hours in a day') } } });
    expect(await api.raw('time.setCell', { contractId, date: '2026-12-01', duration: '24h' })).toMatchObject({ ok: true });
    expect(count()).toBe(1);
    expect(await api.call('time.create', { contractId, date: '2026-12-02', timing: { kind: 'duration', duration: '.5' } })).toMatchObject({ durationSeconds: 1800 });
  });

  it('locks an entry on an invoice: named by number once issued (API and trigger), released by deleting the draft', async () => {
    const { api, client, contractId, count } = await setup();
    const entry = await api.call('time.create', { contractId, date: '2026-12-01', timing: { kind: 'duration', duration: '2' } });
    const sqlite = api.holder.store().sqlite;
    const draftWithEntry = async () => {
      const draft = await api.call('invoices.createDraft', {
        clientId: client.id,
        currency: 'USD',
        issueDate: '2026-12-02',
        paymentTermsDays: 14,
        lines: [{ description: 'Postgres performance, 2 h', kind: 'fee', quantity: '2', unit: 'hour', unitPrice: '300' }],
      });
      sqlite.prepare('insert into invoice_line_sources (invoice_line_id, time_entry_id) values (?, ?)').run(draft.lines[0]!.id, entry.id);
      return draft;
    };
    const edit = { id: entry.id, contractId, date: '2026-12-01', timing: { kind: 'duration', duration: '3' } } as const;

    const first = await draftWithEntry();
    expect((await api.call('time.list', {}))[0]!.billing).toEqual({ state: 'draft', invoiceId: first.id, invoiceNumber: null });
    expect(await api.raw('time.update', edit)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Delete the draft (or its line) to release it') } });
    expect(await api.raw('time.setCell', { contractId, date: '2026-12-01', duration: '3' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await api.call('invoices.deleteDraft', { id: first.id });
    expect((await api.call('time.update', { ...edit, timing: { kind: 'duration', duration: '2' }, note: 'Released' })).billing.state).toBe('unbilled');

    const draft = await draftWithEntry();
    const issued = await api.call('invoices.issue', { id: draft.id, fx: { rate: '1.27', source: 'market', date: '2026-12-02' } });
    expect((await api.call('time.list', {}))[0]!.billing).toEqual({ state: 'invoiced', invoiceId: draft.id, invoiceNumber: issued.number });
    expect(await api.raw('time.update', edit)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `This time entry is on invoice ${issued.number}, which is issued, so it can't be changed.` } });
    expect(await api.raw('time.delete', { id: entry.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(issued.number!) } });
    expect(() => sqlite.prepare('update time_entries set duration_seconds = 1 where id = ?').run(entry.id)).toThrow(/on an issued invoice and can't be changed/);
    expect(() => sqlite.prepare('delete from time_entries where id = ?').run(entry.id)).toThrow(/on an issued invoice and can't be deleted/);
    expect(await api.call('time.list', { state: 'invoiced' })).toHaveLength(1);
    expect(await api.call('time.list', { state: 'unbilled' })).toHaveLength(0);
    expect(count()).toBe(1);
    expect((await api.call('time.list', {}))[0]!.durationSeconds).toBe(7200);
  });

  it('pages the list newest first with a keyset cursor', async () => {
    const { api, contractId } = await setup();
    for (const day of ['2026-11-30', '2026-12-01', '2026-12-01', '2026-12-02']) {
      await api.call('time.create', { contractId, date: day, timing: { kind: 'duration', duration: '1' } });
    }
    const first = await api.call('time.list', { limit: 3 });
    expect(first.map((r) => r.workDate)).toEqual(['2026-12-02', '2026-12-01', '2026-12-01']);
    const next = await api.call('time.list', { limit: 3, after: first.at(-1)!.cursor });
    expect(next.map((r) => r.workDate)).toEqual(['2026-11-30']);
    expect(await api.call('time.list', { from: '2026-12-01', to: '2026-12-01' })).toHaveLength(2);
    expect(await api.raw('time.list', { from: '2026-12-02', to: '2026-12-01' })).toMatchObject({ ok: false, error: { fieldErrors: { to: 'The period ends before it starts' } } });
  });
});
