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
});
