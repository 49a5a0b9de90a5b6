import { defineConfig } from '@playwright/test';

/** Debian's Chromium; Playwright never downloads a browser here. */
const CHROMIUM = process.env.BILLABLE_CHROMIUM ?? '/usr/bin/chromium';

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two cores run two workers' Chromium and in-process hosts: a step can wait seconds for a core.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1360, height: 860 },
    // The app honours reduced motion (Mantine's respectReducedMotion), so dialogs open and close at once:
    // on a loaded machine a closing dialog's fade no longer lingers for a locator to find and click.
    reducedMotion: 'reduce',
    // The display locale the app follows (the browser's here, the OS's in Electron); e2e/locale.spec.ts runs en-US and de-DE too.
    locale: 'en-GB',
  },
  projects: [
    { name: 'chromium', use: chromium },
    // Same specs and page objects against the real Electron window; skipped where no binary exists.
    // (The fixtures' `page` still comes from Chromium, so it must be launchable here too.)
    { name: 'electron', use: { ...chromium, shell: 'electron' } as object },
  ],
});
