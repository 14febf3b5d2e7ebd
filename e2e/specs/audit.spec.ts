import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { checkA11y } from '../support/a11y.js';
import { expectTotpStep, loginAs, openLoginPage, submitPassword } from '../support/auth.js';
import { describeE2e, useBrowser } from '../support/browser.js';
import { eventually } from '../support/eventually.js';
import { goViaMainMenu, normalise } from '../support/page.js';

describeE2e('personvernombud: tilgangslogg', () => {
  const browser = useBrowser();
  let page: Page;

  beforeAll(async () => {
    // So that admin has an event of its own whatever ran before: the password step is logged
    // (auth.login) even when the TOTP step is never completed.
    const adminPage = await browser.newSharedPage();
    await openLoginPage(adminPage);
    await submitPassword(adminPage, 'admin');
    await expectTotpStep(adminPage);

    page = await browser.newSharedPage();
    await loginAs(page, 'personvern');
  });

  /** The data rows of the results table (the header row has column headers, not cells). */
  function eventRows(): Locator {
    return page
      .getByRole('main')
      .getByRole('table')
      .getByRole('row')
      .filter({ has: page.getByRole('cell') });
  }

  /**
   * Actor and action of every row on the page (columns Tidspunkt, Bruker, Handling, …), read in
   * one go so that a table re-rendering under a new filter is never read half old, half new.
   */
  async function shownEvents(): Promise<{ actor: string; action: string }[]> {
    const rows = await eventRows().evaluateAll((elements) =>
      elements.map((row) =>
        Array.from((row as unknown as { cells: ArrayLike<{ innerText: string }> }).cells, (cell) => cell.innerText),
      ),
    );
    return rows.map((cells) => ({ actor: normalise(cells[1] ?? ''), action: normalise(cells[2] ?? '') }));
  }

  it('Tilgangslogg viser innlogginger', async () => {
    await goViaMainMenu(page, 'Tilgangslogg', 'Tilgangslogg');
    expect(new URL(page.url()).pathname).toBe('/tilgangslogg');
    await eventRows().first().waitFor();
    const events = await shownEvents();
    // The officer's own login, just now, is in the log.
    expect(events.some((e) => e.actor === 'personvern' && e.action.includes('auth.login'))).toBe(true);
    await checkA11y(page, 'Tilgangslogg');
  });

  it('filteret Bruker=admin viser bare admins hendelser', async () => {
    await goViaMainMenu(page, 'Tilgangslogg', 'Tilgangslogg');
    await eventRows().first().waitFor();
    await page.getByRole('main').getByLabel('Bruker', { exact: true }).fill('admin');
    await page.getByRole('main').getByRole('button', { name: 'Søk', exact: true }).click();

    await eventually(
      async () => [...new Set((await shownEvents()).map((e) => e.actor))],
      (actors) => expect(actors, 'etter filteret skal alle radene være admins').toEqual(['admin']),
    );
    const events = await shownEvents();
    expect(events.some((e) => e.action.includes('auth.login'))).toBe(true);
    await checkA11y(page, 'Tilgangslogg filtrert på bruker');
  });

  it('«Kontroller loggen» melder at loggen er urørt', async () => {
    await goViaMainMenu(page, 'Tilgangslogg', 'Tilgangslogg');
    await page.getByRole('main').getByRole('button', { name: 'Kontroller loggen', exact: true }).click();
    await page.getByRole('main').getByRole('status').filter({ hasText: 'Loggen er urørt.' }).waitFor();
    await checkA11y(page, 'Tilgangslogg etter kontroll');
  });
});
