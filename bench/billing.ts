import { ENGAGEMENTS_AT_1X, ENGAGEMENTS_TODAY } from '../scripts/seed/engagements';
import { weekStartOf } from '../shared/time/rules';
import type { CallName } from '../shared/api/call-names';
import type { CallInput, CallOutput } from '../shared/api/contract';
import { openApi, type TestApi } from '../test/api-client';
import { book, withCopyOfBook } from './book';
import { measure, scaledTarget, type BenchResult } from './harness';

/** Invoices one timed billing run drafts, at every scale (issue 12). */
const RUN_SIZE = 100;

async function call<K extends CallName>(api: TestApi, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await api.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

/** Opens the book in `dataDir` with the clock at ENGAGEMENTS_TODAY, any backup due at open taken before anything is timed. */
async function openAtToday(dataDir: string): Promise<TestApi> {
  const api = openApi(dataDir, () => ENGAGEMENTS_TODAY);
  await api.holder.backupIfDue();
  return api;
}

async function close(api: TestApi): Promise<void> {
  await api.holder.settled();
  api.holder.close();
}

export interface RouterCallOptions {
  /** The row's name; "(<scale>×)" is added. */
  label: string;
  /** Same key at every scale, so the 10× target follows the 1× figure. */
  key: string;
  /** Target at 1× in ms (judged on the median), or null for a figure without one. */
  targetMs: number | null;
  /** This run's 1× rows. */
  atOneX?: BenchResult[];
  runs?: number;
  warmup?: number;
}

/**
 * Times one read-only call through the router (validation, handler, output check) on the decade
 * book with engagements at `scale`, opened at ENGAGEMENTS_TODAY; the median is judged against
 * `targetMs` at 1× and twice the 1× figure above (scaledTarget). For any call, e.g. the week grid:
 * `routerCallBenchmark(scale, 'time.week', { … }, { label: 'week grid (time.week)', key: 'week', targetMs: 5, atOneX })`.
 * Throws if the call fails.
 */
export async function routerCallBenchmark<K extends CallName>(scale: number, name: K, input: CallInput<K>, options: RouterCallOptions): Promise<BenchResult> {
  const api = await openAtToday(await book(scale));
  try {
    const target = options.targetMs === null ? { key: options.key } : { key: options.key, ...scaledTarget(scale, options.targetMs, options.atOneX?.find((r) => r.key === options.key), 'median') };
    return await measure(`${options.label} (${scale}×)`, () => call(api, name, input), { runs: options.runs ?? 200, warmup: options.warmup ?? 20, ...target });
  } finally {
    await close(api);
  }
}

/**
 * One billing run of RUN_SIZE due contracts (`billing.run`, drafts without PDFs), each timed in
 * a transaction rolled back afterwards, so every run bills the same work on one copy of the book.
 */
async function billingRunBenchmark(scale: number, atOneX: BenchResult[]): Promise<BenchResult> {
  return withCopyOfBook(scale, async (dataDir) => {
    const api = await openAtToday(dataDir);
    try {
      const due = await call(api, 'billing.due', { grouping: 'period' });
      const contractIds = due.filter((d) => d.problem === null).map((d) => d.contractId).slice(0, RUN_SIZE);
      if (contractIds.length < RUN_SIZE) throw new Error(`Only ${contractIds.length} contracts are due on ${ENGAGEMENTS_TODAY.toISOString()}: the book predates its engagements; delete .tmp/decade-${scale}x to reseed`);
      const { sqlite } = api.holder.store();
      const key = 'billing-run';
      const run = async () => {
        sqlite.exec('begin');
        try {
          const { drafts } = await call(api, 'billing.run', { contractIds, grouping: 'period' });
          if (drafts.length !== RUN_SIZE) throw new Error(`billing.run drafted ${drafts.length} invoices, not ${RUN_SIZE}`);
        } finally {
          sqlite.exec('rollback');
        }
      };
      return await measure(`billing run drafting ${RUN_SIZE} due invoices (${scale}×)`, run, { runs: 20, warmup: 3, key, ...scaledTarget(scale, 200, atOneX.find((r) => r.key === key), 'median') });
    } finally {
      await close(api);
    }
  });
}

/**
 * The billing rows of issue 12 on the decade book with engagements at `scale`
 * (ENGAGEMENTS_AT_1X × scale contracts, time entries and expenses): unbilled work ≤ 2 ms, what is
 * due (no fixed target), one run drafting RUN_SIZE invoices ≤ 200 ms, the week grid of the
 * seeded book's last week ≤ 5 ms; at 10× twice the 1× figures.
 */
export async function billingBenchmarks(scale: number, atOneX: BenchResult[] = []): Promise<BenchResult[]> {
  const contracts = ENGAGEMENTS_AT_1X.contracts * scale;
  return [
    await routerCallBenchmark(scale, 'billing.workInProgress', undefined, { label: `unbilled work of ${contracts} contracts (billing.workInProgress)`, key: 'unbilled', targetMs: 2, atOneX }),
    await routerCallBenchmark(scale, 'billing.due', { grouping: 'period' }, { label: `due invoices of ${contracts} contracts (billing.due)`, key: 'due', targetMs: null, runs: 30, warmup: 3 }),
    await routerCallBenchmark(scale, 'time.week', { weekStart: weekStartOf(ENGAGEMENTS_TODAY.toISOString().slice(0, 10)) }, { label: `week grid of ${contracts} contracts (time.week)`, key: 'week', targetMs: 5, atOneX }),
    await billingRunBenchmark(scale, atOneX),
  ];
}
