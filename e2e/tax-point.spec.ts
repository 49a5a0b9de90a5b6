import { hostCall } from './api';
import { expect, test } from './fixtures';
import { INITECH, seedBook } from './seed';
import { field } from './pages/form';
import { InvoicesPage } from './pages/invoices';

test.beforeEach(async ({ app }) => {
  await seedBook(app, [INITECH]);
});

test('VAT-inclusive prices and the derived tax point show on the draft; an override without a reason saves nothing', async ({ app }) => {
  const { page } = app;
  const invoices = new InvoicesPage(page);
  await invoices.open();
  await invoices.startDraft('Initech');
  await invoices.fillLines([{ description: 'Workshop seats', quantity: '36', unitPrice: '1.99' }]);
  await page.getByRole('switch', { name: 'Prices include VAT' }).check({ force: true });
  await expect(page.getByTestId('total-vat')).toHaveText('£11.94');
  await expect(page.getByTestId('total-gross')).toHaveText('£71.64');

  await field(page, 'Issue date').fill('2026-11-16');
  await field(page, 'Supply to').fill('2026-11-01');
  await expect(page.getByTestId('tax-point')).toHaveText(/Nov 1, 2026|1 Nov 2026/);
  await expect(page.getByTestId('tax-point-rule')).toContainText('more than 14 days after the work was completed');

  await page.getByRole('switch', { name: 'Set my own tax point' }).check({ force: true });
  const panel = page.locator('form[aria-label="Invoice draft"]');
  await field(panel, 'Tax point').fill('2026-11-05');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(field(panel, 'Reason')).toHaveAccessibleDescription('Say why you set your own tax point');
  expect((await hostCall<unknown[]>(app, 'invoices.list', {})).value).toEqual([]);

  await field(panel, 'Reason').fill('Agreed with the client');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('tax-point')).toHaveText(/Nov 5, 2026|5 Nov 2026/);
  const [saved] = (await hostCall<{ id: number }[]>(app, 'invoices.list', {})).value;
  const draft = await hostCall<{ taxPoint: string; taxPointReason: string; pricesIncludeVat: boolean; vat: number }>(app, 'invoices.get', { id: saved!.id });
  expect(draft.value).toMatchObject({ taxPoint: '2026-11-05', taxPointReason: 'Agreed with the client', pricesIncludeVat: true, vat: 1194 });
});
