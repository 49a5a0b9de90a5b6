import type { CallInput } from '../shared/api/contract';

// Plain data with no test-runner imports, so child processes (the crash loop's worker) can use it too.

export const sampleProfile = {
  businessName: 'Ada Performance Ltd',
  legalName: 'Ada Performance Limited',
  addressLine1: '1 Example Street',
  city: 'London',
  postalCode: 'EC1A 1AA',
  country: 'GB',
  homeCurrency: 'GBP',
  vatRegistered: true,
  vatNumber: 'GB123456782',
  defaultPaymentTermsDays: 14,
  email: 'ada@example.com',
  bankAccounts: [{ currency: 'GBP', accountHolder: 'Ada Performance Ltd', accountNumber: '12345678', sortCode: '12-34-56' }],
} satisfies CallInput<'profile.save'>;

export const sampleClient = {
  name: 'Acme Analytics',
  legalName: 'Acme Analytics GmbH',
  country: 'DE',
  city: 'Berlin',
  timezone: 'Europe/Berlin',
  currency: 'EUR',
  customerType: 'business',
  taxNumber: 'DE 123 456 788',
  tags: ['postgres', 'retainer'],
} satisfies CallInput<'clients.create'>;

export const ukClient = {
  name: 'Initech Ltd',
  country: 'GB',
  addressLine1: '4120 Freidrich Lane',
  city: 'Leeds',
  timezone: 'Europe/London',
  currency: 'GBP',
  customerType: 'business',
  taxNumber: 'GB987654353',
} satisfies CallInput<'clients.create'>;
