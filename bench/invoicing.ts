import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { FONT_FAMILIES } from '../electron/main/pdf/font-families';
import { renderInvoicePdf } from '../electron/main/pdf/invoice-pdf';
import type { InvoiceSnapshot } from '../shared/invoice/snapshot';
import { openApi } from '../test/api-client';
import { sampleInvoices } from '../test/sample-invoices';
import { measure, type BenchResult } from './harness';
import { invoiceHtml } from './html-invoice';

const require = createRequire(import.meta.url);

function lines(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    description: `Performance work, session ${i + 1}: query plans, indexes and connection pooling`,
    kind: (i % 7 === 6 ? 'expense' : 'fee') as 'fee' | 'expense',
    quantity: ['7.5', '0.25', '3', '1.5'][i % 4]!,
    unit: 'hour' as const,
    unitPrice: ['300', '97.35', '275.50', '300'][i % 4]!,
  }));
}

const launchChromium = () => chromium.launch({ executablePath: process.env.BILLABLE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

/**
 * Serves the invoice page and its fonts and logo from 127.0.0.1 as cacheable files, the way an
 * HTML-to-PDF service loads a template: a warm browser keeps them in its cache, a new one fetches
 * them. (Playwright's request routing would turn the browser's cache off.)
 */
async function serveInvoicePage(files: Record<string, { type: string; body: Buffer | string }>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const file = files[request.url ?? ''];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'max-age=3600' }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What an HTML-to-PDF tool does per document: load the page, wait for its fonts, print. */
async function printHtml(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.pdf({ format: 'A4' });
}

/**
 * pdfkit against headless Chromium on the same invoice (the sample supplier's logo, Noto Sans
 * embedded by both), each warm (fonts and logo already loaded and cached), and Chromium also as
 * HTML-based tools usually run it: a new browser process per document.
 */
export async function invoicingBenchmarks(): Promise<BenchResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billable-bench-'));
  const api = openApi(dataDir);
  let browser: Browser | null = null;
  let server: Awaited<ReturnType<typeof serveInvoicePage>> | null = null;
  try {
    const { ukInvoice } = await sampleInvoices(api);
    const issued = async (n: number) => {
      const draft = await api.call('invoices.createDraft', { clientId: ukInvoice.clientId, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, lines: lines(n) });
      return (await api.call('invoices.issue', { id: draft.id })).snapshot as InvoiceSnapshot;
    };
    const small = await issued(20);
    const large = await issued(500);
    const profileLogo = (await api.call('profile.get'))!.logo!;
    const logo = { mimeType: profileLogo.mimeType, sha256: small.supplier.logo!.sha256, data: Buffer.from(profileLogo.dataBase64, 'base64') };
    const at = new Date('2026-11-20T10:00:00Z');
    const pdfkit = await measure('PDF, 20-line invoice with logo, pdfkit (warm)', () => renderInvoicePdf(small, { createdAt: at, logo }), { runs: 200 });
    const results: BenchResult[] = [
      // The earlier figures and their target were without the logo; this row keeps them comparable.
      await measure('PDF, 20-line invoice without logo, pdfkit (warm)', () => renderInvoicePdf(small, { createdAt: at }), { runs: 200, targetMs: 10 }),
      pdfkit,
      await measure('PDF, 500-line invoice with logo, pdfkit (warm)', () => renderInvoicePdf(large, { createdAt: at, logo }), { runs: 30, warmup: 3, targetMs: 250 }),
    ];

    const latin = FONT_FAMILIES.find((f) => f.key === 'latin')!;
    server = await serveInvoicePage({
      '/invoice.html': { type: 'text/html; charset=utf-8', body: invoiceHtml(small, { regularFontUrl: '/regular.ttf', boldFontUrl: '/bold.ttf', logoUrl: '/logo' }) },
      '/regular.ttf': { type: 'font/ttf', body: fs.readFileSync(require.resolve(latin.regular)) },
      '/bold.ttf': { type: 'font/ttf', body: fs.readFileSync(require.resolve(latin.bold!)) },
      '/logo': { type: logo.mimeType, body: logo.data },
    });
    const url = `${server.url}/invoice.html`;
    browser = await launchChromium();
    const page = await browser.newPage();
    const warm = await measure('Same invoice with logo and font, HTML → PDF, headless Chromium (warm)', () => printHtml(page, url), { runs: 30, warmup: 3 });
    await browser.close();
    browser = null;
    const fresh = await measure('Same invoice, HTML → PDF, new Chromium process per document', async () => {
      const perDocument = await launchChromium();
      try {
        await printHtml(await perDocument.newPage(), url);
      } finally {
        await perDocument.close();
      }
    }, { runs: 10, warmup: 1 });
    results.push(warm, fresh);
    console.log(`same 20-line invoice: warm headless Chromium takes ${(warm.medianMs / pdfkit.medianMs).toFixed(0)}× as long as warm pdfkit; a new Chromium per document ${(fresh.medianMs / pdfkit.medianMs).toFixed(0)}×`);
    return results;
  } finally {
    await browser?.close();
    await server?.close();
    await api.holder.settled();
    api.holder.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
