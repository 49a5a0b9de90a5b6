import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDecade } from '../scripts/seed/decade';
import { seedEngagements } from '../scripts/seed/engagements';
import { seedLeads } from '../scripts/seed/leads';

/** Whether the data file has a leads table with rows in it (a file from before migration 0024 has none). */
function hasLeads(file: string): boolean {
  const sqlite = new Database(file, { readonly: true });
  try {
    const table = sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = 'leads'`).get();
    return table !== undefined && sqlite.prepare('select 1 from leads limit 1').get() !== undefined;
  } finally {
    sqlite.close();
  }
}

/**
 * The decade book at `scale` with its engagements (contracts, time, expenses) and its pipeline (leads and their activities), seeded once into .tmp/decade-<scale>x and reused by later runs
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
    const leads = await seedLeads(dataDir, { scale });
    console.log(`  seeded in ${summary.seconds.toFixed(0)} s, engagements in ${engagements.seconds.toFixed(0)} s, leads in ${leads.seconds.toFixed(0)} s`);
  } else if (!hasLeads(path.join(dataDir, 'billable.sqlite'))) {
    // A book seeded before issue 15 gets its pipeline added rather than being seeded again.
    const leads = await seedLeads(dataDir, { scale });
    console.log(`added ${leads.leads} leads and ${leads.activities} activities to ${dataDir} in ${leads.seconds.toFixed(0)} s`);
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
