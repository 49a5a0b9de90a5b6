import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { hostCall } from './api';
import { expect, test, waitForApp, type TestApp } from './fixtures';
import { ExpensesPage } from './pages/expenses';
import { field } from './pages/form';
import { TimePage } from './pages/time';
import { UK_PROFILE } from './seed';

const INITRODE = { name: 'Initrode Inc', country: 'US', currency: 'USD', customerType: 'business', timezone: 'America/New_York', city: 'Boston', region: 'MA', postalCode: '02116', addressLine1: '1 Main St' } as const;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

/**
 * The main user's contract, through the API (contracts.spec covers its screens): a US client on
 * $300/h less 10% retained, billed every two weeks, with a timesheet on each invoice. The
 * fortnight ends today, so it is due whatever day the suite runs.
 */
async function seedContract(app: TestApp): Promise<void> {
  expect((await hostCall(app, 'profile.save', UK_PROFILE)).ok).toBe(true);
  const client = await hostCall<{ id: number }>(app, 'clients.create', INITRODE);
  const card = await hostCall<{ id: number }>(app, 'rateCards.create', { name: 'Standard', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2020-01-01', isDefault: true });
  const retained = await hostCall<{ id: number }>(app, 'discounts.save', { name: 'Retained', tiers: [{ fromMonths: 0, percent: '10' }] });
  const start = daysAgo(13);
  const contract = await hostCall<{ id: number }>(app, 'contracts.create', {
    clientId: client.value.id,
    title: 'Postgres performance',
    startDate: start,
    notice: { amount: 1, unit: 'month' },
    rateCardId: card.value.id,
    discount: { kind: 'rule', ruleId: retained.value.id },
    currency: 'USD',
    billingCycle: { kind: 'fortnightly', anchor: start },
    paymentTermsDays: 14,
    rounding: { mode: 'up', incrementMinutes: 15, scope: 'entry' },
    expensePolicy: { kind: 'at-cost' },
  });
  expect((await hostCall(app, 'contracts.sign', { id: contract.value.id })).ok).toBe(true);
  expect((await hostCall(app, 'contracts.setTimesheetAppendix', { id: contract.value.id, on: true })).ok).toBe(true);
  await app.page.reload();
  await waitForApp(app.page);
}

async function logExpense(expenses: ExpensesPage, e: { date: string; category: string; supplier: string; description: string; amount: string }) {
  await expenses.startNew();
  await expenses.field('Date').fill(e.date);
  await expenses.choose('Category', e.category);
  await expenses.field('Supplier').fill(e.supplier);
  await expenses.field('Description').fill(e.description);
  await expenses.field('Amount paid').fill(e.amount);
  await expenses.choose('Currency', /^USD/);
  await expenses.choose('Contract', /Postgres performance/);
  await expenses.dialog.getByRole('switch', { name: /Rebillable/ }).click();
  await expenses.save();
  await expect(expenses.dialog).toBeHidden();
}

test('a fortnight: timer, manual entry, hotel and flight, then the billing run drafts the invoice, which issues with its timesheet', async ({ app }, testInfo) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  test.setTimeout(120_000);
  const { page } = app;
  await seedContract(app);

  // A short timer (billed as a quarter hour) and a working day typed in by hand.
  const time = new TimePage(page);
  await time.open();
  await time.timer.getByRole('combobox', { name: 'Timer contract' }).click();
  await page.getByRole('option', { name: /Postgres performance/ }).click();
  await time.timer.getByRole('textbox', { name: 'Timer note' }).fill('Checkout query triage');
  await time.timer.getByRole('button', { name: 'Start' }).click();
  await expect(time.timer.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(time.elapsed()).toHaveText(/^0:00:0[2-9]$/);
  await time.timer.getByRole('button', { name: 'Stop' }).click();
  await expect(time.timer.getByRole('button', { name: 'Start' })).toBeVisible();
  await page.getByRole('button', { name: 'Log time' }).first().click();
  const log = page.getByRole('dialog');
  await field(log, 'Date').fill(daysAgo(1));
  await field(log, 'Duration').fill('7:30');
  await field(log, 'Note').fill('Index review: orders table');
  await log.getByRole('button', { name: 'Log time' }).click();
  await expect(log).toBeHidden();
  await expect(page.getByTestId('time-entry-row')).toHaveCount(2);

  const expenses = new ExpensesPage(page);
  await expenses.open();
  await logExpense(expenses, { date: daysAgo(5), category: 'Accommodation', supplier: 'Marriott Copley', description: 'Hotel, 3 nights', amount: '897.00' });
  await logExpense(expenses, { date: daysAgo(6), category: 'Travel', supplier: 'British Airways', description: 'Flight LHR–BOS', amount: '612.40' });
  await expect(expenses.rows).toHaveCount(2);

  // The dashboard shows the same invoice coming: due now, with the work so far.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
  const upcoming = page.getByRole('table', { name: 'Upcoming invoices' });
  await expect(upcoming.getByRole('row')).toHaveCount(2);
  await expect(upcoming.getByRole('row').nth(1)).toContainText(/Due now.*Postgres performance.*Initrode Inc.*7:30 \(2 entries\).*US\$3,601\.90/);

  // The billing run prices the fortnight at $270/h with each entry rounded up to 15 minutes.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Billing run' }).click();
  const card = page.locator('[aria-label^="Initrode Inc: C-"]');
  await expect(card).toContainText('7:30 worked · 7:45 billed after rounding (2 entries)');
  const lines = page.getByRole('table', { name: /^Lines for Initrode Inc/ });
  await expect(lines.getByRole('row')).toHaveCount(4);
  await expect(lines.getByRole('row').nth(1)).toContainText(/Postgres performance, .+7\.75 hours\s*270\.00\s*US\$2,092\.50/);
  await expect(lines).toContainText('Flight LHR–BOS (British Airways');
  await expect(card).toContainText('US$3,601.90');
  await page.screenshot({ path: testInfo.outputPath('billing-run.png'), fullPage: true });
  await page.getByRole('button', { name: 'Draft 1 invoice' }).click();
  const done = page.getByRole('status').filter({ hasText: '1 draft ready to check and issue' });
  await expect(done).toBeVisible();
  await expect(page.getByText('Nothing is due')).toBeVisible();
  await done.getByRole('link', { name: /Initrode Inc, C-\d+: US\$3,601\.90/ }).click();

  // The draft issues like any other, at the exchange rate the user gives.
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  const issue = page.getByRole('dialog');
  await field(issue, 'USD per 1 GBP').fill('1.27');
  await issue.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(issue).toBeHidden();
  await expect(page.getByRole('heading', { name: /^INV-/ })).toBeVisible();

  const list = await hostCall<{ id: number }[]>(app, 'invoices.list', {});
  const pdf = await hostCall<{ dataBase64: string }>(app, 'invoices.pdf', { id: list.value[0]!.id });
  const file = testInfo.outputPath('fortnight.pdf');
  fs.writeFileSync(file, Buffer.from(pdf.value.dataBase64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toMatch(/7\.75 hours\s+270\.00\s+—\s+2,092\.50/);
  expect(text).toMatch(/Hotel, 3 nights \(Marriott Copley, .+\s+1\s+897\.00\s+—\s+897\.00/);
  expect(text).toMatch(/Flight LHR–BOS \(British Airways.+\s+1\s+612\.40\s+—\s+612\.40/);
  expect(text).toMatch(/Total\s+USD 3,601\.90/);
  expect(text).toMatch(/Timesheet/);
  expect(text).toMatch(/7:30\s+Index review: orders table/);
  expect(text).toMatch(/0:0\d\s+Checkout query triage/);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, testInfo.outputPath('fortnight')]);

  // Billed work is locked: the entry now says which invoice holds it.
  await time.open();
  await expect(page.getByTestId('time-entry-row').first()).toContainText(/INV-/);
});
