import { expect, type Locator, type Page } from '@playwright/test';

/** A text field or select by its accessible name (Mantine's required asterisk is not part of it). */
export function field(scope: Locator | Page, label: string | RegExp): Locator {
  return scope.getByRole('textbox', { name: label, exact: true }).or(scope.getByRole('combobox', { name: label, exact: true }));
}

/**
 * Picks an option in a searchable Mantine select by typing part of its label. Typed while the select
 * is still mounting (a loaded machine), the search can be reset and the list closed under the click,
 * so the typing and the pick are tried again until the field holds the option.
 */
export async function choose(page: Page, scope: Locator | Page, label: string, search: string, option: string | RegExp = search) {
  const input = field(scope, label);
  await expect(async () => {
    await input.click();
    await input.fill(search);
    await page.getByRole('option', { name: option }).first().click({ timeout: 5_000 });
    await expect(page.getByRole('listbox')).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The validation message Mantine shows under a field, wired to it with aria-describedby. */
export async function expectFieldError(scope: Locator | Page, label: string, message: string) {
  const input = field(scope, label);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(new RegExp(escape(message)));
}

/** Closing a dialog whose form was changed asks first; this answers Discard. */
export async function discardChanges(page: Page) {
  const question = page.getByRole('dialog', { name: 'Discard changes?' });
  await question.getByRole('button', { name: 'Discard' }).click();
  await expect(question).toBeHidden();
}
