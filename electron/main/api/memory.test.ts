import { describe, expect, it } from 'vitest';
import { rssAfterGcMb as rssMb } from '../../../test/gc';
import { invoicingApi, sampleClient } from '../../../test/temp-store';
import { issueInvoice } from '../invoicing/issue';

describe('main-process memory', () => {
  it('stays flat over 20,000 mixed calls: a desktop app left open for weeks does not grow', { timeout: 120_000 }, async () => {
    const { api, draft, clientId } = await invoicingApi();
    const other = await api.call('clients.create', sampleClient);
    const issued: number[] = [];
    // Issued without rendering PDFs: the calls measured below are the ones a screen makes.
    for (let i = 0; i < 5; i++) issued.push(issueInvoice(api.holder.store().db, (await draft()).id, null, '2026-11-20T10:00:00Z').id);
    const open = await draft();
    const edit = { id: open.id, clientId, currency: open.currency, issueDate: open.issueDate, paymentTermsDays: 14, lines: open.lines.map(({ description, kind, quantity, unit, unitPrice }) => ({ description, kind, quantity, unit, unitPrice })) };
    const calls = [
      () => api.call('invoices.get', { id: issued[0]! }),
      () => api.call('invoices.get', { id: open.id }),
      () => api.call('invoices.list', { status: 'all' }),
      () => api.call('invoices.list', { status: 'paid', clientId }),
      () => api.call('clients.list', { status: 'all', search: 'acme' }),
      () => api.call('clients.list', {}),
      () => api.call('clients.get', { id: other.id }),
    ];
    // One save in 50: each write waits for fsync, and a few hundred cover the write path's statements.
    const run = async (count: number) => {
      for (let i = 0; i < count; i++) await (i % 50 === 49 ? api.call('invoices.updateDraft', edit) : calls[i % calls.length]!());
    };
    // Warm up first: caches, the JIT and SQLite's page cache fill once and then stay. The start-up
    // upkeep and the first backup (a worker thread with its own SQLite connection) finish before the first reading.
    await api.holder.settled();
    await run(1_000);
    const before = rssMb();
    const started = performance.now();
    await run(20_000);
    const after = rssMb();
    console.log(`20,000 calls in ${Math.round(performance.now() - started)} ms; RSS ${Math.round(before)} → ${Math.round(after)} MB`);
    expect({ before: Math.round(before), after: Math.round(after), grewMb: Math.round(after - before) }).toEqual(
      expect.objectContaining({ grewMb: expect.toSatisfy((mb: number) => mb <= 50) }),
    );
  });
});
