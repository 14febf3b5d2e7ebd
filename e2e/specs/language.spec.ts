import { expect, it } from 'vitest';
import { openLoginPage } from '../support/auth.js';
import { describeE2e, useBrowser } from '../support/browser.js';
import { eventually } from '../support/eventually.js';
import { expectH1, normalise } from '../support/page.js';

describeE2e('språk', () => {
  const browser = useBrowser();

  it('«English» gir engelsk grensesnitt, og «Norsk» gir norsk igjen', async () => {
    const page = await browser.newPage();
    await openLoginPage(page);
    const h1 = page.getByRole('heading', { level: 1 });

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('button', { name: 'Norsk', exact: true }).waitFor();
    await eventually(
      async () => normalise(await h1.innerText()),
      (heading) => expect(heading, 'overskriften skal bli engelsk').not.toBe('Logg inn'),
    );
    expect(normalise(await h1.innerText())).not.toBe('');
    expect(await page.getByLabel('Brukernavn', { exact: true }).count(), 'feltnavnene skal også bli engelske').toBe(0);
    // Screen readers pronounce the page by its declared language (WCAG 3.1.1).
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en\b/);

    await page.getByRole('button', { name: 'Norsk', exact: true }).click();
    await expectH1(page, 'Logg inn');
    await page.getByRole('button', { name: 'English', exact: true }).waitFor();
    await page.getByLabel('Brukernavn', { exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^(nb|no)\b/);
  });
});
