import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { hostCall } from './api';
import { expect, test, waitForApp, type TestApp } from './fixtures';
import { INITECH, UK_PROFILE } from './seed';

/** WCAG 2.1 A and AA, plus the structure rules axe files under best practice that screen-reader users navigate by. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const STRUCTURE_RULES = ['page-has-heading-one', 'heading-order', 'landmark-one-main', 'region', 'empty-table-header'];

/**
 * Scans what the window shows now, or only `within` (an open dialog or a notification: the page
 * behind it has its own scan), and records every violation against `where`, one line per failing node. Frames are
 * left out: the only one is the PDF preview, which is Chromium's own viewer, not the app's markup.
 */
async function scan(page: Page, where: string, within?: string): Promise<void> {
  const axe = new AxeBuilder({ page });
  if (within) axe.include(within);
  const results = await axe
    .setLegacyMode()
    .options({ iframes: false, resultTypes: ['violations'], runOnly: { type: 'tag', values: WCAG_TAGS }, rules: Object.fromEntries(STRUCTURE_RULES.map((id) => [id, { enabled: true }])) })
    .analyze();
  const found = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`));
  expect.soft(found, `axe violations on ${where}`).toEqual([]);
}

/** A screen is ready when its one heading is up and nothing in it is still loading. */
async function ready(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0);
}

interface Book {
  clientId: number;
  draftId: number;
  issuedId: number;
  leadId: number;
}

/**
 * One book with something on every screen, made through the API: a client on a signed contract
 * with time logged today, an expense, a draft and an overdue issued invoice.
 */
async function seedBook(app: TestApp): Promise<Book> {
  const ok = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await hostCall<T>(app, name, input);
    expect(result.error, name).toBeUndefined();
    return result.value;
  };
  const today = new Date().toISOString().slice(0, 10);
  await ok('profile.save', UK_PROFILE);
  const client = await ok<{ id: number }>('clients.create', INITECH);
  const card = await ok<{ id: number }>('rateCards.create', { name: 'Day rate', unit: 'day', hoursPerDay: '8', currency: 'GBP', amount: '650', effectiveFrom: '2026-01-01', isDefault: true });
  const contract = await ok<{ id: number }>('contracts.create', {
    clientId: client.id,
    title: 'Data platform review',
    startDate: '2026-01-05',
    notice: { amount: 1, unit: 'month' },
    rateCardId: card.id,
    discount: { kind: 'none' },
    currency: 'GBP',
    billingCycle: { kind: 'monthly', anchor: null },
    paymentTermsDays: 30,
    rounding: { mode: 'none', incrementMinutes: 15, scope: 'entry' },
    expensePolicy: { kind: 'at-cost' },
  });
  await ok('contracts.sign', { id: contract.id });
  await ok('time.create', { contractId: contract.id, date: today, timing: { kind: 'duration', duration: '1:30' }, note: 'Schema review' });
  await ok('expenses.create', { date: today, category: 'travel', supplier: 'GWR', description: 'Train to Bristol', amount: '84.50', currency: 'GBP' });
  const lines = [{ description: 'Performance review', kind: 'fee', quantity: '7.5', unit: 'hour', unitPrice: '300' }];
  const draft = await ok<{ id: number }>('invoices.createDraft', { clientId: client.id, currency: 'GBP', issueDate: today, paymentTermsDays: 14, lines });
  const old = await ok<{ id: number }>('invoices.createDraft', { clientId: client.id, currency: 'GBP', issueDate: '2026-09-01', paymentTermsDays: 14, lines });
  await ok('invoices.issue', { id: old.id });
  const lead = await ok<{ id: number }>('leads.create', { title: 'Rails upgrade for Globex', organisation: 'Globex', contactEmail: 'cto@globex.example', source: 'referral', sourceDetail: 'Sam', estimate: '20000', currency: 'GBP', timezone: 'America/New_York', nextAction: 'Send availability', nextActionDue: today, tags: ['rails'] });
  await ok('leads.logActivity', { leadId: lead.id, kind: 'call', body: 'First call: they need help before Black Friday.' });
  return { clientId: client.id, draftId: draft.id, issuedId: old.id, leadId: lead.id };
}

/** Opens a dialog with `open`, scans it, and closes it with Escape. */
async function scanDialog(page: Page, where: string, open: () => Promise<void>): Promise<void> {
  await open();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scan(page, where, '[role="dialog"]');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen and main dialog passes axe (WCAG 2.1 A/AA) in the ${colorScheme} theme`, async ({ app }) => {
    test.skip(!app.hostUrl, 'Seeds through the browser host');
    // About 30 s of CPU per theme (some 25 scans); the margin is for two cores shared with other work.
    test.setTimeout(240_000);
    const { page } = app;
    // Reduced motion: dialogs appear without a fade, so no half-transparent frame is measured.
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await ready(page, 'Set up your business');
    await scan(page, 'onboarding');

    const book = await seedBook(app);
    await page.reload();
    await waitForApp(page);

    // Every sidebar destination, read from the sidebar so a new screen is scanned without a change here.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const link of await nav.getByRole('link').all()) {
      const name = (await link.textContent())!;
      await link.click();
      await ready(page, /./);
      await scan(page, `${name} (sidebar)`);
    }

    const go = async (hash: string, heading: string | RegExp) => {
      await page.goto(`${app.hostUrl}#${hash}`);
      await ready(page, heading);
    };
    await go(`/clients/${book.clientId}`, 'Initech');
    await scan(page, 'client page');
    await go('/clients', 'Clients');
    await scanDialog(page, 'new client dialog', () => page.getByRole('button', { name: 'New client' }).first().click());
    await scanDialog(page, 'keyboard shortcuts sheet', () => page.getByRole('button', { name: 'Shortcuts' }).click());
    // The command palette with a hit (the Globex lead, its matched word marked) above the commands.
    await scanDialog(page, 'command palette', async () => {
      await page.keyboard.press('ControlOrMeta+K');
      await page.getByRole('textbox', { name: 'Search or run a command' }).fill('glob');
      await expect(page.getByRole('group', { name: 'Leads' }).getByTestId('search-hit')).toBeVisible();
    });
    await go('/invoices', 'Invoices');
    await scanDialog(page, 'export dialog', () => page.getByRole('button', { name: 'Export PDFs…' }).click());

    await go(`/leads/${book.leadId}`, 'Rails upgrade for Globex');
    await scan(page, 'lead page');
    await scanDialog(page, 'lost reason dialog', async () => {
      await page.locator('input[aria-label="Stage"]').click();
      await page.getByRole('option', { name: 'Move to Lost' }).click();
    });
    await go('/leads', 'Leads');
    await scanDialog(page, 'new lead dialog', () => page.getByRole('button', { name: 'New lead' }).first().click());

    await go(`/invoices/${book.draftId}`, 'Draft invoice');
    await scan(page, 'draft invoice editor');
    await page.getByRole('button', { name: 'Save draft' }).click();
    // Hovering holds the notification open (it closes itself after a few seconds) while it is scanned.
    await page.getByRole('alert').filter({ hasText: 'Draft saved' }).hover();
    await scan(page, 'draft saved notification', '[role="alert"]');
    await scanDialog(page, 'issue dialog', () => page.getByRole('button', { name: 'Issue invoice' }).click());

    await go(`/invoices/${book.issuedId}`, 'INV-2026-0001');
    await expect(page.getByTestId('status-badge').first()).toHaveText('Overdue');
    await scan(page, 'issued invoice (overdue)');
    await scanDialog(page, 'record payment dialog', () => page.getByRole('button', { name: 'Record payment' }).click());
    await scanDialog(page, 'credit note dialog', () => page.getByRole('button', { name: 'Credit note' }).click());

    // The VAT summary for the quarter of the issued invoice, one line opened, then the EC Sales List tab.
    await go('/vat-returns/summary', 'VAT summary and EC Sales List');
    await page.getByText('Custom range', { exact: true }).click();
    const range = page.getByRole('form', { name: 'Custom range' });
    await range.getByLabel(/^From/).fill('2026-07-01');
    await range.getByLabel(/^To/).fill('2026-09-30');
    await range.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('button', { name: /^1 document: Standard rate/ }).click();
    await scan(page, 'VAT summary (a line opened)');
    await page.getByRole('tab', { name: 'EC Sales List' }).click();
    await scan(page, 'EC Sales List');
  });
}

test('keyboard focus: skip link first, the heading after navigation, back to the opener after a dialog, a draft\'s lines right after its client, Issue focused in the issue dialog', async ({ app }) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  const book = await seedBook(app);
  await page.reload();
  await waitForApp(page);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await ready(page, 'Clients');

  // The first Tab reaches the skip link; Enter lands on the screen's heading, past the timer bar and sidebar.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('main :focus')).toHaveCount(1);
  await expect(nav.locator(':focus')).toHaveCount(0);

  // Moving to another screen, by the sidebar or a link, puts focus on the new screen's heading.
  await nav.getByRole('link', { name: 'Invoices', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeFocused();
  await page.goto(`${app.hostUrl}#/invoices/${book.issuedId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'INV-2026-0001' })).toBeFocused();

  // A dialog closed by Escape or by Cancel gives focus back to the button that opened it.
  const recordPayment = page.getByRole('button', { name: 'Record payment' });
  await recordPayment.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(recordPayment).toBeFocused();
  const creditNote = page.getByRole('button', { name: 'Credit note' });
  await creditNote.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(creditNote).toBeFocused();

  // At 1024×700 a draft opens with its first line in view, next after the client in the tab order, its description readable.
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${app.hostUrl}#/invoices/${book.draftId}`);
  const description = page.getByRole('textbox', { name: 'Line 1 description' });
  await expect(description).toBeInViewport({ ratio: 1 });
  expect((await description.boundingBox())!.width).toBeGreaterThanOrEqual(200);
  await page.getByRole('combobox', { name: 'Client' }).focus();
  await page.keyboard.press('Tab');
  await expect(description).toBeFocused();

  // The issue dialog has nothing to fill in for a home-currency invoice: it opens on its action.
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Issue invoice' })).toBeFocused();
});
