import { describe, expect, it } from 'vitest';
import { contractTerms, sampleClient, sampleProfile, testApi, ukClient } from '../../../test/temp-store';

describe('the dashboard (issue 16, point 1)', () => {
  it('totals revenue per month in sterling at each document’s own rate, with the year before, and ages what is owed', async () => {
    // The clock reads 22 Nov 2026.
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    const uk = await api.call('clients.create', ukClient);
    const de = await api.call('clients.create', sampleClient);
    const issue = async (clientId: number, currency: string, issueDate: string, fx?: { rate: string; source: 'hmrc-period'; date: string }) => {
      const draft = await api.call('invoices.createDraft', { clientId, currency, issueDate, paymentTermsDays: 14, lines: [{ description: 'Review', kind: 'fee', quantity: '2', unit: 'day', unitPrice: '600' }] });
      return api.call('invoices.issue', { id: draft.id, ...(fx ? { fx } : {}) });
    };
    const lastYear = await issue(uk.id, 'GBP', '2025-10-15');
    await issue(uk.id, 'GBP', '2026-10-02');
    const eur = await issue(de.id, 'EUR', '2026-10-05', { rate: '1.1564', source: 'hmrc-period', date: '2026-10-01' });
    await api.call('payments.record', { invoiceId: eur.id, date: '2026-11-03', amount: '600.00', method: 'bank-transfer', homeAmount: '515.00' });
    await api.call('payments.record', { invoiceId: lastYear.id, date: '2025-11-01', amount: '40.00', method: 'bank-transfer' });

    const d = await api.call('reports.dashboard', { months: 12 });
    expect(d.homeCurrency).toBe('GBP');
    expect(d.revenue.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    // October: £1,200.00 net plus €1,200 at 1.1564 = £1,037.70; a year earlier £1,200.00.
    expect(d.revenue.find((m) => m.month === '2026-10')).toEqual({ month: '2026-10', invoiced: 223770, received: 0, invoicedYearBefore: 120000, receivedYearBefore: 0 });
    expect(d.revenue.find((m) => m.month === '2026-11')).toEqual({ month: '2026-11', invoiced: 0, received: 51500, invoicedYearBefore: 0, receivedYearBefore: 4000 });
    expect(d.unvalued).toBe(0);

    // Owed: £1,440 due 16 Oct (37 days), €600 of €1,200 due 19 Oct (£518.85 at its rate; 34 days), £1,400 due 29 Oct 2025.
    expect(d.agedDebt.buckets).toEqual([
      { bucket: 'not-due', amount: 0, count: 0 },
      { bucket: '0-30', amount: 0, count: 0 },
      { bucket: '31-60', amount: 144000 + 51885, count: 2 },
      { bucket: '61-90', amount: 0, count: 0 },
      { bucket: '90+', amount: 140000, count: 1 },
    ]);
    expect(d.agedDebt.invoices.map((i) => [i.number, i.daysPastDue, i.currency, i.outstanding, i.homeOutstanding])).toEqual([
      [lastYear.number, 389, 'GBP', 140000, 140000],
      [expect.any(String), 37, 'GBP', 144000, 144000],
      [eur.number, 34, 'EUR', 60000, 51885],
    ]);
    expect(await api.raw('reports.dashboard', { months: 6 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { months: 'Show 12 or 24 months' } } });
  });

  it('takes credit notes off what is owed, as the invoice page does, at home and in a foreign currency', async () => {
    // The clock reads 22 Nov 2026.
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    const uk = await api.call('clients.create', ukClient);
    const de = await api.call('clients.create', sampleClient);
    const issue = async (clientId: number, currency: string, fx?: { rate: string; source: 'hmrc-period'; date: string }) => {
      const draft = await api.call('invoices.createDraft', { clientId, currency, issueDate: '2026-10-01', paymentTermsDays: 14, lines: [{ description: 'Review', kind: 'fee', quantity: '1', unit: 'day', unitPrice: '1000' }] });
      return api.call('invoices.issue', { id: draft.id, ...(fx ? { fx } : {}) });
    };
    // £1,200 with VAT, 0.4 of it credited (−£480) and £200 paid: £520 owed.
    const gbp = await issue(uk.id, 'GBP');
    await api.call('creditNotes.issue', { invoiceId: gbp.id, issueDate: '2026-10-20', reason: 'Part not delivered', lines: [{ lineId: gbp.lines[0]!.id, quantity: '0.4' }] });
    await api.call('payments.record', { invoiceId: gbp.id, date: '2026-10-25', amount: '200.00', method: 'bank-transfer' });
    // €1,000 reverse charge at 1.1564 (£864.75), 0.3 credited and €200 paid: €500 owed, £432.38 at its rate (500 × 864.75 ÷ 1000, half-up).
    const eur = await issue(de.id, 'EUR', { rate: '1.1564', source: 'hmrc-period', date: '2026-10-01' });
    await api.call('creditNotes.issue', { invoiceId: eur.id, issueDate: '2026-10-20', reason: 'Part not delivered', lines: [{ lineId: eur.lines[0]!.id, quantity: '0.3' }] });
    await api.call('payments.record', { invoiceId: eur.id, date: '2026-10-25', amount: '200.00', method: 'bank-transfer', homeAmount: '172.00' });
    expect((await api.call('invoices.get', { id: gbp.id })).outstanding).toBe(52000);
    expect((await api.call('invoices.get', { id: eur.id })).outstanding).toBe(50000);

    const d = await api.call('reports.dashboard', { months: 12 });
    expect(d.agedDebt.buckets.find((b) => b.bucket === '31-60')).toEqual({ bucket: '31-60', amount: 52000 + 43238, count: 2 });
    expect(d.agedDebt.invoices.map((i) => [i.number, i.outstanding, i.homeOutstanding])).toEqual([
      [gbp.number, 52000, 52000],
      [eur.number, 50000, 43238],
    ]);
    // Overdue, so both are expected in the first week.
    expect(d.cashForecast[0]).toMatchObject({ amount: 52000 + 43238, count: 2 });
    // Invoiced with no hours logged: listed with their fees (less credit notes), but no rate per hour.
    // €700 left after the credit: £864.75 less £259.43 (€300 at 1.1564) is £605.32.
    expect(d.effectiveRates.map((r) => [r.clientName, r.fees, r.seconds, r.perHour])).toEqual([
      [de.name, 60532, 0, null],
      [uk.name, 60000, 0, null],
    ]);
    // Today lists each at what is still owed.
    const agenda = await api.call('today.agenda', undefined);
    expect(agenda.items.filter((i) => i.kind === 'invoice-due').map((i) => (i.kind === 'invoice-due' ? [i.number, i.outstandingMinor] : null))).toEqual([
      [gbp.number, 52000],
      [eur.number, 50000],
    ]);
  });

  it('lists the ten clients with the highest fees and the latest payers, with how many there are, and every one when asked', async () => {
    // The clock reads 22 Nov 2026.
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    for (let n = 1; n <= 11; n++) {
      const client = await api.call('clients.create', { ...ukClient, name: `Client ${String(n).padStart(2, '0')}` });
      const draft = await api.call('invoices.createDraft', { clientId: client.id, currency: 'GBP', issueDate: '2026-10-01', paymentTermsDays: 14, lines: [{ description: 'Review', kind: 'fee', quantity: '1', unit: 'day', unitPrice: String(100 * n) }] });
      const invoice = await api.call('invoices.issue', { id: draft.id });
      // Client n pays n days after the due date (15 Oct).
      await api.call('payments.record', { invoiceId: invoice.id, date: `2026-10-${String(15 + n).padStart(2, '0')}`, amount: ((120 * n).toFixed(2)), method: 'bank-transfer' });
    }
    const top = await api.call('reports.dashboard', { months: 12 });
    expect(top.effectiveRatesCount).toBe(11);
    expect(top.effectiveRates.map((r) => r.clientName)).toEqual(Array.from({ length: 10 }, (_, i) => `Client ${String(11 - i).padStart(2, '0')}`));
    expect(top.paymentHabitsCount).toBe(11);
    expect(top.paymentHabits.map((h) => [h.clientName, h.avgDaysLate])).toEqual(Array.from({ length: 10 }, (_, i) => [`Client ${String(11 - i).padStart(2, '0')}`, 11 - i]));
    const all = await api.call('reports.dashboard', { months: 12, allClients: true });
    expect(all.effectiveRates).toHaveLength(11);
    expect(all.paymentHabits.at(-1)).toMatchObject({ clientName: 'Client 01', avgDaysLate: 1 });
    expect(await api.raw('reports.dashboard', { months: 12, allClients: 'yes' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { allClients: 'Choose yes or no' } } });
  });

  it('learns how late each client pays and forecasts the next 90 days of cash from it', async () => {
    // The clock reads 22 Nov 2026.
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    const uk = await api.call('clients.create', ukClient);
    const de = await api.call('clients.create', sampleClient);
    const issue = async (clientId: number, currency: string, issueDate: string, fx?: { rate: string; source: 'hmrc-period'; date: string }) => {
      const draft = await api.call('invoices.createDraft', { clientId, currency, issueDate, paymentTermsDays: 14, lines: [{ description: 'Review', kind: 'fee', quantity: '2', unit: 'day', unitPrice: '600' }] });
      return api.call('invoices.issue', { id: draft.id, ...(fx ? { fx } : {}) });
    };
    // Initech paid two invoices 10 and 20 days late: 15 days on average, 29 from issue.
    for (const [issued, paid] of [['2026-08-03', '2026-08-27'], ['2026-09-01', '2026-10-05']] as const) {
      const invoice = await issue(uk.id, 'GBP', issued);
      await api.call('payments.record', { invoiceId: invoice.id, date: paid, amount: '1440.00', method: 'bank-transfer' });
    }
    await issue(uk.id, 'GBP', '2026-11-20'); // due 4 Dec, expected 19 Dec: day 27, the fourth week
    await issue(uk.id, 'GBP', '2026-10-20'); // due 3 Nov, 15 days late is 18 Nov: overdue, so now
    await issue(de.id, 'EUR', '2026-11-21', { rate: '1.1564', source: 'hmrc-period', date: '2026-11-01' }); // no habit: due 5 Dec, day 13, the second week

    const d = await api.call('reports.dashboard', { months: 12 });
    expect(d.paymentHabits).toEqual([{ clientId: uk.id, clientName: 'Initech Ltd', paidCount: 2, avgDaysToPay: 29, avgDaysLate: 15 }]);
    expect(d.cashForecast).toHaveLength(13);
    expect(d.cashForecast[0]).toEqual({ weekStart: '2026-11-22', amount: 144000, count: 1 });
    expect(d.cashForecast[1]).toEqual({ weekStart: '2026-11-29', amount: 103770, count: 1 });
    expect(d.cashForecast[3]).toEqual({ weekStart: '2026-12-13', amount: 144000, count: 1 });
    expect(d.cashForecast.reduce((sum, w) => sum + w.count, 0)).toBe(3);
  });

  it('measures utilisation against the weekly capacity and each client’s fees per hour worked, billable or not', async () => {
    // The clock reads Sunday 22 Nov 2026: this week began on Monday 16 Nov.
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    const uk = await api.call('clients.create', ukClient);
    const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'GBP', amount: '200', effectiveFrom: '2026-01-01', isDefault: true });
    const contract = await api.call('contracts.create', contractTerms(uk.id, card.id, { currency: 'GBP' }));
    await api.call('contracts.sign', { id: contract.id });
    await api.call('time.saveSettings', { forgottenAfterHours: 10, capacityHoursPerWeek: 25 });
    for (const [date, duration, billable] of [['2026-11-10', '2:00', true], ['2026-11-17', '3:00', true], ['2026-11-18', '1:00', false]] as const) {
      await api.call('time.create', { contractId: contract.id, date, timing: { kind: 'duration', duration }, note: 'Work', billable });
    }
    const draft = await api.call('invoices.createDraft', { clientId: uk.id, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, lines: [{ description: 'Review', kind: 'fee', quantity: '6', unit: 'hour', unitPrice: '200' }] });
    await api.call('invoices.issue', { id: draft.id });

    const d = await api.call('reports.dashboard', { months: 12 });
    expect(d.utilisation.capacityHoursPerWeek).toBe(25);
    expect(d.utilisation.weeks).toHaveLength(12);
    expect(d.utilisation.weeks.at(-1)).toEqual({ weekStart: '2026-11-16', seconds: 4 * 3600, billableSeconds: 3 * 3600 });
    expect(d.utilisation.weeks.at(-2)).toEqual({ weekStart: '2026-11-09', seconds: 2 * 3600, billableSeconds: 2 * 3600 });
    // £1,200 of fees over 6 hours worked, one of them not billable: £200 an hour.
    expect(d.effectiveRates).toEqual([{ clientId: uk.id, clientName: 'Initech Ltd', fees: 120000, seconds: 6 * 3600, billableSeconds: 5 * 3600, perHour: 20000 }]);
    expect(await api.raw('time.saveSettings', { forgottenAfterHours: 10, capacityHoursPerWeek: 0 })).toMatchObject({ ok: false, error: { fieldErrors: { capacityHoursPerWeek: 'At least 1 hour' } } });
  });

  it('values documents too large for its rollups’ exact SQL one by one, to the same penny', async () => {
    // The clock reads 22 Nov 2026. Figures past 3,037,000,499 minor units can't be multiplied in SQLite's 64-bit integers.
    const api = testApi();
    await api.call('profile.save', sampleProfile);
    const uk = await api.call('clients.create', ukClient);
    const de = await api.call('clients.create', sampleClient);
    const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'GBP', amount: '200', effectiveFrom: '2026-01-01', isDefault: true });
    const contract = await api.call('contracts.create', contractTerms(uk.id, card.id, { currency: 'GBP' }));
    await api.call('contracts.sign', { id: contract.id });
    await api.call('time.create', { contractId: contract.id, date: '2026-11-17', timing: { kind: 'duration', duration: '1:00' }, note: 'Work', billable: true });
    const gbp = await api.call('invoices.createDraft', {
      clientId: uk.id,
      currency: 'GBP',
      issueDate: '2026-11-20',
      paymentTermsDays: 14,
      lines: [
        { description: 'Programme', kind: 'fee', quantity: '1', unit: 'item', unitPrice: '40000000' },
        { description: 'Taxi', kind: 'expense', quantity: '1', unit: 'item', unitPrice: '3.33' },
      ],
    });
    await api.call('invoices.issue', { id: gbp.id });
    const eurDraft = await api.call('invoices.createDraft', { clientId: de.id, currency: 'EUR', issueDate: '2026-11-21', paymentTermsDays: 14, lines: [{ description: 'Programme', kind: 'fee', quantity: '2', unit: 'day', unitPrice: '20000000' }] });
    const eur = await api.call('invoices.issue', { id: eurDraft.id, fx: { rate: '1.1564', source: 'hmrc-period', date: '2026-11-01' } });
    await api.call('payments.record', { invoiceId: eur.id, date: '2026-11-21', amount: '600.00', method: 'bank-transfer', homeAmount: '515.00' });

    const d = await api.call('reports.dashboard', { months: 12 });
    // €40,000,000 at 1.1564 is £34,590,107.23; €39,999,400 of it still owed is 0.999985 of that, £34,589,588.38 (…837.84 rounds up).
    const owedEur = 3_458_958_838;
    const owedGbp = d.agedDebt.invoices.find((i) => i.currency === 'GBP')!.homeOutstanding!;
    expect(d.agedDebt.invoices.find((i) => i.currency === 'EUR')!.homeOutstanding).toBe(owedEur);
    expect(d.agedDebt.buckets[0]).toEqual({ bucket: 'not-due', amount: owedGbp + owedEur, count: 2 });
    // Due 4 and 5 Dec, neither client has a habit yet: days 12 and 13, the second week.
    expect(d.cashForecast[1]).toEqual({ weekStart: '2026-11-29', amount: owedGbp + owedEur, count: 2 });
    // £40,000,003.33 net less the taxi's £3.33 share of it: £40,000,000 of fees in the one hour worked.
    // The euro client has no hours: its fees are the whole €40,000,000 at its rate, with no rate per hour.
    expect(d.effectiveRates).toEqual([
      { clientId: uk.id, clientName: 'Initech Ltd', fees: 4_000_000_000, seconds: 3600, billableSeconds: 3600, perHour: 4_000_000_000 },
      { clientId: de.id, clientName: 'Acme Analytics', fees: 3_459_010_723, seconds: 0, billableSeconds: 0, perHour: null },
    ]);
  });
});
