import { hostCall } from './api';
import { expect, test } from './fixtures';
import { seedBook } from './seed';

const referral = { title: 'Postgres tuning for Acme', organisation: 'Acme', contactName: 'Dana Reyes', contactEmail: 'dana@acme.com', source: 'referral', sourceDetail: 'Sam Patel', estimate: '12000', currency: 'GBP', timezone: 'America/New_York' };

test('a recruiter lead is hidden by default, and showing recruiters is remembered', async ({ app }) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  await seedBook(app);
  await hostCall(app, 'leads.create', referral);
  await hostCall(app, 'leads.create', { ...referral, title: 'SRE contract via agency', organisation: 'Hays', contactEmail: 'jo@hays.com', source: 'recruiter' });

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Leads' }).click();
  const cards = page.getByTestId('lead-card');
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText('Postgres tuning for Acme');
  await expect(page.getByText('1 recruiter lead hidden')).toBeVisible();
  // New at 10%: £12,000.00 open, £1,200.00 weighted.
  await expect(page.getByText('Open pipeline £12,000.00, weighted £1,200.00')).toBeVisible();

  await page.getByRole('switch', { name: 'Hide recruiters' }).click();
  await expect(cards).toHaveCount(2);
  await page.reload();
  await expect(page.getByTestId('lead-card')).toHaveCount(2);
  await expect(page.getByRole('switch', { name: 'Hide recruiters' })).not.toBeChecked();
});

test('a lead is added with its mistakes named, moved on the board by keyboard, and marked lost with a reason', async ({ app }) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  test.setTimeout(120_000);
  const { page } = app;
  await seedBook(app);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Leads' }).click();
  await page.getByRole('button', { name: 'New lead' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New lead' });
  await dialog.getByLabel('Estimated value').fill('12,000.555');
  await dialog.getByLabel('Email').fill('not an email');
  const links = dialog.getByLabel('Links');
  await links.fill('javascript:alert(1)');
  await links.press('Enter');
  await dialog.getByRole('button', { name: 'Add lead' }).click();
  await expect(dialog.getByText('Enter a link starting with https://')).toBeVisible();
  await links.press('Backspace');
  await expect(dialog.getByText('Title is required')).toBeVisible();
  await expect(dialog.getByText('Enter an email address like name@example.com')).toBeVisible();
  await expect(dialog.getByText('GBP amounts have at most 2 decimal places')).toBeVisible();
  await dialog.getByRole('textbox', { name: /^Title/ }).fill('Rails performance review');
  expect((await hostCall<{ leads: unknown[] }>(app, 'leads.list', { includeClosed: true, showRecruiters: true })).value.leads).toHaveLength(0);

  await dialog.getByLabel('Estimated value').fill('8,000');
  await dialog.getByLabel('Email').fill('ops@globex.example');
  await dialog.getByRole('button', { name: 'Add lead' }).click();
  await expect(page.getByRole('heading', { name: /^Rails performance review/, level: 1 })).toBeVisible();
  await expect(page.getByTestId('lead-stage')).toHaveText('New');

  await page.getByRole('link', { name: 'Leads', exact: true }).first().click();
  const card = page.getByTestId('lead-card').filter({ hasText: 'Rails performance review' });
  // The card reports itself pressed once picked up, and each move is announced to screen readers.
  const moveThrough = async (stages: string[]) => {
    await card.focus();
    await page.keyboard.press('Space');
    await expect(card).toHaveAttribute('aria-pressed', 'true');
    for (const stage of stages) {
      await page.keyboard.press('ArrowRight');
      await expect(page.getByText(`Rails performance review is over ${stage}.`)).toBeAttached();
    }
    await page.keyboard.press('Space');
  };
  await moveThrough(['Qualified']);
  await expect(page.getByTestId('stage-qualified').getByTestId('lead-card')).toContainText('Rails performance review');

  // Dropped on Lost, the lead asks for a reason first.
  await moveThrough(['Intro call booked', 'Call held', 'Proposal sent', 'Negotiating', 'Lost']);
  const lost = page.getByRole('dialog', { name: /Mark “Rails performance review” lost/ });
  await lost.getByRole('button', { name: 'Mark lost' }).click();
  await expect(lost.getByText('Choose why it was lost')).toBeVisible();
  await lost.getByLabel('Reason').click();
  await page.getByRole('option', { name: 'Chose someone else' }).click();
  await lost.getByRole('button', { name: 'Mark lost' }).click();
  await expect(page.getByTestId('lead-card')).toHaveCount(0);

  await page.getByRole('switch', { name: 'Include won and lost' }).check();
  await page.getByTestId('stage-lost').getByTestId('lead-card').click();
  await expect(page.getByTestId('lead-stage')).toHaveText('Lost');
  await expect(page.getByText('New → Qualified')).toBeVisible();
  await expect(page.getByText('Chose someone else')).toBeVisible();
});
