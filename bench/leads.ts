import { ENGAGEMENTS_TODAY } from '../scripts/seed/engagements';
import type { CallName } from '../shared/api/call-names';
import type { CallInput, CallOutput } from '../shared/api/contract';
import { openApi, type TestApi } from '../test/api-client';
import { book } from './book';
import { measure, scaledTarget, type BenchResult } from './harness';

async function call<K extends CallName>(api: TestApi, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await api.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

/**
 * What the palette sends as someone types: names with and without their accents, a word from a
 * note, two words, an invoice number's start, a short prefix, and a miss.
 */
const QUERIES = ['muller', 'Zürich', 'kuhne', 'snowflake migr', 'acme', 'INV-2019', 'retainer', 'cafe', 'da', 'nomatch'];

/**
 * Issue 15's rows on the decade book at `scale` with its 2,000 leads and 20,000 activities:
 * global search (`search.query`, every kind, five hits each) p95 ≤ 10 ms, and the board as it
 * first loads (`leads.list` with its default query) p95 ≤ 50 ms; twice the 1× figure at 10×.
 */
export async function leadBenchmarks(scale: number, atOneX: BenchResult[] = []): Promise<BenchResult[]> {
  const api = openApi(await book(scale), () => ENGAGEMENTS_TODAY);
  await api.holder.backupIfDue();
  try {
    let n = 0;
    return [
      await measure(`global search, every kind (search.query) (${scale}×)`, () => call(api, 'search.query', { text: QUERIES[n++ % QUERIES.length]!, limit: 5 }), {
        runs: 300,
        warmup: 20,
        key: 'global-search',
        ...scaledTarget(scale, 10, atOneX.find((r) => r.key === 'global-search')),
      }),
      await measure(`lead board load (leads.list, default query) (${scale}×)`, () => call(api, 'leads.list', {}), {
        runs: 100,
        warmup: 10,
        key: 'lead-board',
        ...scaledTarget(scale, 50, atOneX.find((r) => r.key === 'lead-board')),
      }),
    ];
  } finally {
    await api.holder.settled();
    api.holder.close();
  }
}
