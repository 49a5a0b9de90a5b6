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

/**
 * Terms of an hourly contract for `clientId` on rate card `rateCardId`: USD, fortnightly from
 * Monday 2 Nov 2026, 14 days to pay, time rounded up to 15 minutes per entry, expenses at cost.
 * `overrides` change what a test is about.
 */
export function contractTerms(clientId: number, rateCardId: number, overrides: Partial<CallInput<'contracts.create'>> = {}): CallInput<'contracts.create'> {
  return {
    clientId,
    title: 'Postgres performance',
    startDate: '2026-11-02',
    notice: { amount: 1, unit: 'month' },
    rateCardId,
    discount: { kind: 'none' },
    currency: 'USD',
    billingCycle: { kind: 'fortnightly', anchor: '2026-11-02' },
    paymentTermsDays: 14,
    rounding: { mode: 'up', incrementMinutes: 15, scope: 'entry' },
    expensePolicy: { kind: 'at-cost' },
    ...overrides,
  };
}
