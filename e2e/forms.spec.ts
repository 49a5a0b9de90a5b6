import type { Dialog } from '@playwright/test';
import { draftInput } from '../shared/api/invoices';
import { fieldMaxLength } from '../renderer/src/forms/max-length';
import { hostCall } from './api';
import { expect, test } from './fixtures';
import { INITECH, seedBook } from './seed';
import { InvoicesPage } from './pages/invoices';

test.beforeEach(async ({ app }) => {
  await seedBook(app, [INITECH]);
});

test("the draft editor keeps input in bounds: a huge paste stops at the contract's limit, an out-of-range line is named instead of totalled, negative payment terms are refused", async ({ app }) => {
  const { page } = app;
  const invoices = new InvoicesPage(page);
  await invoices.open();
  await invoices.startDraft('Initech');
  const limit = fieldMaxLength(draftInput, 'notes')!;
  const notes = page.getByRole('textbox', { name: 'Notes printed on the invoice' });
  // 100 KB of unbroken text: without a cap the auto-growing field took some 20 s to lay it out.
  await notes.fill('x'.repeat(100_000), { timeout: 5_000 });
  await expect(notes).toHaveJSProperty('value', 'x'.repeat(limit));
  await page.getByRole('textbox', { name: 'PO number' }).fill('PO-7');
  await expect(page.getByRole('textbox', { name: 'PO number' })).toHaveValue('PO-7', { timeout: 2_000 });

  // An out-of-range line is named in place of the totals, never summed as 0.00.
  await page.getByRole('textbox', { name: 'Line 1 description' }).fill('Migration');
  await page.getByRole('textbox', { name: 'Line 1 quantity' }).fill('2000000');
  await page.getByRole('textbox', { name: 'Line 1 unit price' }).fill('10');
  await expect(page.getByTestId('line-problems')).toContainText('Line 1: Quantity must be less than 1,000,000');
  await expect(page.getByTestId('total-gross')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Line 1 quantity' }).fill('2');
  await expect(page.getByTestId('total-gross')).toHaveText('£24.00');

  // Negative payment terms stay as typed and are refused with a message, not turned into 0;
  // "2.5" days is refused too, never read as 25.
  const terms = page.getByRole('textbox', { name: 'Payment terms' });
  await terms.fill('-5');
  await terms.blur();
  await expect(terms).toHaveValue('-5');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(terms).toHaveAccessibleDescription('Payment terms cannot be negative');
  await terms.fill('2.5');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(terms).toHaveValue('2.5');
  await expect(terms).toHaveAccessibleDescription('Enter a whole number of days');
});

test('leaving a changed draft asks first: Stay keeps the work, closing the window is held, Discard leaves', async ({ app }) => {
  const { page } = app;
  const invoices = new InvoicesPage(page);
  await invoices.open();
  await invoices.startDraft('Initech');
  const notes = page.getByRole('textbox', { name: 'Notes printed on the invoice' });
  await notes.fill('Thank you for your business');
  const sidebar = page.getByRole('navigation', { name: 'Main navigation' });
  const question = page.getByRole('dialog', { name: 'Discard changes?' });

  await sidebar.getByRole('link', { name: 'Clients' }).click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Stay' }).click();
  await expect(question).toBeHidden();
  await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();
  await expect(notes).toHaveValue('Thank you for your business');

  if (app.hostUrl) {
    // The browser asks before the window closes; dismissing its question keeps the page and its text.
    const asked = new Promise<Dialog>((resolve) => page.once('dialog', resolve));
    await page.close({ runBeforeUnload: true });
    const unload = await asked;
    expect(unload.type()).toBe('beforeunload');
    await unload.dismiss();
    await expect(notes).toHaveValue('Thank you for your business');
  }

  await sidebar.getByRole('link', { name: 'Clients' }).click();
  await question.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  if (app.hostUrl) expect((await hostCall<unknown[]>(app, 'invoices.list', {})).value).toEqual([]);
});

test('removing a payment asks first and Undo records it again; archiving a client who owes money warns with the amount', async ({ app }) => {
  test.skip(!app.hostUrl, 'The invoice and payment are set up through the browser host');
  const { page } = app;
  const clients = await hostCall<{ id: number }[]>(app, 'clients.list', {});
  const lines = [{ description: 'Performance review', kind: 'fee', quantity: '2', unit: 'hour', unitPrice: '300' }];
  const draft = await hostCall<{ id: number }>(app, 'invoices.createDraft', { clientId: clients.value[0]!.id, currency: 'GBP', issueDate: '2026-11-20', paymentTermsDays: 14, lines });
  const invoice = (await hostCall<{ id: number }>(app, 'invoices.issue', { id: draft.value.id })).value;
  await hostCall(app, 'payments.record', { invoiceId: invoice.id, date: '2026-11-25', amount: '200', method: 'bank-transfer', note: 'First part' });
  await page.goto(`${app.hostUrl}#/invoices/${invoice.id}`);
  await expect(page.getByTestId('invoice-paid')).toHaveText('£200.00');

  const remove = async () => {
    await page.getByRole('button', { name: 'Actions for payment of £200.00' }).click();
    await page.getByRole('menuitem', { name: 'Remove payment' }).click();
  };
  const question = page.getByRole('dialog', { name: 'Remove this payment?' });
  await remove();
  await expect(question).toContainText('The payment of £200.00 received on');
  await question.getByRole('button', { name: 'Keep' }).click();
  await expect(page.getByTestId('invoice-paid')).toHaveText('£200.00');

  await remove();
  await question.getByRole('button', { name: 'Remove payment' }).click();
  await expect(page.getByTestId('invoice-paid')).toHaveText('£0.00');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('invoice-paid')).toHaveText('£200.00');
  const again = await hostCall<{ payments: { amount: number; method: string; note: string | null; date: string }[] }>(app, 'invoices.get', { id: invoice.id });
  expect(again.value.payments).toMatchObject([{ amount: 20000, method: 'bank-transfer', note: 'First part', date: '2026-11-25' }]);

  // Archiving a client who still owes money warns with the amount; Keep active leaves it as it was.
  await page.goto(`${app.hostUrl}#/clients/${clients.value[0]!.id}`);
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  const warning = page.getByRole('dialog', { name: 'Archive Initech?' });
  await expect(warning).toContainText('Initech still owes you £520.00');
  await warning.getByRole('button', { name: 'Keep active' }).click();
  await expect(page.getByTestId('archived-badge')).toHaveCount(0);
  expect((await hostCall<{ archived: boolean }>(app, 'clients.get', { id: clients.value[0]!.id })).value.archived).toBe(false);
});
