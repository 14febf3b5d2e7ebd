import { expect, it } from 'vitest';
import { checkA11y } from '../support/a11y.js';
import { expectTotpStep, openLoginPage, paceLoginRequest, submitPassword, submitTotp, wrongTotpCode } from '../support/auth.js';
import { describeE2e, useBrowser } from '../support/browser.js';
import { expectH1, mainMenu, normalise } from '../support/page.js';

describeE2e('innlogging: feil passord og feil engangskode', () => {
  const browser = useBrowser();

  it('innloggingssiden er tilgjengelig', async () => {
    const page = await browser.newPage();
    await openLoginPage(page);
    await checkA11y(page, 'innloggingssiden');
  });

  it('feil passord gir et varsel, og brukeren blir på innloggingssiden', async () => {
    const page = await browser.newPage();
    await openLoginPage(page);
    await submitPassword(page, 'admin', 'ikke-riktig-passord-2026');

    const alert = page.getByRole('alert').filter({ hasText: 'Feil brukernavn eller passord.' });
    await alert.waitFor();
    await expectH1(page, 'Logg inn');
    expect(await mainMenu(page).count()).toBe(0);
    // The username stays, so the person only has to type the password again.
    expect(await page.getByLabel('Brukernavn', { exact: true }).inputValue()).toBe('admin');
    await checkA11y(page, 'innloggingssiden med feilmelding');
  });

  it('feil engangskode gir et varsel; riktig kode etterpå logger inn', async () => {
    const username = 'ruskonsulent.alna';
    const page = await browser.newPage();
    await openLoginPage(page);
    await submitPassword(page, username);
    await expectTotpStep(page);
    await checkA11y(page, 'TOTP-steget');

    await page.getByLabel('Engangskode', { exact: true }).fill(wrongTotpCode(username));
    await paceLoginRequest('totp');
    await page.getByRole('button', { name: 'Bekreft', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.first().waitFor();
    expect(normalise(await alert.first().innerText())).not.toBe('');
    await expectH1(page, 'Bekreft innloggingen');
    expect(await mainMenu(page).count()).toBe(0);
    await checkA11y(page, 'TOTP-steget med feilmelding');

    await submitTotp(page, username);
    await expectH1(page, 'Mine oppgaver');
  });

  it('en omlasting midt i innloggingen fortsetter på kodesteget', async () => {
    const username = 'kursadmin';
    const page = await browser.newPage();
    await openLoginPage(page);
    await submitPassword(page, username);
    await expectTotpStep(page);
    await page.reload();
    await expectTotpStep(page);
    await submitTotp(page, username);
    await expectH1(page, 'Kurs');
  });
});
