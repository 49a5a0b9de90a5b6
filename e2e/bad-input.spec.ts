import { hostCall } from './api';
import { expect, test } from './fixtures';
import { seedBook } from './seed';
import { ClientsPage } from './pages/clients';
import { InvoicesPage } from './pages/invoices';
import { discardChanges, expectFieldError, field } from './pages/form';


test.beforeEach(async ({ app }) => {
  await seedBook(app);
});

test('bad client input shows a message next to the field and saves nothing', async ({ app }) => {
  const { page } = app;
  const clients = new ClientsPage(page);
  await clients.startNewClient();
  const d = clients.dialog;

  await clients.submit();
  await expectFieldError(d, 'Name', 'Name is required');
  await expectFieldError(d, 'Country', 'Choose a country');

  await clients.fillClient({ name: 'Acme', country: 'Germany', currency: 'EUR', taxNumber: 'DE12345' });
  await clients.submit();
  await expectFieldError(d, 'VAT number', 'Not a valid VAT number for this country: expected DE, then 9 digits');

  // The right format, but the last digit is not DE123456789's check digit.
  await field(d, 'VAT number').fill('DE123456789');
  await clients.submit();
  await expectFieldError(d, 'VAT number', "DE123456789 is not a valid VAT number: its check digits don't match. Check it for a typo");

  await field(d, 'Country').fill('Atlantis');
  await field(d, 'Country').blur();
  await clients.submit();
  await expectFieldError(d, 'Country', 'Choose a country');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await discardChanges(page);
  await expect(clients.rows).toHaveCount(0);
  await expect(page.getByText('No clients yet')).toBeVisible();
});

test('a malformed contact email is refused next to the field', async ({ app }) => {
  const { page } = app;
  const clients = new ClientsPage(page);
  await clients.create({ name: 'Acme', country: 'Ireland', currency: 'EUR' });
  await page.getByRole('button', { name: 'Add contact' }).click();
  const d = page.getByRole('dialog');
  await field(d, 'Name').fill('Mary');
  await field(d, 'Email').fill('mary@@example');
  await d.getByRole('button', { name: 'Add contact' }).click();
  await expectFieldError(d, 'Email', 'Enter an email address like name@example.com');
  // Closing a changed dialog asks first: Stay keeps what was typed.
  await d.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Stay' }).click();
  await expect(field(page.getByRole('dialog', { name: 'New contact' }), 'Email')).toHaveValue('mary@@example');
  await page.getByRole('dialog', { name: 'New contact' }).getByRole('button', { name: 'Cancel' }).click();
  await discardChanges(page);
  await expect(page.getByText('No contacts yet.')).toBeVisible();
});

test('the API refuses the same bad payloads with field errors, and stores nothing', async ({ app }) => {
  test.skip(!app.hostUrl, 'API-level checks go through the browser host');
  const call = (name: string, input: unknown) => hostCall(app, name, input);
  const valid = { name: 'Acme', country: 'DE', timezone: 'Europe/Berlin', currency: 'EUR', customerType: 'business' };

  const cases: [unknown, string, string][] = [
    [{ ...valid, name: '   ' }, 'name', 'Name is required'],
    [{ ...valid, country: 'XX' }, 'country', 'Choose a country from the list'],
    [{ ...valid, currency: 'ABC' }, 'currency', 'Choose a currency from the list'],
    [{ ...valid, taxNumber: 'DE12' }, 'taxNumber', 'Not a valid VAT number for this country: expected DE, then 9 digits, e.g. DE123456788'],
    [{ ...valid, taxNumber: 'DE123456789' }, 'taxNumber', "DE123456789 is not a valid VAT number: its check digits don't match. Check it for a typo"],
    [{ ...valid, name: 'Bad \ud800 text' }, 'name', 'Contains characters that are not valid text'],
  ];
  for (const [input, path, message] of cases) {
    const result = await call('clients.create', input);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('VALIDATION');
    expect(result.error?.fieldErrors[path]).toBe(message);
  }
  const created = (await call('clients.create', valid)) as { ok: boolean; value: { id: number } };
  const email = await call('contacts.create', { clientId: created.value.id, name: 'Mary', email: 'mary@@example' });
  expect(email.error?.fieldErrors.email).toBe('Enter an email address like name@example.com');

  const list = (await call('clients.list', { status: 'all' })) as { ok: boolean; value: { name: string; contactCount: number }[] };
  expect(list.value).toEqual([expect.objectContaining({ name: 'Acme', contactCount: 0 })]);
});

test('numbering that could repeat a number is refused next to the field, in the UI and through the API', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invoice settings' }).click();
  await field(page, 'Invoice numbers').fill('INV-{SEQ}');
  await page.getByRole('button', { name: 'Save changes' }).first().click();
  const message = 'Yearly reset needs {YYYY} in the pattern, or INV-1 would be given again each January';
  await expectFieldError(page, 'Invoice numbers', message);
  // Saved as stored (trimmed): the form shows it, and leaving asks nothing.
  await field(page, 'Invoice numbers').fill('  INV-{YYYY}-{SEQ:5}  ');
  await page.getByRole('button', { name: 'Save changes' }).first().click();
  await expect(field(page, 'Invoice numbers')).toHaveValue('INV-{YYYY}-{SEQ:5}');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Discard changes?' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invoice settings' }).click();
  await field(page, 'Invoice numbers').fill('INV-{YYYY}-{SEQ:4}');
  await page.getByRole('button', { name: 'Save changes' }).first().click();
  await expect(field(page, 'Invoice numbers')).toHaveValue('INV-{YYYY}-{SEQ:4}');

  test.skip(!app.hostUrl, 'API-level checks go through the browser host');
  const saved = await hostCall<{ invoicePattern: string; resetYearly: boolean }>(app, 'settings.getInvoicing', undefined);
  expect(saved.value).toMatchObject({ invoicePattern: 'INV-{YYYY}-{SEQ:4}', resetYearly: true });
  const refused = await hostCall(app, 'settings.saveInvoicing', { ...saved.value, invoicePattern: 'INV-{SEQ}' });
  expect(refused.error).toMatchObject({ code: 'VALIDATION', fieldErrors: { invoicePattern: message } });
  expect((await hostCall(app, 'settings.getInvoicing', undefined)).value).toEqual(saved.value);
});

test('the browser host refuses requests without the run token', async ({ app }) => {
  test.skip(!app.hostUrl, 'Only the browser host has a token');
  const { page } = app;
  const url = new URL('/api/clients.list', app.hostUrl!).toString();
  const noToken = await page.request.post(url, { headers: { 'content-type': 'application/json' }, data: { input: {} } });
  expect(noToken.status()).toBe(401);
  const wrongToken = await page.request.post(url, { headers: { 'content-type': 'application/json', 'x-billable-token': 'x'.repeat(48) }, data: { input: {} } });
  expect(wrongToken.status()).toBe(401);
  const staticPage = await page.request.get(new URL('/', app.hostUrl!).origin + '/', { headers: { cookie: '' } });
  expect(staticPage.status()).toBe(401);
});

test('a logo that is not a PNG or JPEG is refused, in the UI and through the API', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Business profile' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload logo' }).click();
  await (await chooser).setFiles({ name: 'logo.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
  await expect(page.getByRole('alert').filter({ hasText: 'Choose a PNG or JPEG image' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Your logo' })).toHaveCount(0);

  const forged = await hostCall(app, 'profile.setLogo', { mimeType: 'image/png', dataBase64: Buffer.from('GIF89a, not a png').toString('base64') });
  expect(forged.error).toEqual({ code: 'VALIDATION', message: 'The logo must be a PNG or JPEG image.', fieldErrors: { logo: 'This file is not a PNG or JPEG image' } });
  const profile = await hostCall<{ logo: unknown }>(app, 'profile.get', undefined);
  expect(profile.value.logo).toBeNull();
});

test('bad invoice lines show messages next to the fields and save nothing', async ({ app }) => {
  const { page } = app;
  const clients = new ClientsPage(page);
  await clients.create({ name: 'Initech', country: 'United Kingdom', currency: 'GBP' });
  // The client page has its own "New invoice" (prefilled with Initech); wait for the Invoices screen.
  await new InvoicesPage(page).open();
  await page.getByRole('button', { name: 'New invoice' }).click();
  await page.getByRole('textbox', { name: 'Line 1 description' }).fill('Review');
  await page.getByRole('textbox', { name: 'Line 1 quantity' }).fill('1.23456');
  await page.getByRole('textbox', { name: 'Line 1 unit price' }).fill('abc');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('textbox', { name: 'Line 1 quantity' })).toHaveAccessibleDescription('Quantity can have at most 4 decimal places');
  await expect(page.getByRole('textbox', { name: 'Line 1 unit price' })).toHaveAccessibleDescription('Unit price must be a number like 7.5');
  await expect(page.getByRole('combobox', { name: 'Client' })).toHaveAccessibleDescription('Choose a client');

  const list = await hostCall<{ id: number }[]>(app, 'clients.list', {});
  const refused = await hostCall(app, 'invoices.createDraft', {
    clientId: list.value[0]!.id,
    currency: 'GBP',
    issueDate: '2026-02-30',
    paymentTermsDays: 14,
    lines: [{ description: '', kind: 'fee', quantity: '-1', unit: 'hour', unitPrice: '1e5' }],
  });
  expect(refused.error?.fieldErrors).toEqual({
    issueDate: 'Not a real date',
    'lines.0.description': 'Description is required',
    'lines.0.quantity': "Quantity can't be negative",
    'lines.0.unitPrice': 'Unit price must be a number like 7.5',
  });
  const invoices = await hostCall<unknown[]>(app, 'invoices.list', {});
  expect(invoices.value).toEqual([]);
});

test('an out-of-order period in the invoice filters is refused at its field, not as an error panel, in the UI and through the API', async ({ app }) => {
  const { page } = app;
  await new InvoicesPage(page).open();
  await field(page, 'From').fill('2026-12-01');
  await field(page, 'To').fill('2026-01-01');
  await expectFieldError(page, 'To', 'The period ends before it starts');
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
  await expect(page.getByText('No documents match these filters')).toBeVisible();

  if (!app.hostUrl) return;
  for (const name of ['invoices.list', 'invoices.totals']) {
    const result = await hostCall(app, name, { from: '2026-12-01', to: '2026-01-01' });
    expect(result.error?.code, name).toBe('VALIDATION');
    expect(result.error?.fieldErrors.to, name).toBe('The period ends before it starts');
  }
});
