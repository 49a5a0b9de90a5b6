import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { sampleProfile, testApi } from '../../../test/temp-store';

const leadFields = { title: 'Postgres tuning for Acme', organisation: 'Acme', contactName: 'Dana Reyes', contactEmail: 'dana@acme.example', source: 'referral' as const, sourceDetail: 'Sam Patel', timezone: 'America/New_York' };

// Sunday 22 Nov 2026, 10:00 London (UTC+0); New York is UTC-5.
async function callsApi(now = '2026-11-22T10:00:00Z') {
  const api = testApi(undefined, () => new Date(now));
  await api.call('profile.save', { ...sampleProfile, timeZone: 'Europe/London' });
  const lead = await api.call('leads.create', leadFields);
  return { api, lead };
}

/** The one VEVENT of an .ics, read back by ical.js (an independent parser). */
function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent')!;
  const start = event.getFirstProperty('dtstart')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    prodId: calendar.getFirstPropertyValue('prodid'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    summary: event.getFirstPropertyValue('summary'),
    // A URI's scheme is case-insensitive (RFC 3986 §3.1): ical-generator writes MAILTO for attendees.
    organizer: (event.getFirstPropertyValue('organizer') as string | null)?.toLowerCase() ?? null,
    attendees: event.getAllProperties('attendee').map((a) => String(a.getFirstValue()).toLowerCase()),
    hasStamp: event.getFirstPropertyValue('dtstamp') !== null,
    start: (start.getFirstValue() as ICAL.Time).toJSDate().toISOString(),
    startIsUtc: (start.getFirstValue() as ICAL.Time).zone?.tzid === 'UTC',
    end: (event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString(),
  };
}

describe('intro calls', () => {
  it('books a call in the user’s zone, shows both zones, moves the lead to call booked and logs it', async () => {
    const { api, lead } = await callsApi();
    const call = await api.call('introCalls.book', { leadId: lead.id, date: '2026-12-08', time: '15:00' });
    expect(call).toMatchObject({ startsAt: '2026-12-08T15:00:00.000Z', durationMinutes: 45, bufferBeforeMinutes: 15, bufferAfterMinutes: 15, sequence: 0, status: 'booked', bothZones: 'Tue 8 Dec, 15:00 London · 10:00 New York', warnings: [] });
    expect(call.uid).toMatch(/^[0-9a-f-]{36}@billable\.local$/);
    const detail = await api.call('leads.get', { id: lead.id });
    expect(detail.stage).toBe('call-booked');
    expect(detail.timeline.map((a) => [a.kind, a.body])).toContainEqual(['meeting', 'Intro call booked: Tue 8 Dec, 15:00 London · 10:00 New York']);
  });

  it('reads a time on the lead’s clock across the DST weeks, and flags (but books) a slot outside the lead’s day', async () => {
    const { api, lead } = await callsApi('2026-10-20T10:00:00Z');
    // 30 Oct 2026: London is back on UTC, New York not yet: 11:00 New York is 15:00 London.
    const theirs = await api.call('introCalls.book', { leadId: lead.id, date: '2026-10-30', time: '11:00', zone: 'lead' });
    expect(theirs).toMatchObject({ startsAt: '2026-10-30T15:00:00.000Z', bothZones: 'Fri 30 Oct, 15:00 London · 11:00 New York' });
    const early = await api.call('introCalls.book', { leadId: lead.id, date: '2026-10-29', time: '10:00' });
    expect(early.warnings).toEqual(['Outside the lead’s working hours (09:00–17:00 New York)']);
    expect(await api.call('introCalls.preview', { leadId: lead.id, date: '2026-10-30', time: '08:00' })).toMatchObject({ warnings: ['Outside your working hours (09:00–17:30 London)', 'Outside the lead’s working hours (09:00–17:00 New York)'], problem: null });
  });

  it('refuses bad input with a message on its field, and changes nothing', async () => {
    const { api, lead } = await callsApi();
    const booked = await api.call('introCalls.book', { leadId: lead.id, date: '2026-12-08', time: '15:00' });
    const cancelled = await api.call('introCalls.book', { leadId: lead.id, date: '2026-12-09', time: '15:00' });
    await api.call('introCalls.cancel', { id: cancelled.id });
    const before = await api.call('introCalls.forLead', { leadId: lead.id });
    const timeline = (await api.call('leads.get', { id: lead.id })).timeline.length;
    const cases: [string, Parameters<typeof api.raw>[1], string, string][] = [
      ['introCalls.book', { leadId: 9999, date: '2026-12-10', time: '15:00' }, 'NOT_FOUND', 'leadId'],
      ['introCalls.book', { leadId: lead.id, date: '2026-11-20', time: '15:00' }, 'VALIDATION', 'time'],
      ['introCalls.book', { leadId: lead.id, date: '2026-12-10', time: '15:00', durationMinutes: 0 }, 'VALIDATION', 'durationMinutes'],
      ['introCalls.book', { leadId: lead.id, date: '2026-12-10', time: '15:00', durationMinutes: -30 }, 'VALIDATION', 'durationMinutes'],
      ['introCalls.book', { leadId: lead.id, date: '2026-12-10', time: '25:00' }, 'VALIDATION', 'time'],
      // London's clocks skip 01:00–02:00 on 28 Mar 2027.
      ['introCalls.book', { leadId: lead.id, date: '2027-03-28', time: '01:30' }, 'VALIDATION', 'time'],
      // The booked call blocks 14:45–16:00; 16:00 with its own 15-minute buffer starts at 15:45.
      ['introCalls.book', { leadId: lead.id, date: '2026-12-08', time: '16:00' }, 'VALIDATION', 'time'],
      ['introCalls.reschedule', { id: cancelled.id, date: '2026-12-11', time: '15:00' }, 'VALIDATION', 'id'],
      ['introCalls.markHeld', { id: booked.id, outcome: 'follow-up' }, 'VALIDATION', 'nextAction'],
    ];
    for (const [name, input, code, field] of cases) {
      const refused = await api.raw(name as 'introCalls.book', input);
      expect(refused, `${name} ${field}`).toMatchObject({ ok: false, error: { code, fieldErrors: { [field]: expect.any(String) } } });
    }
    expect(await api.raw('introCalls.book', { leadId: lead.id, date: '2026-12-08', time: '16:00' })).toMatchObject({ error: { message: expect.stringContaining('overlaps the call booked for Tue 8 Dec, 15:00 London') } });
    expect(await api.raw('introCalls.book', { leadId: lead.id, date: '2027-03-28', time: '01:30' })).toMatchObject({ error: { fieldErrors: { time: 'There is no 01:30 on 2027-03-28 in Europe/London: the clocks go forward then. Choose another time.' } } });
    expect(await api.call('introCalls.forLead', { leadId: lead.id })).toEqual(before);
    expect((await api.call('leads.get', { id: lead.id })).timeline).toHaveLength(timeline);
  });

  it('writes an .ics that an independent parser reads back: UTC start, stable UID, SEQUENCE bumped on reschedule and cancel', async () => {
    const { api, lead } = await callsApi();
    const call = await api.call('introCalls.book', { leadId: lead.id, date: '2026-12-08', time: '15:00' });
    const first = await api.call('introCalls.ics', { id: call.id });
    expect(first).toMatchObject({ fileName: 'intro-call-Acme-2026-12-08.ics', mimeType: 'text/calendar' });
    expect(first.text).toContain('DTSTART:20261208T150000Z');
    expect(parseIcs(first.text)).toEqual({
      method: 'REQUEST',
      prodId: '-//Billable//Billable//EN',
      uid: call.uid,
      sequence: 0,
      status: 'CONFIRMED',
      summary: 'Intro call: Acme',
      // RFC 5546 §3.2.2: an invitation names who sends it and who is invited.
      organizer: 'mailto:ada@example.com',
      attendees: ['mailto:dana@acme.example'],
      hasStamp: true,
      start: '2026-12-08T15:00:00.000Z',
      startIsUtc: true,
      end: '2026-12-08T15:45:00.000Z',
    });
    const moved = await api.call('introCalls.reschedule', { id: call.id, date: '2026-12-09', time: '14:30' });
    expect(moved).toMatchObject({ uid: call.uid, sequence: 1, startsAt: '2026-12-09T14:30:00.000Z' });
    expect(parseIcs((await api.call('introCalls.ics', { id: call.id })).text)).toMatchObject({ uid: call.uid, sequence: 1, start: '2026-12-09T14:30:00.000Z' });
    await api.call('introCalls.cancel', { id: call.id });
    expect(parseIcs((await api.call('introCalls.ics', { id: call.id })).text)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', uid: call.uid, sequence: 2, organizer: 'mailto:ada@example.com' });
    // With no email to invite, or none to send from, the file is an event to add, not an invitation.
    await api.call('leads.update', { id: lead.id, ...leadFields, contactEmail: null });
    expect(parseIcs((await api.call('introCalls.ics', { id: call.id })).text)).toMatchObject({ method: 'PUBLISH', status: 'CANCELLED', organizer: null, attendees: [] });
    await api.call('leads.update', { id: lead.id, ...leadFields });
    await api.call('profile.save', { ...sampleProfile, timeZone: 'Europe/London', email: null });
    expect(parseIcs((await api.call('introCalls.ics', { id: call.id })).text)).toMatchObject({ method: 'PUBLISH', status: 'CANCELLED', organizer: null, attendees: [] });
  });

  it('records a held call’s outcome and moves the lead: a proposal to call held, not a fit to lost, follow up with a next action', async () => {
    const { api, lead } = await callsApi();
    const call = await api.call('introCalls.book', { leadId: lead.id, date: '2026-12-08', time: '15:00' });
    const held = await api.call('introCalls.markHeld', { id: call.id, outcome: 'proposal', notes: 'Wants a two-week audit' });
    expect(held).toMatchObject({ status: 'held', outcome: 'proposal', notes: 'Wants a two-week audit' });
    const detail = await api.call('leads.get', { id: lead.id });
    expect(detail.stage).toBe('call-held');
    expect(detail.timeline.filter((a) => a.kind === 'stage').map((a) => a.toStage)).toEqual(['new', 'call-booked', 'call-held']);

    const second = await api.call('leads.create', { title: 'Migration for Beta', source: 'direct', timezone: 'America/New_York' });
    const secondCall = await api.call('introCalls.book', { leadId: second.id, date: '2026-12-10', time: '15:00' });
    await api.call('introCalls.markHeld', { id: secondCall.id, outcome: 'not-a-fit', notes: 'Needs a full-time hire' });
    expect(await api.call('leads.get', { id: second.id })).toMatchObject({ stage: 'lost', lostReason: 'not-a-fit', lostNote: 'Needs a full-time hire' });

    const third = await api.call('leads.create', { title: 'Audit for Gamma', source: 'direct' });
    const thirdCall = await api.call('introCalls.book', { leadId: third.id, date: '2026-12-11', time: '10:00' });
    await api.call('introCalls.markHeld', { id: thirdCall.id, outcome: 'follow-up', nextAction: 'Send the case study', nextActionDue: '2027-01-11' });
    expect(await api.call('leads.get', { id: third.id })).toMatchObject({ stage: 'call-held', nextAction: 'Send the case study', nextActionDue: '2027-01-11' });
    expect(await api.raw('introCalls.markHeld', { id: thirdCall.id, outcome: 'proposal' })).toMatchObject({ ok: false, error: { fieldErrors: { id: 'The call was held' } } });
  });

  it('proposes the next three free weekday slots inside both working days, around booked calls, as paste-ready text', async () => {
    // Friday 4 Dec 2026: the weekend is skipped.
    const { api, lead } = await callsApi('2026-12-04T10:00:00Z');
    await api.call('introCalls.book', { leadId: lead.id, date: '2026-12-07', time: '14:00' });
    const proposed = await api.call('introCalls.proposeSlots', { leadId: lead.id });
    expect(proposed.slots.map((s) => s.bothZones)).toEqual(['Mon 7 Dec, 15:30 London · 10:30 New York', 'Tue 8 Dec, 14:00 London · 09:00 New York', 'Wed 9 Dec, 14:00 London · 09:00 New York']);
    expect(proposed.text).toContain('- Mon 7 Dec, 15:30 London · 10:30 New York\n');
  });
});

describe('reminders through the desktop shell', () => {
  it('answers that the browser host shows no OS notification (the renderer shows its own notice), and refuses a reminder with no title', async () => {
    const { api } = await callsApi();
    expect(await api.call('app.notify', { title: 'Intro call in 10 min', body: 'Acme: Tue 8 Dec, 15:00 London' })).toEqual({ shown: false });
    expect(await api.raw('app.notify', { title: ' ', body: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { title: 'Give the reminder a title' } } });
  });

  it('cancelling the last booked call takes the lead back from "intro call booked" to qualified, logged; one left booked keeps it', async () => {
    const { api, lead } = await callsApi();
    const first = await api.call('introCalls.book', { leadId: lead.id, date: '2026-12-08', time: '15:00' });
    const second = await api.call('introCalls.book', { leadId: lead.id, date: '2026-12-09', time: '15:00' });
    expect((await api.call('leads.get', { id: lead.id })).stage).toBe('call-booked');
    await api.call('introCalls.cancel', { id: first.id });
    expect((await api.call('leads.get', { id: lead.id })).stage).toBe('call-booked');
    await api.call('introCalls.cancel', { id: second.id });
    const after = await api.call('leads.get', { id: lead.id });
    expect(after.stage).toBe('qualified');
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'stage', fromStage: 'call-booked', toStage: 'qualified' });
  });
});
