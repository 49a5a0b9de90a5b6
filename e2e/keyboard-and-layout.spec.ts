import type { Page } from '@playwright/test';
import { hostCall } from './api';
import { expect, test, type TestApp } from './fixtures';
import { INITECH, seedBook } from './seed';
import { InvoicesPage } from './pages/invoices';

const LONG_NAME = { ...INITECH, name: 'Initrode Global Consulting and Strategic Services Ltd', taxNumber: 'GB123456782' };

test.beforeEach(async ({ app }) => {
  await seedBook(app, [INITECH, LONG_NAME]);
});

/** One document in every status the list shows, through the API: draft, issued, part-paid, paid, overdue and a credit note. */
async function everyStatus(app: TestApp): Promise<void> {
  const clients = (await hostCall<{ id: number; name: string }[]>(app, 'clients.list', { search: 'Initrode' })).value;
  const lines = [{ description: 'Performance review', kind: 'fee', quantity: '7.5', unit: 'hour', unitPrice: '300' }];
  const today = new Date().toISOString().slice(0, 10);
  const make = async (clientId: number, issueDate: string, issue = true) => {
    const draft = await hostCall<{ id: number }>(app, 'invoices.createDraft', { clientId, currency: 'GBP', issueDate, paymentTermsDays: 14, lines });
    return issue ? (await hostCall<{ id: number; lines: { id: number }[] }>(app, 'invoices.issue', { id: draft.value.id })).value : draft.value;
  };
  for (const client of clients) {
    await make(client.id, today, false);
    await make(client.id, today);
    const partly = await make(client.id, today);
    await hostCall(app, 'payments.record', { invoiceId: partly.id, date: today, amount: '100', method: 'bank-transfer' });
    const paid = await make(client.id, today);
    await hostCall(app, 'payments.record', { invoiceId: paid.id, date: today, amount: '2700', method: 'bank-transfer' });
    await make(client.id, '2025-01-10');
    const credited = (await make(client.id, today)) as { id: number; lines: { id: number }[] };
    await hostCall(app, 'creditNotes.issue', { invoiceId: credited.id, reason: 'Not worked', issueDate: today, lines: [{ lineId: credited.lines[0]!.id, quantity: '7.5' }] });
  }
}

/** Every client's country on one line (as tall as a one-line cell) and every column inside the window. */
async function expectClientsReadable(page: Page): Promise<void> {
  const rows = page.getByTestId('client-row');
  await expect(rows.first()).toBeVisible();
  const countries = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const country = tr.querySelectorAll('td')[1]!.querySelector('p') as HTMLElement;
      return { country: country.textContent, lines: Math.round(country.getBoundingClientRect().height / parseFloat(getComputedStyle(country).lineHeight)) };
    }),
  );
  for (const cell of countries) expect(cell, cell.country ?? '').toMatchObject({ lines: 1 });
  expect(countries.map((c) => c.country)).toContain('United Kingdom');
  const right = await page.getByTestId('client-table').evaluate((table) => table.getBoundingClientRect().right);
  expect(right).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** Every invoice number on one line and every status badge shown whole. */
async function expectListReadable(page: Page): Promise<void> {
  const rows = page.getByTestId('invoice-row');
  await expect(rows.first()).toBeVisible();
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const number = tr.querySelector('td p') as HTMLElement;
      const badge = tr.querySelector('[data-testid="status-badge"] .mantine-Badge-label') as HTMLElement;
      return {
        number: number.textContent,
        numberLines: Math.round(number.scrollHeight / parseFloat(getComputedStyle(number).lineHeight)),
        badge: badge.textContent,
        badgeCut: badge.scrollWidth > badge.clientWidth,
      };
    }),
  );
  for (const cell of cells) expect(cell, `${cell.number} ${cell.badge}`).toMatchObject({ numberLines: 1, badgeCut: false });
  // Every column fits: the last (Outstanding) ends inside the window, not under its edge.
  const right = await page.getByTestId('invoice-table').evaluate((table) => table.getBoundingClientRect().right);
  expect(right).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test('at 1024 px the invoice list stays readable; narrower, the sidebar folds behind a burger that closes on navigating, and the clients list keeps each country on one line at 800 and 1024 px', async ({ app }) => {
  const { page } = app;
  await everyStatus(app);
  await page.setViewportSize({ width: 1024, height: 700 });
  const sidebar = page.getByRole('navigation', { name: 'Main navigation' });
  const burger = page.getByRole('button', { name: 'Open navigation' });
  await new InvoicesPage(page).open();
  await expect(burger).toBeHidden();
  await expectListReadable(page);
  await page.screenshot({ path: test.info().outputPath('invoices-1024.png') });

  await page.setViewportSize({ width: 800, height: 700 });
  await expect(sidebar).not.toBeInViewport();
  await expectListReadable(page);
  await page.screenshot({ path: test.info().outputPath('invoices-800.png') });
  await burger.click();
  await expect(sidebar).toBeInViewport();
  await sidebar.getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await expect(sidebar).not.toBeInViewport();
  await expectClientsReadable(page);
  await page.screenshot({ path: test.info().outputPath('clients-800.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await expectClientsReadable(page);
  await page.screenshot({ path: test.info().outputPath('clients-1024.png') });
});

test('keyboard: ? lists every shortcut with Ctrl, / goes to the search field, Ctrl+Alt+N and Ctrl+Alt+C start an invoice and a client, from a text field too', async ({ app }) => {
  const { page } = app;
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await page.keyboard.press('Shift+?');
  await expect(sheet).toBeVisible();
  const row = (action: string) => sheet.getByRole('row').filter({ hasText: action });
  await expect(row('New invoice')).toContainText('CtrlAltN');
  await expect(row('New client')).toContainText('CtrlAltC');
  await expect(row('Start or stop the timer')).toContainText('CtrlShiftS');
  await expect(row("Choose the timer's contract")).toContainText('CtrlShiftO');
  await expect(row('Save the invoice draft')).toContainText('CtrlS');
  await expect(row('Search everything and run commands')).toContainText('CtrlK');
  await expect(sheet).not.toContainText('⌘');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).click();
  const search = page.getByRole('textbox', { name: 'Search clients' });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  // Typed in a field, / and ? are text, not shortcuts.
  await page.keyboard.type('a/b?');
  await expect(search).toHaveValue('a/b?');
  await expect(sheet).toBeHidden();
  await search.fill('');
  await search.blur();

  await page.keyboard.press('Control+Alt+C');
  const newClient = page.getByRole('dialog', { name: 'New client' });
  await expect(newClient).toBeVisible();
  // While a dialog is open the app's shortcuts leave the screen behind it alone.
  await page.keyboard.press('Control+Alt+N');
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await newClient.getByRole('button', { name: 'Cancel' }).click();
  await expect(newClient).toBeHidden();
  // Focus went back to the search field: the Ctrl+Alt shortcuts work from a text field too.
  await expect(search).toBeFocused();
  await search.fill('Ini');
  await page.keyboard.press('Control+Alt+C');
  await expect(newClient).toBeVisible();
  await newClient.getByRole('button', { name: 'Cancel' }).click();
  await expect(search).toBeFocused();
  await page.keyboard.press('Control+Alt+N');
  await expect(page.getByRole('heading', { name: 'New invoice', level: 1 })).toBeVisible();
});

test('one save, one toast: Ctrl+S pressed twice while the first save is on its way makes one draft', async ({ app }) => {
  const { page } = app;
  const invoices = new InvoicesPage(page);
  await invoices.open();
  await invoices.startDraft('Initech');
  await invoices.fillLines([{ description: 'Review', quantity: '2', unitPrice: '300' }]);
  // Every toast that appears is counted, however soon it closes itself on a loaded machine.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { toasts: string[] }).toasts = seen;
    new MutationObserver((changes) => {
      for (const node of changes.flatMap((c) => [...c.addedNodes])) {
        if (node instanceof HTMLElement && node.matches('[role="alert"]')) seen.push(node.textContent ?? '');
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const toasts = () => page.evaluate(() => (window as unknown as { toasts: string[] }).toasts);
  await page.keyboard.press('Control+s');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { name: 'Draft invoice', level: 1 })).toBeVisible();
  await expect.poll(toasts).toContain('Draft saved');
  expect((await hostCall<unknown[]>(app, 'invoices.list', { status: 'all', kind: 'all' })).value).toHaveLength(1);
  expect(await toasts()).toEqual(['Draft saved']);
});

test('the window has a favicon, linked from the built page and served by the host', async ({ app }) => {
  test.skip(!app.hostUrl, 'the browser host serves the built renderer');
  const { page } = app;
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', './favicon.svg');
  const icon = await page.request.get(new URL('favicon.svg', app.hostUrl!).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  expect(await icon.text()).toContain('<svg');
});
