import { expect, it } from 'vitest';
import { DEMO_PASSWORD, freshTotpCode, loginAs, openLoginPage, paceLoginRequest } from '../support/auth.js';
import { describeE2e, useBrowser } from '../support/browser.js';
import { eventually } from '../support/eventually.js';
import { expectH1, isFocused, mainMenu, tabTo } from '../support/page.js';

describeE2e('tastatur', () => {
  const browser = useBrowser();

  it('innloggingen kan fullføres bare med Tab, skriving og Enter', async () => {
    const username = 'planlegger.sth';
    const page = await browser.newPage();
    await openLoginPage(page);

    await tabTo(page, page.getByLabel('Brukernavn', { exact: true }), 'feltet Brukernavn');
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('Passord', { exact: true })), 'Tab fra Brukernavn går til Passord').toBe(true);
    await page.keyboard.type(DEMO_PASSWORD);
    await paceLoginRequest('password');
    await page.keyboard.press('Enter');

    await expectH1(page, 'Bekreft innloggingen');
    await tabTo(page, page.getByLabel('Engangskode', { exact: true }), 'feltet Engangskode');
    await paceLoginRequest('totp');
    await page.keyboard.type(await freshTotpCode(username));
    await page.keyboard.press('Enter');

    await mainMenu(page).waitFor();
    await expectH1(page, 'Planer');
  });

  it('snarveislenken flytter fokus til hovedinnholdet', async () => {
    const page = await browser.newPage();
    await loginAs(page, 'redaktor');
    await expectH1(page, 'Tjenestekatalogen');
    // A fresh page load, as when a person arrives: the skip link is the first stop of Tab.
    await page.reload();
    await expectH1(page, 'Tjenestekatalogen');

    await page.keyboard.press('Tab');
    const focusedLink = page.getByRole('link').and(page.locator(':focus'));
    expect(await focusedLink.count(), 'første Tab skal gå til en lenke (snarveislenken)').toBe(1);
    const main = page.getByRole('main');
    expect(await isFocused(main)).toBe(false);

    await page.keyboard.press('Enter');
    await eventually(
      () => isFocused(main),
      (focused) => expect(focused, 'hovedinnholdet (main) skal ha fokus').toBe(true),
    );
  });
});
