import fs from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { startHost, type RunningHost } from '../electron/host/server';

const root = path.resolve(import.meta.dirname, '..');

/** The Electron binary downloads on first run on a user's machine; here it may be absent. */
export function electronBinary(): string | null {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(root, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(binary) ? binary : null;
}

export interface AppSession {
  page: Page;
  close(): Promise<void>;
}

/** The renderer in the test's Chromium page, served by the browser host over the real store. */
export async function launchInBrowser(page: Page, dataDir: string): Promise<AppSession & { host: RunningHost }> {
  const host = await startHost({
    dataDir,
    rendererDir: path.join(root, 'out', 'renderer'),
    migrationsDir: path.join(root, 'db', 'migrations'),
  });
  await page.goto(host.url);
  return { page, host, close: () => host.close() };
}

/** Electron with the test's locale as the OS locale: Chromium's --lang switch sets what app.getLocale() returns. */
export async function launchElectron(dataDir: string, locale: string): Promise<AppSession> {
  const app: ElectronApplication = await _electron.launch({
    executablePath: electronBinary()!,
    args: [`--lang=${locale}`, root],
    env: { ...process.env, BILLABLE_DATA_DIR: dataDir } as Record<string, string>,
  });
  const page = await app.firstWindow();
  return { page, close: () => app.close() };
}
