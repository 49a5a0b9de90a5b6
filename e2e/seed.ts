import { DEFAULT_PAYMENT_TERMS_DAYS } from '../shared/clients/payment-terms';
import type { CallInput } from '../shared/api/contract';
import { hostCall } from './api';
import { waitForApp, type TestApp } from './fixtures';

/** The business onboarding.spec sets up through the UI (UK_BUSINESS), as the API takes it. */
export const UK_PROFILE = {
  businessName: 'Ada Performance Ltd',
  addressLine1: '1 Example Street',
  city: 'London',
  country: 'GB',
  homeCurrency: 'GBP',
  vatRegistered: true,
  vatNumber: 'GB123456782',
  defaultPaymentTermsDays: DEFAULT_PAYMENT_TERMS_DAYS,
} satisfies CallInput<'profile.save'>;

export const INITECH = { name: 'Initech', country: 'GB', currency: 'GBP', customerType: 'business', taxNumber: 'GB987654353', timezone: 'Europe/London' } satisfies CallInput<'clients.create'>;

/** Calls the app's API as the renderer does: the browser host over HTTP, or Electron's preload bridge. */
async function appCall(app: TestApp, name: 'profile.save' | 'clients.create', input: unknown): Promise<void> {
  const result = app.hostUrl
    ? await hostCall(app, name, input)
    : await app.page.evaluate(([n, i]) => (window as unknown as { billable: Record<string, (input: unknown) => Promise<{ ok: boolean; error?: { message: string } }>> }).billable[n]!(i), [name, input] as const);
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
}

/**
 * Starts a spec from a set-up business with `clients`, made through the API rather than clicked
 * through (onboarding.spec and clients.spec cover those screens), then reloads the window so it
 * shows them. Saves each test some ten seconds of typing on a two-core machine.
 */
export async function seedBook(app: TestApp, clients: CallInput<'clients.create'>[] = []): Promise<void> {
  await appCall(app, 'profile.save', UK_PROFILE);
  for (const client of clients) await appCall(app, 'clients.create', client);
  await app.page.reload();
  await waitForApp(app.page);
}
