import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { insertDraft } from '../db/invoices';
import { ExportJobs } from '../electron/main/invoicing/export-jobs';
import { issueInvoice } from '../electron/main/invoicing/issue';
import { renderInvoicePdf } from '../electron/main/pdf/invoice-pdf';
import type { InvoiceSnapshot } from '../shared/invoice/snapshot';
import { openApi } from '../test/api-client';
import { sampleInvoices } from '../test/sample-invoices';
import { measure, type BenchResult } from './harness';
import { invoiceHtml } from './html-invoice';

function lines(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    description: `Performance work, session ${i + 1}: query plans, indexes and connection pooling`,
    kind: (i % 7 === 6 ? 'expense' : 'fee') as 'fee' | 'expense',
    quantity: ['7.5', '0.25', '3', '1.5'][i % 4]!,
    unit: 'hour' as const,
    unitPrice: ['300', '97.35', '275.50', '300'][i % 4]!,
  }));
}

export async function invoicingBenchmarks(): Promise<BenchResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billable-bench-'));
  const api = openApi(dataDir);
  const { ukInvoice } = await sampleInvoices(api);
  const db = api.holder.store().db;
  const clientId = ukInvoice.clientId;
  const draftOf = (n: number) => ({ clientId, currency: 'GBP' as const, issueDate: '2026-11-20', taxPoint: null, taxPointReason: null, continuousSupply: false, supplyStart: null, supplyEnd: null, poNumber: null, notes: null, paymentTermsDays: 14, discountPercent: null, withholdingPercent: null, vatOverride: null, lines: lines(n) });
  const totals = { net: 0, vat: 0, gross: 0, payable: 0 };

  const issued = async (n: number) => {
    const draft = await api.call('invoices.createDraft', draftOf(n));
    issueInvoice(db, draft.id, null, new Date().toISOString());
    return (await api.call('invoices.get', { id: draft.id })).snapshot as InvoiceSnapshot;
  };
  const small = await issued(20);
  const large = await issued(500);
  const at = new Date('2026-11-20T10:00:00Z');
  const results: BenchResult[] = [
    await measure('PDF, 20-line invoice (warm)', () => renderInvoicePdf(small, { createdAt: at }), { runs: 200, targetMs: 10 }),
    await measure('PDF, 500-line invoice', () => renderInvoicePdf(large, { createdAt: at }), { runs: 30, warmup: 3, targetMs: 250 }),
  ];

  const browser = await chromium.launch({ executablePath: process.env.BILLABLE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const html = invoiceHtml(small);
  const chrome = await measure('Same 20-line invoice, HTML → PDF in headless Chromium', async () => {
    await page.setContent(html);
    await page.pdf({ format: 'A4' });
  }, { runs: 30, warmup: 3 });
  await browser.close();
  results.push(chrome);

  // 10,000 issued invoices in the file, then time issuing one more (the transaction alone).
  const seedStart = process.hrtime.bigint();
  for (let i = 0; i < 10_000; i++) issueInvoice(db, insertDraft(db, draftOf(3), '2026-12-04', totals, at.toISOString()), null, at.toISOString());
  const seedSeconds = Number(process.hrtime.bigint() - seedStart) / 1e9;
  const waiting: number[] = [];
  for (let i = 0; i < 260; i++) waiting.push(insertDraft(db, draftOf(10), '2026-12-04', totals, at.toISOString()));
  results.push(await measure('Issue an invoice with 10,000 already issued', () => issueInvoice(db, waiting.pop()!, null, at.toISOString()), { runs: 200, warmup: 50, targetMs: 5 }));

  // Bulk export of 1,000 issued invoices, rendering each PDF for the first time.
  const ids = (await api.call('invoices.list', {})).filter((r) => r.status !== 'draft').slice(0, 1000).map((r) => ({ id: r.id, number: r.number! }));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'billable-export-'));
  const jobs = new ExportJobs();
  const exportStart = process.hrtime.bigint();
  const job = jobs.start(() => db, folder, ids, () => new Date().toISOString());
  const finished = await jobs.finished(job.jobId);
  const exportMs = Number(process.hrtime.bigint() - exportStart) / 1e6;
  results.push({ name: `Bulk export of ${finished.written} invoices (PDFs rendered)`, runs: 1, medianMs: exportMs, p95Ms: exportMs, targetMs: 15_000 });

  api.holder.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(folder, { recursive: true, force: true });
  const pdfMedian = results[0]!.medianMs;
  console.log(`seeded 10,000 issued invoices in ${seedSeconds.toFixed(1)} s`);
  console.log(`headless Chromium HTML → PDF takes ${(chrome.medianMs / pdfMedian).toFixed(0)}× as long as pdfkit for the same 20-line invoice`);
  return results;
}
