import { afterEach, describe, expect, it } from 'vitest';
import { invoicingApi, sampleProfile, testApi } from '../../../test/temp-store';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

/** An invoice issued on 5 November with 14 days' terms: due on 19 November. */
async function dueOn19November(timeZone: string | null, now: string) {
  const { api, draft, clientId } = await invoicingApi();
  await api.call('profile.save', { ...sampleProfile, timeZone });
  const invoice = await api.call('invoices.issue', { id: (await draft({ issueDate: '2026-11-05', paymentTermsDays: 14 })).id });
  expect(invoice.dueDate).toBe('2026-11-19');
  // The same book, read at another moment.
  const later = testApi(api.dataDir, () => new Date(now));
  return { api: later, id: invoice.id, clientId };
}

describe("'today' is the business's calendar date", () => {
  it('at 17:00 in Los Angeles on the due date, the invoice is not yet overdue (UTC is already the next day)', async () => {
    const { api, id } = await dueOn19November('America/Los_Angeles', '2026-11-20T01:00:00Z');
    expect((await api.call('invoices.get', { id })).status).toBe('issued');
    expect((await api.call('invoices.list', { status: 'overdue', kind: 'all' })).map((i) => i.id)).toEqual([]);
  });

  it('at 09:00 in Auckland the morning after the due date, the invoice is overdue (UTC is still the due date)', async () => {
    const { api, id } = await dueOn19November('Pacific/Auckland', '2026-11-19T20:00:00Z');
    expect((await api.call('invoices.get', { id })).status).toBe('overdue');
  });

  it("without a zone in the profile, the computer's zone (TZ) decides", async () => {
    process.env.TZ = 'Pacific/Auckland';
    const auckland = await dueOn19November(null, '2026-11-19T20:00:00Z');
    expect((await auckland.api.call('invoices.get', { id: auckland.id })).status).toBe('overdue');
    process.env.TZ = 'America/Los_Angeles';
    const la = await dueOn19November(null, '2026-11-20T01:00:00Z');
    expect((await la.api.call('invoices.get', { id: la.id })).status).toBe('issued');
  });

  it('a time zone that does not exist is refused, and the profile is unchanged', async () => {
    const { api } = await invoicingApi();
    const refused = await api.raw('profile.save', { ...sampleProfile, timeZone: 'Mars/Olympus' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { timeZone: expect.any(String) } } });
    expect((await api.call('profile.get'))!.timeZone).toBeNull();
  });
});
