import type { Locator } from 'playwright-core';
import { normalise } from './page.js';

/** Option text without the indentation a tree-shaped list may put in front ("— Rusteamet"). */
function optionName(text: string): string {
  return normalise(text).replace(/^[\s\u00a0\-–—·•>›]+/u, '');
}

/**
 * Chooses the option a person would pick by its visible name, in a native `<select>` or in a
 * combobox that filters as you type. Fails listing the options that were there.
 */
export async function chooseOption(field: Locator, name: string): Promise<void> {
  const tag = await field.evaluate((element) => (element as { tagName: string }).tagName.toLowerCase());
  if (tag === 'select') {
    const texts = await field.locator('option').allTextContents();
    const index = texts.findIndex((text) => optionName(text) === name);
    if (index < 0) {
      throw new Error(`Valget «${name}» finnes ikke. Valgene er: ${texts.slice(0, 40).map(optionName).join(' | ')}`);
    }
    await field.selectOption({ index });
    return;
  }
  // A combobox: type to filter, then pick the option from its list box.
  await field.fill(name);
  await field.page().getByRole('option', { name, exact: true }).first().click();
}
