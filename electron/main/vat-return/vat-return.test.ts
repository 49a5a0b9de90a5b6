import { describe, expect, it } from 'vitest';
import { sampleProfile } from '../../../test/temp-store';
import { vatBook as book } from '../../../test/vat-book';

const settings = { frequency: 'quarterly', stagger: 1, registeredOn: '2026-10-01', flatRatePercent: null, wholePounds: 'truncate' } as const;

describe('the UK VAT return (issue 16, point 3)', () => {
  it('refuses settings it cannot use, in words, and changes nothing', async () => {
    const { api } = await book();
    expect(await api.raw('vatReturns.periods', undefined)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('VAT registration date') } });
    const bad = await api.raw('vatReturns.saveSettings', { ...settings, registeredOn: '2026-02-30', stagger: 4, flatRatePercent: '101' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { registeredOn: expect.any(String), stagger: 'Choose the months your quarters end in', flatRatePercent: expect.stringContaining('100') } },
    });
    expect((await api.call('vatReturns.getSettings', undefined)).registeredOn).toBeNull();
    // The clock reads 22 Nov 2026: a registration after today has no return yet.
    expect(await api.raw('vatReturns.saveSettings', { ...settings, registeredOn: '2030-07-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { registeredOn: 'Enter the date you registered, today or earlier' } },
    });
    expect((await api.call('vatReturns.getSettings', undefined)).registeredOn).toBeNull();
    await api.call('vatReturns.saveSettings', settings);
    expect(await api.call('vatReturns.getSettings', undefined)).toEqual(settings);
    await api.call('profile.save', { ...sampleProfile, vatScheme: 'flat-rate' });
    expect(await api.raw('vatReturns.periods', undefined)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('flat rate') } });
    await api.call('profile.save', { ...sampleProfile, vatRegistered: false, vatNumber: null });
    expect(await api.raw('vatReturns.periods', undefined)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('not VAT-registered') } });
  });

  it('fills the boxes from issued invoices, credit notes and expenses by tax point, with the records behind each', async () => {
    const { api, uk, de, invoice, office } = await book();
    await api.call('vatReturns.saveSettings', settings);
    const sale = await invoice(uk.id, 'GBP', '2026-11-20', '2400');
    // €3,000 at 1.1564 = £2,594.26: reverse charge, so Box 6 only (rules §5.2).
    const export_ = await invoice(de.id, 'EUR', '2026-11-21', '3000', { rate: '1.1564', source: 'hmrc-period', date: '2026-11-01' });
    await api.call('creditNotes.issue', { invoiceId: sale.id, issueDate: '2026-11-22', reason: 'Half-day not worked', lines: [{ lineId: sale.lines[0]!.id, quantity: '0.5' }] });
    await api.call('expenses.create', office('2026-11-10', '300.00', '50.00'));
    // Before registration: not on any return.
    await api.call('expenses.create', office('2026-09-30', '120.00', '20.00'));

    const periods = await api.call('vatReturns.periods', undefined);
    expect(periods.map((p) => [p.start, p.end, p.dueDate, p.state])).toEqual([['2026-10-01', '2026-12-31', '2027-02-07', 'open']]);
    const ret = await api.call('vatReturns.get', { periodStart: '2026-10-01' });
    // VAT 480.00 − 240.00 = 240.00 on sales; 50.00 reclaimed. Net sales 2,400 − 1,200 + 2,594.26.
    expect(ret.boxes).toEqual({ box1: 24000, box2: 0, box3: 24000, box4: 5000, box5: 19000, box6: 3794, box7: 250, box8: 0, box9: 0 });
    expect(ret.direction).toBe('payable');
    expect(periods[0]!.box5).toBe(19000);
    expect(ret.records).toEqual({ box1: 2, box2: 0, box3: 0, box4: 1, box5: 0, box6: 3, box7: 1, box8: 0, box9: 0 });
    const behind = async (box: 'box1' | 'box4' | 'box6', page: { offset?: number; limit?: number } = {}) => api.call('vatReturns.sources', { periodStart: '2026-10-01', box, ...page });
    expect((await behind('box1')).sources.map((s) => [s.ref.kind, s.ref.label, s.amount])).toEqual([
      ['invoice', sale.number, 48000],
      ['credit-note', expect.any(String), -24000],
    ]);
    expect((await behind('box6')).sources.map((s) => s.ref.label)).toContain(export_.number);
    expect((await behind('box4')).sources.map((s) => [s.ref.label, s.date, s.amount])).toEqual([['Scan Computers', '2026-11-10', 5000]]);
    // A page of the drill-down, and the count of all.
    expect(await behind('box6', { offset: 1, limit: 1 })).toEqual({ total: 3, sources: [expect.objectContaining({ date: '2026-11-21', ref: expect.objectContaining({ label: export_.number }) })] });
    expect(ret.problems).toEqual([]);
    expect(await api.raw('vatReturns.sources', { periodStart: '2026-10-01', box: '1' })).toMatchObject({ error: { fieldErrors: { box: 'Choose a box: box1 to box9' } } });
    expect(await api.raw('vatReturns.sources', { periodStart: '2026-10-01', box: 'box1', offset: 1e20 })).toMatchObject({ error: { fieldErrors: { offset: 'The offset can be at most 1,000,000' } } });
    for (const bad of [{ box: 'box10' }, { box: 'box1', limit: 0 }, { box: 'box1', limit: 501 }, { box: 'box1', offset: -1 }, { box: 'box1', offset: 1.5 }]) {
      const refused = await api.raw('vatReturns.sources', { periodStart: '2026-10-01', ...bad });
      expect(refused, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('finalises in order only after a period ends; a finalised return never changes and late records fall into the next', async () => {
    const { api, uk, invoice, office, setToday } = await book();
    await api.call('vatReturns.saveSettings', { ...settings, registeredOn: '2026-07-01' });
    await invoice(uk.id, 'GBP', '2026-11-20', '1000');
    const tooEarly = await api.raw('vatReturns.finalise', { periodStart: '2026-10-01', periodKey: '26A4' });
    expect(tooEarly).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'This period runs until 2026-12-31: finalise its return after it ends.' } });

    setToday('2027-01-05');
    const outOfOrder = await api.raw('vatReturns.finalise', { periodStart: '2026-10-01', periodKey: '26A4' });
    expect(outOfOrder).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('2026-07-01 to 2026-09-30 first') } });
    expect(await api.raw('vatReturns.finalise', { periodStart: '2026-07-01', periodKey: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { periodKey: 'The period key is the 4-character code HMRC shows for this return, such as 26A4' } },
    });
    expect(await api.raw('vatReturns.finalise', { periodStart: '2026-07-02', periodKey: '26A3' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const q3 = await api.call('vatReturns.finalise', { periodStart: '2026-07-01', periodKey: '26A3' });
    expect(q3).toMatchObject({ state: 'finalised', periodKey: '26A3', boxes: { box5: 0 }, direction: 'nil' });
    expect(await api.raw('vatReturns.finalise', { periodStart: '2026-07-01', periodKey: '26A3' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'This VAT return is already finalised.' } });
    // Filed periods stay as filed: monthly returns or a later registration date would split or hide 26A3.
    const current = await api.call('vatReturns.getSettings', undefined);
    for (const change of [{ frequency: 'monthly' }, { registeredOn: '2026-10-01' }, { stagger: 2 }] as const) {
      expect(await api.raw('vatReturns.saveSettings', { ...current, ...change })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('finalised VAT returns') } });
    }
    expect(await api.call('vatReturns.getSettings', undefined)).toEqual(current);
    expect(await api.call('vatReturns.saveSettings', { ...current, wholePounds: 'nearest' })).toMatchObject({ wholePounds: 'nearest' });
    await api.call('vatReturns.saveSettings', current);
    const q4 = await api.call('vatReturns.finalise', { periodStart: '2026-10-01', periodKey: '26A4' });
    expect(q4.boxes).toMatchObject({ box1: 20000, box5: 20000, box6: 1000 });

    // A receipt for December found in January: Q4 stays as declared, the VAT is reclaimed in Q1.
    await api.call('expenses.create', office('2026-12-15', '600.00', '100.00'));
    expect((await api.call('vatReturns.get', { periodStart: '2026-10-01' })).boxes).toEqual(q4.boxes);
    const q1 = await api.call('vatReturns.get', { periodStart: '2027-01-01' });
    expect(q1.boxes).toMatchObject({ box4: 10000, box5: 10000, box7: 500 });
    expect(q1.direction).toBe('repayable');
    expect((await api.call('vatReturns.sources', { periodStart: '2027-01-01', box: 'box4' })).sources[0]).toMatchObject({ date: '2026-12-15', ref: { label: 'Scan Computers' } });
    expect((await api.call('vatReturns.periods', undefined)).map((p) => [p.start, p.state, p.periodKey])).toEqual([
      ['2027-01-01', 'open', null],
      ['2026-10-01', 'finalised', '26A4'],
      ['2026-07-01', 'finalised', '26A3'],
    ]);

    const sqlite = api.holder.store().sqlite;
    expect(() => sqlite.prepare("update vat_returns set period_key = 'XXXX'").run()).toThrow(/finalised VAT return/i);
    expect(() => sqlite.prepare('delete from vat_return_counts').run()).toThrow(/finalised VAT return/i);
  });

  it('on cash accounting counts VAT when paid, and a payment removed after its return is reversed in the next', async () => {
    const { api, uk, invoice, setToday } = await book({ vatScheme: 'cash-accounting' });
    await api.call('vatReturns.saveSettings', settings);
    const sale = await invoice(uk.id, 'GBP', '2026-11-20', '1000');
    expect((await api.call('vatReturns.get', { periodStart: '2026-10-01' })).boxes).toMatchObject({ box1: 0, box6: 0 });
    // £600 of £1,200: half the VAT (£100) and half the net (£500).
    setToday('2026-12-01');
    const paid = await api.call('payments.record', { invoiceId: sale.id, date: '2026-12-01', amount: '600.00', method: 'bank-transfer' });
    expect((await api.call('vatReturns.get', { periodStart: '2026-10-01' })).boxes).toMatchObject({ box1: 10000, box6: 500 });

    setToday('2027-01-05');
    await api.call('vatReturns.finalise', { periodStart: '2026-10-01', periodKey: '26A4' });
    // The rest arrives in January: its share of an invoice from a finalised quarter goes on Q1.
    await api.call('payments.record', { invoiceId: sale.id, date: '2027-01-04', amount: '600.00', method: 'bank-transfer' });
    expect((await api.call('vatReturns.get', { periodStart: '2027-01-01' })).boxes).toMatchObject({ box1: 10000, box6: 500 });
    await api.call('payments.delete', { id: paid.payments[0]!.id });
    expect((await api.call('vatReturns.get', { periodStart: '2026-10-01' })).boxes).toMatchObject({ box1: 10000 });
    const q1 = await api.call('vatReturns.get', { periodStart: '2027-01-01' });
    // The removed December payment is reversed on today's date, so Q1 nets to nothing.
    expect(q1.boxes).toMatchObject({ box1: 0, box5: 0, box6: 0 });
    expect(q1.direction).toBe('nil');
    expect((await api.call('vatReturns.sources', { periodStart: '2027-01-01', box: 'box1' })).sources.map((s) => [s.ref.kind, s.date, s.amount])).toEqual([
      ['payment', '2027-01-04', 10000],
      ['reversal', '2027-01-05', -10000],
    ]);
  });

  it('exports the MTD JSON body and a CSV of the boxes and their records', async () => {
    const { api, uk, invoice, setToday } = await book();
    await api.call('vatReturns.saveSettings', settings);
    const sale = await invoice(uk.id, 'GBP', '2026-11-20', '1234.56');
    const draftJson = await api.call('vatReturns.export', { periodStart: '2026-10-01', format: 'json' });
    expect(draftJson.fileName).toBe('vat-return-2026-10-01-to-2026-12-31-draft.json');
    expect(JSON.parse(draftJson.text)).toMatchObject({ periodKey: '', vatDueSales: 246.91, totalVatDue: 246.91, netVatDue: 246.91, totalValueSalesExVAT: 1234, finalised: false });

    setToday('2027-01-05');
    await api.call('vatReturns.finalise', { periodStart: '2026-10-01', periodKey: '26A4' });
    const json = JSON.parse((await api.call('vatReturns.export', { periodStart: '2026-10-01', format: 'json' })).text);
    expect(json).toMatchObject({ periodKey: '26A4', finalised: true });
    const csv = await api.call('vatReturns.export', { periodStart: '2026-10-01', format: 'csv' });
    expect(csv.fileName).toBe('vat-return-2026-10-01-to-2026-12-31.csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['Box,Description,Value (GBP)', '1,VAT due on sales and other outputs,246.91']);
    expect(lines).toContain('6,Total value of sales and all other outputs excluding VAT,1234');
    expect(lines).toContain(`1,2026-11-20,${sale.number},246.91`);
    expect(await api.raw('vatReturns.export', { periodStart: '2026-10-01', format: 'xml' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { format: 'Choose one of: json, csv' } } });
  });
});
