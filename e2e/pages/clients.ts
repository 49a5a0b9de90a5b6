import { expect, type Page } from '@playwright/test';
import { choose, field } from './form';

export interface NewClient {
  name: string;
  country: string;
  currency: string;
  taxNumber?: string;
  tags?: string[];
  consumer?: boolean;
}

export class ClientsPage {
  constructor(readonly page: Page) {}

  get rows() {
    return this.page.getByTestId('client-row');
  }

  get dialog() {
    return this.page.getByRole('dialog');
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).click();
    await expect(this.page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  }

  async startNewClient() {
    await this.page.getByRole('button', { name: 'New client' }).first().click();
    await expect(this.dialog).toBeVisible();
  }

  async fillClient(client: NewClient) {
    const d = this.dialog;
    await field(d, 'Name').fill(client.name);
    if (client.consumer) await d.getByText('Consumer', { exact: true }).click();
    await choose(this.page, d, 'Country', client.country);
    await choose(this.page, d, 'Billing currency', client.currency, new RegExp(`^${client.currency}`));
    if (client.taxNumber !== undefined) await d.getByRole('textbox', { name: /^(VAT number|EIN|ABN|GST\/HST number|Tax ID)$/ }).fill(client.taxNumber);
    for (const tag of client.tags ?? []) {
      await d.getByLabel('Tags').fill(tag);
      await d.getByLabel('Tags').press('Enter');
    }
  }

  async submit() {
    await this.dialog.getByRole('button', { name: /Create client|Save changes/ }).click();
  }

  async create(client: NewClient) {
    await this.startNewClient();
    await this.fillClient(client);
    await this.submit();
    await expect(this.dialog).toBeHidden();
    await expect(this.page.getByRole('heading', { name: client.name, level: 1 })).toBeVisible();
  }

  async search(text: string) {
    await this.page.getByLabel('Search clients').fill(text);
  }

  async showStatus(status: 'Active' | 'Archived' | 'All') {
    await this.page.getByRole('radiogroup', { name: 'Show clients' }).getByText(status, { exact: true }).click();
  }
}

export class ClientDetailPage {
  constructor(readonly page: Page) {}

  get contacts() {
    return this.page.getByTestId('contact-row');
  }

  get invoices() {
    return this.page.getByTestId('client-invoices').getByTestId('invoice-row');
  }

  /** Tabs from the invoices card's "New invoice" button to the invoice's row and opens it with Enter. */
  async openInvoiceByKeyboard(number: string) {
    const row = this.invoices.filter({ hasText: number });
    await this.page.getByRole('button', { name: 'New invoice' }).focus();
    for (let i = 0; i < 10 && !(await row.evaluate((el) => el === document.activeElement)); i++) await this.page.keyboard.press('Tab');
    await expect(row).toBeFocused();
    await this.page.keyboard.press('Enter');
  }

  async addContact(contact: { name: string; role?: string; email?: string; billing?: boolean }) {
    await this.page.getByRole('button', { name: 'Add contact' }).click();
    const d = this.page.getByRole('dialog');
    await field(d, 'Name').fill(contact.name);
    if (contact.role) await d.getByLabel('Role').fill(contact.role);
    if (contact.email) await d.getByLabel('Email').fill(contact.email);
    if (contact.billing) await d.getByLabel('Billing contact').check();
    await d.getByRole('button', { name: 'Add contact' }).click();
    await expect(d).toBeHidden();
  }

  async archive() {
    await this.page.getByRole('button', { name: 'Archive', exact: true }).click();
    await expect(this.page.getByTestId('archived-badge')).toBeVisible();
  }

  async unarchive() {
    await this.page.getByRole('button', { name: 'Unarchive' }).click();
    await expect(this.page.getByTestId('archived-badge')).toBeHidden();
  }
}
