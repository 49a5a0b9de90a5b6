import fs from 'node:fs';
import path from 'node:path';
import { DECADE_AT_1X, seedDecade } from '../scripts/seed/decade';
import type { CallName } from '../shared/api/call-names';
import type { CallInput } from '../shared/api/contract';
import { openApi } from '../test/api-client';
import { measure, type BenchResult } from './harness';

/**
 * The decade book at `scale`, seeded once into .tmp/decade-<scale>x and reused by later runs
 * (delete the folder to reseed after a change to the generator).
 */
async function book(scale: number): Promise<string> {
  const dataDir = path.resolve(import.meta.dirname, '..', '.tmp', `decade-${scale}x`);
  if (!fs.existsSync(path.join(dataDir, 'billable.sqlite'))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    console.log(`seeding the ${scale}× decade book into ${dataDir} (once)…`);
    const summary = await seedDecade(dataDir, { scale, pdfs: 100 });
    console.log(`  seeded in ${summary.seconds.toFixed(0)} s`);
  }
  return dataDir;
}

/**
 * The list and detail calls the screens make, timed through the router (validation, handler,
 * output check) against the decade book at `scale`; 5 ms p95 is the target at 1×.
 */
export async function listBenchmarks(scale: number): Promise<BenchResult[]> {
  const api = openApi(await book(scale));
  try {
    const call = async <K extends CallName>(name: K, input: CallInput<K>) => {
      const result = await api.router.dispatch(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value;
    };
    const clientIds = [1, 37, 150, 399].map((n) => Math.min(n, DECADE_AT_1X.clients * scale));
    const filters: CallInput<'invoices.list'>[] = [
      {},
      { status: 'overdue' },
      { status: 'paid' },
      { kind: 'credit-note' },
      { from: '2020-01-01', to: '2020-12-31' },
      ...clientIds.map((clientId) => ({ clientId })),
    ];
    const searches = ['acme', 'ÉCOLE', 'zürich labs', 'accounts12', 'retainer', 'nomatch'];
    const invoiceIds = Array.from({ length: 64 }, (_, i) => 1 + Math.floor((i * 7919) % (DECADE_AT_1X.invoices * scale)));
    let n = 0;
    const tag = `${scale}×`;
    const target = scale === 1 ? 5 : 10;
    return [
      await measure(`invoice list, first page, any filter (${tag})`, () => call('invoices.list', filters[n++ % filters.length]!), { runs: 200, warmup: 10, targetMs: target, targetOn: 'p95' }),
      await measure(`client search (${tag})`, () => call('clients.list', { status: 'all', search: searches[n++ % searches.length]! }), { runs: 200, warmup: 10, targetMs: target, targetOn: 'p95' }),
      await measure(`invoices.get (${tag})`, () => call('invoices.get', { id: invoiceIds[n++ % invoiceIds.length]! }), { runs: 400, warmup: 20, targetMs: target, targetOn: 'p95' }),
    ];
  } finally {
    await api.holder.settled();
    api.holder.close();
  }
}
