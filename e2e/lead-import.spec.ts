import { hostCall } from './api';
import { expect, test } from './fixtures';
import { seedBook } from './seed';

const LINKEDIN = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Dana,Reyes,https://www.linkedin.com/in/danareyes,dana@acme.com,"Acme, Inc.",CTO,12 Mar 2024',
  'Bad,Row,,not-an-email,Nowhere,,01 Jan 2024',
  'Sam,Patel,https://www.linkedin.com/in/sampatel,,Globex,Head of Data,01 Feb 2023',
].join('\r\n');

const ENQUIRY = [
  'From: "Jo Lee" <jo@initech.example>',
  'To: me@example.com',
  'Subject: Help with our Postgres upgrade',
  'Date: Mon, 02 Nov 2026 09:15:00 +0000',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hi, we need help upgrading to Postgres 17 next quarter.',
].join('\r\n');

const allLeads = async (app: Parameters<typeof hostCall>[0]) => (await hostCall<{ leads: { title: string }[] }>(app, 'leads.list', { includeClosed: true, showRecruiters: true })).value.leads;

test('a LinkedIn CSV with a bad row is refused whole, then imported skipping that row; a dropped .eml becomes a lead that opens', async ({ app }) => {
  test.skip(!app.hostUrl, 'Seeds through the browser host');
  const { page } = app;
  await seedBook(app);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Leads' }).click();

  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByRole('menuitem', { name: 'Leads or contacts from CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import leads or contacts from CSV' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose CSV file…' }).click()]);
  await chooser.setFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(LINKEDIN) });
  await expect(dialog.getByText('Recognised as LinkedIn connections: 3 rows, 1 with errors.')).toBeVisible();
  await expect(dialog.getByRole('row').filter({ hasText: 'Bad Row' })).toContainText('Enter an email address like name@example.com');
  await expect(dialog.getByLabel('Email', { exact: true })).toHaveValue('Email Address');

  await dialog.getByRole('button', { name: 'Import 3 leads' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Nothing was imported: 1 row has an error (row 2');
  expect(await allLeads(app)).toHaveLength(0);

  await dialog.getByLabel('Skip the 1 row with errors and import the other 2').check();
  await dialog.getByRole('button', { name: 'Import 2 leads' }).click();
  await expect(dialog.getByText('Imported 2 leads')).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Skipped rows' })).toContainText('Row 2: Enter an email address like name@example.com');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('lead-card')).toHaveCount(2);
  await expect(page.getByTestId('lead-card').filter({ hasText: 'Dana Reyes — Acme, Inc.' })).toBeVisible();

  // An email dropped anywhere on the window becomes a lead, and the lead opens.
  await page.evaluate((text) => {
    const files = new DataTransfer();
    files.items.add(new File([text], 'enquiry.eml', { type: 'message/rfc822' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
  }, ENQUIRY);
  await expect(page.getByRole('heading', { name: 'Help with our Postgres upgrade', level: 1 })).toBeVisible();
  await expect(page.getByText('Hi, we need help upgrading to Postgres 17 next quarter.')).toBeVisible();
  expect((await allLeads(app)).map((l) => l.title).sort()).toEqual(['Dana Reyes — Acme, Inc.', 'Help with our Postgres upgrade', 'Sam Patel — Globex']);
});
