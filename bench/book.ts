import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDecade } from '../scripts/seed/decade';
import { seedEngagements } from '../scripts/seed/engagements';

/**
 * The decade book at `scale` with its engagements (contracts, time, expenses), seeded once into .tmp/decade-<scale>x and reused by later runs
 * (delete the folder to reseed after a change to the generator). Benchmarks that write use
 * `withCopyOfBook`, so this folder stays as seeded.
 */
export async function book(scale: number): Promise<string> {
  const dataDir = path.resolve(import.meta.dirname, '..', '.tmp', `decade-${scale}x`);
  if (!fs.existsSync(path.join(dataDir, 'billable.sqlite'))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    console.log(`seeding the ${scale}× decade book into ${dataDir} (once)…`);
    const summary = await seedDecade(dataDir, { scale, pdfs: 100 });
    const engagements = await seedEngagements(dataDir, { scale });
    console.log(`  seeded in ${summary.seconds.toFixed(0)} s, engagements in ${engagements.seconds.toFixed(0)} s`);
  }
  return dataDir;
}

/** Runs `fn` on a throw-away copy of the book's data folder (file, documents and all), removed afterwards. */
export async function withCopyOfBook<T>(scale: number, fn: (dataDir: string) => Promise<T>): Promise<T> {
  const source = await book(scale);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), `billable-bench-${scale}x-`));
  // Backups are not part of the book a benchmark reads or writes, and at 10× they are most of the folder.
  fs.cpSync(source, copy, { recursive: true, filter: (from) => path.basename(from) !== 'backups' });
  try {
    return await fn(copy);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
