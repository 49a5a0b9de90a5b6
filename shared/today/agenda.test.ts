import { describe, expect, it } from 'vitest';
import { buildAgenda, invoiceDeadlines, urgencyOf, type AgendaEntry, type UninvoicedSupply } from './agenda';

const today = '2026-11-22';
const due = (date: string, invoiceId = 1): AgendaEntry => ({ kind: 'invoice-due', date, invoiceId, number: `INV-${invoiceId}`, clientName: 'Initech', currency: 'GBP', outstandingMinor: 100 });

describe('the Today list', () => {
  it('marks a date before today overdue, today as today, and later as soon', () => {
    expect([urgencyOf('2026-11-21', today), urgencyOf(today, today), urgencyOf('2026-11-23', today)]).toEqual(['overdue', 'today', 'soon']);
  });

  it('shows each kind only within its horizon: a week for invoices and billing, a month for contracts ending, a VAT return once its period has ended', () => {
    const entries: AgendaEntry[] = [
      due('2026-11-29', 1), // 7 days: shown
      due('2026-11-30', 2), // 8 days: not yet
      { kind: 'contract-ending', date: '2026-12-22', contractId: 1, reference: 'C-1', title: 'A', clientName: 'X' }, // 30 days: shown
      { kind: 'contract-ending', date: '2026-12-23', contractId: 2, reference: 'C-2', title: 'B', clientName: 'X' }, // 31: not yet
      { kind: 'billing-due', date: '2026-11-30', contractId: 3, reference: 'C-3', title: 'C', clientName: 'X' }, // 8 days: not yet
      { kind: 'vat-return', date: '2027-02-07', periodStart: '2026-10-01', periodEnd: '2026-12-31' }, // period running: not yet
      { kind: 'vat-return', date: '2026-11-07', periodStart: '2026-07-01', periodEnd: '2026-09-30' }, // ended, overdue
    ];
    expect(buildAgenda(entries, today).map((i) => [i.kind, i.date, i.urgency])).toEqual([
      ['vat-return', '2026-11-07', 'overdue'],
      ['invoice-due', '2026-11-29', 'soon'],
      ['contract-ending', '2026-12-22', 'soon'],
    ]);
  });

  it('orders by date, and on one date a VAT return before an invoice deadline before an invoice due', () => {
    const entries: AgendaEntry[] = [
      due(today, 7),
      { kind: 'invoice-deadline', date: today, supplyDate: '2026-10-30', clientName: 'Y', invoiceId: 9, contractId: null, reference: null },
      { kind: 'vat-return', date: today, periodStart: '2026-07-01', periodEnd: '2026-09-30' },
      due('2026-11-01', 8),
    ];
    expect(buildAgenda(entries, today).map((i) => `${i.date} ${i.kind}`)).toEqual(['2026-11-01 invoice-due', '2026-11-22 vat-return', '2026-11-22 invoice-deadline', '2026-11-22 invoice-due']);
  });
});

describe('intra-EU invoicing deadlines (Directive 2006/112/EC Art 222: the 15th of the month after the supply)', () => {
  const fr = { country: 'FR', business: true };
  const supplies: UninvoicedSupply[] = [
    { source: 'draft', invoiceId: 4, supplyDate: '2026-10-30', clientName: 'Société', client: fr },
    { source: 'unbilled', contractId: 2, reference: 'C-0002', supplyDate: '2026-11-03', clientName: 'Société', client: fr },
    { source: 'draft', invoiceId: 5, supplyDate: '2026-10-30', clientName: 'GmbH', client: { country: 'DE', business: true } },
    { source: 'draft', invoiceId: 6, supplyDate: '2026-10-30', clientName: 'Jean', client: { country: 'FR', business: false } },
  ];

  it('dates a German supplier’s draft and unbilled work for a French business; not a domestic or consumer supply', () => {
    expect(invoiceDeadlines('DE', supplies)).toEqual([
      { kind: 'invoice-deadline', date: '2026-11-15', supplyDate: '2026-10-30', clientName: 'Société', invoiceId: 4, contractId: null, reference: null },
      { kind: 'invoice-deadline', date: '2026-12-15', supplyDate: '2026-11-03', clientName: 'Société', invoiceId: null, contractId: 2, reference: 'C-0002' },
    ]);
  });

  it('gives a UK supplier none: the Directive binds EU suppliers', () => {
    expect(invoiceDeadlines('GB', supplies)).toEqual([]);
  });

  it('shows a call on its own day only, a follow-up once due and while overdue, and a stale lead while it stays stale', () => {
    const lead = { leadId: 1, leadTitle: 'Acme' };
    const call = (date: string, callId: number): AgendaEntry => ({ kind: 'call', date, callId, ...lead, startsAt: `${date}T15:00:00.000Z`, bothZones: '' });
    const entries: AgendaEntry[] = [
      call('2026-11-23', 1), // tomorrow: not yet
      call(today, 2),
      { kind: 'follow-up', date: '2026-11-23', ...lead, nextAction: 'Call' }, // not due yet
      { kind: 'follow-up', date: '2026-11-20', ...lead, nextAction: 'Write' },
      { kind: 'stale-lead', date: today, ...lead, lastActivityAt: '2026-11-01T10:00:00.000Z' },
    ];
    expect(buildAgenda(entries, today).map((i) => [i.kind, i.date, i.urgency])).toEqual([
      ['follow-up', '2026-11-20', 'overdue'],
      ['call', today, 'today'],
      ['stale-lead', today, 'today'],
    ]);
  });
});
