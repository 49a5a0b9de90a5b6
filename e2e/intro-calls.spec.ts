import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { hostCall } from './api';
import { expect, test } from './fixtures';
import { expectFieldError, field } from './pages/form';
import { seedBook } from './seed';

const referral = { title: 'Postgres tuning for Acme', organisation: 'Acme', contactName: 'Dana Reyes', contactEmail: 'dana@acme.com', source: 'referral', sourceDetail: 'Sam Patel', timezone: 'America/New_York' };

/** The .ics a click downloads, as text. */
async function downloadedIcs(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

test('a referral lead goes through an intro call, with the .ics downloaded and checked', async ({ app }) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  await seedBook(app);
  const settings = await hostCall<Record<string, unknown>>(app, 'leads.settings', undefined);
  await hostCall(app, 'leads.saveSettings', { ...settings.value, workZone: 'Europe/London' });
  const lead = await hostCall<{ id: number }>(app, 'leads.create', referral);
  await page.evaluate((id) => (window.location.hash = `#/leads/${id}`), lead.value.id);
  await expect(page.getByRole('heading', { name: referral.title, level: 1 })).toBeVisible();
  const card = page.getByRole('region', { name: 'Intro calls' });

  // A time that has passed is refused on its field, and nothing is booked.
  await card.getByRole('button', { name: 'Book a call' }).click();
  const dialog = page.getByRole('dialog', { name: 'Book an intro call' });
  await field(dialog, 'Date').fill('2020-01-06');
  await field(dialog, 'Time').fill('15:00');
  await expect(dialog.getByText('This time has passed: choose a later one.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Book call' }).click();
  await expectFieldError(dialog, 'Time', 'This time has passed');
  expect((await hostCall<{ calls: unknown[] }>(app, 'introCalls.forLead', { leadId: lead.value.id })).value.calls).toEqual([]);

  // Too early for New York: flagged while choosing. 15:00 London is 10:00 there.
  await field(dialog, 'Date').fill('2027-12-08');
  await field(dialog, 'Time').fill('09:00');
  await expect(dialog.getByText('Outside the lead’s working hours (09:00–17:00 New York)')).toBeVisible();
  await field(dialog, 'Time').fill('15:00');
  await expect(dialog.getByTestId('slot-both-zones')).toHaveText('Wed 8 Dec, 15:00 London · 10:00 New York');
  await expect(dialog.getByText(/Outside/)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Book call' }).click();
  await expect(dialog).toBeHidden();
  const call = card.getByTestId('intro-call');
  await expect(call).toContainText('Wed 8 Dec, 15:00 London · 10:00 New York');
  await expect(page.getByTestId('lead-stage')).toHaveText('Intro call booked');

  const first = await downloadedIcs(page, call.getByRole('button', { name: 'Download .ics' }));
  expect(first.name).toBe('intro-call-Acme-2027-12-08.ics');
  const uid = /^UID:(.+@billable\.local)\r?$/m.exec(first.text)?.[1];
  expect(uid).toBeTruthy();
  expect(first.text).toMatch(/^SEQUENCE:0\r?$/m);
  expect(first.text).toMatch(/^DTSTART:20271208T150000Z\r?$/m);
  // The seeded business has no email to invite from, so the file is an event to add, not an invitation.
  expect(first.text).toMatch(/^METHOD:PUBLISH\r?$/m);

  // Moved on the lead's clock: 11:00 New York is 16:00 London.
  await call.getByRole('button', { name: 'Reschedule' }).click();
  const moving = page.getByRole('dialog', { name: 'Reschedule the call' });
  await moving.getByText('Their time (New York)').click();
  await field(moving, 'Date').fill('2027-12-09');
  await field(moving, 'Time').fill('11:00');
  await expect(moving.getByTestId('slot-both-zones')).toHaveText('Thu 9 Dec, 16:00 London · 11:00 New York');
  await moving.getByRole('button', { name: 'Reschedule' }).click();
  await expect(call).toContainText('Thu 9 Dec, 16:00 London · 11:00 New York');
  const second = await downloadedIcs(page, call.getByRole('button', { name: 'Download .ics' }));
  expect(second.text).toContain(`UID:${uid}`);
  expect(second.text).toMatch(/^SEQUENCE:1\r?$/m);
  expect(second.text).toMatch(/^DTSTART:20271209T160000Z\r?$/m);

  await call.getByRole('button', { name: 'Mark held' }).click();
  const held = page.getByRole('dialog', { name: 'How did the call go?' });
  await held.getByRole('radio', { name: 'Send a proposal' }).check();
  await held.getByLabel('Notes').fill('Wants a two-week audit before committing');
  await held.getByRole('button', { name: 'Record call' }).click();
  await expect(held).toBeHidden();
  await expect(call).toContainText('Held: Send a proposal');
  await expect(page.getByTestId('lead-stage')).toHaveText('Call held');
});
