import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface BenchResult {
  name: string;
  /** The same measure at another scale has the same key, so a 10× target can follow the 1× figure. */
  key?: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  targetMs: number | null;
  /** Which figure the target applies to; the median unless the target says p95. */
  targetOn?: 'median' | 'p95';
  /** Where the target comes from when it is not a fixed figure, e.g. "2× the 1× figure". */
  targetNote?: string;
  /** The unit of the figures and the target when the row is not a time (a size, a memory growth); ms otherwise. */
  unit?: 'ms' | 'KB' | 'MB';
}

export interface TargetOptions {
  key?: string;
  targetMs?: number;
  targetOn?: 'median' | 'p95';
  targetNote?: string;
}

/** Median and 95th percentile of timings already taken (e.g. one per child process or per export). */
export function summarise(name: string, times: number[], options: TargetOptions = {}): BenchResult {
  const sorted = [...times].sort((a, b) => a - b);
  const runs = sorted.length;
  return {
    name,
    key: options.key,
    runs,
    medianMs: sorted[Math.floor(runs / 2)]!,
    p95Ms: sorted[Math.min(runs - 1, Math.floor(runs * 0.95))]!,
    targetMs: options.targetMs ?? null,
    targetOn: options.targetOn ?? 'median',
    targetNote: options.targetNote,
  };
}

/**
 * The target of a row measured on the decade book: `fixedMs` at 1×, and at a larger scale no more
 * than twice the 1× figure measured in the same run (or twice the 1× target without one).
 */
export function scaledTarget(scale: number, fixedMs: number, atOneX: BenchResult | undefined, targetOn: 'median' | 'p95' = 'p95'): TargetOptions {
  if (scale === 1) return { targetMs: fixedMs, targetOn };
  if (!atOneX) return { targetMs: 2 * fixedMs, targetOn, targetNote: '2× the 1× target' };
  return { targetMs: 2 * (targetOn === 'p95' ? atOneX.p95Ms : atOneX.medianMs), targetOn, targetNote: '2× the 1× figure' };
}

/** Runs the script `script` of this folder in a fresh Node process with `args`, and parses the JSON it prints last. */
export function runChild<T>(script: string, ...args: string[]): T {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as T;
}

/** Milliseconds `fn` takes, once. */
export async function timeOnce(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Runs `fn` after a warm-up and reports the median and 95th percentile in milliseconds; the
 * target (ms) is judged against the median, or the p95 with `targetOn: 'p95'`.
 */
export async function measure(name: string, fn: () => unknown, options: { runs?: number; warmup?: number } & TargetOptions = {}): Promise<BenchResult> {
  const runs = options.runs ?? 200;
  for (let i = 0; i < (options.warmup ?? 20); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce(fn));
  return summarise(name, times, options);
}

/** Prints the rows as one table: each figure with its unit, the target beside it, and ok or SLOW. */
export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => {
    const unit = r.unit ?? 'ms';
    const figure = r.targetOn === 'p95' ? r.p95Ms : r.medianMs;
    const show = (value: number) => `${value.toFixed(unit === 'ms' ? 2 : 1)} ${unit}`;
    return {
      benchmark: r.name,
      runs: r.runs,
      median: show(r.medianMs),
      p95: r.runs === 1 ? '—' : show(r.p95Ms),
      target: r.targetMs === null ? '—' : `${r.runs === 1 ? '' : r.targetOn === 'p95' ? 'p95 ' : 'median '}≤ ${+r.targetMs.toFixed(1)} ${unit}${r.targetNote ? ` (${r.targetNote})` : ''}`,
      verdict: r.targetMs === null ? '—' : figure <= r.targetMs ? 'ok' : 'SLOW',
    };
  });
  console.table(rows);
}
