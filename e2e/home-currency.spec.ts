import fs from 'node:fs';
import { hostCall } from './api';
import { expect, test, type TestApp } from './fixtures';
import { seedBook } from './seed';
import { expectFieldError, field } from './pages/form';
import { InvoicesPage } from './pages/invoices';
import { RatesPage } from './pages/rates';

/** HMRC's monthly file as downloaded: rates per £1 from the 1st of the month. */
const HMRC_JULY = `Country/Territories,Currency,Currency Code,Currency Units per £1,Start Date,End Date
Eurozone,Euro,EUR,1.1564,01/07/2026,31/07/2026
USA,Dollar,USD,1.3404,01/07/2026,31/07/2026
`;

/** With BILLABLE_FX_SHOTS=1, each screen of the flow is saved as /tmp/fx-<name>.png for a person to look at. */
async function shot(app: TestApp, name: string) {
  if (process.env.BILLABLE_FX_SHOTS === '1') await app.page.screenshot({ path: `/tmp/fx-${name}.png`, fullPage: true });
}

function writeFile(name: string, text: string): string {
  const file = test.info().outputPath(name);
  fs.writeFileSync(file, text);
  return file;
}

/** A draft for Acme Corp in USD dated in July 2026, so its tax point falls in the imported month. */
async function usdDraft(invoices: InvoicesPage) {
  await invoices.open();
  await invoices.startDraft('Acme Corp');
  await expect(field(invoices.page, 'Currency')).toHaveValue(/^USD/);
  await field(invoices.page, 'Issue date').fill('2026-07-10');
  await invoices.fillLines([{ description: 'Platform audit', quantity: '10', unitPrice: '1000' }]);
  await expect(invoices.page.getByTestId('total-gross')).toHaveText('US$10,000.00');
}

test.beforeEach(async ({ app }) => {
  await seedBook(app, [{ name: 'Acme Corp', country: 'US', currency: 'USD', customerType: 'business', taxNumber: '12-3456789', timezone: 'America/New_York' }]);
});

test('a USD invoice is issued at the imported HMRC rate, keeps its GBP value, and a payment shows the realised gain', async ({ app }) => {
  const { page } = app;
  const rates = new RatesPage(page);
  await rates.open();
  await rates.importFile(writeFile('exrates-monthly-0726.csv', HMRC_JULY));
  await expect(page.getByText('Imported 2 HMRC period rates from exrates-monthly-0726.csv.')).toBeVisible();
  await expect(rates.rows.filter({ hasText: 'USD' })).toContainText(['1.3404']);
  await expect(rates.rows.filter({ hasText: 'USD' })).toContainText(['HMRC period rate']);
  await shot(app, 'rates');

  const invoices = new InvoicesPage(page);
  await usdDraft(invoices);
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  const dialog = page.getByRole('dialog');
  await expect(field(dialog, 'USD per 1 GBP')).toHaveValue('1.3404');
  await expect(field(dialog, 'Source')).toHaveValue('HMRC period rate');
  await expect(field(dialog, 'Rate date')).toHaveValue('01/07/2026');
  await expect(dialog.getByTestId('rate-origin')).toContainText(/Pre-filled from your stored rates: HMRC period rate of (Jul 1, 2026|1 Jul 2026)/);
  await shot(app, 'issue');
  await dialog.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { name: 'INV-2026-0001' })).toBeVisible();
  // 10,000 ÷ 1.3404 = 7,460.4596…, half-up.
  await expect(page.getByTestId('home-gross')).toHaveText('£7,460.46');
  await expect(page.getByTestId('home-value')).toContainText('1.3404 USD per 1 GBP');
  await expect(page.getByTestId('pdf-preview')).toBeVisible();
  await shot(app, 'issued');

  await page.getByRole('button', { name: 'Record payment' }).click();
  const payment = page.getByRole('dialog');
  await expect(field(payment, 'Amount (USD)')).toHaveValue('10000.00');
  await field(payment, 'Amount received in GBP').fill('7500');
  await shot(app, 'payment');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await expect(payment).toBeHidden();

  await expect(invoices.statusBadge()).toHaveText('Paid');
  await expect(page.getByText('Realised exchange gain', { exact: true })).toBeVisible();
  await expect(page.getByTestId('exchange-gain')).toHaveText('+£39.54');
  await expect(page.getByTestId('payment-home')).toHaveText('£7,500.00 received · gain +£39.54');
  await shot(app, 'paid');
  const id = Number(page.url().split('/').pop());
  const detail = await hostCall<{ exchangeGain: number; homeValue: { gross: number; rate: string; source: string; date: string } }>(app, 'invoices.get', { id });
  expect(detail.value).toMatchObject({ exchangeGain: 3954, homeValue: { gross: 746046, rate: '1.3404', source: 'hmrc-period', date: '2026-07-01' } });
});

test('a rate file with a bad row is refused naming the row, and the rate table is unchanged', async ({ app }) => {
  const { page } = app;
  const rates = new RatesPage(page);
  await rates.open();
  await rates.importFile(writeFile('exrates-monthly-0726.csv', HMRC_JULY));
  await expect(rates.rows).toHaveCount(2);
  const before = await hostCall(app, 'rates.list', {});

  // August's file with a good first row and a rate that is not a number on row 3.
  const august = HMRC_JULY.replaceAll('/07/2026', '/08/2026').replace('1.1564', '1.1490').replace('1.3404', '1.34O4');
  await rates.importFile(writeFile('exrates-monthly-0826.csv', august));
  const problem = page.getByRole('dialog', { name: 'exrates-monthly-0826.csv was not imported' });
  await expect(problem.getByTestId('rate-import-error')).toHaveText('Row 3: the rate for USD “1.34O4” is not a number like 1.2560. Nothing was imported.');
  await shot(app, 'bad-file');
  await problem.getByRole('button', { name: 'Close' }).click();
  await expect(problem).toBeHidden();

  await expect(rates.rows).toHaveCount(2);
  await expect(rates.rows.filter({ hasText: '1.1490' })).toHaveCount(0);
  expect(await hostCall(app, 'rates.list', {})).toEqual(before);
});

test('a rate added by hand can be edited and deleted', async ({ app }) => {
  const { page } = app;
  const rates = new RatesPage(page);
  await rates.open();
  await expect(page.getByText(/No rates yet/)).toBeVisible();
  await page.getByRole('button', { name: 'Add rate' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Add rate' }).click();
  await expectFieldError(dialog, 'Units per 1 GBP', 'Exchange rate is required');
  await field(dialog, 'Currency').fill('USD');
  await page.getByRole('option', { name: /^USD/ }).click();
  await field(dialog, 'USD per 1 GBP').fill('1.2712');
  await field(dialog, 'Date').fill('2026-07-03');
  await shot(app, 'add-rate');
  await dialog.getByRole('button', { name: 'Add rate' }).click();
  await expect(dialog).toBeHidden();
  await expect(rates.rows).toHaveCount(1);
  await expect(rates.rows.first()).toContainText('1.2712');

  await page.getByRole('button', { name: /^Actions for USD/ }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await field(dialog, 'USD per 1 GBP').fill('1.2720');
  await dialog.getByRole('button', { name: 'Save rate' }).click();
  await expect(dialog).toBeHidden();
  await expect(rates.rows.first()).toContainText('1.2720');

  await page.getByRole('button', { name: /^Actions for USD/ }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(page.getByText(/No rates yet/)).toBeVisible();
  expect((await hostCall<{ total: number }>(app, 'rates.list', {})).value.total).toBe(0);
});

test('a USD invoice cannot be issued without a rate: the field says so and it stays a draft', async ({ app }) => {
  const { page } = app;
  const invoices = new InvoicesPage(page);
  await usdDraft(invoices);
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('rate-origin')).toHaveText('No USD rate is stored for July 2026. Add or import rates in Settings → Exchange rates, or enter it here.');
  await dialog.getByRole('button', { name: 'Issue invoice' }).click();
  await expectFieldError(dialog, 'USD per 1 GBP', 'Exchange rate is required');
  await shot(app, 'no-rate');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Draft invoice' })).toBeVisible();

  const [draft] = (await hostCall<{ id: number; status: string; number: string | null }[]>(app, 'invoices.list', {})).value;
  expect(draft).toMatchObject({ status: 'draft', number: null });
  // The service refuses the same way when the renderer is bypassed.
  const issued = await hostCall(app, 'invoices.issue', { id: draft!.id, fx: null });
  expect(issued.error).toMatchObject({ code: 'VALIDATION', fieldErrors: { 'fx.rate': 'Enter the exchange rate (USD per 1 GBP)' } });
  expect((await hostCall<{ status: string }>(app, 'invoices.get', { id: draft!.id })).value.status).toBe('draft');
});

test('a rate tenfold off the stored one, or a line too large to hold, is refused with a message and nothing is issued', async ({ app }) => {
  const { page } = app;
  const rates = new RatesPage(page);
  await rates.open();
  await rates.importFile(writeFile('exrates-monthly-0726.csv', HMRC_JULY));
  const invoices = new InvoicesPage(page);
  await usdDraft(invoices);
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  const dialog = page.getByRole('dialog');
  // A slipped decimal point: 13.41 for 1.341.
  await field(dialog, 'USD per 1 GBP').fill('13.41');
  await dialog.getByRole('button', { name: 'Issue invoice' }).click();
  await expectFieldError(
    dialog,
    'USD per 1 GBP',
    '13.41 USD per 1 GBP is more than ten times the 1.3404 stored for 2026-07-01 (HMRC period rate). Check the rate; if the stored one is wrong, change it in Settings → Exchange rates.',
  );
  await shot(app, 'implausible-rate');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Draft invoice' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Line 1 quantity' }).fill('999999');
  await page.getByRole('textbox', { name: 'Line 1 unit price' }).fill('99999999');
  await expect(page.getByRole('alert').filter({ hasText: "These figures can't be calculated" })).toContainText(
    'Line 1 comes to more than 1,000,000,000,000 USD, more than one document can hold. Check the quantity and price.',
  );
  await expect(page.getByTestId('total-gross')).toHaveCount(0);
  await shot(app, 'line-too-large');

  const id = Number(page.url().split('/').pop());
  expect((await hostCall<{ status: string; number: string | null }>(app, 'invoices.get', { id })).value).toMatchObject({ status: 'draft', number: null });
});
