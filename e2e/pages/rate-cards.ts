import { expect, type Page } from '@playwright/test';
import { choose, field } from './form';

export interface NewCard {
  name: string;
  unit?: 'Per hour' | 'Per day' | 'Fixed price';
  /** A currency code; left as the home currency when absent. */
  currency?: string;
  rate: string;
  hoursPerDay?: string;
  /** ISO date; today when absent. */
  from?: string;
  isDefault?: boolean;
}

export interface Tier {
  fromMonths: string;
  percent: string;
}

/** Settings → Rate cards: the rate card table, its dialogs, and the discount rules card below it. */
export class RateCardsPage {
  constructor(readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog');
  }

  get cardRows() {
    return this.page.getByRole('table', { name: 'Rate cards' }).getByTestId('rate-card-row');
  }

  card(name: string) {
    return this.page.getByRole('table', { name: 'Rate cards' }).getByRole('row', { name, exact: true });
  }

  get ruleRows() {
    return this.page.getByRole('table', { name: 'Discount rules' }).getByTestId('discount-row');
  }

  rule(name: string) {
    return this.page.getByRole('table', { name: 'Discount rules' }).getByRole('row', { name, exact: true });
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Rate cards' }).click();
    await expect(this.page.getByRole('heading', { name: 'Rate cards', level: 1 })).toBeVisible();
  }

  /** Opens the New rate card dialog and fills it in; does not submit. */
  async fillNewCard(card: NewCard) {
    await this.page.getByRole('button', { name: 'New rate card' }).first().click();
    const d = this.dialog;
    await field(d, 'Name').fill(card.name);
    if (card.unit) await d.getByText(card.unit, { exact: true }).click();
    if (card.currency) await choose(this.page, d, 'Currency', card.currency, new RegExp(`^${card.currency}`));
    await field(d, 'Rate').fill(card.rate);
    if (card.hoursPerDay !== undefined) await field(d, 'Hours in a day').fill(card.hoursPerDay);
    if (card.from) await field(d, 'Effective from').fill(card.from);
    if (card.isDefault) await d.getByRole('checkbox', { name: 'Make this my default rate card' }).check();
  }

  async submit(action: string) {
    await this.dialog.getByRole('button', { name: action }).click();
  }

  async createCard(card: NewCard) {
    await this.fillNewCard(card);
    await this.submit('Add rate card');
    await expect(this.dialog).toHaveCount(0);
  }

  async cardAction(name: string, action: 'Add a price from a date…' | 'Price history' | 'Edit') {
    await this.card(name).getByRole('button', { name: `Actions for ${name}` }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  async addPrice(name: string, rate: string, from: string) {
    await this.cardAction(name, 'Add a price from a date…');
    await field(this.dialog, 'Rate').fill(rate);
    await field(this.dialog, 'Effective from').fill(from);
    await this.submit('Add price');
    await expect(this.dialog).toHaveCount(0);
  }

  /** Opens the New discount rule dialog and fills in the name and tiers (adding rows as needed); does not submit. */
  async fillNewRule(name: string, tiers: Tier[]) {
    await this.page.getByRole('button', { name: 'New discount rule' }).first().click();
    const d = this.dialog;
    await field(d, 'Name').fill(name);
    for (const [i, tier] of tiers.entries()) {
      if (i > 0) await d.getByRole('button', { name: 'Add tier' }).click();
      await field(d, `Tier ${i + 1} from months`).fill(tier.fromMonths);
      await field(d, `Tier ${i + 1} discount percent`).fill(tier.percent);
    }
  }

  async createRule(name: string, tiers: Tier[]) {
    await this.fillNewRule(name, tiers);
    await this.submit('Add rule');
    await expect(this.dialog).toHaveCount(0);
  }
}
