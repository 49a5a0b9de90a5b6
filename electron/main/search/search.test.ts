import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../shared/api/search';
import { contractTerms, ukClient } from '../../../test/fixtures';
import { sampleProfile, testApi } from '../../../test/temp-store';

async function searchApi() {
  const api = testApi();
  await api.call('profile.save', { ...sampleProfile, timeZone: 'Europe/London' });
  return api;
}

const lead = { title: 'Data platform for Kühne Logistik', organisation: 'Kühne Logistik', contactName: 'Jörg Müller', contactEmail: 'jorg@kuehne.example', source: 'direct' as const, notes: 'Met at the Zürich meetup; wants a Snowflake migration before Q2.' };

/** Each group's kind and hit titles, to compare what was found at a glance. */
const found = (results: SearchResults) => Object.fromEntries(results.groups.map((g) => [g.kind, g.hits.map((h) => h.title)]));

describe('search.query', () => {
  it('folds accents and matches prefixes: "muller" and "mull" find Müller, and "zurich" a word in the notes, with a snippet and the lead to open', async () => {
    const api = await searchApi();
    const { id } = await api.call('leads.create', lead);
    for (const text of ['muller', 'MULL', 'jörg mül', 'kuhne data']) expect(found(await api.call('search.query', { text })), text).toEqual({ lead: [lead.title] });
    const byNotes = await api.call('search.query', { text: 'zurich' });
    const hit = byNotes.groups[0]!.hits[0]!;
    expect(hit).toMatchObject({ kind: 'lead', id, href: `/leads/${id}` });
    expect(hit.snippet.text).toContain('Zürich meetup');
    const [start, end] = hit.snippet.highlights[0]!;
    expect(hit.snippet.text.slice(start, end)).toBe('Zürich');
    expect(found(await api.call('search.query', { text: 'muller berlin' }))).toEqual({});
  });

  it('groups clients, contacts, notes, contracts and invoices, each opening its record; recruiter leads are found too', async () => {
    const api = await searchApi();
    const client = await api.call('clients.create', { ...ukClient, name: 'Ørsted Analytics', tags: ['energy'] });
    await api.call('contacts.create', { clientId: client.id, name: 'Åsa Lindqvist', email: 'asa@orsted.example' });
    const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'USD', amount: '150', effectiveFrom: '2026-01-01' });
    const contract = await api.call('contracts.create', contractTerms(client.id, card.id, { title: 'Energy forecasting retainer' }));
    const draft = await api.call('invoices.createDraft', { clientId: client.id, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, poNumber: 'PO-88231', lines: [{ description: 'Forecast model calibration', kind: 'fee', quantity: '3', unit: 'hour', unitPrice: '150' }] });
    const recruiter = await api.call('leads.create', { ...lead, title: 'Energy DBA role', source: 'recruiter', notes: '' });
    await api.call('leads.logActivity', { leadId: recruiter.id, kind: 'note', body: 'Recruiter says the energy client is Ørsted.' });

    const results = await api.call('search.query', { text: 'energy' });
    expect(found(results)).toEqual({ client: ['Ørsted Analytics'], lead: ['Energy DBA role'], activity: ['Energy DBA role'], contract: ['Energy forecasting retainer'] });
    const hrefs = Object.fromEntries(results.groups.map((g) => [g.kind, g.hits[0]!.href]));
    expect(hrefs).toEqual({ client: `/clients/${client.id}`, lead: `/leads/${recruiter.id}`, activity: `/leads/${recruiter.id}`, contract: `/contracts/${contract.id}` });
    expect(found(await api.call('search.query', { text: 'asa' }))).toEqual({ contact: ['Åsa Lindqvist'] });
    expect((await api.call('search.query', { text: 'asa' })).groups[0]!.hits[0]!.href).toBe(`/clients/${client.id}`);
    const invoice = await api.call('search.query', { text: 'calibration' });
    expect(invoice.groups[0]!.hits[0]).toMatchObject({ kind: 'invoice', title: 'Draft invoice', href: `/invoices/${draft.id}` });
    expect(found(await api.call('search.query', { text: 'PO-88231' }))).toEqual({ invoice: ['Draft invoice'] });
    const issued = await api.call('invoices.issue', { id: draft.id });
    expect(found(await api.call('search.query', { text: issued.number! }))).toEqual({ invoice: [issued.number] });
  });

  it('follows edits and deletes: an edited record is found by its new word and not its old one, a deleted one is gone', async () => {
    const api = await searchApi();
    const created = await api.call('leads.create', lead);
    await api.call('leads.update', { ...lead, id: created.id, notes: 'Prefers a Databricks lakehouse.' });
    expect(found(await api.call('search.query', { text: 'databricks' }))).toEqual({ lead: [lead.title] });
    expect(found(await api.call('search.query', { text: 'snowflake' }))).toEqual({});

    const client = await api.call('clients.create', { ...ukClient, name: 'Globex' });
    const card = await api.call('rateCards.create', { name: 'Standard', unit: 'hour', currency: 'USD', amount: '150', effectiveFrom: '2026-01-01' });
    await api.call('contracts.create', contractTerms(client.id, card.id, { title: 'Warehouse audit' }));
    await api.call('clients.update', { ...ukClient, id: client.id, name: 'Umbrella' });
    expect(found(await api.call('search.query', { text: 'umbrella' }))).toEqual({ client: ['Umbrella'], contract: ['Warehouse audit'] });
    expect(found(await api.call('search.query', { text: 'globex' }))).toEqual({});

    await api.call('leads.logActivity', { leadId: created.id, kind: 'call', body: 'Budget approved' });
    await api.call('leads.delete', { id: created.id });
    expect(found(await api.call('search.query', { text: 'databricks' }))).toEqual({});
    expect(found(await api.call('search.query', { text: 'budget' }))).toEqual({});
  });

  it('takes FTS syntax characters and operators as plain words, never as query syntax', async () => {
    const api = await searchApi();
    await api.call('leads.create', { ...lead, notes: 'NEAR the station; "quoted" (bracketed) co-op: yes*' });
    for (const text of ['"', '*', '(', '-', ':', 'NEAR', 'near(', 'co-op', '"quoted', 'bracketed)', 'AND', 'NOT station', 'title:zurich', '^station']) {
      const response = await api.raw('search.query', { text });
      expect(response, text).toMatchObject({ ok: true });
    }
    expect(found(await api.call('search.query', { text: 'NEAR' }))).toEqual({ lead: [lead.title] });
    expect(found(await api.call('search.query', { text: 'co-op' }))).toEqual({ lead: [lead.title] });
    expect(found(await api.call('search.query', { text: '"*(-:' }))).toEqual({});
  });

  it('refuses empty, overlong and control-character text with a clear message', async () => {
    const api = await searchApi();
    const cases: [unknown, string][] = [
      ['', 'Type something to search for'],
      ['   ', 'Type something to search for'],
      ['a'.repeat(500), 'Search text is at most 200 characters'],
      ['müller\u0000', 'Search text can’t contain control characters such as tabs or line breaks'],
      ['two\nlines', 'Search text can’t contain control characters such as tabs or line breaks'],
    ];
    for (const [text, message] of cases) {
      expect(await api.raw('search.query', { text }), String(text).slice(0, 20)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { text: message } } });
    }
    expect(await api.raw('search.query', { text: 'x', limit: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
