import v8 from 'node:v8';
import vm from 'node:vm';

/** A forced full collection without starting Node with --expose-gc: the flag can be set at run time. */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
}

/** The process's resident set size in MiB, after a forced collection. */
export function rssAfterGcMb(): number {
  collectGarbage();
  return process.memoryUsage().rss / 2 ** 20;
}
