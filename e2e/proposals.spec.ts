import { execFileSync } from 'node:child_process';
import { hostCall } from './api';
import { expect, test } from './fixtures';
import { expectFieldError, field } from './pages/form';
import { seedBook } from './seed';

const LEAD = { title: 'Postgres tuning for Acme', organisation: 'Acme Widgets', contactName: 'Dana Reyes', contactEmail: 'dana@acme.com', source: 'referral', currency: 'GBP', timezone: 'Europe/London', country: 'GB' };

test('A proposal is accepted, which creates a client and a draft contract', async ({ app }, testInfo) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  // The whole loop from lead to contract in one flow: a minute on a busy two-core machine.
  test.setTimeout(120_000);
  const { page } = app;
  await seedBook(app);
  expect((await hostCall(app, 'rateCards.create', { name: 'Standard', unit: 'hour', currency: 'GBP', amount: '150', effectiveFrom: '2026-01-01', isDefault: true })).ok).toBe(true);
  expect((await hostCall(app, 'discounts.save', { name: 'Retained', tiers: [{ fromMonths: 0, percent: '10' }] })).ok).toBe(true);
  const lead = await hostCall<{ id: number }>(app, 'leads.create', LEAD);
  await page.goto(`${app.hostUrl}#/leads/${lead.value.id}`);
  await expect(page.getByRole('heading', { name: LEAD.title, level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'New proposal' }).click();
  const dialog = page.getByRole('dialog', { name: 'New proposal' });
  await field(dialog, 'Title').fill('Postgres performance review');
  await dialog.getByLabel('Scope').fill('Review the slowest queries from pg_stat_statements.\n\nTune autovacuum and indexes.');
  await field(dialog, 'Rate card').click();
  await page.getByRole('option', { name: 'Standard (GBP)' }).click();
  await dialog.locator('label', { hasText: /^Discount rule$/ }).first().click();
  await field(dialog, 'Discount rule').click();
  await page.getByRole('option', { name: 'Retained' }).click();
  // An estimate of nothing is named on its field and saves nothing.
  await field(dialog, 'Estimate (hours)').fill('0');
  await dialog.getByRole('button', { name: 'Create proposal' }).click();
  await expectFieldError(dialog, 'Estimate (hours)', 'Estimate must be more than 0');
  expect((await hostCall<unknown[]>(app, 'proposals.list', { leadId: lead.value.id })).value).toEqual([]);
  await field(dialog, 'Estimate (hours)').fill('40');
  await dialog.getByRole('button', { name: 'Create proposal' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('group', { name: 'Proposal Postgres performance review' });
  await expect(row).toContainText('Draft');
  // 40 h at £150/h less 10% retained: £5,400.00, no VAT on a proposal.
  await expect(row).toContainText('£5,400.00 excl. VAT');
  await page.screenshot({ path: testInfo.outputPath('lead-proposal.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'PDF' }).click()]);
  const file = testInfo.outputPath('proposal.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Tune autovacuum and indexes.');
  expect(text).toContain('£5,400.00 excluding VAT');
  expect(text).toContain('Prices exclude VAT');

  await row.getByRole('button', { name: 'Mark sent' }).click();
  await expect(row).toContainText('Sent');
  await expect(page.getByTestId('lead-stage')).toHaveText('Proposal sent');

  await row.getByRole('button', { name: 'Accept' }).click();
  const accept = page.getByRole('dialog', { name: /^Accept / });
  await expect(field(accept, 'Name')).toHaveValue('Acme Widgets');
  // The lead's country comes with it.
  await expect(field(accept, 'Country')).toHaveValue('United Kingdom');
  await page.screenshot({ path: testInfo.outputPath('accept-dialog.png') });
  await accept.getByRole('button', { name: 'Accept and create contract' }).click();

  await expect(page.getByTestId('contract-status')).toHaveText('Draft');
  await expect(page.getByText(/£150(\.00)?\/h list, 10% retained, £135(\.00)?\/h/).first()).toBeVisible();
  await expect(page.getByText('Acme Widgets').first()).toBeVisible();

  await page.goto(`${app.hostUrl}#/leads/${lead.value.id}`);
  await expect(page.getByTestId('lead-stage')).toHaveText('Won');
  await expect(row).toContainText('Accepted');
  await row.getByRole('link', { name: 'Open client' }).click();
  await expect(page.getByRole('heading', { name: 'Acme Widgets', level: 1 })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('link', { name: /^Contract C-0001 drafted/ })).toBeVisible();
  await expect(timeline.getByRole('link', { name: 'Postgres tuning for Acme: Proposal accepted: Postgres performance review' })).toBeVisible();
  await expect(page.getByText('Dana Reyes').first()).toBeVisible();
});
