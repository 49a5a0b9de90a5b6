import { describe, expect, it, vi } from 'vitest';
import { agendaText, relativeDay } from './agenda-text';

// A British user: the display locale comes from the window (app/locale.ts).
vi.stubGlobal('window', { billableDesktop: { locale: 'en-GB' } });
vi.stubGlobal('navigator', { language: 'en-GB' });

const today = '2026-11-22';

describe('what a Today item says', () => {
  it('says how far a date is, in words with the right plural', () => {
    expect(['2026-11-22', '2026-11-23', '2026-11-21', '2026-11-25', '2026-11-03'].map((d) => relativeDay(d, today))).toEqual(['today', 'tomorrow', 'yesterday', 'in 3 days', '19 days ago']);
  });

  it('names an overdue invoice, what is still owed and how late it is, and opens it', () => {
    const text = agendaText({ kind: 'invoice-due', date: '2026-11-03', urgency: 'overdue', invoiceId: 7, number: 'INV-2026-0007', clientName: 'Initech Ltd', currency: 'GBP', outstandingMinor: 72000 }, today);
    expect(text).toMatchObject({ kindLabel: 'Overdue invoice', headline: 'INV-2026-0007 to Initech Ltd: £720.00 outstanding', to: '/invoices/7' });
    expect(text.detail).toMatch(/^Was due .*2026, 19 days ago$/);
  });

  it('sends unbilled intra-EU work to its contract and a draft to the invoice', () => {
    const base = { kind: 'invoice-deadline', date: '2026-12-15', urgency: 'soon', supplyDate: '2026-11-03', clientName: 'Société' } as const;
    expect(agendaText({ ...base, invoiceId: null, contractId: 2, reference: 'C-0002' }, today)).toMatchObject({ headline: 'Invoice the unbilled work on C-0002 for Société', to: '/contracts/2' });
    expect(agendaText({ ...base, invoiceId: 4, contractId: null, reference: null }, today)).toMatchObject({ headline: 'Issue the draft invoice for Société', to: '/invoices/4' });
  });

  it('opens the lead from a call, a follow-up and a stale lead', () => {
    const lead = { leadId: 5, leadTitle: 'Acme audit' };
    expect(agendaText({ kind: 'call', date: today, urgency: 'today', callId: 2, ...lead, startsAt: '2026-11-22T15:00:00.000Z', bothZones: 'Sun 22 Nov, 15:00 London · 10:00 New York' }, today)).toEqual({
      kindLabel: 'Intro call',
      headline: 'Intro call: Acme audit',
      detail: 'Sun 22 Nov, 15:00 London · 10:00 New York',
      to: '/leads/5',
    });
    expect(agendaText({ kind: 'follow-up', date: '2026-11-20', urgency: 'overdue', ...lead, nextAction: 'Send the case study' }, today)).toMatchObject({ kindLabel: 'Overdue follow-up', headline: 'Send the case study: Acme audit', to: '/leads/5' });
    expect(agendaText({ kind: 'stale-lead', date: today, urgency: 'today', ...lead, lastActivityAt: '2026-11-01T10:00:00.000Z' }, today)).toMatchObject({ kindLabel: 'Stale lead', headline: 'Acme audit', detail: 'No contact since 1 Nov 2026', to: '/leads/5' });
  });
});
