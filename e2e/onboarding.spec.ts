import { expect, test } from './fixtures';
import { expectFieldError, field } from './pages/form';
import { OnboardingPage, UK_BUSINESS } from './pages/onboarding';

test('first run asks for the business profile, then lands in the app shell', async ({ app }) => {
  const { page } = app;
  const onboarding = new OnboardingPage(page);
  await onboarding.complete();

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link')).toHaveText(['Today', 'Dashboard', 'Leads', 'Invoices', 'Clients', 'Contracts', 'Time', 'Expenses', 'Billing run', 'VAT returns', 'Business profile', 'Invoice settings', 'Lead settings', 'Rate cards', 'Backups', 'Exchange rates']);
  await nav.getByRole('link', { name: 'Business profile' }).click();
  await expect(field(page, 'Business name')).toHaveValue(UK_BUSINESS.businessName);
  await expect(field(page, 'VAT number')).toHaveValue('GB123456782');
});

test('onboarding shows field errors and saves nothing until they are fixed', async ({ app }) => {
  const { page } = app;
  const onboarding = new OnboardingPage(page);
  await onboarding.continue();
  await expectFieldError(page, 'Business name', 'Business name is required');

  await onboarding.fillBusiness(UK_BUSINESS);
  await page.getByRole('switch', { name: 'Registered for VAT' }).check();
  await field(page, 'VAT number').fill('GB12');
  await onboarding.continue();
  await expectFieldError(page, 'Address', 'Address is required');
  await expectFieldError(page, 'Country', 'Choose a country');

  await onboarding.fillAddressAndTax({ ...UK_BUSINESS, vatNumber: '' });
  await expectFieldError(page, 'VAT number', 'Not a valid VAT number for this country: expected GB, then 9 or 12 digits');

  await app.restart();
  await expect(onboarding.root).toBeVisible();
});
