import { draftInput } from '../shared/api/invoices';
import { fieldMaxLength } from '../renderer/src/forms/max-length';
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
