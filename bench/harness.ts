export interface BenchResult {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  targetMs: number | null;
  /** Which figure the target applies to; the median unless the target says p95. */
  targetOn?: 'median' | 'p95';
}

/**
 * Runs `fn` after a warm-up and reports the median and 95th percentile in milliseconds; the
 * target (ms) is judged against the median, or the p95 with `targetOn: 'p95'`.
 */
export async function measure(
  name: string,
  fn: () => unknown,
  options: { runs?: number; warmup?: number; targetMs?: number; targetOn?: 'median' | 'p95' } = {},
): Promise<BenchResult> {
  const runs = options.runs ?? 200;
  for (let i = 0; i < (options.warmup ?? 20); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    runs,
    medianMs: times[Math.floor(runs / 2)]!,
    p95Ms: times[Math.min(runs - 1, Math.floor(runs * 0.95))]!,
    targetMs: options.targetMs ?? null,
    targetOn: options.targetOn ?? 'median',
  };
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => ({
    benchmark: r.name,
    runs: r.runs,
    'median ms': r.medianMs.toFixed(3),
    'p95 ms': r.p95Ms.toFixed(3),
    target: r.targetMs === null ? '—' : `${r.targetOn === 'p95' ? 'p95' : 'median'} ≤ ${r.targetMs} ms`,
    verdict: r.targetMs === null ? '—' : (r.targetOn === 'p95' ? r.p95Ms : r.medianMs) <= r.targetMs ? 'ok' : 'SLOW',
  }));
  console.table(rows);
}
