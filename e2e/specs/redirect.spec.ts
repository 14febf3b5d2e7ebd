import { expect, it } from 'vitest';
import { completeLogin } from '../support/auth.js';
import { describeE2e, useBrowser } from '../support/browser.js';
import { expectH1, mainMenu } from '../support/page.js';

describeE2e('beskyttede sider', () => {
  const browser = useBrowser();

  it('en beskyttet side åpnet uten innlogging viser innloggingen, og etter innlogging kommer man dit', async () => {
    const page = await browser.newPage();
    await page.goto('/admin/brukere');
    await expectH1(page, 'Logg inn');
    expect(await mainMenu(page).count(), 'ingen meny før innlogging').toBe(0);
    expect(await page.getByRole('heading', { name: 'Brukere', exact: true }).count()).toBe(0);

    await completeLogin(page, 'admin');
    await expectH1(page, 'Brukere');
    expect(new URL(page.url()).pathname).toBe('/admin/brukere');
  });
});
