import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { eventually } from './eventually.js';
import { normalise } from './page.js';

const OSLO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** A day on the Oslo clock as 'YYYY-MM-DD', `daysAgo` days before today. */
export function osloDate(daysAgo = 0): string {
  return OSLO_DAY.format(new Date(Date.now() - daysAgo * 86_400_000));
}

/** 'YYYY-MM-DD' as the app writes it: '23.11.2026'. */
export function norwegianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** One item of a plan as the tests write it. */
export interface PlanItemText {
  /** The level's label as the plan shows it: "Mål", "Strategi", "Byrådets tiltak", "Bydelens tiltak". */
  level: string;
  code: string;
  title: string;
}

/** "2 Foreldremøter om …": how the app names an item in buttons, labels and reports. */
export function itemName(item: Pick<PlanItemText, 'code' | 'title'>): string {
  return `${item.code} ${item.title}`;
}

/**
 * The heading of an item in the plan tree: "Bydelens tiltak 2 Foreldremøter …". The level tag is
 * set in capitals with CSS, so the match ignores case.
 */
export function itemHeadingName(item: PlanItemText): RegExp {
  return new RegExp(`^${escapeRegExp(`${item.level} ${item.code} ${item.title}`)}$`, 'iu');
}

/** The card of one item in a plan tree (its heading, status, details and buttons, not its children). */
export function itemCard(scope: Page | Locator, item: PlanItemText): Locator {
  // `has` is searched inside each list item, so it starts from the page, not from `scope`.
  const page = 'page' in scope ? scope.page() : scope;
  const heading = page.getByRole('heading', { name: itemHeadingName(item) });
  // The item's own <li> is the innermost one holding the heading: the last in document order.
  return scope.getByRole('listitem').filter({ has: heading }).last().locator(':scope > div').first();
}

/** The text of the items' headings in the tree, in page order (level tag, code and title). */
export async function treeHeadings(tree: Locator): Promise<string[]> {
  const headings = await tree.getByRole('listitem').getByRole('heading').allTextContents();
  return headings.map(normalise);
}

/** The tabs of the plan page ("Plan" exactly: "Om planen" contains it too). */
export function planTab(page: Page, name: 'Plan' | 'Statusoppdatering' | 'Rapporter' | 'Import og eksport' | 'Om planen'): Locator {
  return page.getByRole('tablist', { name: 'Deler av planen' }).getByRole('tab', { name, exact: true });
}

/** Clicks a tab of the plan page and waits until it is the selected one with its panel showing. */
export async function openPlanTab(page: Page, name: Parameters<typeof planTab>[1]): Promise<Locator> {
  const tab = planTab(page, name);
  await tab.click();
  await eventually(
    () => tab.getAttribute('aria-selected'),
    (selected) => expect(selected, `fanen «${name}» skal være valgt`).toBe('true'),
  );
  const panel = page.getByRole('tabpanel', { name, exact: true });
  await panel.waitFor();
  return panel;
}

/**
 * Puts `text` on the clipboard and pastes it into the field with Ctrl+V, as a person pasting a
 * table copied out of Word does. The browser context gets clipboard access for the app's origin.
 */
export async function pasteInto(field: Locator, text: string): Promise<void> {
  const page = field.page();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await field.click();
  // Runs in the page (this file is compiled without the DOM types, hence the cast).
  await page.evaluate(
    (value) => (globalThis as unknown as { navigator: { clipboard: { writeText(text: string): Promise<void> } } }).navigator.clipboard.writeText(value),
    text,
  );
  await page.keyboard.press('ControlOrMeta+V');
  await eventually(
    () => field.inputValue(),
    (value) => expect(value, 'feltet skal ha den innlimte teksten').toBe(text.replace(/\r\n?/gu, '\n')),
  );
}

/** The cells of each body row of a table, as text (whitespace collapsed). */
export async function tableRows(table: Locator): Promise<string[][]> {
  const rows = await table.locator(':scope > tbody > tr').evaluateAll((elements) =>
    elements.map((row) => Array.from((row as unknown as { cells: ArrayLike<{ innerText: string }> }).cells, (cell) => cell.innerText)),
  );
  return rows.map((cells) => cells.map(normalise));
}
