import { expect, test } from './fixtures';
import { seedBook } from './seed';
import { ClientDetailPage, ClientsPage } from './pages/clients';
import { field } from './pages/form';

test.beforeEach(async ({ app }) => {
  await seedBook(app);
});

test('create, edit and archive a client with contacts', async ({ app }) => {
  const { page } = app;
  const clients = new ClientsPage(page);
  const detail = new ClientDetailPage(page);

  await clients.create({ name: 'Acme Analytics', country: 'Germany', currency: 'EUR', taxNumber: 'de 123 456 788', tags: ['postgres'] });
  await expect(page.getByText('DE123456788')).toBeVisible();
  await expect(page.getByTestId('tax-number-evidence')).toHaveText(/^Check digits valid, /);
  await expect(page.getByTestId('client-local-time')).toContainText('Europe/Berlin');

  await detail.addContact({ name: 'Zoë Łukasz', role: 'CTO', email: 'zoe@acme.example', billing: true });
  await detail.addContact({ name: 'Øster 王小明', email: 'wang@acme.example' });
  await expect(detail.contacts).toHaveCount(2);
  await expect(detail.contacts.first()).toContainText('Zoë Łukasz');
  await expect(detail.contacts.first()).toContainText('Billing');

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await field(clients.dialog, 'Legal name').fill('Acme Analytics GmbH');
  await clients.submit();
  await expect(clients.dialog).toBeHidden();
  await expect(page.getByText('Acme Analytics GmbH')).toBeVisible();

  await detail.archive();
  await clients.open();
  await expect(clients.rows).toHaveCount(0);
  await clients.showStatus('Archived');
  await expect(clients.rows).toHaveText([/Acme Analytics/]);
  await clients.rows.first().click();
  await detail.unarchive();
  await clients.open();
  await clients.showStatus('Active');
  await expect(clients.rows).toHaveCount(1);
  await expect(clients.rows.first()).toContainText('Zoë Łukasz');
});

test('search finds clients by name, tag, contact and VAT number', async ({ app }) => {
  const { page } = app;
  const clients = new ClientsPage(page);
  const detail = new ClientDetailPage(page);
  await clients.create({ name: 'Northwind Traders', country: 'United States', currency: 'USD', taxNumber: '12-3456789', tags: ['rails'] });
  await expect(page.getByText('EIN', { exact: true })).toBeVisible();
  await expect(page.getByText('12-3456789', { exact: true })).toBeVisible();
  // The second client comes through the API: the first test and Northwind above cover the form.
  await seedBook(app, [{ name: 'Globex', country: 'NL', currency: 'EUR', customerType: 'business', taxNumber: 'NL123456782B01', timezone: 'Europe/Amsterdam' }]);
  await clients.open();
  await clients.rows.filter({ hasText: 'Globex' }).click();
  await detail.addContact({ name: 'Hank Scorpio', email: 'hank@globex.example' });
  await clients.open();

  await expect(clients.rows).toHaveCount(2);
  for (const [query, expected] of [
    ['north', 'Northwind Traders'],
    ['rails', 'Northwind Traders'],
    ['scorpio', 'Globex'],
    ['NL1234', 'Globex'],
  ] as const) {
    await clients.search(query);
    await expect(clients.rows).toHaveText([new RegExp(expected)]);
  }
  await clients.search('no such client');
  await expect(page.getByText('No clients match your search')).toBeVisible();
});

test('data is still there after the app restarts', async ({ app }) => {
  const clients = new ClientsPage(app.page);
  await clients.create({ name: 'Initech', country: 'United Kingdom', currency: 'GBP', taxNumber: 'GB987654353' });
  await new ClientDetailPage(app.page).addContact({ name: 'Bill Lumbergh', email: 'bill@initech.example', billing: true });

  await app.restart();
  const page = app.page;
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await new ClientsPage(page).open();
  await expect(new ClientsPage(page).rows).toHaveText([/Initech.*Bill Lumbergh/]);
});
