import { describe, expect, it } from 'vitest';
import { DEFAULT_INVOICING_SETTINGS, type InvoicingSettings } from '../shared/api/settings';
import { invoicingApi } from '../test/temp-store';
import { saveInvoicingSettings } from './settings';

describe('takeNextNumber never gives a number twice', () => {
  async function setup(settings: Partial<InvoicingSettings>) {
    const { api, draft } = await invoicingApi();
    // Written straight to the file, as a release before the save-time rule could have stored them.
    const save = (s: Partial<InvoicingSettings>) => saveInvoicingSettings(api.holder.store().db, { ...DEFAULT_INVOICING_SETTINGS, ...s }, '2026-11-22T10:00:00Z');
    save(settings);
    const issue = async (issueDate: string) => (await api.call('invoices.issue', { id: (await draft({ issueDate })).id })).number;
    return { api, save, issue };
  }

  // Issue 9 §2: the second issue failed on the UNIQUE index, and so did every later one that year.
  it('INV-{SEQ} with a yearly reset: 2027 goes on from INV-1 instead of failing', async () => {
    const { issue } = await setup({ invoicePattern: 'INV-{SEQ}', resetYearly: true });
    expect(await issue('2026-12-01')).toBe('INV-1');
    expect(await issue('2027-01-05')).toBe('INV-2');
    expect(await issue('2027-01-06')).toBe('INV-3');
  });

  it('turning the yearly reset off continues after the numbers already issued', async () => {
    const { issue, save } = await setup({});
    expect(await issue('2026-11-20')).toBe('INV-2026-0001');
    expect(await issue('2026-11-21')).toBe('INV-2026-0002');
    save({ resetYearly: false });
    expect(await issue('2026-11-22')).toBe('INV-2026-0003');
  });

  it('changing the pattern and back reuses nothing', async () => {
    const { issue, save } = await setup({ invoicePattern: 'A-{SEQ}', resetYearly: false });
    expect(await issue('2026-11-20')).toBe('A-1');
    save({ invoicePattern: 'B-{SEQ}', resetYearly: false });
    expect(await issue('2026-11-20')).toBe('B-2');
    save({ invoicePattern: 'A-{SEQ}', resetYearly: true });
    expect(await issue('2026-11-20')).toBe('A-2');
  });
});

describe('invoices.nextNumber', () => {
  it('says the number a draft will take, takes none, and steps over numbers in use as issuing does', async () => {
    const { api, draft } = await invoicingApi();
    const save = (s: Partial<InvoicingSettings>) => saveInvoicingSettings(api.holder.store().db, { ...DEFAULT_INVOICING_SETTINGS, ...s }, '2026-11-22T10:00:00Z');
    const announcedThenIssued = async (issueDate: string) => {
      const { id } = await draft({ issueDate });
      const announced = (await api.call('invoices.nextNumber', { id })).number;
      expect((await api.call('invoices.nextNumber', { id })).number).toBe(announced);
      const issued = (await api.call('invoices.issue', { id })).number;
      return { id, announced, issued };
    };
    const first = await announcedThenIssued('2026-11-20');
    expect(first).toMatchObject({ announced: 'INV-2026-0001', issued: 'INV-2026-0001' });
    // With the yearly reset off the year-0 counter starts again at 1, landing on INV-2026-0001: both step over it.
    save({ resetYearly: false });
    expect(await announcedThenIssued('2026-11-22')).toMatchObject({ announced: 'INV-2026-0002', issued: 'INV-2026-0002' });
    await expect(api.call('invoices.nextNumber', { id: first.id })).rejects.toThrow('INV-2026-0001 is already issued.');
  });
});
