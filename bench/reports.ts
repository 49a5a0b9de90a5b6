import { ENGAGEMENTS_TODAY } from '../scripts/seed/engagements';
import type { CallName } from '../shared/api/call-names';
import type { CallInput, CallOutput } from '../shared/api/contract';
import { openApi, type TestApi } from '../test/api-client';
import { book } from './book';
import { measure, type BenchResult, type TargetOptions } from './harness';

async function call<K extends CallName>(api: TestApi, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await api.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

/**
 * Issue 16's rows on the decade book at `scale`: the dashboard's aggregates (24 months of revenue
 * with the year before, aged debt) ≤ 50 ms, and the VAT return for the last quarter that has ended,
 * from ten years of documents, payments and expenses, ≤ 20 ms; p95, and the same figures at 10×
 * (issue 16 sets them for both). The book's business registered for VAT when it started trading; the settings are written
 * once, the only change this bench makes to the book.
 */
export async function reportBenchmarks(scale: number): Promise<BenchResult[]> {
  const target = (ms: number): TargetOptions => ({ targetMs: ms, targetOn: 'p95', ...(scale === 1 ? {} : { targetNote: 'the issue’s target at 10× too' }) });
  const api = openApi(await book(scale), () => ENGAGEMENTS_TODAY);
  await api.holder.backupIfDue();
  try {
    const settings = await call(api, 'vatReturns.getSettings', undefined);
    if (settings.registeredOn === null) await call(api, 'vatReturns.saveSettings', { ...settings, frequency: 'quarterly', stagger: 1, registeredOn: '2016-01-01' });
    const periods = await call(api, 'vatReturns.periods', undefined);
    const lastEnded = periods.find((p) => p.end < ENGAGEMENTS_TODAY.toISOString().slice(0, 10))!;
    const key = 'vat-return';
    return [
      await measure(`dashboard aggregates, 24 months (reports.dashboard) (${scale}×)`, () => call(api, 'reports.dashboard', { months: 24 }), {
        runs: 100,
        warmup: 10,
        key: 'dashboard',
        ...target(50),
      }),
      await measure(`VAT return for ${lastEnded.start} to ${lastEnded.end}, ${periods.length} quarters kept (${scale}×)`, () => call(api, 'vatReturns.get', { periodStart: lastEnded.start }), {
        runs: 100,
        warmup: 10,
        key,
        ...target(20),
      }),
    ];
  } finally {
    await api.holder.settled();
    api.holder.close();
  }
}
