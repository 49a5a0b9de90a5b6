import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { hostCall } from './api';
import { expect, test, type TestApp } from './fixtures';
import { choose, expectFieldError, field } from './pages/form';
import { seedBook } from './seed';

const ACME = { name: 'Acme Rockets Inc', country: 'US', currency: 'USD', customerType: 'business', timezone: 'America/New_York', city: 'Boston', region: 'MA', postalCode: '02116', addressLine1: '1 Main St' } as const;

/** A rate card and a discount rule made through the API: the settings screen has its own spec. */
async function seedRates(app: TestApp) {
  await seedBook(app, [ACME]);
  const card = await hostCall<{ id: number }>(app, 'rateCards.create', { name: 'Standard', unit: 'hour', currency: 'USD', amount: '300', effectiveFrom: '2026-01-01', isDefault: true });
  const rule = await hostCall<{ id: number }>(app, 'discounts.save', { name: 'Retained', tiers: [{ fromMonths: 0, percent: '10' }] });
  expect(card.ok && rule.ok).toBe(true);
  return { cardId: card.value.id, ruleId: rule.value.id };
}

test('a US client at $300/h with a 10% retained discount every two weeks: create, sign, amend, invoice', async ({ app }, testInfo) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  await seedRates(app);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contracts' }).click();
  await expect(page.getByText('No contracts yet')).toBeVisible();
  await page.getByRole('button', { name: 'New contract' }).first().click();

  await choose(page, page, 'Client', 'Acme', 'Acme Rockets Inc');
  await field(page, 'Title').fill('Rails and Postgres performance');
  await page.getByLabel('Scope').fill('Find and fix the slow queries behind checkout.');
  await field(page, 'Start date').fill('2026-12-07');
  await page.locator('label', { hasText: /^Discount rule$/ }).first().click();
  await field(page, 'Discount rule').click();
  await page.getByRole('option', { name: 'Retained' }).click();
  await field(page, 'First period starts').fill('2026-12-07');
  await expect(page.getByTestId('effective-rate')).toHaveText(/\$300\/h list, 10% retained, (US)?\$270\/h/);
  await expect(page.getByTestId('next-billing-date')).toHaveText(/20 Dec 2026|Dec 20, 2026/);
  await page.screenshot({ path: testInfo.outputPath('contract-editor.png'), fullPage: true });

  await page.getByRole('button', { name: 'Create draft contract' }).click();
  await expect(page.getByTestId('contract-status')).toHaveText('Draft');
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign contract' }).click();
  await expect(page.getByTestId('contract-status')).toHaveText('Signed');
  await page.screenshot({ path: testInfo.outputPath('contract-signed.png'), fullPage: true });

  const contracts = await hostCall<{ id: number }[]>(app, 'contracts.list', {});
  const contract = await hostCall<{ id: number; versions: { id: number }[] }>(app, 'contracts.get', { id: contracts.value[0]!.id });
  const pdf = await hostCall<{ dataBase64: string }>(app, 'contracts.pdf', { versionId: contract.value.versions[0]!.id });
  const file = testInfo.outputPath('contract.pdf');
  fs.writeFileSync(file, Buffer.from(pdf.value.dataBase64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Acme Rockets Inc');
  expect(text).toMatch(/\$270\.00 per hour/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, testInfo.outputPath('contract-page')]);

  // An amendment from a later date; the original stays signed and readable.
  await page.getByRole('button', { name: 'Amend' }).click();
  await page.getByRole('dialog').getByLabel('Takes effect on').fill('2027-03-01');
  await page.getByRole('dialog').getByRole('button', { name: 'Start amendment' }).click();
  await expect(page.getByRole('heading', { name: /Amendment 1 to C-/ })).toBeVisible();
  await field(page, 'Title').fill('Rails and Postgres performance, phase 2');
  await page.getByRole('button', { name: 'Save amendment' }).click();
  await page.getByRole('button', { name: 'Sign amendment' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign amendment' }).click();
  await expect(page.getByRole('table', { name: 'Contract versions' }).getByText(/· signed /)).toHaveCount(2);

  // A fortnight's invoice starts from the contract: client, currency, terms and the rate.
  await page.getByRole('button', { name: 'New invoice' }).click();
  await expect(page.getByRole('heading', { name: 'New invoice' })).toBeVisible();
  await expect(page.getByTestId('invoice-contract')).toContainText('C-0001');
  await expect(page.getByRole('textbox', { name: 'Line 1 unit price' })).toHaveValue('270');
  await page.getByRole('textbox', { name: 'Line 1 quantity' }).fill('37.5');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { name: 'Draft invoice' })).toBeVisible();
  await expect(page.getByTestId('line-pricing')).toContainText(/\$300\/h list, 10% retained, (US)?\$270\/h/);
  const invoices = await hostCall<{ id: number }[]>(app, 'invoices.list', {});
  const invoice = await hostCall<{ contractId: number | null; net: number }>(app, 'invoices.get', { id: invoices.value[0]!.id });
  expect(invoice.value).toMatchObject({ contractId: contract.value.id, net: 1012500 });
});

test('bad contract terms show a message at each field and save nothing, in the UI and through the API', async ({ app }) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  const { cardId } = await seedRates(app);
  await page.goto(new URL('#/contracts/new', page.url()).toString());
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contracts' }).click();
  await page.getByRole('button', { name: 'New contract' }).first().click();
  await choose(page, page, 'Client', 'Acme', 'Acme Rockets Inc');
  await field(page, 'Title').fill('Audit');
  await field(page, 'Start date').fill('2026-12-07');
  await page.getByLabel('Open-ended').uncheck();
  await field(page, 'End date').fill('2026-12-01');
  await page.getByLabel('Monthly retainer, prepaid').check();
  await field(page, 'Monthly fee').fill('-5');
  await field(page, 'Included hours a month').fill('745');
  await field(page, 'Overage rate per hour').fill('300');
  await page.getByRole('button', { name: 'Create draft contract' }).click();
  await expectFieldError(page, 'End date', 'The contract ends before it starts');
  await expectFieldError(page, 'Monthly fee', "Monthly fee can't be negative");
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toBeVisible();

  const base = {
    clientId: (await hostCall<{ id: number }[]>(app, 'clients.list', {})).value[0]!.id,
    title: 'Audit',
    startDate: '2026-12-07',
    notice: { amount: 1, unit: 'month' },
    rateCardId: cardId,
    discount: { kind: 'none' },
    currency: 'USD',
    billingCycle: { kind: 'monthly' },
    paymentTermsDays: 30,
    rounding: { mode: 'none', incrementMinutes: 15, scope: 'entry' },
    expensePolicy: { kind: 'at-cost' },
  };
  const fixed = await hostCall<{ id: number }>(app, 'rateCards.create', { name: 'Fixed audit', unit: 'fixed', currency: 'USD', amount: '12000', effectiveFrom: '2026-01-01' });
  const refusals: [object, Record<string, string>][] = [
    [{ endDate: '2026-12-01' }, { endDate: 'The contract ends before it starts' }],
    [{ rateCardId: fixed.value.id, rounding: { mode: 'up', incrementMinutes: 15, scope: 'entry' } }, { 'rounding.mode': 'A fixed-price contract is not billed by time, so it has no rounding rule' }],
    [{ retainer: { monthlyFee: '6000', includedHours: '745', overageRate: '300', rollover: false } }, { 'retainer.includedHours': 'A month has at most 744 hours' }],
  ];
  for (const [change, fieldErrors] of refusals) {
    const result = await hostCall(app, 'contracts.create', { ...base, ...change });
    expect(result.error?.code).toBe('VALIDATION');
    expect(result.error?.fieldErrors).toMatchObject(fieldErrors);
  }
  expect((await hostCall<unknown[]>(app, 'contracts.list', {})).value).toEqual([]);
});

test('a retainer bills its monthly fee, and ending a contract asks first', async ({ app }) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  const { cardId } = await seedRates(app);
  const clientId = (await hostCall<{ id: number }[]>(app, 'clients.list', {})).value[0]!.id;
  const created = await hostCall<{ id: number }>(app, 'contracts.create', {
    clientId,
    title: 'Platform retainer',
    startDate: '2026-11-02',
    notice: { amount: 1, unit: 'month' },
    rateCardId: cardId,
    discount: { kind: 'none' },
    currency: 'USD',
    billingCycle: { kind: 'monthly' },
    continuousSupply: true,
    paymentTermsDays: 14,
    rounding: { mode: 'none', incrementMinutes: 15, scope: 'entry' },
    expensePolicy: { kind: 'at-cost' },
    retainer: { monthlyFee: '6000', includedHours: '20', overageRate: '300', rollover: false },
  });
  expect(created.ok).toBe(true);
  expect((await hostCall(app, 'contracts.sign', { id: created.value.id })).ok).toBe(true);
  await page.goto(new URL(`#/contracts/${created.value.id}`, page.url()).toString());

  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'End contract' }).click();
  await page.getByRole('dialog', { name: /^End C-0001/ }).getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByTestId('contract-status')).toHaveText('Signed');

  await page.getByRole('button', { name: 'New invoice' }).click();
  await expect(page.getByRole('textbox', { name: 'Line 1 unit price' })).toHaveValue('6000.00');
  await expect(page.getByRole('textbox', { name: 'Line 1 description' })).toHaveValue('Platform retainer: monthly retainer, 20 h included');
  await expect(page.getByRole('switch', { name: 'Continuous supply' })).toBeChecked();
});
