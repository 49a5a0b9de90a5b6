import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { ClientsPage } from './pages/clients';
import { OnboardingPage } from './pages/onboarding';

/** Another process holding the data file's write lock until killed. */
async function holdWriteLock(database: string): Promise<ChildProcess> {
  const script = `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(database)}); db.exec('begin immediate'); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return child;
}

test('a data file locked by another program: the screen says so, and Try again opens it once released', async ({ app }) => {
  await new OnboardingPage(app.page).complete();
  let lock: ChildProcess | undefined;
  try {
    const database = path.join(app.dataDir, 'billable.sqlite');
    lock = await holdWriteLock(database);
    await app.restart();
    const page = app.page;
    await expect(page.locator('[data-recovery-reason="BUSY"]')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Data file in use' })).toBeVisible();
    await expect(page.getByText(/Another program is using your data file/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Restore this backup' })).toHaveCount(0);
    // Choosing another folder is the desktop app's (a folder dialog); the host says how instead.
    await expect(page.getByRole('button', { name: 'Choose another folder…' })).toHaveCount(0);
    await expect(page.getByText(/restart the browser host with BILLABLE_DATA_DIR/)).toBeVisible();

    const exited = new Promise((resolve) => lock!.once('exit', resolve));
    lock.kill('SIGKILL');
    await exited;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  } finally {
    lock?.kill('SIGKILL');
  }
});

test('a backups path blocked by a file: the app opens and reports the failed backup', async ({ app }) => {
  await new OnboardingPage(app.page).complete();
  await new ClientsPage(app.page).create({ name: 'Initech', country: 'United Kingdom', currency: 'GBP' });
  await app.restart(() => {
    const backups = path.join(app.dataDir, 'backups');
    fs.rmSync(backups, { recursive: true, force: true });
    fs.writeFileSync(backups, 'in the way');
  });
  const page = app.page;
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The automatic backup failed' })).toBeVisible();
  const clients = new ClientsPage(page);
  await clients.open();
  await expect(clients.rows).toHaveText([/Initech/]);
});
