import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { hostCall } from './api';
import { expect, test, type TestApp } from './fixtures';
import { expectFieldError } from './pages/form';
import { ExpensesPage } from './pages/expenses';
import { INITECH, seedBook } from './seed';

/** A hotel folio as a one-page PDF, and the same page as the PNG a phone scan would be. */
async function hotelReceipt(dir: (name: string) => string): Promise<{ pdf: string; png: string }> {
  const pdf = dir('folio.pdf');
  const doc = new PDFDocument({ size: [300, 420], margin: 24 });
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.pipe(fs.createWriteStream(pdf));
  doc.fontSize(16).text('Premier Inn Leeds City Centre').moveDown(0.5);
  doc.fontSize(9).text('Folio 88213 · 16–18 Nov 2026').moveDown();
  doc.text('Room, 2 nights                    £153.75').text('VAT 20%                              £30.75').moveDown();
  doc.fontSize(12).text('Total paid                  £184.50');
  doc.end();
  await done;
  await new Promise((resolve) => setTimeout(resolve, 50));
  execFileSync('pdftoppm', ['-png', '-r', '72', '-singlefile', pdf, dir('folio')]);
  return { pdf, png: dir('folio.png') };
}

/** A business with a signed GBP contract for Initech, made through the API (contracts.spec covers those screens). */
async function seedContract(app: TestApp): Promise<void> {
  await seedBook(app, [INITECH]);
  const clients = await hostCall<{ id: number }[]>(app, 'clients.list', {});
  const card = await hostCall<{ id: number }>(app, 'rateCards.create', { name: 'Day rate', unit: 'day', hoursPerDay: '8', currency: 'GBP', amount: '650', effectiveFrom: '2026-01-01', isDefault: true });
  const contract = await hostCall<{ id: number }>(app, 'contracts.create', {
    clientId: clients.value[0]!.id,
    title: 'Data platform review',
    startDate: '2026-11-01',
    notice: { amount: 1, unit: 'month' },
    rateCardId: card.value.id,
    discount: { kind: 'none' },
    currency: 'GBP',
    billingCycle: { kind: 'monthly', anchor: null },
    paymentTermsDays: 30,
    rounding: { mode: 'none', incrementMinutes: 15, scope: 'entry' },
    expensePolicy: { kind: 'at-cost' },
  });
  expect((await hostCall(app, 'contracts.sign', { id: contract.value.id })).ok).toBe(true);
}

test('a hotel with its receipt, logged against a contract: thumbnail in the list, preview when opened, in both themes', async ({ app }, testInfo) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  const receipt = await hotelReceipt((name) => testInfo.outputPath(name));
  await seedContract(app);
  const expenses = new ExpensesPage(page);
  await expenses.open();
  await expect(page.getByText('No expenses yet')).toBeVisible();

  await expenses.startNew();
  await expenses.field('Date').fill('2026-11-18');
  await expenses.choose('Category', 'Accommodation');
  await expenses.field('Supplier').fill('Premier Inn Leeds City Centre');
  await expenses.field('Description').fill('Two nights for the on-site workshop');
  await expenses.field('Amount paid').fill('184.50');
  await expenses.field('VAT in it').fill('30.75');
  await expenses.choose('Contract', /Data platform review/);
  await expenses.dialog.getByRole('switch', { name: /Rebillable/ }).click();
  // The two ways to rebill are explained where they are chosen; recharge is the default.
  await expect(expenses.dialog.getByRole('radio', { name: 'Recharge' })).toBeChecked();
  await expect(expenses.dialog.getByText(/outside the scope of VAT/)).toBeVisible();
  await expenses.attachReceipt(receipt.png);
  await expect(expenses.dialog.getByRole('img', { name: 'Receipt folio.png' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('expense-form.png') });
  await expenses.save();
  await expect(expenses.dialog).toBeHidden();

  await expect(expenses.rows).toHaveCount(1);
  const row = expenses.rows.first();
  await expect(row.getByRole('img', { name: 'Receipt from Premier Inn Leeds City Centre' })).toBeVisible();
  await expect(row.getByTestId('billing-state')).toHaveText('Unbilled · recharge');
  await expect(row).toContainText('£184.50');
  await expect(page.getByTestId('expense-totals')).toContainText('£184.50');
  await page.screenshot({ path: testInfo.outputPath('expenses-light.png') });

  // Opened from the keyboard, it shows the stored receipt.
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(expenses.dialog.getByRole('img', { name: 'Receipt folio.png' })).toBeVisible();
  await expenses.dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(row.getByRole('img', { name: /Receipt from/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('expenses-dark.png') });
  await row.click();
  await expect(expenses.dialog.getByTestId('receipt-preview')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('expense-dark-form.png') });
});

test('a bad amount or a file that is not what it says is refused at its field, and nothing is saved', async ({ app }, testInfo) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  // A PNG's signature under a .pdf name: the type comes from the bytes, not the name.
  const fake = testInfo.outputPath('receipt.pdf');
  fs.writeFileSync(fake, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
  await seedBook(app, [INITECH]);
  const expenses = new ExpensesPage(page);
  await expenses.open();
  await expenses.startNew();
  await expenses.field('Date').fill('2026-11-18');
  await expenses.choose('Category', 'Travel');
  await expenses.field('Supplier').fill('LNER');
  await expenses.field('Description').fill('London to Leeds, open return');
  await expenses.field('Amount paid').fill('84.205');
  await expenses.field('VAT in it').fill('90');
  await expenses.attachReceipt(fake);
  await expect(expenses.dialog.getByTestId('receipt-error')).toHaveText('receipt.pdf is not a PDF: it holds a PNG image. Rename it or choose the right file');
  // A refused file is never dropped silently: saving waits until another is chosen or it is left out on purpose.
  await expenses.save();
  await expect(expenses.dialog.getByTestId('receipt-error')).toBeVisible();
  await expenses.dialog.getByRole('button', { name: 'Save without a receipt' }).click();
  await expect(expenses.dialog.getByTestId('receipt-error')).toBeHidden();
  await expenses.save();
  await expectFieldError(expenses.dialog, 'Amount paid', 'GBP amounts have at most 2 decimal places');
  await expenses.field('Amount paid').fill('84.20');
  await expenses.save();
  await expectFieldError(expenses.dialog, 'VAT in it', "VAT can't be more than the amount paid");
  await page.screenshot({ path: testInfo.outputPath('expense-errors.png') });
  await expect(expenses.dialog).toBeVisible();
  const listed = await hostCall<unknown[]>(app, 'expenses.list', {});
  expect(listed.value).toEqual([]);
});

test('a euro hotel on a sterling contract offers the stored rate for its date, converted to GBP per 1 EUR', async ({ app }, testInfo) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  await seedContract(app);
  // HMRC's November rate, quoted as euros per £1.
  expect((await hostCall(app, 'rates.save', { currency: 'EUR', rate: '1.17', source: 'hmrc-period', date: '2026-11-01' })).ok).toBe(true);
  const expenses = new ExpensesPage(page);
  await expenses.open();
  await expenses.startNew();
  await expenses.field('Date').fill('2026-11-20');
  await expenses.choose('Category', 'Accommodation');
  await expenses.field('Supplier').fill('Hotel Adlon Kempinski');
  await expenses.field('Description').fill('One night for the Berlin kick-off');
  await expenses.field('Amount paid').fill('210');
  await expenses.field('Currency').fill('EUR');
  await page.getByRole('option', { name: /^EUR/ }).click();
  await expenses.choose('Contract', /Data platform review/);
  await expect(expenses.dialog.getByText(/Stored rate: 0\.854701 GBP per 1 EUR, HMRC period rate/)).toBeVisible();
  await expenses.dialog.getByRole('button', { name: 'Use it' }).click();
  await expect(expenses.field('GBP per 1 EUR')).toHaveValue('0.854701');
  await page.screenshot({ path: testInfo.outputPath('expense-fx.png') });
  await expenses.save();
  await expect(expenses.dialog).toBeHidden();
  await expect(expenses.rows.first()).toContainText('€210.00');
  const listed = await hostCall<{ fx: unknown }[]>(app, 'expenses.list', {});
  expect(listed.value[0]!.fx).toEqual({ rate: '0.854701', date: '2026-11-01' });
});
