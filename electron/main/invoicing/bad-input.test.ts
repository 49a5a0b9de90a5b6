import { describe, expect, it } from 'vitest';
import { invoicingApi, type TestApi } from '../../../test/temp-store';

const usClient = { name: 'Acme Inc', country: 'US', city: 'New York', timezone: 'America/New_York', currency: 'USD', customerType: 'business' } as const;
const line = { description: 'Review', kind: 'fee', quantity: '1', unit: 'hour', unitPrice: '300' } as const;

/** Everything a user could see change: the invoice rows, the numbers taken, the stored rates. */
function state(api: TestApi) {
  const sqlite = api.holder.store().sqlite;
  return {
    invoices: sqlite.prepare('select id, status, number, issue_date, gross from invoices order by id').all(),
    rates: sqlite.prepare('select currency, rate, date from exchange_rates order by id').all(),
    payments: sqlite.prepare('select invoice_id, amount, bank_fee, home_amount from payments order by id').all(),
  };
}

describe('input the rules refuse gets a field message, never INTERNAL, and changes nothing (issue 9)', () => {
  it('an exchange rate tenfold off the stored one is refused on issue and when saved', async () => {
    const { api, draft } = await invoicingApi(usClient);
    await api.call('rates.save', { currency: 'USD', rate: '1.2560', source: 'hmrc-period', date: '2026-11-01' });
    const { id } = await draft();
    const before = state(api);
    for (const rate of ['0.0000000001', '0.1255', '12.57', '999999']) {
      const refused = await api.raw('invoices.issue', { id, fx: { rate, source: 'market', date: '2026-11-20' } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'fx.rate': expect.stringContaining('the 1.2560 stored for 2026-11-01 (HMRC period rate). Check the rate') } } });
      const saved = await api.raw('rates.save', { currency: 'USD', rate, source: 'market', date: '2026-11-20' });
      expect(saved).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { rate: expect.stringContaining('Check the rate') } } });
    }
    expect(state(api)).toEqual(before);
    // A real move is accepted; an edit is judged against the other stored rates, not its old self.
    expect((await api.raw('invoices.issue', { id, fx: { rate: '1.3100', source: 'market', date: '2026-11-20' } })).ok).toBe(true);
    const [stored] = (await api.call('rates.list', { currency: 'USD' })).rows.filter((r) => r.source === 'hmrc-period');
    const edit = { id: stored!.id, currency: 'USD', source: 'hmrc-period', date: '2026-11-01' } as const;
    expect(await api.raw('rates.save', { ...edit, rate: '13.2' })).toMatchObject({ ok: false, error: { fieldErrors: { rate: expect.stringContaining('the 1.3100 stored for 2026-11-20') } } });
    expect((await api.raw('rates.save', { ...edit, rate: '1.30' })).ok).toBe(true);
  });

  it('a rate that makes the home value too large to hold is refused on its field, with no rate stored', async () => {
    const { api, draft } = await invoicingApi(usClient);
    const { id } = await draft({ lines: [{ ...line, quantity: '1000', unitPrice: '1000000' }] });
    const before = state(api);
    const refused = await api.raw('invoices.issue', { id, fx: { rate: '0.0000000001', source: 'market', date: '2026-11-20' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'fx.rate': expect.stringMatching(/^At 0.0000000001 USD per 1 GBP, this is worth more than 1,000,000,000,000 GBP/) } } });
    expect(state(api)).toEqual(before);
  });

  it('a line or a total too large to calculate is refused on the line', async () => {
    const { api, draft } = await invoicingApi();
    const before = state(api);
    const refused = await api.raw('invoices.createDraft', {
      clientId: 1, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14,
      lines: [line, { ...line, quantity: '999999.999', unitPrice: '99999999.99' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'lines.1.unitPrice': 'Line 2 comes to more than 1,000,000,000,000 GBP, more than one document can hold. Check the quantity and price.' } } });
    const manyLarge = Array.from({ length: 20 }, () => ({ ...line, quantity: '999999', unitPrice: '99999' }));
    expect(await api.raw('invoices.createDraft', { clientId: 1, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, lines: manyLarge })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', fieldErrors: { lines: expect.stringMatching(/^The total comes to more than/) } },
    });
    expect(state(api)).toEqual(before);
    const { id } = await draft();
    const saved = state(api);
    const update = await api.raw('invoices.updateDraft', { id, clientId: 1, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, lines: manyLarge });
    expect(update).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { lines: expect.stringMatching(/^The total/) } } });
    expect(state(api)).toEqual(saved);
  });

  it('a tax point with no known VAT rate is refused on the date it came from', async () => {
    const { api, draft } = await invoicingApi();
    const message = 'Billable knows no UK VAT rate for a tax point of 1990-01-01: its UK rates start on 2008-12-01. Check the date.';
    expect(await api.raw('invoices.createDraft', { clientId: 1, currency: 'GBP', issueDate: '1990-01-01', paymentTermsDays: 14, lines: [line] })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', message, fieldErrors: { issueDate: message } },
    });
    const { id } = await draft();
    const terms = { id, clientId: 1, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, lines: [line] } as const;
    expect(await api.raw('invoices.updateDraft', { ...terms, taxPoint: '1990-01-01', taxPointReason: 'Backdated' })).toMatchObject({ ok: false, error: { fieldErrors: { taxPoint: message } } });
    expect(await api.raw('invoices.updateDraft', { ...terms, supplyEnd: '1990-01-01' })).toMatchObject({ ok: false, error: { fieldErrors: { supplyEnd: expect.stringContaining('1990-01-01') } } });
    expect((await api.call('invoices.get', { id })).issueDate).toBe('2026-11-20');
  });

  it('dates outside 1970–2099 are refused, so no computed date leaves the ISO calendar', async () => {
    const { api } = await invoicingApi();
    const refused = await api.raw('invoices.createDraft', { clientId: 1, currency: 'GBP', issueDate: '9999-12-31', paymentTermsDays: 14, lines: [line] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { issueDate: 'Enter a date from 1970 to 2099' } } });
    const latest = await api.call('invoices.createDraft', { clientId: 1, currency: 'GBP', issueDate: '2099-12-31', paymentTermsDays: 365, lines: [line] });
    expect(latest.dueDate).toBe('2100-12-31');
  });

  it('a bank fee must be less than the payment, a home amount near the invoice rate, and the date not after today', async () => {
    const { api, draft } = await invoicingApi(usClient);
    const invoice = await api.call('invoices.issue', { id: (await draft()).id, fx: { rate: '1.2560', source: 'hmrc-period', date: '2026-11-01' } });
    const pay = { invoiceId: invoice.id, date: '2026-11-22', amount: '100.00', method: 'bank-transfer' } as const;
    const before = state(api);
    expect(await api.raw('payments.record', { ...pay, bankFee: '100.00' })).toMatchObject({ ok: false, error: { fieldErrors: { bankFee: 'The bank fee must be less than the US$100.00 received.' } } });
    expect(await api.raw('payments.record', { ...pay, homeAmount: '7960.00' })).toMatchObject({
      ok: false, error: { fieldErrors: { homeAmount: '£7,960.00 for US$100.00 is a rate of 0.012563 USD per 1 GBP, far from the invoice\'s 1.2560. Check the amount.' } },
    });
    // Money can't arrive after today (the test clock's 22 November).
    expect(await api.raw('payments.record', { ...pay, date: '2029-11-23' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { date: 'Choose a date up to today' } } });
    expect(await api.raw('payments.record', { ...pay, date: '2026-11-23' })).toMatchObject({ ok: false, error: { fieldErrors: { date: 'Choose a date up to today' } } });
    expect(state(api)).toEqual(before);
    expect((await api.raw('payments.record', { ...pay, bankFee: '2.50', homeAmount: '79.60' })).ok).toBe(true);
  });

  it('a numbering pattern that reads as a path is refused on its field, and the settings stay', async () => {
    const { api } = await invoicingApi();
    const settings = await api.call('settings.getInvoicing');
    const refused = await api.raw('settings.saveInvoicing', { ...settings, invoicePattern: '../../{YYYY}{SEQ}' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { invoicePattern: 'Start and end the pattern with a letter, a digit or a placeholder' } } });
    expect(await api.call('settings.getInvoicing')).toEqual(settings);
  });
});
