import fs from 'node:fs';
import { hostCall } from './api';
import { expect, test } from './fixtures';
import { expectFieldError, field } from './pages/form';
import { INITECH, seedBook } from './seed';

/** The first day of the month `back` months before today's, as an ISO date. */
function monthStart(back: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
}
const day = (iso: string, d: number) => `${iso.slice(0, 8)}${String(d).padStart(2, '0')}`;

test('VAT returns: set up, the boxes and the records behind them, finalise with a period key, later records go on the next return, export', async ({ app }, testInfo) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  await seedBook(app, [INITECH]);
  // Monthly returns from two months ago: two months that have ended and this one.
  const first = monthStart(2);
  const client = (await hostCall<{ id: number }[]>(app, 'clients.list', {})).value[0]!;
  const draft = await hostCall<{ id: number }>(app, 'invoices.createDraft', {
    clientId: client.id,
    currency: 'GBP',
    issueDate: day(first, 15),
    paymentTermsDays: 30,
    lines: [{ description: 'Postgres performance review', kind: 'fee', quantity: '2', unit: 'day', unitPrice: '600' }],
  });
  const issued = await hostCall<{ id: number; number: string; lines: { id: number }[] }>(app, 'invoices.issue', { id: draft.value.id });
  expect(issued.ok).toBe(true);

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'VAT returns' }).click();
  await expect(page.getByText('Set up your VAT returns')).toBeVisible();
  await page.getByRole('button', { name: 'Set up VAT returns' }).click();
  const settings = page.getByRole('dialog', { name: 'VAT return settings' });
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByLabel('VAT registration date')).toHaveAccessibleDescription(/Enter your VAT registration date/);
  expect((await hostCall<{ registeredOn: string | null }>(app, 'vatReturns.getSettings', undefined)).value.registeredOn).toBeNull();
  await settings.getByLabel('VAT registration date').fill(first);
  await field(settings, 'Returns').click();
  await page.getByRole('option', { name: 'Monthly' }).click();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();

  const periods = page.getByTestId('vat-periods').getByRole('row');
  await expect(periods).toHaveCount(4);
  await expect(periods.nth(1)).toContainText('In progress');
  await expect(periods.nth(3)).toContainText('£240.00 to pay');

  await periods.nth(3).click();
  await expect(page.getByTestId('vat-box1')).toHaveText('£240.00');
  await expect(page.getByTestId('vat-box6')).toHaveText('£1,200');
  await expect(page.getByTestId('vat-box4')).toHaveText('£0.00');
  await page.getByRole('button', { name: /^Box 1: VAT due on sales/ }).click();
  await expect(page.getByRole('link', { name: issued.value.number })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('vat-return.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click().then(() => page.getByRole('menuitem', { name: /^CSV/ }).click())]);
  expect(download.suggestedFilename()).toBe(`vat-return-${first}-to-${day(first, new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 0)).getUTCDate())}-draft.csv`);
  expect(fs.readFileSync(await download.path(), 'utf8')).toContain(`1,${day(first, 15)},${issued.value.number},240.00`);

  await page.getByRole('button', { name: 'Finalise' }).click();
  const finalise = page.getByRole('dialog', { name: 'Finalise this VAT return' });
  await finalise.getByRole('textbox', { name: 'Period key' }).fill('2a');
  await finalise.getByRole('button', { name: 'Finalise return' }).click();
  await expectFieldError(finalise, 'Period key', 'The period key is the 4-character code HMRC shows for this return');
  expect((await hostCall<{ state: string }[]>(app, 'vatReturns.periods', undefined)).value.every((p) => p.state === 'open')).toBe(true);
  await finalise.getByRole('textbox', { name: 'Period key' }).fill('26a9');
  await finalise.getByRole('button', { name: 'Finalise return' }).click();
  await expect(finalise).toBeHidden();
  await expect(page.getByText('Finalised with period key 26A9')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Finalise' })).toHaveCount(0);

  // A credit note for half the work, issued today, lands in this month's return, not the filed one.
  const today = new Date().toISOString().slice(0, 10);
  const note = await hostCall(app, 'creditNotes.issue', { invoiceId: issued.value.id, issueDate: today, reason: 'One day not worked', lines: [{ lineId: issued.value.lines[0]!.id, quantity: '1' }] });
  expect(note.ok).toBe(true);
  // A receipt from the finalised month turns up: that return stays as filed; the VAT goes on the next.
  const late = await hostCall(app, 'expenses.create', {
    date: day(first, 20),
    category: 'equipment',
    supplier: 'Scan Computers',
    description: 'Monitor',
    amount: '360.00',
    currency: 'GBP',
    vat: '60.00',
    vatReclaimable: true,
    contractId: null,
    rebillable: false,
  });
  expect(late.ok).toBe(true);
  await page.reload();
  await expect(page.getByTestId('vat-box4')).toHaveText('£0.00');
  await page.getByRole('link', { name: 'VAT returns' }).first().click();
  await expect(periods.nth(3)).toContainText('Finalised · 26A9');
  await expect(periods.nth(3)).toContainText('£240.00 to pay');
  await expect(periods.nth(1)).toContainText('£120.00 to reclaim');
  await periods.nth(2).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('VAT return');
  await expect(page.getByTestId('vat-box4')).toHaveText('£60.00');
  await expect(page.getByTestId('vat-box5')).toHaveText('£60.00');
  await expect(page.getByText('HMRC repays you')).toBeVisible();
});
