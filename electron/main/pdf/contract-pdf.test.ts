import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContractSnapshot } from '../../../shared/contracts/snapshot';
import { renderContractPdf } from './contract-pdf';

// Its own folder rather than test/temp-store: that one opens the database layer, which this renderer never needs.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billable-contract-pdf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Text as poppler's pdftotext extracts it, one string per page. */
function pdfText(pdf: Buffer): string[] {
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
}

const createdAt = new Date('2026-12-04T10:00:00Z');
const render = (s: ContractSnapshot, logo: Parameters<typeof renderContractPdf>[1]['logo'] = null) => renderContractPdf(s, { createdAt, logo });

/**
 * A complete signed version: a UK consultancy engaging a US client at $300/h less a 10% retained
 * discount, billed every two weeks. Each test overrides what it is about.
 */
function contract(overrides: Partial<ContractSnapshot> = {}): ContractSnapshot {
  return {
    version: 1,
    reference: 'C-0007',
    versionNumber: 1,
    effectiveFrom: '2027-01-04',
    documentDate: '2026-12-04',
    paperSize: 'A4',
    supplier: {
      name: 'Ada Performance',
      legalName: 'Ada Performance Ltd',
      addressLines: ['1 Example Street', 'Clerkenwell', 'London', 'EC1A 1AA'],
      country: 'GB',
      vatNumber: 'GB123456782',
      companyNumber: '09876543',
      email: 'billing@ada-performance.example',
      phone: '+44 20 7946 0000',
      website: 'https://ada-performance.example',
      logo: null,
    },
    customer: {
      name: 'Globex',
      legalName: 'Globex Corporation',
      addressLines: ['350 Boylston Street', 'Suite 400', 'Boston, MA 02116'],
      country: 'US',
      vatNumber: '12-3456789',
      contactName: 'Hank Scorpio',
      contactEmail: 'hank@globex.example',
    },
    title: 'Postgres performance retainer',
    scope: 'Review slow queries and indexes across the billing database.\n\nAdvise the platform team on connection pooling and autovacuum settings.',
    startDate: '2027-01-04',
    endDate: null,
    notice: { amount: 1, unit: 'month' },
    currency: 'USD',
    rate: { unit: 'hour', hoursPerDay: null, listRate: '300.00', listCurrency: 'USD', discountPercent: '10', discountReason: 'Retained: 10%', rate: '270', currency: 'USD' },
    fx: null,
    billingCycle: { kind: 'fortnightly', anchor: '2027-01-04' },
    paymentTermsDays: 30,
    poNumber: 'PO-88',
    rounding: { mode: 'none', incrementMinutes: 15, scope: 'entry' },
    expensePolicy: { kind: 'at-cost', markupPercent: null, capMinor: null },
    retainer: null,
    budget: null,
    ir35: null,
    ...overrides,
  };
}

/** A GBP contract priced from a USD rate card, with every optional term set. */
const gbpFromUsd = (): ContractSnapshot =>
  contract({
    customer: { name: 'Initech', legalName: 'Initech Ltd', addressLines: ['4120 Freidrich Lane', 'Leeds', 'LS1 4AP'], country: 'GB', vatNumber: 'GB987654353', contactName: null, contactEmail: null },
    currency: 'GBP',
    rate: { unit: 'hour', hoursPerDay: null, listRate: '300.00', listCurrency: 'USD', discountPercent: '10', discountReason: 'Retained: 10%', rate: '213.3', currency: 'GBP' },
    fx: { mode: 'fixed', rate: '0.79', date: '2026-12-01' },
    billingCycle: { kind: 'monthly', anchor: null },
    rounding: { mode: 'up', incrementMinutes: 15, scope: 'entry' },
    expensePolicy: { kind: 'markup', markupPercent: '10', capMinor: 50000 },
    retainer: { monthlyFeeMinor: 400000, includedHours: '20', overageRateMinor: 21330, rollover: true, rolloverCapHours: '10' },
    budget: { kind: 'money', amount: '3000000' },
    ir35: { status: 'outside', sdsReceived: true, sdsDate: '2026-12-03' },
  });

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('contract PDFs', () => {
  it('(a) a US client at $300/h less 10% retained, every two weeks: parties, rates, term and signatures', async () => {
    const pages = pdfText(await render(contract()));
    const page = pages.join('\n');
    for (const text of ['ENGAGEMENT LETTER', 'C-0007 · version 1', 'Ada Performance Ltd', 'Globex Corporation', 'Contact: Hank Scorpio', 'EIN: 12-3456789', 'VAT number: GB123456782', 'United States']) {
      expect(page).toContain(text);
    }
    expect(page).toMatch(/List rate\s+US\$300\.00 per hour/);
    expect(page).toMatch(/Discount\s+10% — Retained\n/);
    expect(page).toMatch(/Contract rate\s+US\$270\.00 per hour/);
    expect(page).toMatch(/Start date\s+4 Jan 2027/);
    expect(page).toMatch(/End date\s+Open-ended/);
    expect(page).toMatch(/Notice period\s+1 month\b/);
    expect(page).toContain('Every two weeks from Monday 4 Jan 2027');
    expect(page).toContain('Payment due within 30 days of the invoice date');
    expect(page).toMatch(/PO number\s+PO-88/);
    expect(page).toContain('Expenses are rebilled at cost.');
    expect(page).not.toContain('IR35');
    expect(page).toMatch(/SIGNED FOR THE SUPPLIER\s+SIGNED FOR THE CLIENT/);
    for (const field of ['Signature', 'Name', 'Title', 'Date']) expect(page).toMatch(new RegExp(`^\\s*${field}\\s+${field}\\s*$`, 'm'));
    expect(pages.map((p) => /C-0007 v1 · Page (\d) of (\d)/.exec(p)?.slice(1).join('/'))).toEqual(['1/2', '2/2']);
  });

  it('(b) an amendment is titled as one, with its version and effective date', async () => {
    const [page] = pdfText(await render(contract({ versionNumber: 2, effectiveFrom: '2027-03-01', documentDate: '2027-02-20' })));
    expect(page).toContain('CONTRACT AMENDMENT');
    expect(page).toContain('C-0007 · version 2');
    expect(page).toMatch(/Effective from\s+1 Mar 2027/);
    expect(oneLine(page!)).toContain('This amendment to contract C-0007 takes effect on 1 Mar 2027 and replaces version 1 from that date.');
    expect(page).not.toContain('ENGAGEMENT LETTER');
  });

  it('(c) a GBP contract on a USD card: the conversion, rounding, retainer, budget, expense cap and IR35', async () => {
    const text = oneLine(pdfText(await render(gbpFromUsd())).join('\n'));
    for (const line of [
      'List rate US$300.00 per hour',
      'Contract rate £213.30 per hour',
      'Converted from USD at 0.79 GBP per 1 USD (rate of 1 Dec 2026), fixed for the contract.',
      'Time is rounded up to 15 minutes per entry.',
      'RETAINER Monthly fee £4,000.00 per month, including 20 hours',
      'Additional hours £213.30 per hour beyond the included hours',
      'Unused hours Roll over to the next month, up to 10 hours',
      'Budget £30,000.00',
      'Monthly, on the last day of each month',
      'Expenses are rebilled with a 10% markup, capped at £500.00 per billing period.',
      'Status Outside IR35',
      'Status determination statement received on 3 Dec 2026.',
    ]) {
      expect(text).toContain(line);
    }
    const atBillingDate = oneLine(pdfText(await render({ ...gbpFromUsd(), fx: { mode: 'billing-date', rate: '0.79', date: '2026-12-01' }, ir35: { status: 'not-assessed', sdsReceived: false, sdsDate: null } })).join('\n'));
    expect(atBillingDate).toContain('each invoice converts at the rate on its billing date.');
    expect(atBillingDate).toContain('Status Not yet assessed');
    expect(atBillingDate).toContain('No status determination statement received.');
  });

  it('(d) a long scope breaks across pages between lines, numbered "Page 1 of 2", the signatures kept together', async () => {
    const paragraph = (i: number) => `Phase ${i}: ${'profile the slowest queries, propose indexes, rewrite the worst offenders and measure them again under production load. '.repeat(3)}`;
    const scope = Array.from({ length: 7 }, (_, i) => paragraph(i + 1)).join('\n\n');
    const pages = pdfText(await render(contract({ scope })));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('C-0007 v1 · Page 1 of 2');
    expect(pages[1]).toContain('C-0007 v1 · Page 2 of 2');
    expect(pages[0]).toContain('Phase 1:');
    expect(pages[1]).toContain('Phase 7:');
    // A paragraph runs on from the first page: the second starts mid-sentence.
    expect(pages[1]!.trimStart()).toMatch(/^[a-z]/);
    expect(pages[1]).toMatch(/\d\. Signatures/);
    for (const field of ['Signature', 'Name', 'Title', 'Date']) expect(pages[1]).toMatch(new RegExp(`^\\s*${field}\\s+${field}\\s*$`, 'm'));
  });

  it('(e) the same snapshot, logo and creation time give the same bytes', async () => {
    const data = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', '..', 'build', 'icon.png'));
    const logo = { mimeType: 'image/png', sha256: createHash('sha256').update(data).digest('hex'), data };
    const a = await render(gbpFromUsd(), logo);
    const b = await render(gbpFromUsd(), logo);
    expect(Buffer.compare(a, b)).toBe(0);
    expect(Buffer.compare(await render(contract()), await render(contract()))).toBe(0);
  });

  it('(f) a Hebrew client name and a Korean word in the scope come back from the text', async () => {
    const customer = { ...contract().customer, name: 'אלון טכנולוגיות', legalName: null };
    const text = pdfText(await render(contract({ customer, scope: 'Migrate the 데이터베이스 to Postgres 17.' })))
      .join('\n')
      // pdftotext returns right-to-left runs between U+202B and U+202C, word by word.
      .replace(/[\u202a-\u202e]/g, '');
    for (const word of ['אלון', 'טכנולוגיות', '데이터베이스']) expect(text).toContain(word);
  });

  it('words each rate unit, exact decimals, plurals and billing cycle', async () => {
    const day = oneLine(
      pdfText(
        await render(
          contract({
            currency: 'GBP',
            rate: { unit: 'day', hoursPerDay: '7.5', listRate: '500.00', listCurrency: 'GBP', discountPercent: '0', discountReason: null, rate: '500', currency: 'GBP' },
            notice: { amount: 4, unit: 'week' },
            billingCycle: { kind: 'semi-monthly', anchor: null },
            rounding: { mode: 'nearest', incrementMinutes: 6, scope: 'day' },
            expensePolicy: { kind: 'not-rebillable', markupPercent: null, capMinor: null },
            budget: { kind: 'hours', amount: '120' },
            endDate: '2027-06-30',
          }),
        ),
      ).join('\n'),
    );
    for (const line of ['Rate £500.00 per day of 7.5 hours', 'Notice period 4 weeks', 'End date 30 Jun 2027', 'Twice a month, on the 15th and the last day', 'Time is rounded to the nearest 6 minutes per day.', 'Expenses are not rebillable.', 'Budget 120 hours']) {
      expect(day).toContain(line);
    }
    expect(day).not.toContain('List rate');
    const fixed = oneLine(
      pdfText(
        await render(
          contract({
            rate: { unit: 'fixed', hoursPerDay: null, listRate: '12000.00', listCurrency: 'USD', discountPercent: '7.5', discountReason: 'Launch offer', rate: '11100', currency: 'USD' },
            notice: { amount: 30, unit: 'day' },
            billingCycle: { kind: 'weekly', anchor: '2027-01-08' },
          }),
        ),
      ).join('\n'),
    );
    for (const line of ['List rate US$12,000.00 fixed price', 'Discount 7.5% — Launch offer', 'Contract rate US$11,100.00 fixed price', 'Notice period 30 days', 'Weekly from Friday 8 Jan 2027']) expect(fixed).toContain(line);
    const exact = oneLine(pdfText(await render(contract({ rate: { ...contract().rate, rate: '57.8125' }, paymentTermsDays: 1 }))).join('\n'));
    expect(exact).toContain('Contract rate US$57.8125 per hour');
    expect(exact).toContain('Payment due within 1 day of the invoice date');
  });

  it('prints on US Letter when the snapshot says so', async () => {
    const file = path.join(dir, 'letter.pdf');
    fs.writeFileSync(file, await render(contract({ paperSize: 'Letter' })));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });
});
