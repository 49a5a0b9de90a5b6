import fs from 'node:fs';
import path from 'node:path';
import { hostCall } from './api';
import { expect, test } from './fixtures';
import { INITECH, seedBook } from './seed';
import { ClientDetailPage } from './pages/clients';
import { discardChanges, expectFieldError, field } from './pages/form';
import { InvoicesPage } from './pages/invoices';

test.beforeEach(async ({ app }) => {
  await seedBook(app, [INITECH]);
});

/** An issued invoice for Initech made through the API, for the flows that start after issuing. */
async function issuedInvoice(app: Parameters<Parameters<typeof test>[2]>[0]['app']) {
  const clients = await hostCall<{ id: number }[]>(app, 'clients.list', {});
  const lines = [
    { description: 'Performance review', kind: 'fee', quantity: '7.5', unit: 'hour', unitPrice: '300' },
    { description: 'Intro call', kind: 'fee', quantity: '0.75', unit: 'hour', unitPrice: '300' },
  ];
  const draft = await hostCall<{ id: number }>(app, 'invoices.createDraft', { clientId: clients.value[0]!.id, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, lines });
  return (await hostCall<{ id: number; number: string }>(app, 'invoices.issue', { id: draft.value.id })).value;
}

test('draft → issue → PDF → partial payment, then the rest → paid', async ({ app }) => {
  const { page } = app;
  const invoices = new InvoicesPage(page);
  await invoices.open();
  await invoices.startDraft('Initech');
  await invoices.fillLines([
    { description: 'Postgres performance review', quantity: '7.5', unitPrice: '300' },
    { description: 'Intro call', quantity: '0.25', unitPrice: '97.35' },
  ]);
  await expect(page.getByTestId('line-amount')).toHaveText(['2,250.00', '24.34']);
  await expect(page.getByTestId('total-vat')).toHaveText('£454.87');
  await expect(page.getByTestId('total-gross')).toHaveText('£2,729.21');
  await expect(page.getByTestId('vat-reason')).toContainText('UK VAT is charged');

  // The issue dialog says what becomes permanent: client, currency, total and the number it will take.
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  const summary = page.getByRole('dialog').getByTestId('issue-summary');
  await expect(summary).toContainText('Initech');
  await expect(summary).toContainText('GBP');
  await expect(summary.getByTestId('issue-total')).toHaveText('£2,729.21');
  await expect(summary.getByTestId('issue-number')).toHaveText('INV-2026-0001');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await invoices.issue();
  await expect(page.getByRole('heading', { name: 'INV-2026-0001' })).toBeVisible();
  await expect(invoices.statusBadge()).toHaveText('Issued');
  const id = Number(page.url().split('/').pop());
  const pdf = await hostCall<{ dataBase64: string; fileName: string }>(app, 'invoices.pdf', { id });
  expect(Buffer.from(pdf.value.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.value.fileName).toBe('INV-2026-0001 Initech.pdf');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save PDF' }).click();
  expect((await download).suggestedFilename()).toBe('INV-2026-0001 Initech.pdf');

  await invoices.recordPayment('1000');
  await expect(invoices.statusBadge()).toHaveText('Partially paid');
  await expect(page.getByTestId('invoice-outstanding')).toHaveText('£1,729.21');
  await invoices.recordPayment();
  await expect(invoices.statusBadge()).toHaveText('Paid');
  await expect(page.getByTestId('invoice-outstanding')).toHaveText('£0.00');
  await expect(page.getByRole('button', { name: 'Record payment' })).toBeHidden();
});

test('an overpayment is refused next to the amount', async ({ app }) => {
  const { page } = app;
  const invoice = await issuedInvoice(app);
  await page.goto(`${app.hostUrl}#/invoices/${invoice.id}`);
  await new InvoicesPage(page).recordPayment('5000');
  await expect(field(page.getByRole('dialog'), 'Amount (GBP)')).toHaveAccessibleDescription(/That is more than the £2,970.00 outstanding/);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await discardChanges(page);
  await expect(page.getByTestId('invoice-paid')).toHaveText('£0.00');
});

test('a partial credit note has its own number and reduces what is owed', async ({ app }) => {
  const { page } = app;
  const invoice = await issuedInvoice(app);
  await page.goto(`${app.hostUrl}#/invoices/${invoice.id}`);
  await page.getByRole('button', { name: 'Credit note' }).click();
  const dialog = page.getByRole('dialog');
  // Nothing is ticked at first; issuing then says every problem at once.
  await expect(dialog.getByRole('checkbox', { name: 'Credit Performance review' })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Issue credit note' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose at least one line to credit');
  await expectFieldError(dialog, 'Reason', 'Reason is required');
  await dialog.getByRole('checkbox', { name: 'Credit Intro call' }).check();
  await dialog.getByRole('textbox', { name: 'Quantity to credit for Intro call' }).fill('1');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('The intro call is free');
  await dialog.getByRole('button', { name: 'Issue credit note' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Quantity to credit for Intro call' })).toHaveAccessibleDescription('At most 0.75 can still be credited');
  await dialog.getByRole('textbox', { name: 'Quantity to credit for Intro call' }).fill('0.75');
  // What the note will credit, VAT included, before it is issued.
  await expect(dialog.getByTestId('credit-preview-gross')).toHaveText('-£270.00');
  await dialog.getByRole('button', { name: 'Issue credit note' }).click();

  await expect(page.getByRole('heading', { name: 'CN-2026-0001' })).toBeVisible();
  await expect(page.getByTestId('status-badge')).toHaveText('Credit note');
  await expect(page.getByTestId('invoice-total')).toHaveText('-£270.00');
  await page.getByRole('link', { name: 'INV-2026-0001' }).click();
  await expect(page.getByTestId('invoice-outstanding')).toHaveText('£2,700.00');
  await expect(page.getByRole('link', { name: 'CN-2026-0001' })).toBeVisible();

  // A second credit note starts from what is left: the intro call is done, the review is not.
  await page.getByRole('button', { name: 'Credit note' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Credit Intro call' })).toBeDisabled();
  await expect(dialog.getByText(/fully credited/)).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Quantity to credit for Performance review' })).toHaveValue('7.5');
  await expect(dialog.getByText('7.5 left to credit, £2,250.00 before VAT')).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Credit Performance review' }).check();
  await expect(dialog.getByTestId('credit-preview-gross')).toHaveText('-£2,700.00');
});

test('an issued invoice cannot be edited, in the UI or through the API', async ({ app }) => {
  const { page } = app;
  const invoice = await issuedInvoice(app);
  await page.goto(`${app.hostUrl}#/invoices/${invoice.id}/edit`);
  await expect(page.getByRole('alert')).toContainText("This invoice is issued and can't be changed. Create a credit note instead.");
  const clients = await hostCall<{ id: number }[]>(app, 'clients.list', {});
  const edit = await hostCall(app, 'invoices.updateDraft', { id: invoice.id, clientId: clients.value[0]!.id, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, lines: [] });
  expect(edit.error).toEqual({ code: 'CONFLICT', message: "This invoice is issued and can't be changed. Create a credit note instead.", fieldErrors: {} });
  const removed = await hostCall(app, 'invoices.deleteDraft', { id: invoice.id });
  expect(removed.error?.code).toBe('CONFLICT');
  await page.goto(`${app.hostUrl}#/invoices/${invoice.id}`);
  await expect(page.getByTestId('invoice-total')).toHaveText('£2,970.00');
});

test('bulk export writes every issued PDF in the period and reports a summary', async ({ app }) => {
  const { page } = app;
  await issuedInvoice(app);
  await issuedInvoice(app);
  const invoices = new InvoicesPage(page);
  await invoices.open();
  await page.getByRole('button', { name: 'Export PDFs…' }).click();
  const dialog = page.getByRole('dialog');
  // A period that ends before it starts is refused at its field, with the API's own words.
  await dialog.getByLabel('From').fill('2026-11-30');
  await dialog.getByLabel('To').fill('2026-11-01');
  await dialog.getByRole('button', { name: 'Choose folder and export' }).click();
  await expectFieldError(dialog, 'To', 'The period ends before it starts');
  await dialog.getByLabel('From').fill('2026-11-01');
  await dialog.getByLabel('To').fill('2026-11-30');
  await dialog.getByRole('button', { name: 'Choose folder and export' }).click();
  await expect(dialog.getByText('Done: 2 of 2 PDFs written.')).toBeVisible();
  const folder = (await dialog.locator('code').textContent())!;
  expect(fs.readdirSync(folder).toSorted()).toEqual(['INV-2026-0001 Initech.pdf', 'INV-2026-0002 Initech.pdf']);
  expect(path.relative(app.dataDir, folder).startsWith('exports')).toBe(true);
});

test("a client's page lists its invoices, opens one from the keyboard and starts a new one for that client", async ({ app }) => {
  const { page } = app;
  const invoice = await issuedInvoice(app);
  await page.goto(`${app.hostUrl}#/invoices/${invoice.id}`);
  await page.getByRole('link', { name: 'Initech' }).click();
  const client = new ClientDetailPage(page);
  await expect(client.invoices).toHaveText([/INV-2026-0001/]);
  await client.openInvoiceByKeyboard('INV-2026-0001');
  await expect(page).toHaveURL(new RegExp(`#/invoices/${invoice.id}$`));
  await expect(page.getByTestId('pdf-preview')).toBeVisible();
  await page.goBack();
  await page.getByRole('button', { name: 'New invoice' }).click();
  await expect(page.getByRole('combobox', { name: 'Client' })).toHaveValue('Initech');
  await expect(page.getByRole('combobox', { name: 'Currency' })).toHaveValue('GBP — British Pound');
});

test('an issued, part-paid invoice duplicates as a new draft dated today: same client and lines, no number or payments', async ({ app }) => {
  const { page } = app;
  const invoice = await issuedInvoice(app);
  await hostCall(app, 'payments.record', { invoiceId: invoice.id, date: '2026-11-25', amount: '100', method: 'bank-transfer' });
  await page.goto(`${app.hostUrl}#/invoices/${invoice.id}`);
  await expect(page.getByRole('heading', { name: invoice.number, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Duplicate as new draft' }).click();
  await expect(page.getByRole('heading', { name: 'Draft invoice', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Line 1 description' })).toHaveValue('Performance review');
  await expect(page.getByRole('textbox', { name: 'Line 2 description' })).toHaveValue('Intro call');
  const copyId = Number(page.url().split('/').pop());
  expect(copyId).not.toBe(invoice.id);
  const copy = (await hostCall<{ number: string | null; status: string; issueDate: string; payments: unknown[]; clientName: string }>(app, 'invoices.get', { id: copyId })).value;
  const today = await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()));
  expect(copy).toMatchObject({ number: null, status: 'draft', issueDate: today, payments: [], clientName: 'Initech' });
  // The original keeps its number and payment.
  const original = (await hostCall<{ number: string; payments: unknown[] }>(app, 'invoices.get', { id: invoice.id })).value;
  expect(original).toMatchObject({ number: invoice.number, payments: [expect.anything()] });
});
