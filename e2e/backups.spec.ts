import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { INITECH, seedBook } from './seed';
import { ClientsPage } from './pages/clients';

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
