import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { INITECH, seedBook } from './seed';
import { ClientsPage } from './pages/clients';
import { InvoicesPage } from './pages/invoices';
import { hostCall } from './api';

test('backups: the first comes with the profile, Back up now is verified and listed, damaged ones are not offered, a restore asks first and keeps the current file', async ({ app }) => {
  const page = app.page;
  await seedBook(app, [INITECH]);
  const clients = new ClientsPage(page);

  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByTestId('last-backup')).toContainText(/-daily\.sqlite/);
  await page.getByRole('button', { name: 'Back up now' }).click();
  const backupsDir = path.join(app.dataDir, 'backups');
  await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toContainText(backupsDir);
  const table = page.getByRole('table', { name: 'Backups' });
  const manual = table.locator('tr[data-backup$="-manual.sqlite"]');
  await expect(manual).toContainText('1 client · 0 invoices');

  fs.writeFileSync(path.join(backupsDir, 'billable-2030-01-01T00-00-00-000Z-daily.sqlite'), 'SQLite format 3\0 and then nothing');
  await page.reload();
  const damaged = page.locator('tr[data-backup="billable-2030-01-01T00-00-00-000Z-daily.sqlite"]');
  await expect(damaged).toContainText('Damaged');
  await expect(damaged.getByRole('button', { name: 'Restore' })).toHaveCount(0);

  await clients.open();
  await clients.create({ name: 'Globex', country: 'United Kingdom', currency: 'GBP' });
  await page.getByRole('link', { name: 'Backups' }).click();
  await manual.getByRole('button', { name: 'Restore' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('kept unchanged in the quarantine folder');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(fs.existsSync(path.join(app.dataDir, 'quarantine'))).toBe(false);

  await manual.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('Backup restored')).toBeVisible();
  await expect(table.locator('tr[data-backup$="-pre-restore.sqlite"]')).toContainText('2 clients');
  expect(fs.readdirSync(path.join(app.dataDir, 'quarantine'))).toHaveLength(1);
  await clients.open();
  await expect(clients.rows).toHaveText([/Initech/]);
});

test('the whole book exports as one zip and imports as a new data file showing the same invoices; a file that is not an export changes nothing', async ({ app }) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  await seedBook(app, [INITECH]);
  const client = (await hostCall<{ id: number }[]>(app, 'clients.list', {})).value[0]!;
  const draft = (unitPrice: string) =>
    hostCall<{ id: number }>(app, 'invoices.createDraft', {
      clientId: client.id,
      currency: 'GBP',
      issueDate: new Date().toISOString().slice(0, 10),
      paymentTermsDays: 30,
      lines: [{ description: 'Postgres performance review', kind: 'fee', quantity: '1', unit: 'day', unitPrice }],
    });
  // An issued invoice (its PDF goes in the zip) and a draft.
  await hostCall(app, 'invoices.issue', { id: (await draft('600')).value.id });
  await draft('650');
  const invoices = new InvoicesPage(page);
  await invoices.open();
  await expect(invoices.rows).toHaveCount(2);
  const exported = await invoices.rows.allTextContents();

  await page.getByRole('link', { name: 'Backups' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export whole book (JSON)…' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^billable-book-.+\.zip$/);
  await expect(page.getByRole('status').filter({ hasText: 'Saved billable-book-' })).toContainText('1 document');
  const zip = test.info().outputPath('book.zip');
  await download.saveAs(zip);

  // Work done after the export: the imported book does not have it.
  expect((await draft('700')).ok).toBe(true);
  const choose = async (file: string) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import book…' }).click()]);
    await chooser.setFiles(file);
  };

  const notAnExport = test.info().outputPath('notes.zip');
  fs.writeFileSync(notAnExport, 'not a zip at all');
  await choose(notAnExport);
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('alert')).toContainText('This file cannot be imported: it is not a whole zip file');
  expect(fs.existsSync(path.join(app.dataDir, 'quarantine'))).toBe(false);

  await choose(zip);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('nothing is merged');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Book imported')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Backups' }).locator('tr[data-backup$="-import.sqlite"]')).toContainText('1 client · 1 invoice');
  await invoices.open();
  await expect(invoices.rows).toHaveText(exported);
});
