import type { TestInfo } from '@playwright/test';
import { hostCall } from './api';
import { expect, test, waitForApp, type TestApp } from './fixtures';
import { TimePage } from './pages/time';
import { UK_PROFILE } from './seed';

const ACME = { name: 'Acme Rockets Inc', country: 'US', currency: 'USD', customerType: 'business', timezone: 'America/New_York', city: 'Boston', region: 'MA', postalCode: '02116', addressLine1: '1 Main St' } as const;

/**
 * A UK business billing a US client $300/h on a signed contract, made through the API
 * (onboarding and contracts specs cover those screens), then one reload to show them.
 */
async function seedContract(app: TestApp): Promise<number> {
  expect((await hostCall(app, 'profile.save', UK_PROFILE)).ok).toBe(true);
  const client = await hostCall<{ id: number }>(app, 'clients.create', ACME);
  const card = await hostCall<{ id: number }>(app, 'rateCards.create', { name: 'Standard', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2026-01-01', isDefault: true });
  const contract = await hostCall<{ id: number }>(app, 'contracts.create', {
    clientId: client.value.id,
    title: 'Postgres performance',
    startDate: '2026-01-05',
    notice: { amount: 1, unit: 'month' },
    rateCardId: card.value.id,
    discount: { kind: 'none' },
    currency: 'USD',
    billingCycle: { kind: 'fortnightly', anchor: '2026-01-05' },
    paymentTermsDays: 14,
    rounding: { mode: 'up', incrementMinutes: 15, scope: 'entry' },
    expensePolicy: { kind: 'at-cost' },
  });
  expect((await hostCall(app, 'contracts.sign', { id: contract.value.id })).ok).toBe(true);
  await app.page.reload();
  await waitForApp(app.page);
  return contract.value.id;
}

/** Full-page screenshots in both themes, for a person to look at. */
async function shots(app: TestApp, testInfo: TestInfo, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme });
    await app.page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`), fullPage: true });
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
}

test('the timer starts from the keyboard on one screen, ticks on another, and stops', async ({ app }, testInfo) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  await seedContract(app);
  const time = new TimePage(app.page);
  await app.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invoices' }).click();
  // The picker offers the signed contract; the timer starts on the one chosen.
  await time.timer.getByRole('combobox', { name: 'Timer contract' }).click();
  await app.page.getByRole('option', { name: /Postgres performance/ }).click();
  await time.timer.getByRole('textbox', { name: 'Timer note' }).fill('Slow checkout query');
  await app.page.getByRole('heading', { name: 'Invoices' }).click();
  await time.pressTimerShortcut();
  await expect(time.timer.getByRole('button', { name: 'Stop' })).toBeVisible();
  const first = await time.elapsed().textContent();

  await time.open();
  await expect(time.elapsed()).not.toHaveText(first!);
  await expect(time.elapsed()).toHaveText(/^0:0\d:\d\d$/);
  await expect(time.timer.getByText('Slow checkout query')).toBeVisible();
  await shots(app, testInfo, 'timer-running');

  await time.timer.getByRole('button', { name: 'Stop' }).click();
  await expect(time.timer.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(app.page.getByTestId('time-entry-row')).toHaveCount(1);
  await expect(app.page.getByTestId('time-entry-row')).toContainText('Slow checkout query');
  const current = await hostCall<{ running: unknown }>(app, 'timer.current', undefined);
  expect(current.value.running).toBeNull();
});

test('the week grid takes 1:30 and adds it up; a bad value says what is accepted and saves nothing', async ({ app }, testInfo) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  await seedContract(app);
  const time = new TimePage(app.page);
  await time.open();
  await expect(app.page.getByText('No time logged yet')).toBeVisible();
  const monday = time.cell('Postgres performance', /\w+ /).first();

  await time.typeInCell(monday, 'abc');
  await expect(time.grid.getByRole('alert')).toHaveText('Enter a duration like 1:30, 1.5, 90m, 1h30m or 1h');
  await expect(monday).toHaveAttribute('aria-invalid', 'true');
  await shots(app, testInfo, 'grid-refused');
  expect((await hostCall<{ count: number }>(app, 'time.totals', {})).value.count).toBe(0);

  // In en-GB a comma groups thousands: "2,5" may mean 2.5 or 25 hours, so the cell asks rather than guessing.
  await time.typeInCell(monday, '2,5');
  await expect(time.grid.getByRole('alert')).toHaveText('Use a point for decimals: 2.5');
  expect((await hostCall<{ count: number }>(app, 'time.totals', {})).value.count).toBe(0);

  await time.typeInCell(monday, '1:30');
  await expect(app.page.getByTestId('week-total')).toHaveText('1:30');
  await expect(time.grid.getByRole('alert')).toHaveCount(0);
  // Arrow right moves to Tuesday, which takes 90m the same way.
  await monday.press('ArrowRight');
  await app.page.keyboard.type('90m');
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByTestId('week-total')).toHaveText('3:00');
  await expect(app.page.getByTestId('week-billable')).toHaveText('3:00');
  await expect(app.page.getByTestId('time-totals')).toContainText('2 entries');
  await shots(app, testInfo, 'grid-filled');
  expect((await hostCall<{ count: number; seconds: number }>(app, 'time.totals', {})).value).toMatchObject({ count: 2, seconds: 3 * 3600 });
});
