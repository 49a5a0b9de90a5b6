import AxeBuilder from '@axe-core/playwright';
import { hostCall } from './api';
import { expect, test, type TestApp } from './fixtures';
import { expectFieldError, field } from './pages/form';
import { InvoicesPage } from './pages/invoices';
import { RateCardsPage } from './pages/rate-cards';
import { TimePage } from './pages/time';
import { INITECH, seedBook } from './seed';

const ACME = { name: 'Acme Analytics', country: 'DE', timezone: 'Europe/Berlin', currency: 'EUR', customerType: 'business', taxNumber: 'DE123456788' } as const;

/** A draft dated 20 Nov 2026 for the only client: 2.5 hours at 1693, made through the API (canonical text). */
async function draftFor(app: TestApp, currency: string) {
  const clients = await hostCall<{ id: number }[]>(app, 'clients.list', {});
  const lines = [{ description: 'Beratung', kind: 'fee', quantity: '2.5', unit: 'hour', unitPrice: '1693' }];
  await hostCall(app, 'invoices.createDraft', { clientId: clients.value[0]!.id, currency, issueDate: '2026-11-20', paymentTermsDays: 14, lines });
}

for (const { locale, date, typed, picked, weekStart } of [
  { locale: 'en-GB', date: '20 Nov 2026', typed: '20/11/2026', picked: '25/11/2026', weekStart: 'Mo' },
  { locale: 'en-US', date: 'Nov 20, 2026', typed: '11/20/2026', picked: '11/25/2026', weekStart: 'Su' },
]) {
  test.describe(locale, () => {
    test.use({ locale });

    test(`${locale}: dates, date fields and amounts follow the locale, and a decimal comma in a line is named at once, never dropped from the total`, async ({ app }) => {
      await seedBook(app, [INITECH]);
      await draftFor(app, 'GBP');
      const invoices = new InvoicesPage(app.page);
      await invoices.open();
      await expect(invoices.rows.first()).toContainText(date);
      await expect(invoices.rows.first()).toContainText('£5,079.00');
      await invoices.rows.first().click();

      const issueDate = field(app.page, 'Issue date');
      await expect(issueDate).toHaveValue(typed);
      // The calendar pops up from the field's button, its week starting on the locale's first day; a day picked fills the field in the locale's order.
      await issueDate.locator('xpath=..').getByRole('button', { name: 'Open calendar' }).click();
      const day = app.page.getByRole('button', { name: '25 November 2026' });
      await expect(day).toBeVisible();
      await expect(app.page.locator('[data-dates-dropdown] thead th').first()).toHaveText(weekStart);
      await app.page.screenshot({ path: test.info().outputPath(`date-picker-${locale}.png`) });
      const axe = await new AxeBuilder({ page: app.page }).include('[data-dates-dropdown]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await day.click();
      await expect(issueDate).toHaveValue(picked);
      await expect(day).toBeHidden();
      const quantity = field(app.page, 'Line 1 quantity');
      await expect(quantity).toHaveValue('2.5');
      await quantity.fill('2,5');
      await expectFieldError(app.page, 'Line 1 quantity', 'Use a point for decimals: 2.5');
      await expect(app.page.getByTestId('line-problems')).toContainText('Line 1: Use a point for decimals: 2.5');
      await expect(app.page.getByTestId('total-gross')).toBeHidden();

      await quantity.fill('2.5');
      await expect(app.page.getByTestId('line-amount')).toHaveText('4,232.50');
      await expect(app.page.getByTestId('total-gross')).toHaveText('£5,079.00');
    });
  });
}

test.describe('de-DE', () => {
  test.use({ locale: 'de-DE' });

  test('de-DE: a German user sees 4.232,50 € and types "2,5" hours as 2.5, kept as typed after saving', async ({ app }) => {
    await seedBook(app, [ACME]);
    await draftFor(app, 'EUR');
    const invoices = new InvoicesPage(app.page);
    await invoices.open();
    await expect(invoices.rows.first()).toContainText('20. Nov. 2026');
    await expect(invoices.rows.first()).toContainText('4.232,50 €');
    await invoices.rows.first().click();

    await expect(field(app.page, 'Issue date')).toHaveValue('20.11.2026');
    const quantity = field(app.page, 'Line 1 quantity');
    await expect(quantity).toHaveValue('2,5');
    await quantity.fill('1,5');
    await field(app.page, 'Line 1 unit price').fill('1.693,00');
    await expect(app.page.getByTestId('line-amount')).toHaveText('2.539,50');
    await quantity.fill('2,5');
    await expect(app.page.getByTestId('line-amount')).toHaveText('4.232,50');
    await expect(app.page.getByTestId('total-gross')).toHaveText('4.232,50 €');

    await app.page.getByRole('button', { name: 'Save draft' }).click();
    await expect(app.page.getByText('Draft saved')).toBeVisible();
    await app.page.reload();
    await expect(field(app.page, 'Line 1 quantity')).toHaveValue('2,5');
    // Stored as canonical text ("1693.00"), shown again as a German user types it.
    await expect(field(app.page, 'Line 1 unit price')).toHaveValue('1693,00');
  });
  test('de-DE: a rate card price "1.234,50" saves as 1234.50 and a week-grid cell takes "2,5" as 2.5 hours', async ({ app }) => {
    await seedBook(app, [ACME]);
    const cards = new RateCardsPage(app.page);
    await cards.open();
    await cards.fillNewCard({ name: 'Beratung', currency: 'EUR', rate: '12.5', from: '01.01.2026' });
    await cards.submit('Add rate card');
    await expectFieldError(cards.dialog, 'Rate', 'Use a comma for decimals: 12,5');
    await field(cards.dialog, 'Rate').fill('1.234,50');
    await cards.submit('Add rate card');
    await expect(cards.dialog).toHaveCount(0);
    await expect(cards.card('Beratung')).toContainText('1.234,50');
    const saved = await hostCall<{ id: number; current: { amountMinor: number } }[]>(app, 'rateCards.list', undefined);
    expect(saved.value[0]!.current.amountMinor).toBe(123450);

    const clients = await hostCall<{ id: number }[]>(app, 'clients.list', {});
    const contract = await hostCall<{ id: number }>(app, 'contracts.create', {
      clientId: clients.value[0]!.id,
      title: 'Datenbank',
      startDate: '2026-01-05',
      notice: { amount: 1, unit: 'month' },
      rateCardId: saved.value[0]!.id,
      discount: { kind: 'none' },
      currency: 'EUR',
      billingCycle: { kind: 'fortnightly', anchor: '2026-01-05' },
      paymentTermsDays: 14,
      rounding: { mode: 'up', incrementMinutes: 15, scope: 'entry' },
      expensePolicy: { kind: 'at-cost' },
    });
    expect(contract.error).toBeUndefined();
    expect((await hostCall(app, 'contracts.sign', { id: contract.value.id })).ok).toBe(true);
    const time = new TimePage(app.page);
    await time.open();
    const monday = time.cell('Datenbank', /\w+ /).first();
    await time.typeInCell(monday, '2.5');
    await expect(time.grid.getByRole('alert')).toHaveText('Use a comma for decimals: 2,5');
    await time.typeInCell(monday, '2,5');
    await expect(app.page.getByTestId('week-total')).toHaveText('2:30');
    expect((await hostCall<{ seconds: number }>(app, 'time.totals', {})).value.seconds).toBe(2.5 * 3600);
  });
});
