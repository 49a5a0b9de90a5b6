import { expect, type Page } from '@playwright/test';
import { choose, field } from './form';

export interface LineInput {
  description: string;
  quantity: string;
  unitPrice: string;
}

export class InvoicesPage {
  constructor(readonly page: Page) {}

  get rows() {
    return this.page.getByTestId('invoice-row');
  }

  get dialog() {
    return this.page.getByRole('dialog');
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Invoices', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Invoices', level: 1 })).toBeVisible();
  }

  async startDraft(client: string) {
    await this.page.getByRole('button', { name: 'New invoice' }).click();
    await choose(this.page, this.page, 'Client', client);
  }

  /** Fills the lines from the keyboard: Enter in a line adds the next one. */
  async fillLines(lines: LineInput[]) {
    for (const [i, line] of lines.entries()) {
      if (i > 0) await this.page.keyboard.press('Enter');
      const description = this.page.getByRole('textbox', { name: `Line ${i + 1} description` });
      await expect(description).toBeFocused({ timeout: i > 0 ? 5000 : 1 }).catch(() => description.focus());
      await description.fill(line.description);
      await this.page.getByRole('textbox', { name: `Line ${i + 1} quantity` }).fill(line.quantity);
      await this.page.getByRole('textbox', { name: `Line ${i + 1} unit price` }).fill(line.unitPrice);
    }
  }

  async issue(fx?: { rate: string }) {
    await this.page.getByRole('button', { name: 'Issue invoice' }).click();
    const dialog = this.page.getByRole('dialog');
    if (fx) await field(dialog, /per 1/).fill(fx.rate);
    await dialog.getByRole('button', { name: 'Issue invoice' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByTestId('pdf-preview')).toBeVisible();
  }

  async recordPayment(amount?: string) {
    await this.page.getByRole('button', { name: 'Record payment' }).click();
    const dialog = this.page.getByRole('dialog');
    if (amount) await field(dialog, /^Amount/).fill(amount);
    await dialog.getByRole('button', { name: 'Record payment' }).click();
  }

  statusBadge() {
    return this.page.getByTestId('status-badge').first();
  }
}
