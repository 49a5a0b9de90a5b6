import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoicingApi, testApi, tempDir } from '../../../test/temp-store';

describe('issuing', () => {
  it('numbers invoices gaplessly in the configured series', async () => {
    const { api, draft } = await invoicingApi();
    const numbers = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await draft();
      numbers.push((await api.call('invoices.issue', { id })).number);
    }
    expect(numbers).toEqual(['INV-2026-0001', 'INV-2026-0002', 'INV-2026-0003']);
  });

  it('leaves no gap when an issue fails halfway, and never reuses a number', async () => {
    const { api, draft } = await invoicingApi();
    const first = await draft();
    const second = await draft();
    await api.call('invoices.issue', { id: first.id });
    const sqlite = api.holder.store().sqlite;
    sqlite.exec(`create trigger fail_halfway before update of status on invoices when new.number = 'INV-2026-0002' begin select raise(abort, 'disk full'); end`);
    const failed = await api.raw('invoices.issue', { id: second.id });
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(sqlite.prepare(`select next from number_series where series = 'invoice'`).get()).toEqual({ next: 2 });
    expect((await api.call('invoices.get', { id: second.id })).status).toBe('draft');
    sqlite.exec('drop trigger fail_halfway');
    expect((await api.call('invoices.issue', { id: second.id })).number).toBe('INV-2026-0002');
    const third = await draft();
    expect((await api.call('invoices.issue', { id: third.id })).number).toBe('INV-2026-0003');
  });

  it('restarts the sequence each year when set, and never otherwise', async () => {
    const { api, draft } = await invoicingApi();
    const issue = async (issueDate: string) => (await api.call('invoices.issue', { id: (await draft({ issueDate })).id })).number;
    expect(await issue('2026-12-31')).toBe('INV-2026-0001');
    expect(await issue('2027-01-02')).toBe('INV-2027-0001');
    expect(await issue('2027-01-03')).toBe('INV-2027-0002');
    await api.call('settings.saveInvoicing', { ...(await api.call('settings.getInvoicing')), invoicePattern: 'B{YY}{MM}-{SEQ:3}', resetYearly: false });
    expect(await issue('2027-02-01')).toBe('B2702-001');
    expect(await issue('2028-01-01')).toBe('B2801-002');
  });

  it('freezes a snapshot: later profile or client edits do not change an issued invoice', async () => {
    const { api, draft, clientId } = await invoicingApi();
    const issued = await api.call('invoices.issue', { id: (await draft()).id });
    expect(issued.snapshot).toMatchObject({ number: 'INV-2026-0001', customer: { name: 'Initech Ltd', vatNumber: 'GB987654353' }, supplier: { vatNumber: 'GB123456782' } });
    expect(issued.calculation.totals).toMatchObject({ net: 233420, vat: 46684, gross: 280104 });
    expect(issued.issuedAt).toBe('2026-11-22T10:00:00.000Z');
    const client = await api.call('clients.get', { id: clientId });
    await api.call('clients.update', { ...client, name: 'Initrode', tags: [] });
    expect((await api.call('invoices.get', { id: issued.id })).snapshot!.customer.name).toBe('Initech Ltd');
  });

  it('asks for an exchange rate for every foreign-currency invoice, and prints home VAT only when VAT is charged', async () => {
    const { api, draft } = await invoicingApi();
    const usd = await draft({ currency: 'USD' });
    const refused = await api.raw('invoices.issue', { id: usd.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'fx.rate': 'Enter the exchange rate (USD per 1 GBP)' } } });
    const issued = await api.call('invoices.issue', { id: usd.id, fx: { rate: '1.2560', source: 'hmrc-period', date: '2026-11-01' } });
    expect(issued.calculation.home).toMatchObject({ currency: 'GBP', rate: '1.2560' });
    expect(issued.calculation.notes.map((n) => n.key)).toContain('home-currency');
    expect((await api.call('rates.list', { currency: 'USD' })).rows).toEqual([{ id: expect.any(Number), currency: 'USD', rate: '1.2560', source: 'hmrc-period', date: '2026-11-01' }]);

    const outside = await invoicingApi({ name: 'Acme Inc', country: 'US', timezone: 'America/New_York', currency: 'USD', customerType: 'business' });
    const id = (await outside.draft()).id;
    expect(await outside.api.raw('invoices.issue', { id })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'fx.rate': expect.any(String) } } });
    const noVat = await outside.api.call('invoices.issue', { id, fx: { rate: '1.2560', source: 'hmrc-period', date: '2026-11-01' } });
    expect(noVat.snapshot!.treatment.category).toBe('outside-scope');
    expect(noVat.calculation.notes.map((n) => n.key)).toContain('home-currency-value');
    expect(noVat.calculation.notes.map((n) => n.key)).not.toContain('home-currency');
  });

  it("follows the profile's VAT scheme: a small business charges no VAT and cites the exemption", async () => {
    const { api, draft } = await invoicingApi({ name: 'Kunde GmbH', country: 'DE', timezone: 'Europe/Berlin', currency: 'EUR', customerType: 'business' });
    const profile = (await api.call('profile.get'))!;
    await api.call('profile.save', { ...profile, country: 'DE', homeCurrency: 'EUR', vatNumber: 'DE123456788', vatScheme: 'small-business-exemption' });
    const issued = await api.call('invoices.issue', { id: (await draft()).id });
    expect(issued.snapshot!.treatment.category).toBe('exempt');
    expect(issued.calculation.totals.vat).toBe(0);
    expect(issued.calculation.notes.map((n) => n.text)).toEqual(['No VAT charged: small-business exemption (§ 19 UStG).']);
    expect(await api.raw('profile.save', { ...profile, vatScheme: 'none' })).toMatchObject({ ok: false, error: { fieldErrors: { vatScheme: 'Choose a VAT scheme' } } });
  });

  it('records the logo once, by hash, even one saved before hashes were kept', async () => {
    const { api, draft } = await invoicingApi();
    const png = fs.readFileSync(path.resolve(import.meta.dirname, '../../../build/icon.png'));
    await api.call('profile.setLogo', { mimeType: 'image/png', dataBase64: png.toString('base64') });
    const sqlite = api.holder.store().sqlite;
    sqlite.exec('update business_profile set logo_sha256 = null');
    const first = await api.call('invoices.issue', { id: (await draft()).id });
    const second = await api.call('invoices.issue', { id: (await draft()).id });
    expect(first.snapshot!.supplier.logo).toEqual({ mimeType: 'image/png', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(second.snapshot!.supplier.logo).toEqual(first.snapshot!.supplier.logo);
    expect(sqlite.prepare('select count(*) as n from logos').get()).toEqual({ n: 1 });
    expect(() => sqlite.exec('delete from logos')).toThrow(/can't be deleted/);
  });

  it('refuses a damaged logo at upload, so no PDF can fail on it later', async () => {
    const { api } = await invoicingApi();
    const damaged = Buffer.concat([fs.readFileSync(path.resolve(import.meta.dirname, '../../../build/icon.png')).subarray(0, 200), Buffer.alloc(200, 7)]);
    const refused = await api.raw('profile.setLogo', { mimeType: 'image/png', dataBase64: damaged.toString('base64') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { logo: 'This image is damaged or in a form that cannot be printed' } } });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    expect(await api.raw('profile.setLogo', { mimeType: 'image/jpeg', dataBase64: jpeg.toString('base64') })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await api.call('profile.get'))!.logo).toBeNull();
  });

  it('records a VAT override with its reason', async () => {
    const { api, draft } = await invoicingApi();
    const d = await draft({ vatOverride: { category: 'zero', rate: '0', reason: 'Zero-rated export of goods' } });
    const issued = await api.call('invoices.issue', { id: d.id });
    expect(issued.snapshot!.treatment).toMatchObject({ category: 'zero', rate: '0', overridden: true });
    expect(issued.vatOverride).toEqual({ category: 'zero', rate: '0', reason: 'Zero-rated export of goods' });
  });
});

describe('issued invoices are immutable', () => {
  it('the API refuses to edit or delete an issued invoice', async () => {
    const { api, draft, clientId } = await invoicingApi();
    const issued = await api.call('invoices.issue', { id: (await draft()).id });
    const edit = await api.raw('invoices.updateDraft', { id: issued.id, clientId, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, lines: [] });
    expect(edit).toEqual({ ok: false, error: { code: 'CONFLICT', message: "This invoice is issued and can't be changed. Create a credit note instead.", fieldErrors: {} } });
    expect(await api.raw('invoices.deleteDraft', { id: issued.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('the database refuses any update or delete, whatever the code path', async () => {
    const { api, draft } = await invoicingApi();
    const { id } = await api.call('invoices.issue', { id: (await draft()).id });
    const sqlite = api.holder.store().sqlite;
    const attempts = [
      `update invoices set net = 1 where id = ${id}`,
      `update invoices set status = 'draft' where id = ${id}`,
      `delete from invoices where id = ${id}`,
      `update invoice_lines set unit_price = '1' where invoice_id = ${id}`,
      `delete from invoice_lines where invoice_id = ${id}`,
      `insert into invoice_lines (invoice_id, position, description, kind, quantity, unit, unit_price) values (${id}, 9, 'x', 'fee', '1', 'item', '1')`,
      `update invoice_documents set sha256 = 'x' where invoice_id = ${id}`,
      `delete from invoice_documents where invoice_id = ${id}`,
      `insert into invoices (kind, status, client_id, number, currency, issue_date, due_date, payment_terms_days, net, vat, gross, payable, issued_at, snapshot, created_at, updated_at) values ('invoice', 'issued', 1, 'INV-FAKE', 'GBP', '2026-01-01', '2026-01-01', 0, 0, 0, 0, 0, 'x', '{}', 'x', 'x')`,
    ];
    for (const statement of attempts) expect(() => sqlite.exec(statement), statement).toThrow(/issued|document|drafts/);
    expect(sqlite.prepare('select net from invoices where id = ?').get(id)).toEqual({ net: 233420 });
  });

  it('a draft can still be edited and deleted', async () => {
    const { api, draft, clientId } = await invoicingApi();
    const d = await draft();
    const updated = await api.call('invoices.updateDraft', { id: d.id, clientId, currency: 'GBP', issueDate: '2026-11-21', paymentTermsDays: 30, lines: [{ description: 'Call', kind: 'fee', quantity: '0.75', unit: 'hour', unitPrice: '300' }] });
    expect(updated).toMatchObject({ status: 'draft', number: null, dueDate: '2026-12-21', net: 22500, vat: 4500 });
    await api.call('invoices.deleteDraft', { id: d.id });
    expect(await api.raw('invoices.get', { id: d.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('PDFs', () => {
  it('stores the issued PDF with its hash; a reprint is byte-identical', async () => {
    const { api, draft } = await invoicingApi();
    const issued = await api.call('invoices.issue', { id: (await draft()).id });
    const first = await api.call('invoices.pdf', { id: issued.id });
    const again = await api.call('invoices.pdf', { id: issued.id });
    expect(first.fileName).toBe('INV-2026-0001 Initech Ltd.pdf');
    expect(again.dataBase64).toBe(first.dataBase64);
    expect(first.sha256).toBe(issued.pdfSha256);
    expect(Buffer.from(first.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('renders the same bytes from the same snapshot (deterministic mode)', async () => {
    const { renderInvoicePdf } = await import('../pdf/invoice-pdf');
    const { api, draft } = await invoicingApi();
    const issued = await api.call('invoices.issue', { id: (await draft()).id });
    const at = new Date(issued.issuedAt!);
    const a = await renderInvoicePdf(issued.snapshot!, { createdAt: at });
    const b = await renderInvoicePdf(issued.snapshot!, { createdAt: at });
    expect(a.equals(b)).toBe(true);
    expect(a.toString('base64')).toBe((await api.call('invoices.pdf', { id: issued.id })).dataBase64);
  });
});

describe('credit notes', () => {
  it('credits part of an invoice in its own series, at the original rate, with a reference', async () => {
    const { api, draft } = await invoicingApi();
    const d = await draft({ currency: 'USD', discountPercent: '12.5' });
    const invoice = await api.call('invoices.issue', { id: d.id, fx: { rate: '1.2650', source: 'hmrc-period', date: '2026-11-01' } });
    const credit = await api.call('creditNotes.issue', {
      invoiceId: invoice.id,
      reason: 'Two hours were not worked',
      issueDate: '2026-11-25',
      lines: [{ lineId: invoice.lines[0]!.id, quantity: '2' }],
    });
    expect(credit).toMatchObject({ kind: 'credit-note', number: 'CN-2026-0001', creditFor: { number: 'INV-2026-0001' }, creditReason: 'Two hours were not worked' });
    // 2 h × $300 = $600, less the invoice's 12.5% discount = $525, VAT $105.
    expect(credit.calculation.totals).toMatchObject({ net: -52500, vat: -10500, gross: -63000 });
    expect(credit.snapshot!.fx).toEqual({ rate: '1.2650', source: 'hmrc-period', date: '2026-11-01' });
    expect(credit.calculation.notes[0]!.text).toBe('Credit note for invoice INV-2026-0001 of 2026-11-20.');
    const after = await api.call('invoices.get', { id: invoice.id });
    expect(after.creditNotes).toEqual([{ id: credit.id, number: 'CN-2026-0001', issueDate: '2026-11-25', payable: -63000 }]);
    expect(after.outstanding).toBe(invoice.payable - 63000);
  });

  it('refuses to credit beyond what was invoiced', async () => {
    const { api, draft } = await invoicingApi();
    const invoice = await api.call('invoices.issue', { id: (await draft()).id });
    const [fee, expense] = invoice.lines;
    const tooMuch = await api.raw('creditNotes.issue', { invoiceId: invoice.id, reason: 'x', issueDate: '2026-11-25', lines: [{ lineId: fee!.id, quantity: '8' }] });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'lines.0.quantity': 'At most 7.5 can still be credited' } } });
    await api.call('creditNotes.issue', { invoiceId: invoice.id, reason: 'Cancelled', issueDate: '2026-11-25', lines: [{ lineId: fee!.id, quantity: '7.5' }, { lineId: expense!.id, quantity: '1' }] });
    expect((await api.call('invoices.get', { id: invoice.id })).status).toBe('credited');
    const again = await api.raw('creditNotes.issue', { invoiceId: invoice.id, reason: 'x', issueDate: '2026-11-25', lines: [{ lineId: expense!.id, quantity: '0.5' }] });
    expect(again).toMatchObject({ ok: false, error: { fieldErrors: { 'lines.0.quantity': 'This line is already fully credited' } } });
    const ofDraft = await api.raw('creditNotes.issue', { invoiceId: (await draft()).id, reason: 'x', issueDate: '2026-11-25', lines: [{ lineId: fee!.id, quantity: '1' }] });
    expect(ofDraft).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Only an issued invoice can be credited.' } });
  });
});

describe('payments and status', () => {
  it('moves from issued to partially paid to paid, and refuses overpayment', async () => {
    const { api, draft } = await invoicingApi();
    const invoice = await api.call('invoices.issue', { id: (await draft()).id });
    expect(invoice).toMatchObject({ status: 'issued', outstanding: 280104, dueDate: '2026-12-04' });
    const partial = await api.call('payments.record', { invoiceId: invoice.id, date: '2026-11-21', amount: '1,000.00', method: 'bank-transfer' });
    expect(partial).toMatchObject({ status: 'partially-paid', paid: 100000, outstanding: 180104 });
    const over = await api.raw('payments.record', { invoiceId: invoice.id, date: '2026-11-22', amount: '1801.05', method: 'bank-transfer' });
    expect(over).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { amount: 'That is more than the £1,801.04 outstanding.' } } });
    const decimals = await api.raw('payments.record', { invoiceId: invoice.id, date: '2026-11-22', amount: '10.001', method: 'bank-transfer' });
    expect(decimals).toMatchObject({ ok: false, error: { fieldErrors: { amount: 'GBP amounts have at most 2 decimal places' } } });
    const paid = await api.call('payments.record', { invoiceId: invoice.id, date: '2026-11-22', amount: '1801.04', bankFee: '2.50', method: 'bank-transfer', note: 'Balance' });
    expect(paid).toMatchObject({ status: 'paid', outstanding: 0 });
    expect(paid.payments.map((p) => [p.amount, p.bankFee])).toEqual([[100000, 0], [180104, 250]]);
    const undone = await api.call('payments.delete', { id: paid.payments[1]!.id });
    expect(undone.status).toBe('partially-paid');
  });

  it('is overdue once the due date has passed unpaid', async () => {
    const dataDir = tempDir();
    const { api, draft } = await invoicingApi(undefined, dataDir);
    const invoice = await api.call('invoices.issue', { id: (await draft()).id });
    api.holder.close();
    const later = testApi(dataDir, () => new Date('2026-12-05T09:00:00Z'));
    expect((await later.call('invoices.get', { id: invoice.id })).status).toBe('overdue');
    expect((await later.call('invoices.list', { status: 'overdue' })).map((i) => i.number)).toEqual(['INV-2026-0001']);
  });
});

describe('bulk export', () => {
  it('writes every PDF, reports failures, and stops when cancelled', async () => {
    const { ExportJobs } = await import('./export-jobs');
    const { api, draft } = await invoicingApi();
    const issued = [];
    for (let i = 0; i < 3; i++) issued.push(await api.call('invoices.issue', { id: (await draft()).id }));
    const folder = tempDir();
    const jobs = new ExportJobs();
    const db = () => api.holder.store().db;
    const targets = [...issued.map((i) => ({ id: i.id, number: i.number! })), { id: 9999, number: 'INV-MISSING' }];
    const done = await jobs.finished(jobs.start(db, folder, targets, () => '2026-11-22T10:00:00Z').jobId);
    expect(done).toMatchObject({ state: 'done', total: 4, written: 3, failures: [{ number: 'INV-MISSING', reason: 'This invoice was not found. It may have been deleted.' }] });

    const many = Array.from({ length: 200 }, () => targets[0]!);
    const started = jobs.start(db, tempDir(), many, () => '2026-11-22T10:00:00Z');
    jobs.cancel(started.jobId);
    const cancelled = await jobs.finished(started.jobId);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.written).toBeLessThan(200);
  });
});
