import { expect, type Page } from '@playwright/test';
import { choose, field } from './form';

export interface BusinessDetails {
  businessName: string;
  address: string;
  city: string;
  country: string;
  currency: string;
  vatNumber?: string;
}

export const UK_BUSINESS: BusinessDetails = {
  businessName: 'Ada Performance Ltd',
  address: '1 Example Street',
  city: 'London',
  country: 'United Kingdom',
  currency: 'GBP',
  vatNumber: 'GB123456782',
};

export class OnboardingPage {
  constructor(readonly page: Page) {}

  get root() {
    return this.page.locator('[data-app-state="onboarding"]');
  }

  async continue() {
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }

  async fillBusiness(details: BusinessDetails) {
    await field(this.page, 'Business name').fill(details.businessName);
    await this.continue();
  }

  async fillAddressAndTax(details: BusinessDetails) {
    await field(this.page, 'Address').fill(details.address);
    await field(this.page, 'City').fill(details.city);
    await choose(this.page, this.page, 'Country', details.country);
    await choose(this.page, this.page, 'Home currency', details.currency, new RegExp(`^${details.currency}`));
    if (details.vatNumber) {
      await this.page.getByRole('switch', { name: 'Registered for VAT' }).check();
      await field(this.page, 'VAT number').fill(details.vatNumber);
    }
    await this.continue();
  }

  async finish() {
    await this.page.getByRole('button', { name: 'Finish setup' }).click();
    await expect(this.page.locator('[data-app-state="ready"]')).toBeVisible();
  }

  async complete(details: BusinessDetails = UK_BUSINESS) {
    await expect(this.root).toBeVisible();
    await this.fillBusiness(details);
    await this.fillAddressAndTax(details);
    await this.finish();
  }
}
