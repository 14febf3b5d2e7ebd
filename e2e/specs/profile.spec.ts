import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { checkA11y } from '../support/a11y.js';
import { loginAs } from '../support/auth.js';
import { describeE2e, useBrowser } from '../support/browser.js';
import { demoUser } from '../support/demo.js';
import { expectH1, goViaMainMenu, mainText } from '../support/page.js';

describeE2e('Min profil og ukjent side', () => {
  const browser = useBrowser();
  const username = 'leder.sth';
  let page: Page;

  // One login for the file; each test navigates from there on its own.
  beforeAll(async () => {
    page = await browser.newSharedPage();
    await loginAs(page, username);
  });

  it('Min profil viser hvem man er', async () => {
    await goViaMainMenu(page, 'Min profil', 'Min profil');
    expect(new URL(page.url()).pathname).toBe('/profil');
    const text = await mainText(page);
    expect(text).toContain(demoUser(username).displayName);
    expect(text).toContain(username);
    await checkA11y(page, 'Min profil');
  });

  it('en ukjent adresse viser «Fant ikke siden»', async () => {
    await page.goto('/finnes/ikke-her');
    await expectH1(page, 'Fant ikke siden');
    await checkA11y(page, '404-siden');
  });
});
