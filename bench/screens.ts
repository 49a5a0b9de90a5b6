import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startHost } from '../electron/host/server';
import { openApi } from '../test/api-client';
import { withCopyOfBook } from './book';
import { summarise, type BenchResult } from './harness';

const root = path.resolve(import.meta.dirname, '..');

const NAVIGATION_TARGET_MS = 300;
const FRAME_TARGET_MS = 50;
/** Pages of the invoice list (100 rows each) one scroll run goes through. */
const SCROLL_PAGES = 10;
/** How far the scroll moves per animation frame (px): about four rows, a fast fling. */
const SCROLL_STEP_PX = 200;

type BenchWindow = Window & { billableNavigation?: Promise<number> };

/** Loads the app afresh (it starts on Clients) and waits until it is idle: client rows shown, the other screens' chunks fetched. */
async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('client-row').first().waitFor();
  await page.waitForLoadState('networkidle');
}

const navLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true });

/**
 * Clicks Invoices in the main navigation and resolves to the milliseconds, measured in the page
 * with performance.now() (no Playwright round trips in the figure), from the click event to the
 * first animation frame in which a row of the invoice list lies in the viewport: that frame paints
 * it. Any row counts: the list starts with the newest documents, which in the decade book are its
 * drafts, and they fill the first screen.
 */
async function timeNavigationToInvoices(page: Page): Promise<number> {
  await page.evaluate(() => {
    (window as BenchWindow).billableNavigation = new Promise((resolve, reject) => {
      addEventListener(
        'click',
        (event) => {
          const shown = () =>
            [...document.querySelectorAll('[data-testid="invoice-row"]')].some((row) => {
              const box = row.getBoundingClientRect();
              return row.checkVisibility() && box.bottom > 0 && box.top < innerHeight;
            });
          const poll = () => (shown() ? resolve(performance.now() - event.timeStamp) : requestAnimationFrame(poll));
          requestAnimationFrame(poll);
          setTimeout(() => reject(new Error('no invoice row was shown within 30 s of the click')), 30_000);
        },
        { capture: true, once: true },
      );
    });
  });
  await navLink(page, 'Invoices').click();
  return page.evaluate(() => (window as BenchWindow).billableNavigation!);
}

/** Leaves for Clients and waits until its rows show, so the next visit to Invoices is a real navigation. */
async function leaveForClients(page: Page): Promise<void> {
  await navLink(page, 'Clients').click();
  await page.getByTestId('client-row').first().waitFor();
}

interface ScrollRun {
  /** The longest interval between two animation frames during the scroll (ms). */
  longestFrameMs: number;
  frames: number;
  /** Frames longer than FRAME_TARGET_MS. */
  slowFrames: number;
  /** What the longest long-animation-frame entry spent its time on: its scripts, longest first, or why there is none. */
  longestFrameCause: string;
}

/**
 * From the top of the invoice list just shown, scrolls the window `SCROLL_STEP_PX` per animation
 * frame until row `rows - 1` is drawn (the list fetches its pages on the way), timing every frame
 * with requestAnimationFrame. Chromium's long-animation-frame entries say what the longest frame
 * was spent on.
 */
function scrollThrough(page: Page, rows: number): Promise<ScrollRun> {
  return page.evaluate(
    ({ rows, step, slowMs }) =>
      new Promise<ScrollRun>((resolve, reject) => {
        type Script = { duration: number; invoker: string; sourceURL: string };
        let longestEntry: { duration: number; scripts: Script[] } | null = null;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { scripts: Script[] })[]) if (entry.duration > (longestEntry?.duration ?? 0)) longestEntry = entry;
        });
        observer.observe({ type: 'long-animation-frame' });
        const started = performance.now();
        let last: number | null = null;
        let longest = 0;
        let frames = 0;
        let slowFrames = 0;
        const frame = (now: number) => {
          if (last !== null) {
            longest = Math.max(longest, now - last);
            frames++;
            if (now - last > slowMs) slowFrames++;
          }
          last = now;
          if (document.querySelector(`[data-testid="invoice-row"][data-index="${rows - 1}"]`)) {
            // The observer reports a frame after it ends; give it time to report the last ones.
            return setTimeout(() => {
              observer.disconnect();
              const entry = longestEntry as { duration: number; scripts: Script[] } | null;
              const scripts = [...(entry?.scripts ?? [])].sort((a, b) => b.duration - a.duration);
              const longestFrameCause = !entry
                ? 'no frame over 50 ms'
                : scripts.length === 0
                  ? 'style, layout and paint only'
                  : scripts.map((s) => `${s.invoker} in ${s.sourceURL.split('/').at(-1) || 'the page'} ${Math.round(s.duration)} ms`).join(', ');
              resolve({ longestFrameMs: longest, frames, slowFrames, longestFrameCause });
            }, 200);
          }
          if (now - started > 120_000) return reject(new Error(`the invoice list did not reach row ${rows} in two minutes`));
          scrollBy(0, step);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    { rows, step: SCROLL_STEP_PX, slowMs: FRAME_TARGET_MS },
  );
}

/** Opens the copy once so its start-up upkeep (moving PDFs out, the daily backup in a worker) is done before anything is timed. */
async function settleUpkeep(dataDir: string): Promise<void> {
  const api = openApi(dataDir);
  await api.holder.settled();
  api.holder.close();
}

/**
 * The invoice list screen in headless Chromium (1280×800 window), served by the browser host over
 * a copy of the decade book at `scale`. Two rows, in ms:
 * - from a click on Invoices in the main navigation to the first rows shown, each run in a freshly
 *   loaded app so the list's first page is fetched rather than taken from the query cache (a
 *   second visit's figure, cache and all, is printed beside it); target median ≤ 300;
 * - the longest frame of each run scrolling through `SCROLL_PAGES` pages of the list; target p95
 *   over the runs ≤ 50.
 * Both targets are the same at every scale.
 */
export async function screenBenchmarks(scale: number): Promise<BenchResult[]> {
  const tag = `${scale}×`;
  return withCopyOfBook(scale, async (dataDir) => {
    await settleUpkeep(dataDir);
    const host = await startHost({ dataDir, rendererDir: path.join(root, 'out', 'renderer'), migrationsDir: path.join(root, 'db', 'migrations') });
    let browser: Browser | null = null;
    try {
      browser = await chromium.launch({ executablePath: process.env.BILLABLE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // tsx compiles with esbuild's keepNames, which wraps named functions inside the callbacks
      // given to page.evaluate in __name(), a helper that exists only in Node.
      await page.addInitScript('globalThis.__name = (fn) => fn;');

      const firstVisit: number[] = [];
      const secondVisit: number[] = [];
      for (let run = 0; run < 3 + 15; run++) {
        await openApp(page, host.url);
        const ms = await timeNavigationToInvoices(page);
        await leaveForClients(page);
        const again = await timeNavigationToInvoices(page);
        if (run < 3) continue;
        firstVisit.push(ms);
        secondVisit.push(again);
      }
      const navigation = summarise(`invoice list shown in Chromium, from navigation (${tag})`, firstVisit, { key: 'screen-navigation', targetMs: NAVIGATION_TARGET_MS });
      console.log(`invoice list (${tag}): back to it a second time, its pages cached and fetched again behind them: median ${summarise('', secondVisit).medianMs.toFixed(0)} ms`);

      const longest: number[] = [];
      for (let run = 0; run < 1 + 5; run++) {
        await openApp(page, host.url);
        await timeNavigationToInvoices(page);
        const scroll = await scrollThrough(page, SCROLL_PAGES * 100);
        if (run === 0) continue;
        longest.push(scroll.longestFrameMs);
        console.log(`scrolling the invoice list (${tag}), run ${run}: longest frame ${scroll.longestFrameMs.toFixed(0)} ms, ${scroll.slowFrames} of ${scroll.frames} frames over ${FRAME_TARGET_MS} ms; the longest: ${scroll.longestFrameCause}`);
      }
      const scrolling = summarise(`scrolling the invoice list: longest frame (${tag})`, longest, { key: 'screen-scroll', targetMs: FRAME_TARGET_MS, targetOn: 'p95' });
      return [navigation, scrolling];
    } finally {
      await browser?.close();
      await host.close();
    }
  });
}
