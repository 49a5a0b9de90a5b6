import { hostCall } from './api';
import { expect, test } from './fixtures';
import { seedBook } from './seed';

const LEAD = { title: 'Data platform for Kühne Logistik', organisation: 'Kühne Logistik', source: 'referral', sourceDetail: 'Sam Patel', notes: 'Met at the Zürich meetup; wants a Snowflake migration before Q2.' };

test('Search finds the lead by a word from its notes, and the palette runs an action', async ({ app }) => {
  test.skip(!app.hostUrl, 'Creates its lead through the browser host');
  const { page } = app;
  await seedBook(app);
  const lead = await hostCall<{ id: number }>(app, 'leads.create', LEAD);
  expect(lead.ok).toBe(true);

  // Ctrl+K (⌘K on a Mac) from anywhere; a word from the notes typed without its accent.
  await page.keyboard.press('ControlOrMeta+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const input = palette.getByRole('textbox', { name: 'Search or run a command' });
  await expect(input).toBeFocused();
  await input.fill('zurich');
  // Grouped by kind: the lead under Leads, with the passage that matched.
  const hit = palette.getByRole('group', { name: 'Leads' }).getByTestId('search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText(LEAD.title);
  await expect(hit).toContainText('Zürich meetup');
  // The best hit is highlighted; Enter opens it.
  await expect(hit).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/leads/${lead.value.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(LEAD.title);

  // An action, found by the start of its words and chosen with the arrow keys.
  await page.keyboard.press('ControlOrMeta+K');
  await input.fill('new inv');
  await expect(palette.getByRole('button', { name: 'New invoice' })).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/invoices\/new$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New invoice');
});
