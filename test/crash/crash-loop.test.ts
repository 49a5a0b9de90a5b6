import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, expect, it } from 'vitest';
import { verifyDatabaseFile } from '../../db/backup';
import { documentPath } from '../../db/documents';
import { openStore } from '../../db/open';
import { storePaths } from '../../db/paths';
import { MIGRATIONS_DIR, tempDir } from '../temp-store';
import type { Ack } from './worker';

/** Kills per run: 100 in CI; `npm run crash:loop` sets BILLABLE_CRASH_KILLS for a longer run. */
const KILLS = Number(process.env.BILLABLE_CRASH_KILLS ?? 100);
/** A new data folder every so many kills, so each file stays small and the loop stays fast. */
const KILLS_PER_BOOK = 50;
/** Share of kills aimed at start-up (opening, migrating, the first profile and backup) rather than steady work. */
const STARTUP_SHARE = 0.15;
const SEED = Number(process.env.BILLABLE_CRASH_SEED ?? Date.now()) >>> 0;

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, '.tmp', 'crash', `worker-${process.pid}.mjs`);

// A bundle of the worker starts in about a quarter of a second, several times faster than tsx,
// which is what lets 100 kills fit in CI. Packages that read their own files at run time, and
// the native SQLite binding, stay external and load from node_modules beside .tmp/.
beforeAll(async () => {
  await build({
    entryPoints: [path.join(import.meta.dirname, 'worker.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3', 'pdfkit', 'fontkit'],
    banner: { js: `import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);` },
    logLevel: 'warning',
  });
  return () => fs.rmSync(bundle, { force: true });
});

let state = SEED || 1;
const random = () => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state / 2 ** 32;
};

/** What the worker reported as done before it was killed, per data folder. */
interface Acknowledged {
  issued: Map<number, string>;
  credited: Map<number, { number: string; invoiceId: number }>;
  paid: Map<number, number>;
  backups: Set<string>;
  billed: Map<number, number>;
  /** Drafts the worker had started to delete: a kill may have landed before or after the delete. */
  releasing: Set<number>;
  released: Set<number>;
}

/** Runs one worker and kills it with SIGKILL at a random moment; resolves once its output is drained. */
function runAndKill(dataDir: string, acked: Acknowledged, seed: number): Promise<{ beforeReady: boolean; acks: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir, MIGRATIONS_DIR, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let ready = false;
    let acks = 0;
    let killed = false;
    let pending = '';
    let stderr = '';
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    const early = random() < STARTUP_SHARE;
    const timer = setTimeout(kill, early ? random() * 300 : 10_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const message = JSON.parse(line) as Ack;
        acks++;
        if (message.kind === 'ready' && !early) {
          ready = true;
          clearTimeout(timer);
          setTimeout(kill, random() * 400);
        }
        if (message.kind === 'ready') ready = true;
        if (message.kind === 'issued') acked.issued.set(message.id, message.number);
        if (message.kind === 'credited') acked.credited.set(message.id, { number: message.number, invoiceId: message.invoiceId });
        if (message.kind === 'paid') acked.paid.set(message.paymentId, message.invoiceId);
        if (message.kind === 'backup') acked.backups.add(message.path);
        if (message.kind === 'billed') acked.billed.set(message.invoiceId, message.entries);
        if (message.kind === 'releasing') acked.releasing.add(message.invoiceId);
        if (message.kind === 'released') acked.released.add(message.invoiceId);
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (killed && signal === 'SIGKILL') resolve({ beforeReady: !ready, acks });
      else reject(new Error(`the worker stopped by itself (code ${code}, signal ${signal}): ${stderr.slice(0, 2000)}`));
    });
  });
}

/** Reopens the folder as the app does and checks everything a kill must never break. */
function checkBook(dataDir: string, acked: Acknowledged, at: string): { invoices: number } {
  const store = openStore({ dataDir, migrationsDir: MIGRATIONS_DIR });
  try {
    const db = store.sqlite;
    expect(db.pragma('integrity_check', { simple: true }), `${at}: integrity_check`).toBe('ok');
    expect(db.pragma('foreign_key_check'), `${at}: foreign_key_check`).toEqual([]);
    const partial = db.prepare(`select id from invoices where status = 'issued' and (number is null or snapshot is null or issued_at is null)`).all();
    expect(partial, `${at}: issued documents without number or snapshot`).toEqual([]);

    const byId = db.prepare('select number, status, credit_for_id as creditFor from invoices where id = ?');
    for (const [id, number] of acked.issued) expect(byId.get(id), `${at}: acknowledged invoice ${id}`).toEqual({ number, status: 'issued', creditFor: null });
    for (const [id, note] of acked.credited) expect(byId.get(id), `${at}: acknowledged credit note ${id}`).toEqual({ number: note.number, status: 'issued', creditFor: note.invoiceId });
    const payment = db.prepare('select invoice_id as invoiceId from payments where id = ?');
    for (const [id, invoiceId] of acked.paid) expect(payment.get(id), `${at}: acknowledged payment ${id}`).toEqual({ invoiceId });

    const numbers = db.prepare('select number from invoices where number is not null').pluck().all() as string[];
    const series = new Map<string, number[]>();
    for (const number of numbers) {
      const [, prefix, seq] = /^(.*?)(\d+)$/.exec(number)!;
      series.set(prefix!, [...(series.get(prefix!) ?? []), Number(seq)]);
    }
    for (const [prefix, seqs] of series) {
      expect(seqs.sort((a, b) => a - b), `${at}: ${prefix} numbers without gaps`).toEqual(seqs.map((_, i) => i + 1));
    }

    const documents = db.prepare('select invoice_id as id, pdf, sha256 from invoice_documents').all() as { id: number; pdf: Buffer | null; sha256: string }[];
    for (const doc of documents) {
      const bytes = doc.pdf ?? fs.readFileSync(documentPath(storePaths(dataDir).documents, doc.sha256));
      expect(createHash('sha256').update(bytes).digest('hex'), `${at}: stored PDF of ${doc.id} matches its hash`).toBe(doc.sha256);
    }

    const backupsDir = storePaths(dataDir).backups;
    const backups = fs.existsSync(backupsDir) ? fs.readdirSync(backupsDir).filter((f) => /^billable-.+\.sqlite$/.test(f)) : [];
    for (const file of backups) expect(verifyDatabaseFile(path.join(backupsDir, file)), `${at}: backup ${file} verifies`).toBe(true);
    for (const file of acked.backups) expect(fs.existsSync(file), `${at}: acknowledged backup ${file}`).toBe(true);

    // A billing run happened whole or not at all: its draft bills every entry, or nothing is billed.
    const runs = db.prepare('select id from invoices where billing_period_start is not null').pluck().all() as number[];
    const linked = db.prepare('select count(*) from invoice_line_sources').pluck().get() as number;
    const entries = db.prepare('select count(*) from time_entries').pluck().get() as number;
    expect(runs.length, `${at}: at most one billing-run draft`).toBeLessThanOrEqual(1);
    expect(linked, `${at}: time entries billed by the run's draft`).toBe(runs.length === 0 ? 0 : entries);
    const outOfStep = db.prepare('select count(*) from time_entries t where (t.invoice_line_id is null) <> not exists (select 1 from invoice_line_sources s where s.time_entry_id = t.id)').pluck().get();
    expect(outOfStep, `${at}: billed-line column in step with the sources`).toBe(0);
    for (const [invoiceId, count] of acked.billed) {
      if (acked.released.has(invoiceId)) continue;
      const kept = `${at}: acknowledged run draft ${invoiceId} (${count} entries)`;
      if (acked.releasing.has(invoiceId)) expect([[], [invoiceId]], kept).toContainEqual(runs);
      else expect(runs, kept).toEqual([invoiceId]);
    }
    return { invoices: numbers.length };
  } finally {
    store.close();
  }
}

it(`survives ${KILLS} kill -9s while drafting, issuing, paying, crediting, running billing and backing up (seed ${SEED})`, { timeout: 60_000 + KILLS * 2_000 }, async () => {
  const started = Date.now();
  let dataDir = '';
  let acked: Acknowledged | undefined;
  let survived = 0;
  let beforeReady = 0;
  let acks = 0;
  let documents = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    if (kill % KILLS_PER_BOOK === 0) {
      if (acked) documents += checkBook(dataDir, acked, 'final').invoices;
      dataDir = tempDir();
      acked = { issued: new Map(), credited: new Map(), paid: new Map(), backups: new Set(), billed: new Map(), releasing: new Set(), released: new Set() };
    }
    const run = await runAndKill(dataDir, acked!, Math.floor(random() * 2 ** 31));
    if (run.beforeReady) beforeReady++;
    acks += run.acks;
    checkBook(dataDir, acked!, `kill ${kill + 1} (seed ${SEED})`);
    survived++;
  }
  documents += checkBook(dataDir, acked!, 'final').invoices;
  console.log(
    `crash loop: ${survived}/${KILLS} kill -9s survived (${beforeReady} before the worker was ready), ` +
      `${acks} acknowledged writes, ${documents} numbered documents, ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${SEED}`,
  );
  expect(survived).toBe(KILLS);
});
