import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { eventually } from './eventually.js';

/** The page's one h1 has this text (waits for the app to render it; reports what it found). */
export async function expectH1(page: Page, text: string): Promise<void> {
  await eventually(
    async () => (await page.getByRole('heading', { level: 1 }).allInnerTexts()).map(normalise),
    (headings) => expect(headings, `siden (${page.url()}) skal ha én h1 «${text}»`).toEqual([text]),
  );
}

/** `<nav aria-label="Hovedmeny">`. */
export function mainMenu(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Hovedmeny', exact: true });
}

/** The accessible names of the links in the main menu, once the menu is showing. */
export async function mainMenuLinks(page: Page): Promise<string[]> {
  await mainMenu(page).getByRole('link', { name: 'Start', exact: true }).waitFor();
  const links = await mainMenu(page).getByRole('link').all();
  return Promise.all(
    links.map(async (link) => normalise((await link.getAttribute('aria-label')) ?? (await link.innerText()))),
  );
}

/** Clicks a link of the main menu and waits for the page's h1. */
export async function goViaMainMenu(page: Page, link: string, heading: string): Promise<void> {
  await mainMenu(page).getByRole('link', { name: link, exact: true }).click();
  await expectH1(page, heading);
}

/** The text of the page's main landmark, whitespace collapsed. */
export async function mainText(page: Page): Promise<string> {
  return normalise(await page.getByRole('main').innerText());
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether the element is the one with keyboard focus now. */
export async function isFocused(locator: Locator): Promise<boolean> {
  return (await locator.and(locator.page().locator(':focus')).count()) === 1;
}

/** Presses Tab until the element has focus (as a keyboard user would), at most `maxPresses` times. */
export async function tabTo(page: Page, target: Locator, description: string, maxPresses = 20): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  if (await isFocused(target)) return;
  throw new Error(`Kom ikke til ${description} med Tab (${maxPresses} trykk).`);
}
