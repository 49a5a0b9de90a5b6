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

test("a huge paste into the invoice notes stops at the contract's limit and the page stays responsive", async ({ app }) => {
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
  await expect(page.getByRole('heading', { name: 'Clients', level: 2 })).toBeVisible();
  if (app.hostUrl) expect((await hostCall<unknown[]>(app, 'invoices.list', {})).value).toEqual([]);
});
