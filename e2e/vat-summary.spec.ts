import fs from 'node:fs';
import { hostCall } from './api';
import { expect, test } from './fixtures';
import { INITECH, seedBook } from './seed';

const ACME = { name: 'Acme Analytics', country: 'DE', currency: 'EUR', customerType: 'business', taxNumber: 'DE123456788', timezone: 'Europe/Berlin' } as const;

test('VAT summary and EC Sales List: a UK standard-rate sale and an EU reverse-charge one in the quarter, their documents, CSV, a bad range refused', async ({ app }) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  await seedBook(app, [INITECH, ACME]);
  const today = new Date().toISOString().slice(0, 10);
  const clients = (await hostCall<{ id: number; name: string }[]>(app, 'clients.list', {})).value;
  const issue = async (client: string, currency: string, unitPrice: string, fx?: unknown) => {
    const draft = await hostCall<{ id: number }>(app, 'invoices.createDraft', {
      clientId: clients.find((c) => c.name === client)!.id,
      currency,
      issueDate: today,
      paymentTermsDays: 30,
      lines: [{ description: 'Postgres performance review', kind: 'fee', quantity: '2', unit: 'day', unitPrice }],
    });
    const issued = await hostCall<{ number: string }>(app, 'invoices.issue', { id: draft.value.id, ...(fx ? { fx } : {}) });
    expect(issued.ok).toBe(true);
    return issued.value.number;
  };
  const uk = await issue('Initech', 'GBP', '600');
  // €3,000 at 1.1564 EUR per GBP: 3000 ÷ 1.1564 = £2,594.257… → £2,594.26; the EC Sales List drops the pence.
  const eu = await issue('Acme Analytics', 'EUR', '1500', { rate: '1.1564', source: 'hmrc-period', date: today });

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'VAT returns' }).click();
  await page.getByRole('link', { name: 'VAT summary and EC Sales List' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('VAT summary and EC Sales List');

  // This quarter: 2 days at £600 with 20% VAT, and the reverse-charge sale with none.
  const summary = page.getByTestId('vat-summary');
  const standard = summary.getByRole('row').filter({ hasText: 'Standard rate 20%' });
  await expect(standard).toContainText('£1,200.00');
  await expect(standard).toContainText('£240.00');
  const reverse = summary.getByRole('row').filter({ hasText: 'Reverse charge' });
  await expect(reverse).toContainText('£2,594.26');
  await expect(reverse).toContainText('£0.00');
  await expect(summary.getByRole('row').filter({ hasText: 'Total' })).toContainText('£3,794.26');
  await page.getByRole('button', { name: '1 document: Reverse charge' }).click();
  await expect(page.getByRole('table', { name: 'Documents: Reverse charge' }).getByRole('link', { name: eu })).toHaveAttribute('href', /\/invoices\/\d+$/);
  await expect(page.getByRole('table', { name: 'By invoice currency' }).getByRole('row').filter({ hasText: 'EUR' })).toContainText('€3,000.00');
  await expect(summary.getByRole('link', { name: uk })).toHaveCount(0);

  await page.getByRole('tab', { name: 'EC Sales List' }).click();
  await expect(page.getByText('For your records: not a filing for your business')).toBeVisible();
  const line = page.getByTestId('ec-sales-list').getByRole('row').filter({ hasText: 'DE123456788' });
  await expect(line).toContainText('Acme Analytics');
  await expect(line).toContainText('£2,594');
  await expect(line).not.toContainText('£2,594.26');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ec-sales-list-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(fs.readFileSync(await download.path(), 'utf8')).toContain('DE,DE123456788,Acme Analytics,2594');

  // A range that ends before it starts is refused on "To" and the figures stay as they were.
  await page.getByText('Custom range', { exact: true }).click();
  const range = page.getByRole('form', { name: 'Custom range' });
  await range.getByLabel(/^From/).fill('2026-12-31');
  const to = range.getByLabel(/^To/);
  await to.fill('2026-10-01');
  await range.getByRole('button', { name: 'Show' }).click();
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(to).toHaveAccessibleDescription(/The period ends before it starts/);
  await expect(page.getByTestId('ec-sales-list')).toContainText('£2,594');
});
