import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { hostCall } from './api';
import { expect, test } from './fixtures';
import { expectFieldError } from './pages/form';
import { INITECH, seedBook } from './seed';

test("the accountant's export refuses a period out of order, then saves the period's CSV files in one zip", async ({ app }) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  await seedBook(app, [INITECH]);
  const today = new Date().toISOString().slice(0, 10);
  const client = (await hostCall<{ id: number }[]>(app, 'clients.list', {})).value[0]!;
  const draft = await hostCall<{ id: number }>(app, 'invoices.createDraft', {
    clientId: client.id,
    currency: 'GBP',
    issueDate: today,
    paymentTermsDays: 30,
    lines: [{ description: '=cmd|" /C calc"!A0', kind: 'fee', quantity: '1', unit: 'day', unitPrice: '600' }],
  });
  const issued = await hostCall<{ number: string }>(app, 'invoices.issue', { id: draft.value.id });

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invoices' }).click();
  await page.getByRole('button', { name: 'Accountant export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export for your accountant' });
  await dialog.getByLabel('From').fill('2026-10-31');
  await dialog.getByLabel('To').fill('2026-10-01');
  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expectFieldError(dialog, 'To', 'The period ends before it starts');
  expect(downloads).toBe(0);

  await dialog.getByRole('button', { name: 'This tax year so far' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  await expect(dialog).toBeHidden();
  expect(download.suggestedFilename()).toMatch(/^accounts-\d{4}-04-06-to-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(fs.readFileSync(await download.path()));
  expect(strFromU8(files['invoices-and-credit-notes.csv']!)).toContain(`${issued.value.number},Invoice,,${today}`);
  expect(strFromU8(files['lines.csv']!)).toContain(`"'=cmd|"" /C calc""!A0"`);
});
