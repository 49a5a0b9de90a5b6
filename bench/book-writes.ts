import fs from 'node:fs';
import path from 'node:path';
import type { CallName } from '../shared/api/call-names';
import type { CallInput, CallOutput } from '../shared/api/contract';
import { openApi, type TestApi } from '../test/api-client';
import { withCopyOfBook } from './book';
import { measure, runChild, scaledTarget, summarise, timeOnce, type BenchResult } from './harness';

/** Old target, kept: 1,000 documents exported in 15 s. */
const EXPORT_MS_PER_DOCUMENT = 15;
/** The book's newest invoice is dated 2025-11-22; an export covers about 325 days of it at 1×. */
const EXPORT_DAYS_AT_1X = 325;
const LAST_ISSUE_DAY = Date.parse('2025-11-22T00:00:00Z');

async function call<K extends CallName>(api: TestApi, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await api.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

/** Opens a copy of the book, with any backup due at open taken before anything is timed. */
async function openCopy(dataDir: string): Promise<TestApi> {
  const api = openApi(dataDir);
  await api.holder.backupIfDue();
  return api;
}

async function closeCopy(api: TestApi): Promise<void> {
  await api.holder.settled();
  api.holder.close();
}

/**
 * The same number of documents at every scale (the last ~325 days at 1×, a tenth of that at 10×),
 * so the export rows compare a larger book, not a longer export.
 */
function exportRange(scale: number): CallInput<'exports.start'> {
  const days = Math.round(EXPORT_DAYS_AT_1X / scale);
  return { from: new Date(LAST_ISSUE_DAY - days * 86_400_000).toISOString().slice(0, 10), to: '2025-12-31' };
}

/** One bulk export as the UI starts it (exports.start, then polling exports.status); resolves to its time and size. */
async function bulkExport(api: TestApi, range: CallInput<'exports.start'>): Promise<{ ms: number; total: number }> {
  let total = 0;
  const ms = await timeOnce(async () => {
    let job = await call(api, 'exports.start', range);
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 5));
      job = await call(api, 'exports.status', { jobId: job.jobId });
    }
    if (job.failures.length > 0 || job.written !== job.total) throw new Error(`export: ${job.failures.length} failures, ${job.written} of ${job.total} written`);
    total = job.total;
  });
  return { ms, total };
}

/**
 * Issuing through the handler the UI calls (`invoices.issue`: number, snapshot, PDF rendered and
 * stored), on a copy of the decade book with the sample logo set, so each PDF carries it.
 */
async function issueBenchmark(scale: number, atOneX: BenchResult[]): Promise<BenchResult> {
  return withCopyOfBook(scale, async (dataDir) => {
    const api = await openCopy(dataDir);
    try {
      await call(api, 'profile.setLogo', { mimeType: 'image/png', dataBase64: fs.readFileSync(path.resolve(import.meta.dirname, '..', 'build', 'icon.png')).toString('base64') });
      let clientId = 1;
      while ((await call(api, 'clients.get', { id: clientId })).currency !== 'GBP') clientId++;
      const runs = 200;
      const warmup = 20;
      const drafts: number[] = [];
      for (let i = 0; i < runs + warmup; i++) {
        const draft = await call(api, 'invoices.createDraft', {
          clientId,
          currency: 'GBP',
          issueDate: '2026-01-05',
          paymentTermsDays: 30,
          lines: Array.from({ length: 10 }, (_, n) => ({ description: `Query plan audit, session ${n + 1}`, kind: 'fee' as const, quantity: '7.5', unit: 'hour' as const, unitPrice: '275.50' })),
        });
        drafts.push(draft.id);
      }
      const key = 'issue';
      return await measure(`issue handler, with PDF and logo (${scale}×)`, () => call(api, 'invoices.issue', { id: drafts.pop()! }), { runs, warmup, key, ...scaledTarget(scale, 25, atOneX.find((r) => r.key === key)) });
    } finally {
      await closeCopy(api);
    }
  });
}

/**
 * Bulk export of the book's newest documents, each run on a fresh copy so every PDF not stored by
 * the seed is rendered, as on a first export; then the same export again on the last copy, where
 * every PDF is stored.
 */
async function exportBenchmarks(scale: number): Promise<BenchResult[]> {
  const range = exportRange(scale);
  const firstRuns: number[] = [];
  const againRuns: number[] = [];
  let total = 0;
  const runs = scale === 1 ? 3 : 2;
  for (let run = 0; run < runs; run++) {
    await withCopyOfBook(scale, async (dataDir) => {
      const api = await openCopy(dataDir);
      try {
        const first = await bulkExport(api, range);
        firstRuns.push(first.ms);
        total = first.total;
        if (run === runs - 1) for (let again = 0; again < 3; again++) againRuns.push((await bulkExport(api, range)).ms);
      } finally {
        await closeCopy(api);
      }
    });
  }
  const targetMs = EXPORT_MS_PER_DOCUMENT * total;
  return [
    summarise(`bulk export, ${total} documents of the book, PDFs rendered (${scale}×)`, firstRuns, { targetMs, targetNote: `${EXPORT_MS_PER_DOCUMENT} ms a document` }),
    summarise(`bulk export, the same ${total} again, PDFs stored (${scale}×)`, againRuns, { targetMs, targetNote: `${EXPORT_MS_PER_DOCUMENT} ms a document` }),
  ];
}

/**
 * The first PDF after start: each run is a new Node process (bench/cold-pdf.ts) that opens a copy
 * of the book and asks for the PDF of an old invoice with none stored, so fonts, pdfkit and the
 * renderer's code are all used for the first time. Only that call is timed; the store is open.
 */
async function coldPdfBenchmark(scale: number): Promise<BenchResult> {
  return withCopyOfBook(scale, async (dataDir) => {
    // Migrations and any due backup happen here, not in a child while it is timed.
    await closeCopy(await openCopy(dataDir));
    const times: number[] = [];
    for (let id = 1; id <= 7; id++) {
      times.push(runChild<{ ms: number }>('cold-pdf.ts', dataDir, String(id)).ms);
    }
    return summarise(`first PDF after start, fresh process (cold, ${scale}×)`, times, { targetMs: 250 });
  });
}

/** The rows that write, each on a throw-away copy of the decade book at `scale`. */
export async function bookWriteBenchmarks(scale: number, atOneX: BenchResult[] = []): Promise<BenchResult[]> {
  const results = [await issueBenchmark(scale, atOneX), ...(await exportBenchmarks(scale))];
  if (scale === 1) results.push(await coldPdfBenchmark(scale));
  return results;
}
