import { hostCall } from './api';
import { expect, test, type TestApp } from './fixtures';
import { discardChanges, expectFieldError, field } from './pages/form';
import { RateCardsPage } from './pages/rate-cards';
import { seedBook } from './seed';

/** With BILLABLE_RATE_CARD_SHOTS=1, screens are saved as /tmp/rate-cards-<name>.png for a person to look at. */
async function shot(app: TestApp, name: string) {
  if (process.env.BILLABLE_RATE_CARD_SHOTS === '1') await app.page.screenshot({ path: `/tmp/rate-cards-${name}.png` });
}

/** Calls the app's API as the renderer does: the browser host over HTTP, or Electron's preload bridge. */
async function appCall(app: TestApp, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  if (app.hostUrl) return hostCall(app, name, input);
  return app.page.evaluate(([n, i]) => (window as unknown as { billable: Record<string, (input: unknown) => Promise<{ ok: boolean; value?: unknown }>> }).billable[n]!(i), [name, input] as const);
}

/** A date in April of next year: always in the future, so a price from it is an upcoming change. */
const nextApril = `${new Date().getFullYear() + 1}-04-01`;
const nextAprilShown = new RegExp(`(1 Apr|Apr 1,) ${new Date().getFullYear() + 1}`);

const SHRINKING = 'The discount from 6 months (5%) is smaller than the one from 3 months (10%); a longer engagement should not get a smaller discount';

test.beforeEach(async ({ app }) => {
  await seedBook(app);
});

test('rate cards: an hourly default in USD, and a day rate after bad input that saves nothing', async ({ app }) => {
  const { page } = app;
  const cards = new RateCardsPage(page);
  await cards.open();
  await expect(page.getByText('No rate cards yet')).toBeVisible();
  await expect(page.getByText('No discount rules yet')).toBeVisible();

  await cards.createCard({ name: 'Standard', currency: 'USD', rate: '300', isDefault: true });
  const standard = cards.card('Standard');
  await expect(standard).toContainText('Default');
  await expect(standard).toContainText('per hour');
  await expect(standard).toContainText('US$300.00');
  await expect(standard).toContainText('1 price');

  // A day rate starts in the home currency (GBP). A negative rate and a missing day length are
  // refused together; then a name already used (case aside) is refused by the API, next to the field.
  await cards.fillNewCard({ name: 'standard', unit: 'Per day', rate: '-5', hoursPerDay: '' });
  const d = cards.dialog;
  await expect(field(d, 'Currency')).toHaveValue(/^GBP/);
  await cards.submit('Add rate card');
  await expectFieldError(d, 'Rate', "Rate can't be negative");
  await expectFieldError(d, 'Hours in a day', 'Enter how many hours make a day, like 8 or 7.5');
  await field(d, 'Rate').fill('900');
  await field(d, 'Hours in a day').fill('7.5');
  await cards.submit('Add rate card');
  await expectFieldError(d, 'Name', 'Already used by another rate card');
  await expect(cards.cardRows).toHaveCount(1);
  await field(d, 'Name').fill('Workshop day');
  await shot(app, 'new-card-modal');
  await cards.submit('Add rate card');
  await expect(d).toHaveCount(0);
  const workshop = cards.card('Workshop day');
  await expect(workshop).toContainText('per day (7.5 h)');
  await expect(workshop).toContainText('£900.00');
  await expect(workshop).not.toContainText('Default');
  await shot(app, 'page');
});

test('a price from a later date, discount rules in words, tiers that shrink refused, the continuity gap, and an old card archived', async ({ app }) => {
  const { page } = app;
  // Made through the API where the dialog is not what is tested: the first test covers New rate card.
  for (const card of [
    { name: 'Standard', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2024-01-01', isDefault: true },
    { name: 'Old hourly', unit: 'hour', currency: 'GBP', amount: '120', effectiveFrom: '2024-01-01' },
  ]) {
    expect(await appCall(app, 'rateCards.create', card)).toMatchObject({ ok: true });
  }
  expect(await appCall(app, 'discounts.save', { name: 'Retained', tiers: [{ fromMonths: 0, percent: '10' }] })).toMatchObject({ ok: true });
  const cards = new RateCardsPage(page);
  await cards.open();

  const standard = cards.card('Standard');
  await cards.addPrice('Standard', '320', nextApril);
  await expect(standard).toContainText('US$300.00');
  await expect(standard).toContainText(new RegExp(`US\\$320\\.00 from ${nextAprilShown.source}`));
  await expect(cards.rule('Retained')).toContainText('10% always');
  await cards.createRule('Long-term', [
    { fromMonths: '3', percent: '5' },
    { fromMonths: '6', percent: '10' },
  ]);
  await expect(cards.rule('Long-term')).toContainText('5% from 3 months, 10% from 6 months');

  // Tiers that shrink with time: the list says why, and nothing is saved.
  await cards.fillNewRule('Shrinking', [
    { fromMonths: '3', percent: '10' },
    { fromMonths: '6', percent: '5' },
  ]);
  await cards.submit('Add rule');
  await expect(cards.dialog.getByTestId('tiers-error')).toHaveText(SHRINKING);
  await cards.dialog.getByRole('button', { name: 'Cancel' }).click();
  await discardChanges(page);
  await expect(cards.ruleRows).toHaveCount(2);

  // The gap is an invoicing setting, saved with the rest of them unchanged.
  const gap = field(page, 'Gap allowed between contracts (days)');
  const saveGap = page.getByRole('form', { name: 'Continuous engagement' }).getByRole('button', { name: 'Save' });
  await expect(gap).toHaveValue('30');
  await gap.fill('400');
  await saveGap.click();
  await expectFieldError(page, 'Gap allowed between contracts (days)', 'At most 365 days');
  // What was typed stays as typed and is refused, never quietly read as another number (10.5 used to save 10).
  await gap.fill('10.5');
  await saveGap.click();
  await expect(gap).toHaveValue('10.5');
  await expectFieldError(page, 'Gap allowed between contracts (days)', 'Enter whole days');
  await gap.fill('45');
  await saveGap.click();
  await expect(page.getByText('Gap between contracts saved')).toBeVisible();
  expect((await appCall(app, 'settings.getInvoicing', undefined)).value).toMatchObject({ engagementGapDays: 45, invoicePattern: 'INV-{YYYY}-{SEQ:4}' });

  // A card's only price can't be deleted: the dialog says why.
  const d = cards.dialog;
  await cards.cardAction('Old hourly', 'Price history');
  await d.getByRole('button', { name: /^Delete the price from/ }).click();
  await page.getByRole('dialog', { name: /^Delete the price from/ }).getByRole('button', { name: 'Delete price' }).click();
  await expect(d.getByRole('alert')).toHaveText('A rate card needs at least one price. Archive the card instead.');
  await d.getByRole('button', { name: 'Done' }).click();

  // Archived cards are hidden until asked for, then shown dimmed.
  await cards.cardAction('Old hourly', 'Edit');
  await d.getByRole('checkbox', { name: 'Archived' }).check();
  await cards.submit('Save rate card');
  await expect(cards.cardRows).toHaveCount(1);
  await page.getByRole('switch', { name: 'Show archived' }).check();
  await expect(cards.card('Old hourly')).toContainText('Archived');
});

test('the API refuses the same bad rate cards and discount rules with field errors, and stores nothing', async ({ app }) => {
  test.skip(!app.hostUrl, 'API-level checks go through the browser host');
  const call = <T = unknown>(name: string, input: unknown) => hostCall<T>(app, name, input);
  const valid = { name: 'Standard', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2026-01-01', isDefault: true };
  const standard = await call<{ id: number; versions: { id: number }[] }>('rateCards.create', valid);
  expect(standard.ok).toBe(true);

  const cases: [string, unknown, Record<string, string>][] = [
    ['rateCards.create', { ...valid, name: 'Negative', amount: '-5' }, { amount: "Rate can't be negative" }],
    ['rateCards.create', { ...valid, name: 'Workshop day', unit: 'day', currency: 'GBP', amount: '900', hoursPerDay: null }, { hoursPerDay: 'Enter how many hours make a day, like 8 or 7.5' }],
    ['rateCards.create', { ...valid, name: 'STANDARD' }, { name: 'Already used by another rate card' }],
    ['rateCards.addPrice', { rateCardId: standard.value.id, effectiveFrom: nextApril, amount: '-5' }, { amount: "Rate can't be negative" }],
    ['rateCards.addPrice', { rateCardId: standard.value.id, effectiveFrom: '2026-01-01', amount: '320' }, { effectiveFrom: 'A price from this date already exists' }],
    [
      'discounts.save',
      {
        name: 'Shrinking',
        tiers: [
          { fromMonths: 3, percent: '10' },
          { fromMonths: 6, percent: '5' },
        ],
      },
      { tiers: SHRINKING },
    ],
    ['discounts.save', { name: 'Negative', tiers: [{ fromMonths: -1, percent: '10' }] }, { 'tiers.0.fromMonths': "Months can't be negative" }],
  ];
  for (const [name, input, fieldErrors] of cases) {
    const result = await call(name, input);
    expect(result.ok, `${name} ${JSON.stringify(input)}`).toBe(false);
    expect(result.error).toMatchObject({ code: 'VALIDATION', fieldErrors });
  }

  const lastPrice = await call('rateCards.removePrice', { id: standard.value.versions[0]!.id });
  expect(lastPrice.error).toMatchObject({ code: 'CONFLICT', message: 'A rate card needs at least one price. Archive the card instead.' });

  const list = await call<{ name: string; versions: unknown[] }[]>('rateCards.list', undefined);
  expect(list.value).toEqual([expect.objectContaining({ name: 'Standard', versions: [expect.objectContaining({ amountMinor: 30000 })] })]);
  expect((await call<unknown[]>('discounts.list', undefined)).value).toEqual([]);
});
