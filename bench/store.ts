import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openApi } from '../test/api-client';
import { sampleClient } from '../test/fixtures';
import { book, withCopyOfBook } from './book';
import { runChild, summarise, timeOnce, type BenchResult } from './harness';

const KIB = 1024;
const MIB = 1024 * 1024;

/** Bytes on disk under `dir` (recursively), each file counted once however many names it has (hard-linked backups). */
function diskBytes(dir: string): number {
  const seen = new Set<number>();
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const stat = fs.statSync(path.join(entry.parentPath, entry.name));
    if (seen.has(stat.ino)) continue;
    seen.add(stat.ino);
    bytes += stat.blocks * 512;
  }
  return bytes;
}

/** Bytes of the data file with its write-ahead log, if any. */
function dataFileBytes(dataDir: string): number {
  return ['billable.sqlite', 'billable.sqlite-wal'].reduce((sum, name) => sum + (fs.statSync(path.join(dataDir, name), { throwIfNoEntry: false })?.size ?? 0), 0);
}

/** A figure that is not a time: one run, shown in `unit`. */
function figure(name: string, value: number, unit: 'KB' | 'MB', targetMs: number | null): BenchResult {
  return { name, runs: 1, medianMs: value, p95Ms: value, targetMs, unit };
}

/**
 * Disk per issued document: the data file divided by the issued documents it holds (target ≤ 8 KB
 * at 1×), and with the average stored PDF added (the book stores only its newest PDFs; the rest
 * are stored on first print, each about that size).
 */
async function diskFigures(scale: number): Promise<BenchResult[]> {
  const dataDir = await book(scale);
  const sqlite = new Database(path.join(dataDir, 'billable.sqlite'), { readonly: true, fileMustExist: true });
  const issued = sqlite.prepare(`select count(*) from invoices where status = 'issued'`).pluck().get() as number;
  sqlite.close();
  const documentsDir = path.join(dataDir, 'documents');
  const documents = fs.readdirSync(documentsDir).filter((name) => /^[0-9a-f]{64}$/.test(name));
  const perDocument = documents.reduce((sum, name) => sum + fs.statSync(path.join(documentsDir, name)).size, 0) / documents.length;
  const perIssued = dataFileBytes(dataDir) / issued;
  return [
    figure(`data file per issued document, ${issued} issued (${scale}×)`, perIssued / KIB, 'KB', scale === 1 ? 8 : null),
    figure(`disk per issued document, data file plus its PDF (avg of ${documents.length}) (${scale}×)`, (perIssued + perDocument) / KIB, 'KB', null),
  ];
}

/**
 * The daily backup on a copy of the book: after a day without edits (a hard link to the last
 * one; target ≤ 1 s at 1×, ≤ 2 s at 10×, and ≤ 1 MB new on disk), and after an edit (a full
 * online copy of the data file; documents already backed up are not copied again).
 */
async function backupRows(scale: number): Promise<BenchResult[]> {
  return withCopyOfBook(scale, async (dataDir) => {
    let now = new Date('2026-01-05T09:00:00Z');
    const api = openApi(dataDir, () => now);
    const backups = path.join(dataDir, 'backups');
    try {
      // The first daily backup starts as the file opens: every document is copied once here.
      await api.holder.settled();
      const quiet: number[] = [];
      let quietNewBytes = 0;
      for (let day = 0; day < 5; day++) {
        now = new Date(now.getTime() + 86_400_000);
        const before = diskBytes(backups);
        quiet.push(await timeOnce(() => api.holder.backupIfDue()));
        quietNewBytes = Math.max(quietNewBytes, diskBytes(backups) - before);
      }
      const edited: number[] = [];
      let editedNewBytes = 0;
      for (let day = 0; day < 3; day++) {
        await api.call('clients.create', { ...sampleClient, name: `Bench client ${day}` });
        now = new Date(now.getTime() + 86_400_000);
        const before = diskBytes(backups);
        edited.push(await timeOnce(() => api.holder.backupIfDue()));
        editedNewBytes = Math.max(editedNewBytes, diskBytes(backups) - before);
      }
      return [
        summarise(`daily backup, nothing changed (${scale}×)`, quiet, { targetMs: scale === 1 ? 1000 : 2000 }),
        figure(`  new on disk for it (${scale}×)`, quietNewBytes / MIB, 'MB', 1),
        summarise(`daily backup after an edit, full copy (${scale}×)`, edited),
        figure(`  new on disk for it (${scale}×)`, editedNewBytes / MIB, 'MB', null),
      ];
    } finally {
      await api.holder.settled();
      api.holder.close();
    }
  });
}

/**
 * Opening the data file to the first status call, each run a fresh process with the modules
 * loaded (what the main process does before the window shows; target ≤ 300 ms at 1×, ≤ 400 ms at
 * 10×), and main-process RSS after 20,000 calls (target within 50 MB of the start).
 */
async function processRows(scale: number): Promise<BenchResult[]> {
  return withCopyOfBook(scale, async (dataDir) => {
    // Migrations and the first daily backup happen here, not in a timed child.
    const api = openApi(dataDir);
    await api.holder.settled();
    api.holder.close();
    const opens = Array.from({ length: 7 }, () => runChild<{ ms: number }>('open-child.ts', dataDir).ms);
    const memory = runChild<{ beforeMb: number; afterMb: number; ms: number }>('memory-child.ts', dataDir);
    console.log(`${scale}×: 20,000 calls in ${(memory.ms / 1000).toFixed(1)} s; RSS ${memory.beforeMb.toFixed(0)} → ${memory.afterMb.toFixed(0)} MB`);
    return [
      summarise(`open the data file to the first status call, fresh process (${scale}×)`, opens, { targetMs: scale === 1 ? 300 : 400 }),
      figure(`main-process RSS growth over 20,000 calls (${scale}×)`, memory.afterMb - memory.beforeMb, 'MB', 50),
    ];
  });
}

/** The store's rows at `scale`: disk per document, the daily backup, opening, and memory. */
export async function storeBenchmarks(scale: number): Promise<BenchResult[]> {
  return [...(await diskFigures(scale)), ...(await backupRows(scale)), ...(await processRows(scale))];
}
