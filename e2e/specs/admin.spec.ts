import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { checkA11y } from '../support/a11y.js';
import { loginAs, openLoginPage, paceLoginRequest, submitPassword } from '../support/auth.js';
import { describeE2e, useBrowser } from '../support/browser.js';
import { eventually } from '../support/eventually.js';
import { chooseOption } from '../support/forms.js';
import { expectH1, goViaMainMenu, mainMenu, mainText } from '../support/page.js';

interface NewUser {
  username: string;
  displayName: string;
  password: string;
}

function newUser(label: string): NewUser {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  return {
    username: `e2e.${label}.${suffix}`,
    displayName: `Eva ${label} ${suffix}`,
    password: 'lang-og-trygg-passfrase-42',
  };
}

describeE2e('administrator: brukere og organisasjon', () => {
  const browser = useBrowser();
  let page: Page;

  // One login for the file; every test starts from the main menu, so none depends on another.
  beforeAll(async () => {
    page = await browser.newSharedPage();
    await loginAs(page, 'admin');
  });

  async function searchUsers(query: string): Promise<void> {
    const search = page.getByRole('main').getByLabel('Søk', { exact: true });
    await search.fill(query);
    await search.press('Enter');
  }

  /** Brukere → Ny bruker → the form, as an administrator fills it in: a caseworker in Alna. */
  async function createUser(user: NewUser, { checkAccessibility = false } = {}): Promise<void> {
    await goViaMainMenu(page, 'Brukere', 'Brukere');
    await page.getByRole('main').getByRole('link', { name: 'Ny bruker', exact: true }).click();
    await expectH1(page, 'Ny bruker');
    expect(new URL(page.url()).pathname).toBe('/admin/brukere/ny');
    if (checkAccessibility) await checkA11y(page, 'skjemaet Ny bruker');

    const form = page.getByRole('main');
    await form.getByLabel('Brukernavn', { exact: true }).fill(user.username);
    await form.getByLabel('Navn', { exact: true }).fill(user.displayName);
    await form.getByLabel('E-post', { exact: true }).fill(`${user.username}@example.org`);
    await chooseOption(form.getByLabel('Hjemmeenhet', { exact: true }), 'Rusteamet (Bydel Alna)');
    await form.getByLabel('Passord', { exact: true }).fill(user.password);
    await chooseOption(form.getByLabel('Rolle', { exact: true }).first(), 'Ruskonsulent');
    await chooseOption(form.getByLabel('Enhet', { exact: true }).first(), 'Rusteamet (Bydel Alna)');
    await form.getByRole('button', { name: 'Opprett bruker', exact: true }).click();

    // The app leaves the form once the server has created the user.
    await eventually(
      async () => (await page.getByRole('heading', { level: 1 }).allInnerTexts()).join(' | '),
      (headings) => expect(headings, 'etter «Opprett bruker» skal appen forlate skjemaet').not.toBe('Ny bruker'),
    );
  }

  it('Brukere: søk, åpne en bruker og se detaljene', async () => {
    await goViaMainMenu(page, 'Brukere', 'Brukere');
    expect(new URL(page.url()).pathname).toBe('/admin/brukere');
    const main = page.getByRole('main');
    await main.getByRole('link', { name: 'Ada Administrator', exact: true }).waitFor();
    await checkA11y(page, 'brukerlista');

    await searchUsers('leder');
    const lise = main.getByRole('link', { name: 'Lise Leder', exact: true });
    await lise.waitFor();
    await eventually(
      () => main.getByRole('link', { name: 'Ada Administrator', exact: true }).count(),
      (count) => expect(count, 'søket «leder» skal ikke vise Ada Administrator').toBe(0),
    );

    await lise.click();
    await expectH1(page, 'Lise Leder');
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/brukere\/[0-9a-f-]{36}$/);
    const text = await mainText(page);
    expect(text).toContain('leder.sth');
    expect(text).toContain('Enhet for psykisk helse og rus');
    await checkA11y(page, 'brukerdetaljer');
  });

  it('Ny bruker: opprettes gjennom skjemaet og vises i lista', async () => {
    const user = newUser('ny');
    await createUser(user, { checkAccessibility: true });

    await goViaMainMenu(page, 'Brukere', 'Brukere');
    await searchUsers(user.username);
    await page.getByRole('main').getByRole('link', { name: user.displayName, exact: true }).click();
    await expectH1(page, user.displayName);
    const text = await mainText(page);
    expect(text).toContain(user.username);
    expect(text).toContain('Rusteamet');
  });

  it('en ny ruskonsulent setter opp tofaktor ved første innlogging', async () => {
    const user = newUser('totp');
    await createUser(user);

    const newcomer = await browser.newPage();
    await openLoginPage(newcomer);
    await submitPassword(newcomer, user.username, user.password);
    await expectH1(newcomer, 'Sett opp tofaktorautentisering');
    await checkA11y(newcomer, 'oppsett av tofaktor');

    // What the authenticator app reads from the QR code: the otpauth:// link offered beside it.
    const uri = await newcomer.getByRole('main').locator('a[href^="otpauth://"]').getAttribute('href');
    const totp = OTPAuth.URI.parse(uri ?? '');
    if (!(totp instanceof OTPAuth.TOTP)) throw new Error(`Forventet en TOTP-lenke, fikk ${uri}`);
    expect(totp.digits).toBe(6);
    expect(totp.period).toBe(30);

    await paceLoginRequest('totp-enrolment');
    await newcomer.getByLabel('Engangskode', { exact: true }).fill(totp.generate());
    await newcomer.getByRole('button', { name: 'Aktiver', exact: true }).click();
    await mainMenu(newcomer).waitFor();
    await expectH1(newcomer, 'Mine oppgaver');
  });

  it('Organisasjon viser bydelene', async () => {
    await goViaMainMenu(page, 'Organisasjon', 'Organisasjon');
    expect(new URL(page.url()).pathname).toBe('/organisasjon');
    const main = page.getByRole('main');
    await main.getByText('Bydel St. Hanshaugen', { exact: true }).first().waitFor();
    await main.getByText('Bydel Alna', { exact: true }).first().waitFor();
    await checkA11y(page, 'Organisasjon');
  });
});
