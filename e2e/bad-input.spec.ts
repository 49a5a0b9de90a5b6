import { hostCall } from './api';
import { expect, test } from './fixtures';
import { ClientsPage } from './pages/clients';
import { expectFieldError, field } from './pages/form';
import { OnboardingPage } from './pages/onboarding';


test.beforeEach(async ({ app }) => {
  await new OnboardingPage(app.page).complete();
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

  await field(d, 'Country').fill('Atlantis');
  await field(d, 'Country').blur();
  await clients.submit();
  await expectFieldError(d, 'Country', 'Choose a country');

  await page.getByRole('button', { name: 'Cancel' }).click();
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
  await d.getByRole('button', { name: 'Cancel' }).click();
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
    [{ ...valid, taxNumber: 'DE12' }, 'taxNumber', 'Not a valid VAT number for this country: expected DE, then 9 digits, e.g. DE123456789'],
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
