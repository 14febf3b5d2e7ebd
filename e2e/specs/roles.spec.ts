import { expect, it } from 'vitest';
import { checkA11y } from '../support/a11y.js';
import { loginAs, logout } from '../support/auth.js';
import { describeE2e, useBrowser } from '../support/browser.js';
import { demoUser, homeUnitName } from '../support/demo.js';
import { expectH1, mainMenuLinks, normalise } from '../support/page.js';

const ALWAYS = ['Start', 'Organisasjon', 'Min profil'];

/** Each role's start page and the menu links that role must (and must not) get. */
const roles = [
  { username: 'admin', startPage: 'Administrasjon', extra: ['Brukere'], hidden: ['Tilgangslogg'] },
  { username: 'planlegger.sth', startPage: 'Planer', extra: [], hidden: ['Brukere', 'Tilgangslogg'] },
  { username: 'leder.sth', startPage: 'Enhetens oversikt', extra: [], hidden: ['Brukere', 'Tilgangslogg'] },
  { username: 'ruskonsulent.sth', startPage: 'Mine oppgaver', extra: [], hidden: ['Brukere', 'Tilgangslogg'] },
  { username: 'analytiker', startPage: 'Statistikk', extra: [], hidden: ['Brukere', 'Tilgangslogg'] },
  { username: 'redaktor', startPage: 'Tjenestekatalogen', extra: [], hidden: ['Brukere', 'Tilgangslogg'] },
  { username: 'kursadmin', startPage: 'Kurs', extra: [], hidden: ['Brukere', 'Tilgangslogg'] },
  { username: 'personvern', startPage: 'Personvern og tilgangslogg', extra: ['Tilgangslogg'], hidden: ['Brukere'] },
] as const;

describeE2e('innlogging per rolle', () => {
  const browser = useBrowser();

  it.each(roles)('$username logger inn med TOTP, ser sin startside og riktig meny, og logger ut', async (role) => {
    const page = await browser.newPage();
    await loginAs(page, role.username);

    await expectH1(page, role.startPage);
    const links = await mainMenuLinks(page);
    for (const link of [...ALWAYS, ...role.extra]) {
      expect(links, `${role.username} skal ha menylenken «${link}»`).toContain(link);
    }
    for (const link of role.hidden) {
      expect(links, `${role.username} skal ikke ha menylenken «${link}»`).not.toContain(link);
    }

    // The header tells who is logged in, and at which unit.
    const header = normalise(await page.getByRole('banner').innerText());
    expect(header).toContain(demoUser(role.username).displayName);
    expect(header).toContain(homeUnitName(role.username));

    await checkA11y(page, `startsiden til ${role.username}`);

    await logout(page);
    // The session is really gone: opening the app again shows the login page, not the start page.
    await page.goto('/');
    await expectH1(page, 'Logg inn');
  });
});
