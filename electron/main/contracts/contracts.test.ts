import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/api/contract';
import { sampleProfile, testApi } from '../../../test/temp-store';

const usClient = { name: 'Initrode Inc', country: 'US', city: 'Boston', region: 'MA', postalCode: '02116', addressLine1: '1 Main St', timezone: 'America/New_York', currency: 'USD', customerType: 'business' } satisfies CallInput<'clients.create'>;

async function setup() {
  const api = testApi();
  await api.call('profile.save', sampleProfile);
  const client = await api.call('clients.create', usClient);
  const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2026-01-01', isDefault: true });
  const retained = await api.call('discounts.save', { name: 'Retained', tiers: [{ fromMonths: 0, percent: '10' }] });
  const terms = (overrides: Partial<CallInput<'contracts.create'>> = {}): CallInput<'contracts.create'> => ({
    clientId: client.id,
    title: 'Postgres performance retainer',
    scope: 'Query tuning and capacity planning.',
    startDate: '2026-12-07',
    notice: { amount: 1, unit: 'month' },
    rateCardId: card.id,
    discount: { kind: 'rule', ruleId: retained.id },
    currency: 'USD',
    billingCycle: { kind: 'fortnightly', anchor: '2026-12-07' },
    paymentTermsDays: 14,
    rounding: { mode: 'up', incrementMinutes: 15, scope: 'entry' },
    expensePolicy: { kind: 'at-cost' },
    ...overrides,
  });
  return { api, client, card, retained, terms };
}

function pdfText(base64: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'contract-')), 'c.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('contracts', () => {
  it('resolves $300/h with a 10% retained discount to $270/h, signs, freezes and amends', async () => {
    const { api, card, terms } = await setup();
    const created = await api.call('contracts.create', terms());
    const v1 = created.versions[0]!;
    expect(created.status).toBe('draft');
    expect(v1.rate).toMatchObject({ listRate: '300', discountPercent: '10', discountReason: 'Retained: 10%', rate: '270', currency: 'USD' });

    const signed = await api.call('contracts.sign', { id: created.id });
    expect(signed.status).toBe('signed');
    expect(signed.versions[0]!.signedAt).not.toBeNull();
    const pdf = await api.call('contracts.pdf', { versionId: v1.id });
    expect(pdfText(pdf.dataBase64)).toContain('$270.00 per hour');

    // A signed version is protected by a trigger, not only by the API.
    const sqlite = api.holder.store().sqlite;
    expect(() => sqlite.prepare('update contract_versions set resolved_rate = ? where id = ?').run('1', v1.id)).toThrow(/signed contract version/);
    expect(await api.raw('contracts.updateDraft', { ...terms(), id: created.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // A new price from a later date does not reprice the signed version; an amendment from then picks it up.
    await api.call('rateCards.addPrice', { rateCardId: card.id, effectiveFrom: '2027-03-01', amount: '330' });
    const amending = await api.call('contracts.amend', { id: created.id, effectiveFrom: '2027-03-01' });
    expect(amending.versions).toHaveLength(2);
    const draft = await api.call('contracts.updateDraft', { ...terms({ title: 'Postgres performance retainer, extended' }), id: created.id });
    expect(draft.versions[1]!.rate.rate).toBe('297');
    expect(draft.versions[0]!.rate.rate).toBe('270');
    const amended = await api.call('contracts.sign', { id: created.id });
    expect(await api.raw('contracts.setStatus', { id: created.id, status: 'sent' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: "This contract is signed, so it can't be marked as sent." } });
    // The list shows the terms in effect (the original until 1 March), not the amendment's.
    expect((await api.call('contracts.list', {}))[0]!.rate.rate).toBe('270');
    expect(amended.versions.map((v) => v.signedAt !== null)).toEqual([true, true]);
    expect(pdfText((await api.call('contracts.pdf', { versionId: amended.versions[1]!.id })).dataBase64)).toMatch(/amendment/i);
  });

  it('refuses bad terms with a message on each field and stores nothing', async () => {
    const { api, terms } = await setup();
    const fixed = await api.call('rateCards.create', { name: 'Audit', unit: 'fixed', currency: 'USD', amount: '12000', effectiveFrom: '2026-01-01' });
    const cases: [Partial<CallInput<'contracts.create'>>, Record<string, string>][] = [
      [{ endDate: '2026-12-01' }, { endDate: 'The contract ends before it starts' }],
      [{ rateCardId: fixed.id }, { 'rounding.mode': expect.stringContaining('fixed-price') as unknown as string }],
      [{ retainer: { monthlyFee: '6000', includedHours: '745', overageRate: '300', rollover: false } }, { 'retainer.includedHours': 'A month has at most 744 hours' }],
      [{ currency: 'GBP' }, { 'fx.rate': 'Enter the rate from USD to GBP' }],
      [{ currency: 'GBP', fx: { mode: 'fixed', rate: '999999.9999', date: '2026-12-01' } }, { 'fx.rate': expect.stringContaining('more than an invoice can charge') as unknown as string }],
      [{ fx: { mode: 'fixed', rate: '0.79', date: '2026-12-01' } }, { 'fx.rate': 'The rate card is already in USD; no conversion is needed' }],
      [{ expensePolicy: { kind: 'not-rebillable', cap: '100' } }, { 'expensePolicy.cap': 'Expenses that are not rebillable have no cap; clear it' }],
      [{ retainer: { monthlyFee: '-5', includedHours: '20', overageRate: '300', rollover: false } }, { 'retainer.monthlyFee': "Monthly fee can't be negative" }],
    ];
    for (const [overrides, fieldErrors] of cases) {
      const result = await api.raw('contracts.create', terms(overrides));
      expect(result.ok, JSON.stringify(overrides)).toBe(false);
      if (!result.ok) expect(result.error.fieldErrors).toMatchObject(fieldErrors);
    }
    expect(await api.call('contracts.list', {})).toEqual([]);
  });

  it('converts a USD card into GBP at the rate the contract fixes, and stores the rate and its date', async () => {
    const { api, terms } = await setup();
    const created = await api.call('contracts.create', terms({ currency: 'GBP', fx: { mode: 'fixed', rate: '0.79', date: '2026-12-01' } }));
    expect(created.versions[0]!.rate).toMatchObject({ listCurrency: 'USD', currency: 'GBP', rate: '213.3' });
    expect(created.versions[0]!.fx).toEqual({ mode: 'fixed', rate: '0.79', date: '2026-12-01' });
  });

  it('a long-term tier applies from exactly 3 months of continuous engagement, across contracts with a gap up to the setting', async () => {
    const { api, terms } = await setup();
    const longTerm = await api.call('discounts.save', { name: 'Long-term', tiers: [{ fromMonths: 3, percent: '5' }, { fromMonths: 6, percent: '10' }] });
    const first = await api.call('contracts.create', terms({ startDate: '2026-01-05', endDate: '2026-03-25', billingCycle: { kind: 'monthly' }, discount: { kind: 'none' } }));
    await api.call('contracts.sign', { id: first.id });
    // A next contract from 5 April leaves a 10-day gap (26 March to 4 April): within the 30-day setting, so the engagement runs from 5 January.
    const preview = (effectiveFrom: string) => api.call('contracts.previewRate', { clientId: first.clientId, rateCardId: first.versions[0]!.rateCardId, discount: { kind: 'rule', ruleId: longTerm.id }, currency: 'USD', effectiveFrom });
    expect((await preview('2026-04-04')).rate).toMatchObject({ discountPercent: '0', rate: '300' });
    expect((await preview('2026-04-05')).rate).toMatchObject({ discountPercent: '5', rate: '285', discountReason: 'Long-term: 5% from 3 months of continuous engagement' });
    expect((await preview('2026-04-05')).nextTier).toEqual({ date: '2026-07-05', percent: '10' });
    // Signed at 5%; by today (22 Nov 2026) ten months have run, so the 10% tier is due and the page says so.
    const continued = await api.call('contracts.create', terms({ startDate: '2026-04-05', billingCycle: { kind: 'monthly' }, discount: { kind: 'rule', ruleId: longTerm.id } }));
    const signed = await api.call('contracts.sign', { id: continued.id });
    expect(signed.versions[0]!.rate.discountPercent).toBe('5');
    expect(signed.tierDue).toEqual({ percent: '10', reason: 'Long-term: 10% from 6 months of continuous engagement', rate: '270' });
    await api.call('settings.saveInvoicing', { ...(await api.call('settings.getInvoicing')), engagementGapDays: 9 });
    const second = await api.call('contracts.create', terms({ startDate: '2026-04-05', billingCycle: { kind: 'monthly' }, discount: { kind: 'rule', ruleId: longTerm.id } }));
    expect(second.versions[0]!.rate.discountPercent).toBe('0');
  });

  it('an invoice starts only from a signed contract with the same client', async () => {
    const { api, client, terms } = await setup();
    const other = await api.call('clients.create', { ...usClient, name: 'Globex' });
    const contract = await api.call('contracts.create', terms());
    const draft = (clientId: number) =>
      api.raw('invoices.createDraft', { clientId, currency: 'USD', issueDate: '2026-12-18', paymentTermsDays: 14, contractId: contract.id, lines: [{ description: 'Work', kind: 'fee', quantity: '10', unit: 'hour', unitPrice: '270' }] });
    expect(await draft(client.id)).toMatchObject({ ok: false, error: { fieldErrors: { contractId: 'This contract is draft; invoices start from a signed or active contract' } } });
    await api.call('contracts.sign', { id: contract.id });
    expect(await draft(other.id)).toMatchObject({ ok: false, error: { fieldErrors: { contractId: 'This contract is with Initrode Inc, not this client' } } });
    const made = await draft(client.id);
    expect(made).toMatchObject({ ok: true, value: { contractId: contract.id } });
    // A line at the contract's rate says where its price came from; one typed by hand says nothing.
    const priced = await api.call('invoices.updateDraft', {
      id: (made as { value: { id: number } }).value.id,
      clientId: client.id,
      currency: 'USD',
      issueDate: '2026-12-18',
      paymentTermsDays: 14,
      contractId: contract.id,
      lines: [
        { description: 'Performance work', kind: 'fee', quantity: '37.5', unit: 'hour', unitPrice: '270.00' },
        { description: 'Rush weekend', kind: 'fee', quantity: '4', unit: 'hour', unitPrice: '400' },
      ],
    });
    expect(priced.lines.map((l) => l.pricing)).toEqual([{ listRate: '300', listCurrency: 'USD', discountPercent: '10', discountReason: 'Retained: 10%' }, null]);
    // The draft now holds the contract: it can't be deleted from under it.
    expect(await api.raw('contracts.discardDraft', { id: contract.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a signed contract PDF goes into backups with the invoices, and a countersigned copy must be a PDF', async () => {
    const { api, terms } = await setup();
    const contract = await api.call('contracts.create', terms());
    const signed = await api.call('contracts.sign', { id: contract.id });
    const versionId = signed.versions[0]!.id;
    const backup = await api.call('backups.create');
    const hash = signed.versions[0]!.pdfSha256!;
    expect(fs.existsSync(path.join(api.dataDir, 'backups', 'documents', hash))).toBe(true);
    expect(backup).toBeTruthy();
    const notPdf = await api.raw('contracts.attachCountersigned', { versionId, fileName: 'signed.pdf', dataBase64: Buffer.from('<html>not a pdf</html>').toString('base64') });
    expect(notPdf).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { file: 'This file is not a PDF' } } });
    const pdf = await api.call('contracts.pdf', { versionId });
    const attached = await api.call('contracts.attachCountersigned', { versionId, fileName: 'countersigned.pdf', dataBase64: pdf.dataBase64 });
    expect(attached.documents).toEqual([expect.objectContaining({ versionId, fileName: 'countersigned.pdf' })]);
  });

  it('a new price goes only on a card in use: an archived card must be restored first', async () => {
    const { api, card } = await setup();
    await api.call('rateCards.create', { name: 'Other', unit: 'hour', currency: 'USD', amount: '200', effectiveFrom: '2026-01-01', isDefault: true });
    await api.call('rateCards.update', { id: card.id, name: 'Standard', isDefault: false, archived: true });
    expect(await api.raw('rateCards.addPrice', { rateCardId: card.id, effectiveFrom: '2027-01-01', amount: '320' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Standard is archived. Restore it before adding a price.' } });
  });
});
