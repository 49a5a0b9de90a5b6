import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referencedDocuments } from '../../../db/documents';
import type { CallInput } from '../../../shared/api/contract';
import { contractTerms, sampleProfile, testApi, ukClient } from '../../../test/temp-store';

/** A 1×1 PNG and a minimal PDF: real file signatures, so type sniffing sees what it would on disk. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const b64 = (bytes: Buffer) => bytes.toString('base64');

async function setup() {
  const api = testApi();
  await api.call('profile.save', sampleProfile);
  const client = await api.call('clients.create', ukClient);
  const card = await api.call('rateCards.create', { name: 'Standard', unit: 'day', hoursPerDay: '8', currency: 'GBP', amount: '650', effectiveFrom: '2026-01-01', isDefault: true });
  const terms = contractTerms(client.id, card.id, {
    title: 'Data platform review',
    startDate: '2026-11-01',
    currency: 'GBP',
    billingCycle: { kind: 'monthly', anchor: null },
    paymentTermsDays: 30,
    rounding: { mode: 'none', incrementMinutes: 15, scope: 'entry' },
  });
  const draftContract = await api.call('contracts.create', terms);
  const contract = await api.call('contracts.create', terms);
  await api.call('contracts.sign', { id: contract.id });
  const hotel = (overrides: Partial<CallInput<'expenses.create'>> = {}): CallInput<'expenses.create'> => ({
    date: '2026-11-18',
    category: 'accommodation',
    supplier: 'Premier Inn Leeds',
    description: 'Two nights for the on-site workshop',
    amount: '184.50',
    currency: 'GBP',
    vat: '30.75',
    vatReclaimable: true,
    contractId: contract.id,
    rebillable: true,
    rebillKind: 'recharge',
    receipt: { fileName: 'premier-inn.png', dataBase64: b64(PNG) },
    ...overrides,
  });
  const count = async () => (await api.call('expenses.list', {})).length;
  return { api, client, contract, draftContract, hotel, count };
}

describe('expenses', () => {
  it('logs a hotel with its receipt against a contract, stored once by hash and kept by backups', async () => {
    const { api, contract, hotel } = await setup();
    const created = await api.call('expenses.create', hotel());
    expect(created).toMatchObject({
      amountMinor: 18450,
      vatMinor: 3075,
      currency: 'GBP',
      contract: { id: contract.id, reference: `C-${String(contract.id).padStart(4, '0')}`, title: 'Data platform review', clientName: 'Initech Ltd', currency: 'GBP' },
      rebillable: true,
      rebillKind: 'recharge',
      fx: null,
      receipt: { fileName: 'premier-inn.png', type: 'image/png', byteSize: PNG.length },
      billing: { state: 'unbilled', invoiceId: null, invoiceNumber: null },
    });
    const receipt = await api.call('expenses.receipt', { id: created.id });
    expect(Buffer.from(receipt.dataBase64, 'base64').equals(PNG)).toBe(true);
    expect(receipt.type).toBe('image/png');

    // The same photo on a second expense is the same file in the store.
    const second = await api.call('expenses.create', hotel({ date: '2026-11-19', receipt: { fileName: 'again.png', dataBase64: b64(PNG) } }));
    expect(second.receipt!.sha256).toBe(created.receipt!.sha256);
    const documents = path.join(api.dataDir, 'documents');
    expect(fs.readdirSync(documents).filter((f) => f === created.receipt!.sha256)).toHaveLength(1);
    expect(referencedDocuments(api.holder.store().sqlite).filter((d) => d.sha256 === created.receipt!.sha256)).toHaveLength(2);

    // Changed: a PDF replaces the photo; then the receipt is removed; the rest is kept.
    const { receipt: _r, ...rest } = hotel();
    const withPdf = await api.call('expenses.update', { ...rest, id: created.id, amount: '190', receipt: { fileName: 'folio.pdf', dataBase64: b64(PDF) } });
    expect(withPdf).toMatchObject({ amountMinor: 19000, receipt: { type: 'application/pdf', fileName: 'folio.pdf' } });
    const kept = await api.call('expenses.update', { ...rest, id: created.id, supplier: 'Premier Inn Leeds City' });
    expect(kept.receipt?.fileName).toBe('folio.pdf');
    expect(await api.call('expenses.update', { ...rest, id: created.id, receipt: null })).toMatchObject({ receipt: null });

    expect(await api.call('expenses.delete', { id: second.id })).toEqual({ id: second.id });
    expect((await api.call('expenses.list', {})).map((e) => e.id)).toEqual([created.id]);
  });

  it('refuses bad input with a message on each field and records nothing', async () => {
    const { api, hotel, count } = await setup();
    const refused = async (input: CallInput<'expenses.create'>) => {
      const result = await api.raw('expenses.create', input);
      expect(result.ok).toBe(false);
      return result.ok ? {} : result.error.fieldErrors;
    };
    expect(await refused(hotel({ amount: '0' }))).toMatchObject({ amount: 'Amount must be more than 0' });
    expect(await refused(hotel({ amount: '-12' }))).toMatchObject({ amount: "Amount can't be negative" });
    expect(await refused(hotel({ amount: '12.345' }))).toMatchObject({ amount: 'GBP amounts have at most 2 decimal places' });
    expect(await refused(hotel({ amount: '2000000000000' }))).toMatchObject({ amount: 'Amount is too large' });
    expect(await refused(hotel({ amount: '', vat: '' }))).toMatchObject({ amount: 'Amount is required' });
    expect(await refused(hotel({ vat: '200' }))).toMatchObject({ vat: "VAT can't be more than the amount paid" });
    expect(await refused(hotel({ vat: '-1' }))).toMatchObject({ vat: "VAT can't be negative" });
    expect(await refused(hotel({ date: '2026-02-30' }))).toMatchObject({ date: 'Not a real date' });
    expect(await refused(hotel({ supplier: 'x'.repeat(201) }))).toMatchObject({ supplier: 'Supplier must be at most 200 characters' });
    expect(await refused(hotel({ description: 'x'.repeat(501) }))).toMatchObject({ description: 'Description must be at most 500 characters' });
    expect(await refused(hotel({ contractId: null }))).toMatchObject({ contractId: 'Choose the contract to rebill this to' });
    expect(await count()).toBe(0);
  });

  it('takes a rebillable expense only on a signed or active contract, and a rate exactly when the currencies differ', async () => {
    const { api, draftContract, hotel, count } = await setup();
    const onDraft = await api.raw('expenses.create', hotel({ contractId: draftContract.id }));
    expect(onDraft).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { contractId: `C-${String(draftContract.id).padStart(4, '0')} is draft: only a signed or active contract takes rebillable expenses` } } });
    // Not rebillable, a draft contract is fine.
    await api.call('expenses.create', hotel({ contractId: draftContract.id, rebillable: false }));

    const euro = hotel({ currency: 'EUR', amount: '210', vat: '0', supplier: 'Hotel Adlon' });
    expect(await api.raw('expenses.create', euro)).toMatchObject({ ok: false, error: { fieldErrors: { 'fx.rate': 'Enter how many GBP 1 EUR was worth, so the contract\'s invoice can bill it' } } });
    expect(await api.raw('expenses.create', hotel({ fx: { rate: '1', date: '2026-11-18' } }))).toMatchObject({ ok: false, error: { fieldErrors: { 'fx.rate': 'The contract is in GBP too, so no rate is needed' } } });
    expect(await count()).toBe(1);

    // No stored rate: nothing is offered. With the HMRC rate for November (EUR per £1), its inverse is.
    const { contractId } = euro;
    expect(await api.call('expenses.suggestRate', { currency: 'EUR', contractId: contractId!, date: '2026-11-18' })).toBeNull();
    await api.call('rates.save', { currency: 'EUR', rate: '1.17', source: 'hmrc-period', date: '2026-11-01' });
    expect(await api.call('expenses.suggestRate', { currency: 'EUR', contractId: contractId!, date: '2026-11-18' })).toEqual({ rate: '0.854701', date: '2026-11-01', source: 'hmrc-period' });
    const stored = await api.call('expenses.create', { ...euro, fx: { rate: '0.854701', date: '2026-11-01' } });
    expect(stored.fx).toEqual({ rate: '0.854701', date: '2026-11-01' });
  });

  it('stores a receipt only when it really is a PDF, JPEG or PNG of at most 20 MB', async () => {
    const { api, hotel, count } = await setup();
    const receiptError = async (fileName: string, bytes: Buffer) => {
      const result = await api.raw('expenses.create', hotel({ receipt: { fileName, dataBase64: b64(bytes) } }));
      return result.ok ? null : result.error.fieldErrors.receipt;
    };
    expect(await receiptError('folio.pdf', PNG)).toBe('folio.pdf is not a PDF: it holds a PNG image. Rename it or choose the right file');
    expect(await receiptError('notes.txt', Buffer.from('hello'))).toBe('notes.txt is not a PDF, JPEG or PNG file');
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(16)]);
    expect(await receiptError('IMG_0042.HEIC', heic)).toMatch(/^IMG_0042.HEIC is a HEIC photo, which Billable can't read; export it as JPEG/);
    const huge = Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024)]);
    expect(await receiptError('scan.png', huge)).toBe('scan.png is larger than 20 MB; choose a smaller scan or photo');
    expect(await count()).toBe(0);
    const documents = path.join(api.dataDir, 'documents');
    // Only the signed contract's PDF is in the store: no refused receipt was kept.
    expect(fs.readdirSync(documents)).toHaveLength(1);
  });

  it('locks an expense on an invoice: a draft holds it until deleted, an issued one for good (API and trigger)', async () => {
    const { api, client, contract, hotel } = await setup();
    const expense = await api.call('expenses.create', hotel());
    const draft = await api.call('invoices.createDraft', {
      clientId: client.id,
      currency: 'GBP',
      issueDate: '2026-11-30',
      paymentTermsDays: 30,
      contractId: contract.id,
      lines: [{ description: 'Premier Inn Leeds: two nights', kind: 'expense', quantity: '1', unit: 'item', unitPrice: '153.75' }],
    });
    const sqlite = api.holder.store().sqlite;
    // The billing run's link, written by hand here.
    sqlite.prepare('insert into invoice_line_sources (invoice_line_id, expense_id) values (?, ?)').run(draft.lines[0]!.id, expense.id);
    expect(await api.call('expenses.get', { id: expense.id })).toMatchObject({ billing: { state: 'draft', invoiceId: draft.id, invoiceNumber: null } });
    const { receipt: _r, ...fields } = hotel();
    expect(await api.raw('expenses.update', { ...fields, id: expense.id, amount: '200' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This expense is on a draft invoice for Initech Ltd. Delete that draft, or its line for this expense, to release it; then it can be changed.' },
    });
    expect(await api.raw('expenses.delete', { id: expense.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('then it can be deleted') } });

    const issued = await api.call('invoices.issue', { id: draft.id });
    const state = await api.call('expenses.get', { id: expense.id });
    expect(state.billing).toEqual({ state: 'invoiced', invoiceId: draft.id, invoiceNumber: issued.number });
    expect(await api.raw('expenses.update', { ...fields, id: expense.id, amount: '200' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: `This expense is on invoice ${issued.number}, which is issued, so it can't be changed. Issue a credit note if it was billed in error.` },
    });
    expect(await api.raw('expenses.delete', { id: expense.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(`on invoice ${issued.number}`) } });
    expect(() => sqlite.prepare('update expenses set amount_minor = 1 where id = ?').run(expense.id)).toThrow(/on an issued invoice and can't be changed/);
    expect(() => sqlite.prepare('delete from expenses where id = ?').run(expense.id)).toThrow(/on an issued invoice and can't be deleted/);
    expect((await api.call('expenses.get', { id: expense.id })).amountMinor).toBe(18450);
    expect((await api.call('expenses.list', { billing: 'invoiced' })).map((e) => e.id)).toEqual([expense.id]);
    expect(await api.call('expenses.list', { billing: 'unbilled' })).toEqual([]);
  });

  it('pages in SQL newest first, filters, and totals per currency', async () => {
    const { api, hotel } = await setup();
    for (const [date, currency, amount] of [
      ['2026-11-10', 'GBP', '10'],
      ['2026-11-12', 'GBP', '20.50'],
      ['2026-11-12', 'USD', '99'],
      ['2026-11-14', 'GBP', '5'],
    ] as const) {
      await api.call('expenses.create', hotel({ date, currency, amount, vat: '', contractId: null, rebillable: false, category: currency === 'USD' ? 'software' : 'travel', receipt: null }));
    }
    const first = await api.call('expenses.list', { limit: 2 });
    expect(first.map((e) => [e.date, e.currency])).toEqual([
      ['2026-11-14', 'GBP'],
      ['2026-11-12', 'USD'],
    ]);
    const next = await api.call('expenses.list', { limit: 2, after: first.at(-1)!.cursor });
    expect(next.map((e) => [e.date, e.currency])).toEqual([
      ['2026-11-12', 'GBP'],
      ['2026-11-10', 'GBP'],
    ]);
    expect((await api.call('expenses.list', { category: 'software' })).map((e) => e.currency)).toEqual(['USD']);
    expect((await api.call('expenses.list', { from: '2026-11-11', to: '2026-11-13' })).length).toBe(2);
    expect(await api.call('expenses.totals', { rebillable: 'no' })).toEqual([
      { currency: 'GBP', count: 3, amountMinor: 3550, vatMinor: 0 },
      { currency: 'USD', count: 1, amountMinor: 9900, vatMinor: 0 },
    ]);
    expect(await api.raw('expenses.list', { from: '2026-11-13', to: '2026-11-11' })).toMatchObject({ ok: false, error: { fieldErrors: { to: 'The period ends before it starts' } } });
  });
});
