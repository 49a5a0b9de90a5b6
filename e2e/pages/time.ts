import { expect, type Locator, type Page } from '@playwright/test';

/** The Time screen and the timer in the app header. */
export class TimePage {
  readonly timer: Locator;
  readonly grid: Locator;

  constructor(readonly page: Page) {
    this.timer = page.getByRole('region', { name: 'Timer' });
    this.grid = page.getByTestId('week-grid');
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Time' }).click();
    await expect(this.page.getByRole('heading', { name: 'Time', level: 1 })).toBeVisible();
  }

  /** The timer's shortcut, as a user on this platform presses it. */
  async pressTimerShortcut() {
    await this.page.keyboard.press(process.platform === 'darwin' ? 'Meta+Shift+S' : 'Control+Shift+S');
  }

  elapsed(): Locator {
    return this.timer.getByTestId('timer-elapsed');
  }

  /** The grid cell for a contract (by title) on a day, as the cell's label names it ("Mon 30 Nov"). */
  cell(contractTitle: string, day: RegExp): Locator {
    return this.grid.getByRole('textbox', { name: new RegExp(`^${contractTitle}, ${day.source}`) });
  }

  /** Types into a cell and leaves it with Enter, as a user saves a cell. */
  async typeInCell(cell: Locator, text: string) {
    await cell.click();
    await cell.fill(text);
    await cell.press('Enter');
  }
}
