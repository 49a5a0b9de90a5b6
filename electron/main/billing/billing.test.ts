import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/api/contract';
import { sampleProfile, tempDir, testApi } from '../../../test/temp-store';
import { traceStatements } from '../../../test/statement-trace';

const usClient = { name: 'Initrode Inc', country: 'US', city: 'Boston', region: 'MA', postalCode: '02116', addressLine1: '1 Main St', timezone: 'America/New_York', currency: 'USD', customerType: 'business' } satisfies CallInput<'clients.create'>;

/** A US client on $300/h less 10% retained, billed fortnightly from Fri 20 Nov 2026; the clock reads `clock.now`. */
async function fortnight(overrides: Partial<CallInput<'contracts.create'>> = {}) {
  const dataDir = tempDir();
  const clock = { now: new Date('2026-12-04T09:00:00Z') };
  const api = testApi(dataDir, () => clock.now);
  await api.call('profile.save', sampleProfile);
  const client = await api.call('clients.create', usClient);
  const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2026-01-01', isDefault: true });
  const retained = await api.call('discounts.save', { name: 'Retained', tiers: [{ fromMonths: 0, percent: '10' }] });
  const contract = await api.call('contracts.create', {
    clientId: client.id,
    title: 'Postgres performance',
    scope: 'Query tuning.',
    startDate: '2026-11-20',
    notice: { amount: 1, unit: 'month' },
    rateCardId: card.id,
    discount: { kind: 'rule', ruleId: retained.id },
    currency: 'USD',
    billingCycle: { kind: 'fortnightly', anchor: '2026-11-20' },
    paymentTermsDays: 14,
    rounding: { mode: 'up', incrementMinutes: 15, scope: 'entry' },
    expensePolicy: { kind: 'at-cost' },
    ...overrides,
  });
  await api.call('contracts.sign', { id: contract.id });
  const sqlite = api.holder.store().sqlite;
  const stamp = '2026-12-04T09:00:00Z';
  const work = (workDate: string, minutes: number, note = '', billable = true) =>
    Number(sqlite.prepare('insert into time_entries (contract_id, work_date, duration_seconds, note, billable, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)').run(contract.id, workDate, minutes * 60, note, billable ? 1 : 0, stamp, stamp).lastInsertRowid);
  const spend = (expenseDate: string, description: string, amountMinor: number, vatMinor = 0, currency = 'USD', fxRate: string | null = null) =>
    Number(
      sqlite
        .prepare("insert into expenses (expense_date, category, supplier, description, amount_minor, currency, vat_minor, vat_reclaimable, contract_id, rebillable, rebill_kind, fx_rate, fx_date, created_at, updated_at) values (?, 'travel', 'Marriott', ?, ?, ?, ?, 0, ?, 1, 'recharge', ?, ?, ?, ?)")
        .run(expenseDate, description, amountMinor, currency, vatMinor, contract.id, fxRate, fxRate ? expenseDate : null, stamp, stamp).lastInsertRowid,
    );
  const sources = (invoiceId: number) => sqlite.prepare('select s.time_entry_id as entry, s.expense_id as expense from invoice_line_sources s join invoice_lines l on l.id = s.invoice_line_id where l.invoice_id = ? order by s.id').all(invoiceId) as { entry: number | null; expense: number | null }[];
  return { api, dataDir, clock, contract, client, work, spend, sources, sqlite };
}

function pdfText(base64: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'run-')), 'i.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('the billing run', () => {
  it('drafts the fortnight at $270/h with rounded time and rebilled expenses, links every source once, and has nothing left due', async () => {
    const { api, contract, work, spend, sources } = await fortnight();
    const e1 = work('2026-11-24', 100, 'Query plan audit');
    const e2 = work('2026-12-01', 61, 'Index review');
    work('2026-12-02', 30, 'Internal notes', false);
    const hotel = spend('2026-11-25', 'Hotel, 2 nights', 41_800);

    expect(await api.call('billing.workInProgress')).toEqual([
      { contractId: contract.id, reference: `C-000${contract.id}`, title: 'Postgres performance', clientName: 'Initrode Inc', seconds: 161 * 60, entries: 2, expenses: [{ currency: 'USD', amountMinor: 41_800, count: 1 }] },
    ]);
    const [due] = await api.call('billing.due', { grouping: 'period' });
    expect(due).toMatchObject({ contractId: contract.id, period: { start: '2026-11-20', end: '2026-12-03' }, entryCount: 2, rawSeconds: 161 * 60, billedSeconds: 180 * 60, expenseCount: 1, problem: null });
    expect(due!.lines.map((l) => [l.description, l.quantity, l.unitPrice, l.amountMinor, l.entries])).toEqual([
      ['Postgres performance, 20 Nov 2026 – 3 Dec 2026', '3', '270', 81_000, 2],
      ['Hotel, 2 nights (Marriott, 25 Nov 2026)', '1', '418.00', 41_800, 1],
    ]);
    expect(due!.netMinor).toBe(122_800);

    const { drafts } = await api.call('billing.run', { contractIds: [contract.id], grouping: 'period' });
    expect(drafts).toHaveLength(1);
    const invoice = await api.call('invoices.get', { id: drafts[0]!.invoiceId });
    expect(invoice).toMatchObject({ status: 'draft', contractId: contract.id, currency: 'USD', supplyStart: '2026-11-20', supplyEnd: '2026-12-03', paymentTermsDays: 14 });
    expect(invoice.lines.map((l) => [l.kind, l.quantity, l.unit, l.unitPrice])).toEqual([
      ['fee', '3', 'hour', '270'],
      ['expense', '1', 'item', '418.00'],
    ]);
    expect(invoice.billedWork).toEqual({ timeEntries: 2, seconds: 161 * 60, expenses: 1, from: '2026-11-24', to: '2026-12-01' });
    expect(invoice.timesheetAppendix).toBe(false);
    expect(invoice.lines[0]!.pricing).toMatchObject({ listRate: '300', listCurrency: 'USD', discountPercent: '10', discountReason: 'Retained: 10%' });
    expect(sources(invoice.id)).toEqual([{ entry: e1, expense: null }, { entry: e2, expense: null }, { entry: null, expense: hotel }]);
    expect(await api.call('billing.due', { grouping: 'period' })).toEqual([]);
    expect(await api.call('billing.workInProgress')).toEqual([]);
    expect(await api.raw('billing.run', { contractIds: [contract.id], grouping: 'period' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'A chosen contract is no longer due: refresh the list.' } });
  });

  it('shows the next invoice from the billing cycle: the one due now, then the next period’s as its work is logged', async () => {
    // The clock reads Fri 4 Dec 2026: the fortnight 20 Nov – 3 Dec has ended, 4 – 17 Dec has begun.
    const { api, contract, work } = await fortnight();
    work('2026-11-24', 100, 'Query plan audit'); // rounded up to 1:45 at $270/h: $472.50
    const upcoming = () => api.call('billing.upcoming');
    expect((await upcoming()).map((p) => [p.contractId, p.period, p.netMinor])).toEqual([[contract.id, { start: '2026-11-20', end: '2026-12-03' }, 47_250]]);
    await api.call('billing.run', { contractIds: [contract.id], grouping: 'period' });
    expect((await upcoming()).map((p) => [p.period, p.entryCount, p.netMinor])).toEqual([[{ start: '2026-12-04', end: '2026-12-17' }, 0, 0]]);
    work('2026-12-04', 60, 'Workshop');
    expect((await upcoming()).map((p) => [p.period.end, p.entryCount, p.netMinor])).toEqual([['2026-12-17', 1, 27_000]]);
  });

  it('leaves out a contract whose next billing date is more than 30 days away', async () => {
    const { api } = await fortnight({ billingCycle: { kind: 'monthly' }, startDate: '2027-01-20' });
    expect(await api.call('billing.upcoming')).toEqual([]);
  });

  it('keeps a draft line’s sources through an edit, releases them when the line or the draft goes, and re-runs to the same lines', async () => {
    const { api, contract, work, spend, sources } = await fortnight();
    work('2026-11-24', 120, 'Audit');
    spend('2026-11-25', 'Taxi', 4_000);
    const first = (await api.call('billing.run', { contractIds: [contract.id], grouping: 'note' })).drafts[0]!;
    const draft = await api.call('invoices.get', { id: first.invoiceId });
    const before = sources(draft.id);
    const { id, clientId, currency, issueDate, paymentTermsDays, contractId } = draft;
    const lines = draft.lines.map(({ id: lineId, description, kind, quantity, unit, unitPrice }) => ({ id: lineId, description, kind, quantity, unit, unitPrice }));
    await api.call('invoices.updateDraft', { id, clientId, currency, issueDate, paymentTermsDays, contractId, lines: [{ ...lines[0]!, description: 'Query plan audit' }, lines[1]!] });
    expect(sources(id)).toEqual(before);

    await api.call('invoices.updateDraft', { id, clientId, currency, issueDate, paymentTermsDays, contractId, lines: [lines[0]!] });
    expect(sources(id)).toEqual(before.slice(0, 1));
    await api.call('invoices.deleteDraft', { id });
    expect(sources(id)).toEqual([]);

    const again = await api.call('billing.due', { grouping: 'note' });
    expect(again[0]!.lines.map((l) => [l.description, l.amountMinor])).toEqual([
      ['Audit', 54_000],
      ['Taxi (Marriott, 25 Nov 2026)', 4_000],
    ]);
    const rerun = (await api.call('billing.run', { contractIds: [contract.id], grouping: 'note' })).drafts[0]!;
    expect(sources(rerun.invoiceId).map((s) => s.entry ?? s.expense)).toEqual(before.map((s) => s.entry ?? s.expense));
  });

  it('locks billed work once the invoice is issued: the trigger refuses a change, a delete or a second link', async () => {
    const { api, contract, work, sqlite } = await fortnight();
    const entry = work('2026-11-24', 60);
    const { invoiceId } = (await api.call('billing.run', { contractIds: [contract.id], grouping: 'period' })).drafts[0]!;
    sqlite.prepare('update time_entries set note = ? where id = ?').run('Allowed while only on a draft', entry);
    const issued = await api.call('invoices.issue', { id: invoiceId, fx: { rate: '1.27', source: 'other', date: '2026-12-04' } });
    expect(issued.snapshot!.timesheet).toBeUndefined();
    expect(() => sqlite.prepare('update time_entries set duration_seconds = 1 where id = ?').run(entry)).toThrow('This time entry is on an issued invoice and can’t be changed.'.replace('’', "'"));
    expect(() => sqlite.prepare('delete from time_entries where id = ?').run(entry)).toThrow(/issued invoice/);
    expect(() => sqlite.prepare('delete from invoice_line_sources').run()).toThrow(/issued invoice/);
    const line = (sqlite.prepare('select id from invoice_lines where invoice_id = ?').get(invoiceId) as { id: number }).id;
    expect(() => sqlite.prepare('insert into invoice_line_sources (invoice_line_id, time_entry_id) values (?, ?)').run(line, work('2026-11-25', 30))).toThrow(/issued invoice/);
  });

  it('bills nothing twice when two runs race from two connections: the later run fails whole and changes nothing', async () => {
    const { api, contract, work, dataDir, sqlite } = await fortnight();
    work('2026-11-24', 60);
    const before = await api.call('billing.due', { grouping: 'period' });
    // A second app process bills the same period first, straight into the file.
    const other = new Database(path.join(dataDir, 'billable.sqlite'));
    other.pragma('foreign_keys = ON');
    other.transaction(() => {
      const invoice = other.prepare("insert into invoices (kind, status, client_id, currency, issue_date, due_date, payment_terms_days, contract_id, billing_period_start, net, vat, gross, payable, created_at, updated_at) values ('invoice', 'draft', ?, 'USD', '2026-12-04', '2026-12-18', 14, ?, '2026-11-20', 0, 0, 0, 0, 'x', 'x')").run(before[0]!.clientId, contract.id);
      const line = other.prepare("insert into invoice_lines (invoice_id, position, description, kind, quantity, unit, unit_price) values (?, 0, 'x', 'fee', '1', 'hour', '270')").run(invoice.lastInsertRowid);
      other.prepare('insert into invoice_line_sources (invoice_line_id, time_entry_id) values (?, (select id from time_entries limit 1))').run(line.lastInsertRowid);
    })();
    other.close();
    const count = () => (sqlite.prepare('select count(*) as n from invoices').get() as { n: number }).n;
    expect(count()).toBe(1);
    expect(await api.raw('billing.run', { contractIds: [contract.id], grouping: 'period' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(count()).toBe(1);
  });

  it('bills a retainer month: the fee, hours over the included ones at the overage rate, and unused hours carried', async () => {
    const { api, contract, work, clock } = await fortnight({
      billingCycle: { kind: 'monthly', anchor: null },
      startDate: '2026-10-01',
      retainer: { monthlyFee: '4000', includedHours: '20', overageRate: '250', rollover: true, rolloverCapHours: '10' },
    });
    work('2026-10-10', 14 * 60);
    work('2026-11-10', 30 * 60);
    clock.now = new Date('2026-10-31T09:00:00Z');
    const october = await api.call('billing.due', { grouping: 'period' });
    expect(october[0]!.lines.map((l) => [l.description, l.quantity, l.amountMinor])).toEqual([['Postgres performance: retainer for October 2026 (20 h included)', '1', 400_000]]);
    expect(october[0]!.burn).toEqual({ kind: 'retainer', text: '14 of 20 available hours used; 6 h carry into next month', level: 'ok' });
    await api.call('billing.run', { contractIds: [contract.id], grouping: 'period' });

    clock.now = new Date('2026-11-30T09:00:00Z');
    const [november] = await api.call('billing.due', { grouping: 'period' });
    expect(november!.lines.map((l) => [l.description, l.quantity, l.unitPrice, l.amountMinor])).toEqual([
      ['Postgres performance: retainer for November 2026 (20 h included, 6 h carried in)', '1', '4000.00', 400_000],
      ['Postgres performance: hours over the retainer in November 2026', '4', '250.00', 100_000],
    ]);
    expect(november!.burn).toMatchObject({ text: '26 of 26 available hours used; 4 h over; 0 h carry into next month', level: 'over' });
  });

  it('bills a retainer month by month: a month never billed is due before the next, never folded into it', async () => {
    const { api, contract, work, clock } = await fortnight({
      billingCycle: { kind: 'monthly', anchor: null },
      startDate: '2026-09-01',
      retainer: { monthlyFee: '2000', includedHours: '10', overageRate: '100', rollover: true, rolloverCapHours: '5' },
    });
    work('2026-09-10', 4 * 60);
    work('2026-10-10', 14 * 60);
    clock.now = new Date('2026-12-02T09:00:00Z');
    const months: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [due] = await api.call('billing.due', { grouping: 'period' });
      months.push(`${due!.period.start} ${due!.lines.map((l) => `${l.description} = ${l.amountMinor}`).join('; ')}`);
      await api.call('billing.run', { contractIds: [contract.id], grouping: 'period' });
    }
    // September leaves 6 h, capped at 5 to carry; October uses 14 of 15, carrying 1.
    expect(months).toEqual([
      '2026-09-01 Postgres performance: retainer for September 2026 (10 h included) = 200000',
      '2026-10-01 Postgres performance: retainer for October 2026 (10 h included, 5 h carried in) = 200000',
      '2026-11-01 Postgres performance: retainer for November 2026 (10 h included, 1 h carried in) = 200000',
    ]);
    expect(await api.call('billing.due', { grouping: 'period' })).toEqual([]);
  });

  it('refuses a run with nothing chosen, and says what stops a contract it can’t draft', async () => {
    const { api, contract, spend } = await fortnight();
    spend('2026-11-25', 'Hotel in Lisbon', 20_000, 0, 'EUR');
    expect(await api.raw('billing.run', { contractIds: [], grouping: 'period' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { contractIds: 'Choose at least one invoice to draft' } } });
    const [due] = await api.call('billing.due', { grouping: 'period' });
    expect(due!.problem).toBe('The expense “Hotel in Lisbon” (25 Nov 2026) is in EUR with no rate to USD. Add its rate on the Expenses page.');
    expect(await api.raw('billing.run', { contractIds: [contract.id], grouping: 'period' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await api.call('invoices.list', {})).toEqual([]);
  });
});

describe('the timesheet appendix', () => {
  it('prints each billed entry (date, h:mm, note) after the invoice when the contract asks for it', async () => {
    const { api, contract, work } = await fortnight();
    work('2026-11-24', 100, 'Query plan audit');
    work('2026-12-01', 61, 'Index review: orders table');
    await api.call('contracts.setTimesheetAppendix', { id: contract.id, on: true });
    const { invoiceId } = (await api.call('billing.run', { contractIds: [contract.id], grouping: 'period' })).drafts[0]!;
    const issued = await api.call('invoices.issue', { id: invoiceId, fx: { rate: '1.27', source: 'other', date: '2026-12-04' } });
    expect(issued.snapshot!.timesheet).toEqual([
      { workDate: '2026-11-24', seconds: 6000, note: 'Query plan audit' },
      { workDate: '2026-12-01', seconds: 3660, note: 'Index review: orders table' },
    ]);
    const text = pdfText((await api.call('invoices.pdf', { id: invoiceId })).dataBase64);
    expect(text).toMatch(/Timesheet/);
    expect(text).toMatch(/24 Nov 2026\s+1:40\s+Query plan audit/);
    expect(text).toMatch(/1 Dec 2026\s+1:01\s+Index review: orders table/);
    expect(text).toMatch(/TOTAL: 2:41 OVER 2 ENTRIES/);
    expect(text).toMatch(/Postgres performance, 20 Nov 2026 – 3 Dec\s+3 hours\s+270\.00\s+—\s+810\.00/);
  });
});

describe('unbilled work query plans', () => {
  it('reads unbilled time and expenses from their partial indexes, never the billed history', async () => {
    const { api, work, spend, sqlite } = await fortnight();
    work('2026-11-24', 60);
    spend('2026-11-25', 'Taxi', 4_000);
    const trace = traceStatements(sqlite);
    try {
      await api.call('billing.due', { grouping: 'period' });
      await api.call('billing.workInProgress');
    } finally {
      trace.stop();
    }
    const plans = trace.executed
      .filter(({ sql }) => /from "?(time_entries|expenses)\b/.test(sql))
      .flatMap(({ sql, params }) => (sqlite.prepare(`explain query plan ${sql}`).all(...(params as unknown[])) as { detail: string }[]).map((row) => row.detail));
    expect(plans.filter((step) => /time_entries|expenses/.test(step) || /^SEARCH (time_entries|expenses)/.test(step))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SEARCH time_entries USING COVERING INDEX time_entries_unbilled_idx/),
        expect.stringMatching(/^SEARCH time_entries USING INDEX time_entries_unbilled_idx/),
        expect.stringMatching(/^SEARCH expenses USING COVERING INDEX expenses_unbilled_idx/),
        expect.stringMatching(/^SEARCH expenses USING INDEX expenses_unbilled_idx/),
      ]),
    );
    expect(plans.filter((step) => /^SCAN (time_entries|expenses)\b/.test(step) && !/unbilled_idx/.test(step))).toEqual([]);
  });
});

describe('what a billing run leaves behind, and what a draft from it may become', () => {
  it('bills unbilled work from before the period (even before the contract starts) and names the whole span on the line', async () => {
    const { api, work } = await fortnight();
    work('2026-11-10', 60, 'Pre-start workshop');
    work('2026-11-24', 60, 'Audit');
    const [due] = await api.call('billing.due', { grouping: 'period' });
    expect(due).toMatchObject({ period: { start: '2026-11-20', end: '2026-12-03' }, supply: { start: '2026-11-10', end: '2026-12-03' }, entryCount: 2 });
    expect(due!.lines[0]!.description).toBe('Postgres performance, 10 Nov 2026 – 3 Dec 2026');
  });

  it('refuses to move a draft from a USD contract into another currency, on the currency field', async () => {
    const { api, contract, work } = await fortnight();
    work('2026-11-24', 60);
    const { invoiceId } = (await api.call('billing.run', { contractIds: [contract.id], grouping: 'period' })).drafts[0]!;
    const draft = await api.call('invoices.get', { id: invoiceId });
    const { id, clientId, issueDate, paymentTermsDays, contractId } = draft;
    const lines = draft.lines.map(({ id: lineId, description, kind, quantity, unit, unitPrice }) => ({ id: lineId, description, kind, quantity, unit, unitPrice }));
    expect(await api.raw('invoices.updateDraft', { id, clientId, currency: 'EUR', issueDate, paymentTermsDays, contractId, lines })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { currency: `C-000${contract.id} bills in USD; invoice it in USD, or start an invoice without the contract` } },
    });
    expect((await api.call('invoices.get', { id })).currency).toBe('USD');
  });
});
