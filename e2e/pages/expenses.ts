import { expect, type Locator, type Page } from '@playwright/test';
import { field } from './form';

/** The Expenses page and its expense dialog. */
export class ExpensesPage {
  constructor(readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('expense-row');
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Expenses' }).click();
    await expect(this.page.getByRole('heading', { name: 'Expenses', level: 1 })).toBeVisible();
  }

  async startNew() {
    await this.page.getByRole('button', { name: 'New expense' }).first().click();
    await expect(this.dialog).toBeVisible();
  }

  /** A dialog field by its label. */
  field(label: string): Locator {
    return field(this.dialog, label);
  }

  /** Picks an option of a select in the dialog. */
  async choose(label: string, option: string | RegExp) {
    await this.field(label).click();
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Chooses a receipt file as "Attach receipt…" would; the input itself is hidden. */
  async attachReceipt(file: string) {
    await this.dialog.getByTestId('receipt-file').setInputFiles(file);
  }

  async save(label: 'Add expense' | 'Save expense' = 'Add expense') {
    await this.dialog.getByRole('button', { name: label }).click();
  }
}
