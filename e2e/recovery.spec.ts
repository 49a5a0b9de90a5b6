import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { ClientsPage } from './pages/clients';
import { OnboardingPage } from './pages/onboarding';

test('a damaged data file is moved aside and the newest backup restores the data', async ({ app }) => {
  await new OnboardingPage(app.page).complete();
  await new ClientsPage(app.page).create({ name: 'Initech', country: 'United Kingdom', currency: 'GBP' });
  // The day's automatic backup was taken with the profile, before the client: back up now.
  await app.page.getByRole('link', { name: 'Backups' }).click();
  await app.page.getByRole('button', { name: 'Back up now' }).click();
  await expect(app.page.getByText('Saved to')).toBeVisible();

  await app.restart(() => {
    const file = path.join(app.dataDir, 'billable.sqlite');
    fs.rmSync(`${file}-wal`, { force: true });
    fs.writeFileSync(file, 'SQLite format 3\0' + 'this page was overwritten by a failing disk'.repeat(200));
  });
  const page = app.page;
  await expect(page.locator('[data-app-state="recovery"]')).toBeVisible();
  await expect(page.getByText('Your data file is damaged')).toBeVisible();
  await expect(page.getByText(/moved to .*quarantine/)).toBeVisible();

  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  const clients = new ClientsPage(page);
  await clients.open();
  await expect(clients.rows).toHaveText([/Initech/]);
});
