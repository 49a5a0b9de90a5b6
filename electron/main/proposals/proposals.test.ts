import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallInput } from '../../../shared/api/contract';
import { sampleProfile, testApi, ukClient } from '../../../test/temp-store';

const lead = { title: 'Postgres tuning for Acme', organisation: 'Acme Widgets', contactName: 'Dana Reyes', contactEmail: 'dana@acme.com', contactPhone: '+44 20 7946 0000', source: 'referral' as const, timezone: 'Europe/London' };

async function setup(now = '2026-11-22T10:00:00Z') {
  const api = testApi(undefined, () => new Date(now));
  await api.call('profile.save', sampleProfile);
  const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'GBP', amount: '150', effectiveFrom: '2026-01-01', isDefault: true });
  const retained = await api.call('discounts.save', { name: 'Retained', tiers: [{ fromMonths: 0, percent: '10' }] });
  const { id: leadId } = await api.call('leads.create', lead);
  const proposal = (overrides: Partial<CallInput<'proposals.create'>> = {}): CallInput<'proposals.create'> => ({
    leadId,
    title: 'Postgres performance review',
    scope: 'Review the slow queries.\n\nTune autovacuum and indexes.',
    terms: { rateCardId: card.id, discount: { kind: 'rule', ruleId: retained.id }, currency: 'GBP', billingCycle: { kind: 'monthly' }, estimate: '40' },
    validUntil: '2026-12-22',
    ...overrides,
  });
  const newClient = { mode: 'new' as const, details: { name: 'Acme Widgets', country: 'GB', timezone: 'Europe/London', currency: 'GBP', customerType: 'business' as const } };
  return { api, card, retained, leadId, proposal, newClient, dataDir: api.dataDir };
}

function pdfText(base64: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-')), 'p.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('proposals', () => {
  it('prices a draft at the estimate × the rate after discount, VAT not applied, and prints it', async () => {
    const { api, proposal } = await setup();
    const draft = await api.call('proposals.create', proposal());
    expect(draft).toMatchObject({ status: 'draft', expired: false, rateCardName: 'Standard', priceMinor: 540_000, terms: { estimate: '40', rate: { rate: '135', discountPercent: '10' } } });
    const text = pdfText((await api.call('proposals.pdf', { id: draft.id })).dataBase64);
    expect(text).toContain('PROPOSAL');
    expect(text).toContain('Tune autovacuum and indexes.');
    expect(text).toContain('£5,400.00 excluding VAT');
    expect(text).toContain('Prices exclude VAT');
  });

  it('refuses bad input on its field and stores nothing', async () => {
    const { api, proposal, leadId } = await setup();
    const cases: [CallInput<'proposals.create'>, string][] = [
      [proposal({ terms: { ...proposal().terms, rateCardId: 999 } }), 'terms.rateCardId'],
      [proposal({ terms: { ...proposal().terms, estimate: '0' } }), 'terms.estimate'],
      [proposal({ terms: { ...proposal().terms, estimate: '-5' } }), 'terms.estimate'],
      [proposal({ validUntil: '2026-11-21' }), 'validUntil'],
      [proposal({ title: ' ' }), 'title'],
      [proposal({ terms: { ...proposal().terms, currency: 'USD' } }), 'terms.fx.rate'],
    ];
    for (const [input, field] of cases) {
      expect(await api.raw('proposals.create', input), field).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { [field]: expect.any(String) } } });
    }
    expect(await api.call('proposals.list', { leadId })).toEqual([]);
  });

  it('marks a draft sent: frozen, logged, and the lead moves to proposal sent', async () => {
    const { api, proposal, leadId } = await setup();
    const draft = await api.call('proposals.create', proposal());
    const sent = await api.call('proposals.markSent', { id: draft.id });
    expect(sent).toMatchObject({ status: 'sent', sentAt: '2026-11-22T10:00:00.000Z' });
    const after = await api.call('leads.get', { id: leadId });
    expect(after.stage).toBe('proposal-sent');
    expect(after.timeline.map((a) => [a.kind, a.body])).toContainEqual(['proposal', 'Proposal sent: Postgres performance review']);
    const edit = await api.raw('proposals.update', { id: draft.id, ...proposal(), title: 'Changed' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: "This proposal is sent, so it can't change. Make a new proposal instead." } });
    expect((await api.call('proposals.list', { leadId }))[0]!.title).toBe('Postgres performance review');
  });

  it('accepts: creates the client with the lead’s contact and a draft contract at the proposal’s rate, and wins the lead', async () => {
    const { api, proposal, leadId, newClient } = await setup();
    const { id } = await api.call('proposals.create', proposal());
    await api.call('proposals.markSent', { id });
    const accepted = await api.call('proposals.accept', { id, client: newClient, startDate: '2026-12-01' });
    expect(accepted).toMatchObject({ status: 'accepted', clientId: expect.any(Number), contractId: expect.any(Number) });
    const client = await api.call('clients.get', { id: accepted.clientId! });
    expect(client).toMatchObject({ name: 'Acme Widgets', contacts: [{ name: 'Dana Reyes', email: 'dana@acme.com', isBilling: true }] });
    const contract = await api.call('contracts.get', { id: accepted.contractId! });
    expect(contract).toMatchObject({ status: 'draft', clientId: client.id, versions: [{ title: 'Postgres performance review', startDate: '2026-12-01', rate: { rate: '135', discountPercent: '10' }, billingCycle: { kind: 'monthly' } }] });
    const won = await api.call('leads.get', { id: leadId });
    expect(won).toMatchObject({ stage: 'won', clientId: client.id, contractId: contract.id });
    const timeline = await api.call('clients.timeline', { id: client.id });
    expect(timeline.map((e) => [e.kind, e.body, e.href])).toEqual(
      expect.arrayContaining([
        ['contract', 'Contract C-0001 drafted: Postgres performance review', `/contracts/${contract.id}`],
        ['stage', 'Postgres tuning for Acme: Proposal sent → Won', `/leads/${leadId}`],
        ['proposal', 'Postgres tuning for Acme: Proposal accepted: Postgres performance review', `/leads/${leadId}`],
      ]),
    );
  });

  it('suggests linking an existing client with the same VAT number and refuses creating its twin', async () => {
    const { api, proposal, newClient } = await setup();
    const existing = await api.call('clients.create', ukClient);
    const { id } = await api.call('proposals.create', proposal());
    await api.call('proposals.markSent', { id });
    expect(await api.call('proposals.matches', { id, name: 'Someone new', taxNumber: 'gb 987654353' })).toEqual([{ clientId: existing.id, name: 'Initech Ltd', reasons: ['taxNumber'] }]);
    const twin = await api.raw('proposals.accept', { id, client: { ...newClient, details: { ...newClient.details, taxNumber: 'GB987654353' } }, startDate: '2026-12-01' });
    expect(twin).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { 'client.details.taxNumber': 'Initech Ltd already has this VAT number: link to it instead' } } });
    const linked = await api.call('proposals.accept', { id, client: { mode: 'link', clientId: existing.id }, startDate: '2026-12-01' });
    expect(linked.clientId).toBe(existing.id);
    expect((await api.call('clients.get', { id: existing.id })).contacts.map((c) => c.email)).toEqual(['dana@acme.com']);
    expect((await api.call('clients.list', {})).map((c) => c.name)).toEqual(['Initech Ltd']);
  });

  it('refuses to accept a declined or expired proposal, and changes nothing', async () => {
    const { api, proposal, leadId, newClient, dataDir } = await setup();
    const declined = await api.call('proposals.create', proposal());
    await api.call('proposals.markSent', { id: declined.id });
    await api.call('proposals.decline', { id: declined.id });
    expect(await api.raw('proposals.accept', { id: declined.id, client: newClient, startDate: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: "This proposal is declined, so it can't be accepted. Make a new proposal." } });
    const expiring = await api.call('proposals.create', proposal({ validUntil: '2026-11-30' }));
    await api.call('proposals.markSent', { id: expiring.id });
    const later = testApi(dataDir, () => new Date('2026-12-02T10:00:00Z'));
    expect((await later.call('proposals.list', { leadId })).find((p) => p.id === expiring.id)).toMatchObject({ status: 'sent', expired: true });
    expect(await later.raw('proposals.accept', { id: expiring.id, client: newClient, startDate: '2026-12-07' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { validUntil: 'This proposal expired on 30 Nov 2026; make a new one to extend it' } } });
    expect(await later.call('clients.list', {})).toEqual([]);
    expect((await later.call('leads.get', { id: leadId })).stage).toBe('proposal-sent');
  });

  it('rolls the whole accept back when the contract service refuses its terms', async () => {
    const { api, proposal, leadId, newClient } = await setup();
    const { id } = await api.call('proposals.create', proposal());
    await api.call('proposals.markSent', { id });
    // The rate card has no price before 1 Jan 2026: the contract can't start then.
    const refused = await api.raw('proposals.accept', { id, client: newClient, startDate: '2025-06-01' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { rateCardId: expect.stringContaining('has no price on') } } });
    expect(await api.call('clients.list', {})).toEqual([]);
    expect(await api.call('contracts.list', {})).toEqual([]);
    expect((await api.call('proposals.list', { leadId }))[0]).toMatchObject({ status: 'sent', clientId: null, contractId: null });
    expect(await api.call('leads.get', { id: leadId })).toMatchObject({ stage: 'proposal-sent', clientId: null });
  });

  it('logs a note on a client’s timeline, newest first; never in the future', async () => {
    const { api } = await setup();
    const client = await api.call('clients.create', ukClient);
    await api.call('clients.logActivity', { clientId: client.id, kind: 'call', body: 'Kick-off call', occurredAt: '2026-11-20T09:00:00Z' });
    const timeline = await api.call('clients.logActivity', { clientId: client.id, kind: 'note', body: 'Prefers email' });
    expect(timeline.map((e) => [e.kind, e.body])).toEqual([
      ['note', 'Prefers email'],
      ['call', 'Kick-off call'],
    ]);
    expect(await api.raw('clients.logActivity', { clientId: client.id, kind: 'email', body: 'x', occurredAt: '2026-12-01T00:00:00Z' })).toMatchObject({ ok: false, error: { fieldErrors: { occurredAt: expect.any(String) } } });
    expect(await api.raw('clients.logActivity', { clientId: client.id, kind: 'note', body: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { body: expect.any(String) } } });
    expect(await api.call('clients.timeline', { id: client.id })).toHaveLength(2);
  });
});
