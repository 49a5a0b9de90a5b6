import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { moreSampleInvoices, samplePdf, sampleInvoices, SCRIPT_SAMPLES } from '../../../test/sample-invoices';
import { openApi, type TestApi } from '../../../test/api-client';
import { tempDir } from '../../../test/temp-store';
import { renderInvoicePdf } from './invoice-pdf';
import { safeLinkUrl } from './links';

/** Text as poppler's pdftotext extracts it, one string per page. */
function pdfText(pdf: Buffer): string[] {
  const file = path.join(tempDir(), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
}

function qpdfCheck(pdf: Buffer): string {
  const file = path.join(tempDir(), 'check.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
}

describe('invoice PDFs', () => {
  let api: TestApi;
  let docs: Awaited<ReturnType<typeof sampleInvoices>> & Awaited<ReturnType<typeof moreSampleInvoices>>;
  beforeAll(async () => {
    api = openApi(fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'billable-pdf-')), () => new Date('2026-11-22T10:00:00Z'));
    docs = { ...(await sampleInvoices(api)), ...(await moreSampleInvoices(api)) };
    return () => api.holder.close();
  });

  it('a UK VAT invoice carries the number, both parties, Unicode names, totals and VAT', async () => {
    const pdf = await samplePdf(api, docs.ukInvoice.id);
    const [page] = pdfText(pdf);
    for (const text of ['INVOICE', 'INV-2026-0001', 'Ada Performance Ltd', 'VAT number: GB123456782', 'VAT number: GB987654353', 'Zoë Łukasz Øster 王小明', 'Discount 10% on fees', 'VAT at 20%', 'GBP 1,173.84', 'GBP 7,043.04', '4 Dec 2026', 'Sort code: 12-34-56']) {
      expect(page).toContain(text);
    }
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors found/);
  });

  it('a reverse-charge EU invoice prints the legal notes and no VAT', async () => {
    const [page] = pdfText(await samplePdf(api, docs.euInvoice.id));
    expect(page).toContain('Reverse charge: VAT to be accounted for by the recipient under Article 196 of Council Directive 2006/112/EC.');
    expect(page).toContain('Outside the scope of UK VAT (VATA 1994 s7A).');
    expect(page).toContain('VAT number: DE123456788');
    expect(page).toContain('IBAN: GB82 WEST 1234 5698 7654 32');
    expect(page).not.toContain('VAT at');
  });

  it("prints the client's own reverse-charge wording beside the English note when the client asks for it", async () => {
    const issued = await api.call('invoices.get', { id: docs.euInvoice.id });
    const client = await api.call('clients.get', { id: issued.clientId });
    expect(client.printLocalReverseCharge).toBe(false);
    const { id, contacts: _contacts, taxNumberCheck: _check, archived: _archived, archivedAt: _at, createdAt: _c, updatedAt: _u, ...fields } = client;
    await api.call('clients.update', { ...fields, id, printLocalReverseCharge: true });
    const draft = await api.call('invoices.createDraft', { clientId: id, currency: 'EUR', issueDate: '2026-11-20', paymentTermsDays: 14, lines: [{ description: 'Review', kind: 'fee', quantity: '1', unit: 'hour', unitPrice: '300' }] });
    const [page] = pdfText(await samplePdf(api, (await api.call('invoices.issue', { id: draft.id, fx: { rate: '1.1564', source: 'hmrc-period', date: '2026-11-01' } })).id));
    expect(page).toMatch(/Article 196 of Council Directive 2006\/112\/EC\.\s*\n\s*Steuerschuldnerschaft des Leistungsempfängers/);
    await api.call('clients.update', { ...fields, id, printLocalReverseCharge: false });
  });

  it('a USD invoice to a UK client shows the GBP net and VAT with the rate used', async () => {
    const pages = pdfText(await samplePdf(api, docs.usdInvoice.id));
    const text = pages.join('\n');
    expect(text).toContain('USD 7,781.04');
    expect(text).toMatch(/Net at 20%: GBP 5,162\.58\s+VAT: GBP 1,032\.52/);
    expect(text).toContain('Converted at the HMRC period rate of 1.2560 USD per 1 GBP, dated 1 Nov 2026.');
    expect(text).toContain('Routing number: 026009593');
  });

  it('a credit note is titled as such and references its invoice', async () => {
    const pdf = await samplePdf(api, docs.credit.id);
    const [page] = pdfText(pdf);
    expect(page).toContain('CREDIT NOTE');
    expect(page).toContain('CN-2026-0001');
    expect(page).toContain('INV-2026-0001 of 20 Nov 2026');
    expect(page).toContain('The intro call is not billable.');
    expect(page).toContain('GBP -243.00');
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors found/);
  });

  it("names each party's tax number by its country and prints it as the user typed it", async () => {
    const issued = await api.call('invoices.get', { id: docs.usdInvoice.id });
    const snapshot = { ...issued.snapshot!, customer: { ...issued.snapshot!.customer, country: 'US', vatNumber: '12-3456789' } };
    const [page] = pdfText(await renderInvoicePdf(snapshot, { createdAt: new Date('2026-11-22T10:00:00Z') }));
    expect(page).toContain('EIN: 12-3456789');
    expect(page).toContain('VAT number: GB123456782');
  });

  it('draws every script the app accepts: the text comes back, right to left where it should, the same bytes each time', async () => {
    const pdf = await samplePdf(api, docs.scriptsInvoice.id);
    const text = pdfText(pdf).join('\n');
    // pdftotext returns right-to-left runs between U+202B and U+202C, in its own order.
    const plain = text.replace(/[\u202a-\u202e]/g, '');
    for (const [script, sample] of Object.entries(SCRIPT_SAMPLES)) {
      // Extraction gives glyphs in drawing order: Devanagari's vowel sign i precedes its consonant, right-to-left runs come back per word.
      if (script === 'hebrew' || script === 'arabic' || script === 'devanagari') continue;
      expect(plain, script).toContain(sample);
    }
    for (const word of ['नमस्ते', 'שלום', 'עולם', 'עברית', 'טכנולוגיות', 'شركة', 'الأمل']) expect(plain).toContain(word);
    expect(plain).toContain('(123)');
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors found/);
    const issued = await api.call('invoices.get', { id: docs.scriptsInvoice.id });
    const again = await renderInvoicePdf(issued.snapshot!, { createdAt: new Date('2026-11-22T10:00:00Z') });
    expect(Buffer.compare(again, await renderInvoicePdf(issued.snapshot!, { createdAt: new Date('2026-11-22T10:00:00Z') }))).toBe(0);
  });

  it('a US client: its address as the US post writes it, "2 days" and "1 hour", and an expense line in items', async () => {
    const [page] = pdfText(await samplePdf(api, docs.usInvoice.id));
    expect(page).toMatch(/350 Boylston Street[\s\S]*Suite 400[\s\S]*Boston, MA 02116[\s\S]*United States/);
    expect(page).toMatch(/Workshop\s+2 days/);
    expect(page).toMatch(/Architecture review\s+1 hour\s/);
    expect(page).toMatch(/Flight London–Boston\s+1\s+640\.00/);
    expect(page).not.toMatch(/\d h\b/);
  });

  it('addresses follow each country: the UK postcode on its own line, "10117 Berlin"', async () => {
    const [uk] = pdfText(await samplePdf(api, docs.ukInvoice.id));
    // Two columns share each extracted line: the supplier's lines start them.
    expect(uk).toMatch(/\n\s*Clerkenwell\b[^\n]*\n\s*London\b[^\n]*\n\s*EC1A 1AA\b[^\n]*\n\s*United Kingdom/);
    const [de] = pdfText(await samplePdf(api, docs.euInvoice.id));
    expect(de).toContain('10117 Berlin');
  });

  it('prints the BIC whenever it is set, not only beside an IBAN', async () => {
    const issued = await api.call('invoices.get', { id: docs.usdInvoice.id });
    const snapshot = { ...issued.snapshot!, bank: { ...issued.snapshot!.bank!, iban: null, bic: 'CHASUS33' } };
    const text = pdfText(await renderInvoicePdf(snapshot, { createdAt: new Date('2026-11-22T10:00:00Z') })).join('\n');
    expect(text).toContain('Routing number: 026009593');
    expect(text).toContain('BIC (SWIFT): CHASUS33');
  });

  it('a VAT-inclusive invoice prints unit prices and line amounts without VAT, labelled, beside the amount with it', async () => {
    const uk = docs.ukInvoice;
    const draft = await api.call('invoices.createDraft', {
      clientId: uk.clientId, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, pricesIncludeVat: true,
      lines: [{ description: 'Workshop seat', kind: 'fee', quantity: '3', unit: 'item', unitPrice: '9.99' }, { description: 'Course book', kind: 'fee', quantity: '1', unit: 'item', unitPrice: '120' }],
    });
    const [page] = pdfText(await samplePdf(api, (await api.call('invoices.issue', { id: draft.id })).id));
    expect(page).toMatch(/Unit price\s+excl\. VAT|Unit price excl\./);
    expect(page).toMatch(/Workshop seat\s+3\s+8\.325\s+20%\s+24\.97\s+29\.97/);
    expect(page).toMatch(/Course book\s+1\s+100\.00\s+20%\s+100\.00\s+120\.00/);
    expect(page).toContain('GBP 149.97');
  });

  it('breaks a long lines table across pages, repeating its header', async () => {
    const client = (await api.call('clients.list', {}))[0]!;
    const lines = Array.from({ length: 60 }, (_, i) => ({ description: `Session ${i + 1}: query review`, kind: 'fee' as const, quantity: '1.5', unit: 'hour' as const, unitPrice: '300' }));
    const draft = await api.call('invoices.createDraft', { clientId: client.id, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, lines });
    const issued = await api.call('invoices.issue', { id: draft.id });
    const pdf = await samplePdf(api, issued.id);
    const pages = pdfText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      if (i < pages.length - 1 || page.includes('Session')) expect(page).toMatch(/Description\s+Qty\s+Unit price\s+VAT\s+Amount \(GBP\)/);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    }
    expect(pages.join('\n')).toContain('Session 60: query review');
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors found/);
  });

  it('prints on US Letter when the setting says so', async () => {
    const settings = await api.call('settings.getInvoicing');
    await api.call('settings.saveInvoicing', { ...settings, paperSize: 'Letter' });
    const client = (await api.call('clients.list', {}))[0]!;
    const draft = await api.call('invoices.createDraft', { clientId: client.id, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, lines: [{ description: 'x', kind: 'fee', quantity: '1', unit: 'hour', unitPrice: '1' }] });
    const pdf = await samplePdf(api, (await api.call('invoices.issue', { id: draft.id })).id);
    await api.call('settings.saveInvoicing', settings);
    const file = path.join(tempDir(), 'letter.pdf');
    fs.writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });

  it('never writes a javascript: link', async () => {
    const profile = (await api.call('profile.get'))!;
    const client = (await api.call('clients.list', {}))[0]!;
    const raw = await api.raw('profile.save', { ...profile, website: 'javascript:alert(1)' });
    expect(raw).toMatchObject({ ok: false, error: { fieldErrors: { website: 'Enter a web address starting with https://' } } });
    const draft = await api.call('invoices.createDraft', { clientId: client.id, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, lines: [{ description: 'x', kind: 'fee', quantity: '1', unit: 'hour', unitPrice: '1' }] });
    const pdf = await samplePdf(api, (await api.call('invoices.issue', { id: draft.id })).id);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')]);
    const uncompressed = fs.readFileSync(path.join(dir, 'out.pdf'));
    expect(uncompressed.toString('latin1')).toContain('/URI (https://ada-performance.example/)');
    expect(uncompressed.toString('latin1')).not.toMatch(/javascript:/i);
  });
});

describe('safeLinkUrl', () => {
  it.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['mailto:ada@example.com', 'mailto:ada@example.com'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    ['http://example.com', null],
    ['file:///etc/passwd', null],
    ['https://user:pw@example.com', null],
    ['data:text/html,<script>', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, expected) => expect(safeLinkUrl(input)).toBe(expected));
});
