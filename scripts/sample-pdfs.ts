/** Writes the sample PDFs (UK VAT, EU reverse charge, USD to a UK client, a US client, every script, a credit note) to .tmp/pdfs/ for a look (then: pdftoppm -png). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApi } from '../test/api-client';
import { moreSampleInvoices, samplePdf, sampleInvoices } from '../test/sample-invoices';

const out = path.resolve(import.meta.dirname, '..', '.tmp', 'pdfs');
fs.mkdirSync(out, { recursive: true });
const api = openApi(fs.mkdtempSync(path.join(os.tmpdir(), 'billable-pdfs-')));
const docs = await sampleInvoices(api);
const more = await moreSampleInvoices(api);
const named = { 'uk-vat': docs.ukInvoice, 'eu-reverse-charge': docs.euInvoice, 'usd-with-gbp': docs.usdInvoice, 'us-client': more.usInvoice, 'every-script': more.scriptsInvoice, 'credit-note': docs.credit };
for (const [name, doc] of Object.entries(named)) {
  fs.writeFileSync(path.join(out, `${name}.pdf`), await samplePdf(api, doc.id));
}
api.holder.close();
console.log(`sample PDFs in ${out}`);
