import { expect, type Page } from '@playwright/test';

/** Settings → Exchange rates. */
export class RatesPage {
  constructor(readonly page: Page) {}

  get rows() {
    return this.page.getByTestId('rates-table').locator('tbody tr');
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Exchange rates' }).click();
    await expect(this.page.getByRole('heading', { name: 'Exchange rates', level: 1 })).toBeVisible();
  }

  /** Chooses a file as the "Import rate file" button would; the input itself is hidden. */
  async importFile(file: string) {
    await this.page.getByTestId('rate-file').setInputFiles(file);
  }
}
