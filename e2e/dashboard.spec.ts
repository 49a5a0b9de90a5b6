import { hostCall } from './api';
import { expect, test } from './fixtures';
import { INITECH, seedBook } from './seed';

/** An ISO date `n` days before today. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test('the dashboard shows revenue by month with a table view, and aged debt that opens onto its invoices', async ({ app }, testInfo) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  await seedBook(app, [INITECH]);
  const client = (await hostCall<{ id: number }[]>(app, 'clients.list', {})).value[0]!;
  // Due 14 days after issue: issued 60 days ago it is 46 days overdue; issued today it is not due.
  const issue = async (issueDate: string, unitPrice: string) => {
    const draft = await hostCall<{ id: number }>(app, 'invoices.createDraft', { clientId: client.id, currency: 'GBP', issueDate, paymentTermsDays: 14, lines: [{ description: 'Review', kind: 'fee', quantity: '1', unit: 'day', unitPrice }] });
    return (await hostCall<{ id: number; number: string }>(app, 'invoices.issue', { id: draft.value.id })).value;
  };
  const late = await issue(daysAgo(60), '1000');
  const current = await issue(daysAgo(0), '500');
  const lead = (await hostCall<{ id: number }>(app, 'leads.create', { title: 'Globex platform audit', source: 'referral', estimate: '15000', currency: 'GBP' })).value;
  await hostCall(app, 'leads.setStage', { id: lead.id, stage: 'proposal-sent' });

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Outstanding: £1,800.00' })).toBeVisible();
  const overdue = page.locator('[data-bucket="31-60"]');
  await expect(overdue).toContainText('£1,200.00');
  await expect(overdue).toContainText('1 invoice');
  // Profit this UK tax year: both fees when both were issued in it (no expenses).
  const taxYearOf = (iso: string) => Number(iso.slice(0, 4)) - (iso.slice(5) < '04-06' ? 1 : 0);
  const fees = taxYearOf(daysAgo(60)) === taxYearOf(daysAgo(0)) ? '£1,500.00' : '£500.00';
  await expect(page.getByTestId('profit-fees')).toHaveText(fees);
  // Nothing paid yet: the forecast takes due dates as they are; the overdue invoice is expected this week.
  await expect(page.getByRole('heading', { name: 'Cash expected in 90 days: £1,800.00' })).toBeVisible();
  await expect(page.getByText('No invoice has been paid in full yet.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Utilisation: 0%' })).toBeVisible();
  // Invoiced with no hours logged: listed with its fees, and no rate per hour.
  const rates = page.getByRole('table', { name: 'Effective hourly rate by client' });
  await expect(rates.getByRole('row')).toHaveCount(2);
  await expect(rates.getByRole('row').nth(1)).toContainText(INITECH.name);
  await expect(rates.getByRole('row').nth(1)).toContainText('—');
  await expect(page.getByTestId('profit-total')).toHaveText(fees);
  // £15,000.00 at Proposal sent (60%).
  await expect(page.getByRole('heading', { name: 'Pipeline: £9,000.00 weighted' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });
  await overdue.click();
  const list = page.getByRole('table', { name: '31–60 days overdue' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('link', { name: late.number })).toBeVisible();
  await expect(list.getByRole('link', { name: current.number })).toHaveCount(0);

  await page.getByRole('radiogroup', { name: 'Revenue as' }).getByText('Table', { exact: true }).click();
  const revenue = page.getByRole('table', { name: 'Revenue by month' });
  await expect(revenue.getByRole('row')).toHaveCount(13);
  const thisMonth = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${daysAgo(0).slice(0, 7)}-01T00:00:00Z`));
  await revenue.getByRole('button', { name: thisMonth }).click();
  await expect(page).toHaveURL(/#\/invoices$/);
  await expect(page.getByTestId('invoice-row').filter({ hasText: current.number })).toBeVisible();
  await expect(page.getByTestId('invoice-row').filter({ hasText: late.number })).toHaveCount(daysAgo(60).slice(0, 7) === daysAgo(0).slice(0, 7) ? 1 : 0);

  // A pipeline stage opens the leads list filtered to it.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.getByRole('button', { name: 'Proposal sent: open its leads' }).click();
  await expect(page).toHaveURL(/#\/leads$/);
  await expect(page.getByTestId('lead-row')).toHaveText([/Globex platform audit/]);
});

test('Today lists an overdue invoice and a VAT return to file, each opening its record', async ({ app }) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  await seedBook(app, [INITECH]);
  const client = (await hostCall<{ id: number }[]>(app, 'clients.list', {})).value[0]!;
  const draft = await hostCall<{ id: number }>(app, 'invoices.createDraft', { clientId: client.id, currency: 'GBP', issueDate: daysAgo(60), paymentTermsDays: 14, lines: [{ description: 'Review', kind: 'fee', quantity: '1', unit: 'day', unitPrice: '1000' }] });
  const late = (await hostCall<{ id: number; number: string }>(app, 'invoices.issue', { id: draft.value.id })).value;

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Today' }).click();
  const overdue = page.getByRole('region', { name: 'Overdue' });
  await expect(overdue.getByRole('listitem')).toHaveCount(1);
  await expect(overdue).toContainText('46 days ago');
  await expect(page.getByRole('region', { name: 'Coming up' })).toHaveCount(0);

  // Registered for VAT a year ago, quarterly: at least three quarters have ended and none is filed.
  await hostCall(app, 'vatReturns.saveSettings', { frequency: 'quarterly', stagger: 1, registeredOn: daysAgo(365), flatRatePercent: null, wholePounds: 'truncate' });
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await nav.getByRole('link', { name: 'Today' }).click();
  await expect(overdue.getByRole('link', { name: /^VAT return for / }).first()).toBeVisible();
  await overdue.getByRole('link', { name: `${late.number} to Initech: £1,200.00 outstanding` }).click();
  await expect(page).toHaveURL(new RegExp(`#/invoices/${late.id}$`));
});
