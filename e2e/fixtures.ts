import { test as base, expect, type Page } from '@playwright/test';
import { electronBinary, launchElectron, launchInBrowser, type AppSession } from './launch';

export interface TestApp {
  page: Page;
  dataDir: string;
  /** Closes the app and opens it again on the same data folder, doing `meanwhile` while it is closed. */
  restart(meanwhile?: () => void): Promise<void>;
  /** The browser host's session, for API-level checks; null in Electron. */
  hostUrl: string | null;
  hostToken: string | null;
}

/** Waits for the renderer's ready marker rather than for time to pass. */
export async function waitForApp(page: Page): Promise<string> {
  const root = page.locator('[data-app-state]:not([data-app-state="loading"])').first();
  await root.waitFor();
  return (await root.getAttribute('data-app-state'))!;
}

export const test = base.extend<{ shell: 'browser' | 'electron'; app: TestApp }>({
  shell: ['browser', { option: true }],
  app: async ({ shell, page, locale }, use, testInfo) => {
    const dataDir = testInfo.outputPath('data');
    if (shell === 'electron') {
      test.skip(!electronBinary(), 'Electron binary not installed here (it downloads on first run on a user machine)');
    }
    let session: AppSession & { host?: { url: string; token: string } };
    const open = async () => {
      session = shell === 'electron' ? await launchElectron(dataDir, locale ?? 'en-GB') : await launchInBrowser(page, dataDir);
      app.page = session.page;
      app.hostUrl = session.host?.url ?? null;
      app.hostToken = session.host?.token ?? null;
      await waitForApp(session.page);
    };
    const app: TestApp = {
      page,
      dataDir,
      hostUrl: null,
      hostToken: null,
      restart: async (meanwhile) => {
        await session.close();
        meanwhile?.();
        await open();
      },
    };
    await open();
    await use(app);
    await session!.close();
  },
});

export { expect };
