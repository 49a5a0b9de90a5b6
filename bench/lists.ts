import { DECADE_AT_1X } from '../scripts/seed/decade';
import type { CallName } from '../shared/api/call-names';
import type { CallInput } from '../shared/api/contract';
import { openApi } from '../test/api-client';
import { book } from './book';
import { measure, scaledTarget, type BenchResult } from './harness';

/**
 * The list and detail calls the screens make, timed through the router (validation, handler,
 * output check) against the decade book at `scale`; 5 ms p95 is the target at 1×, and at 10× twice
 * the 1× figure (`atOneX`, this run's 1× rows).
 */
export async function listBenchmarks(scale: number, atOneX: BenchResult[] = []): Promise<BenchResult[]> {
  const api = openApi(await book(scale));
  // A backup that falls due at open must not run in a worker while the calls are timed.
  await api.holder.backupIfDue();
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
    const target = (key: string) => ({ key, ...scaledTarget(scale, 5, atOneX.find((r) => r.key === key)) });
    return [
      await measure(`invoice list, first page, any filter (${tag})`, () => call('invoices.list', filters[n++ % filters.length]!), { runs: 200, warmup: 10, ...target('list') }),
      await measure(`client search (${tag})`, () => call('clients.list', { status: 'all', search: searches[n++ % searches.length]! }), { runs: 200, warmup: 10, ...target('search') }),
      await measure(`invoices.get (${tag})`, () => call('invoices.get', { id: invoiceIds[n++ % invoiceIds.length]! }), { runs: 400, warmup: 20, ...target('get') }),
    ];
  } finally {
    await api.holder.settled();
    api.holder.close();
  }
}
