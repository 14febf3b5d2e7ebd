import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { checkA11y } from '../support/a11y.js';
import { loginAs } from '../support/auth.js';
import { baseUrl, describeE2e, useBrowser } from '../support/browser.js';
import { eventually } from '../support/eventually.js';
import { chooseOption } from '../support/forms.js';
import { expectH1, goViaMainMenu, isFocused, mainText, normalise } from '../support/page.js';
import { norwegianDate, osloDate } from '../support/plans.js';

/**
 * The service directory as its editor uses it (issue 4, "an editor publishes a new service and it
 * appears"): the demo user `redaktor` (directory editor at Velferdsetaten) opens Tjenesteoversikt,
 * creates a service for next of kin that is open around the clock, is stopped by impossible
 * exceptions in the opening hours and fixes them, saves a draft the public cannot see, publishes
 * it, and a resident with JavaScript switched off finds it and opens its page. The editor then
 * changes it (history, "Publiser endringene"), withdraws it again, and verifies a service from
 * the freshness queue. axe runs on the list, the form with its errors and the organisations pages.
 *
 * The tests are one story in order; each picks up where the one before left off. The new service
 * is withdrawn at the end, so other spec files on the shared server do not meet it.
 */

const TODAY = osloDate();
const NEXT_YEAR = Number(TODAY.slice(0, 4)) + 1;
const SUFFIX = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
const NAME = `Pårørendetelefonen døgnåpen e2e ${SUFFIX}`;
const DESCRIPTION = 'Samtaler for pårørende til personer med rusproblemer, hele døgnet, uten henvisning.';
const CHANGED_DESCRIPTION = 'Samtaler og råd for pårørende til personer med rusproblemer, hele døgnet, uten henvisning.';
const EDITOR_NAME = 'Randi Redaktør';

describeE2e('tjenesteoversikt: redaktøren lager, publiserer og bekrefter tjenester', () => {
  const browser = useBrowser();
  let editor: Page;
  let chromium: Browser;
  /** Set when the draft is saved. */
  let serviceId: string | undefined;

  /** Browser contexts without JavaScript (the resident), closed after each test. */
  const residents: { context: BrowserContext; problems: string[] }[] = [];
  afterEach(async () => {
    const problems = residents.flatMap((resident) => resident.problems);
    for (const resident of residents.splice(0)) await resident.context.close();
    if (problems.length > 0) throw new Error(`Nettleseren uten JavaScript rapporterte feil:\n  ${problems.join('\n  ')}`);
  });

  /** A resident's page: a fresh context (no login) with JavaScript switched off, as the public pages must work. */
  async function residentPage(): Promise<Page> {
    const context = await chromium.newContext({
      baseURL: baseUrl(),
      javaScriptEnabled: false,
      locale: 'nb-NO',
      timezoneId: 'Europe/Oslo',
      viewport: { width: 1280, height: 900 },
    });
    const resident = { context, problems: [] as string[] };
    residents.push(resident);
    const page = await context.newPage();
    page.on('response', (response) => {
      if (response.status() >= 500) resident.problems.push(`Serverfeil ${response.status()}: ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) resident.problems.push(`CSP-brudd: ${message.text()}`);
    });
    return page;
  }

  beforeAll(async () => {
    editor = await browser.newSharedPage();
    await loginAs(editor, 'redaktor');
    const found = editor.context().browser();
    if (!found) throw new Error('Fant ikke nettleseren bak redaktørens side.');
    chromium = found;
  });

  const servicePath = () => {
    if (!serviceId) throw new Error('Tjenesten er ikke lagret ennå (en tidligere test feilet).');
    return `/tjenesteoversikt/tjenester/${serviceId}`;
  };
  const statusText = async () => normalise((await editor.getByRole('status').allInnerTexts()).join(' '));
  const workflow = () => editor.getByRole('region', { name: 'Publisering' });
  const history = () => editor.getByRole('region', { name: 'Historikk' });
  const rowGroup = (name: string): Locator => editor.getByRole('group', { name, exact: true });

  it('Tjenesteoversikt i menyen: tjenestene redaktøren forvalter, og fanen «Bør bekreftes» (axe)', async () => {
    await goViaMainMenu(editor, 'Tjenesteoversikt', 'Tjenesteoversikt');
    const table = editor.getByRole('table', { name: 'Tjenester' });
    await table.waitFor();
    const rows = await table.getByRole('row').count();
    expect(rows, 'listen skal ha demotjenestene Velferdsetaten forvalter').toBeGreaterThan(10);
    const header = normalise(await table.getByRole('row').first().innerText());
    for (const column of ['Tjeneste', 'Organisasjon', 'Status', 'Publisering', 'Sist bekreftet']) expect(header).toContain(column);
    expect(normalise(await table.innerText())).toMatch(/Publisert/);
    expect(normalise(await table.innerText()), 'datoer skrives 23.11.2026').toMatch(/\d{2}\.\d{2}\.\d{4}/);
    await checkA11y(editor, 'tjenesteoversikten');

    await editor.getByRole('tab', { name: /^Bør bekreftes/ }).click();
    const queue = editor.getByRole('table', { name: 'Tjenester som bør bekreftes' });
    await queue.waitFor();
    expect(editor.url()).toContain('fane=bor-bekreftes');
    expect(normalise(await queue.innerText()), 'tjenester som ikke er bekreftet på 12 måneder, er merket').toContain('Vises som ikke bekreftet');
    await checkA11y(editor, 'ferskhetskøen');
  });

  it('ny tjeneste: et umulig unntak og overlappende unntak stoppes ved siden av feltet og rettes, så lagres utkastet', async () => {
    await editor.goto('/tjenesteoversikt');
    await editor.getByRole('link', { name: 'Ny tjeneste', exact: true }).click();
    await expectH1(editor, 'Ny tjeneste');

    await chooseOption(editor.getByLabel('Organisasjon', { exact: true }), 'Velferdsetaten');
    await editor.getByLabel('Navn', { exact: true }).fill(NAME);
    await editor.getByLabel('Beskrivelse', { exact: true }).fill(DESCRIPTION);
    await rowGroup('Målgrupper').getByRole('checkbox', { name: 'Pårørende', exact: true }).check();
    await editor.getByRole('group', { name: 'Trengs henvisning?' }).getByRole('radio', { name: 'Nei, man kan ta kontakt selv' }).check();
    await editor.getByRole('checkbox', { name: 'Hele byen', exact: true }).check();
    await rowGroup('Kategorier').getByRole('checkbox', { name: 'Lavterskel', exact: true }).check();

    // Monday 00:00–24:00, then "the next day" six times: each new row takes the next weekday and the same hours.
    await editor.getByRole('button', { name: 'Legg til åpningstid', exact: true }).click();
    await rowGroup('Åpningstid 1').getByLabel('Åpner').fill('00:00');
    await rowGroup('Åpningstid 1').getByLabel('Stenger').fill('24:00');
    for (let day = 2; day <= 7; day++) await editor.getByRole('button', { name: 'Legg til neste dag', exact: true }).click();
    expect(await rowGroup('Åpningstid 7').getByLabel('Ukedag').inputValue(), 'sjuende rad er søndag').toBe('7');
    expect(await rowGroup('Åpningstid 7').getByLabel('Stenger').inputValue()).toBe('24:00');
    const preview = editor.getByRole('group', { name: 'Slik vises åpningstidene for publikum' });
    expect(normalise(await preview.innerText())).toContain('Døgnåpent alle dager');

    // An exception that ends before it begins.
    await editor.getByRole('button', { name: 'Legg til unntak', exact: true }).click();
    const first = rowGroup('Unntak 1');
    await first.getByLabel('Fra dato').fill(`${NEXT_YEAR}-01-10`);
    await first.getByLabel('Til dato').fill(`${NEXT_YEAR}-01-05`);
    await first.getByLabel('Hvorfor').fill('Vinterstengt');
    await editor.getByRole('button', { name: 'Lagre utkast', exact: true }).click();

    const summary = editor.getByRole('alert').filter({ hasText: /\S/ });
    await summary.waitFor();
    const summaryText = normalise(await summary.innerText());
    expect(summaryText).toContain('Noen felt må rettes');
    expect(summaryText).toContain('Unntak 1: Til dato: Til-datoen kan ikke være før fra-datoen.');
    expect(normalise(await first.innerText()), 'feilen står ved feltet').toContain('Til-datoen kan ikke være før fra-datoen.');
    expect(await first.getByLabel('Til dato').getAttribute('aria-invalid')).toBe('true');
    // The summary (its focusable wrapper) takes focus, so the keyboard starts from the list of problems.
    await eventually(
      () => isFocused(editor.locator('.rf-summary-focus').filter({ has: summary })),
      (focused) => expect(focused, 'oppsummeringen får fokus').toBe(true),
    );
    await checkA11y(editor, 'tjenesteskjemaet med feil');

    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link', { name: /Unntak 1: Til dato/ }).click();
    expect(await isFocused(first.getByLabel('Til dato')), 'lenken flytter fokus til feltet').toBe(true);

    // Fixed; then a second exception that overlaps the first is refused as the editor types.
    await first.getByLabel('Til dato').fill(`${NEXT_YEAR}-01-12`);
    await eventually(
      async () => normalise(await first.innerText()),
      (text) => expect(text).not.toContain('Til-datoen kan ikke være før fra-datoen.'),
    );
    await editor.getByRole('button', { name: 'Legg til unntak', exact: true }).click();
    const second = rowGroup('Unntak 2');
    await second.getByLabel('Fra dato').fill(`${NEXT_YEAR}-01-11`);
    await second.getByLabel('Hvorfor').fill('Personalmøte');
    await eventually(
      async () => normalise(await second.innerText()),
      (text) => expect(text).toContain('Unntaket overlapper med «Vinterstengt»'),
    );
    await second.getByRole('button', { name: /^Fjern unntak 2/ }).click();
    await eventually(
      async () => normalise((await editor.getByRole('alert').allInnerTexts()).join(' ')),
      (text) => expect(text, 'ingen feil igjen').toBe(''),
    );

    await editor.getByRole('button', { name: 'Lagre utkast', exact: true }).click();
    await expectH1(editor, NAME);
    const match = /\/tjenesteoversikt\/tjenester\/([0-9a-f-]{36})$/.exec(new URL(editor.url()).pathname);
    expect(match, `adressen til den nye tjenesten (${editor.url()})`).not.toBeNull();
    serviceId = match![1];
    expect(await statusText()).toContain(`«${NAME}» er lagret som utkast.`);
    const lead = normalise(await editor.locator('.rf-lead').first().innerText());
    expect(lead).toContain('Utkast');
    expect(lead).toContain('Aldri bekreftet');
    expect(await workflow().getByRole('button', { name: 'Publiser', exact: true }).isVisible()).toBe(true);
    expect(await workflow().getByRole('link', { name: 'Se offentlig side' }).count(), 'et utkast har ingen offentlig side').toBe(0);

    // What was saved comes back into the form.
    expect(await rowGroup('Målgrupper').getByRole('checkbox', { name: 'Pårørende', exact: true }).isChecked()).toBe(true);
    expect(await rowGroup('Unntak 1').getByLabel('Til dato').inputValue()).toBe(`${NEXT_YEAR}-01-12`);
    expect(await editor.getByRole('checkbox', { name: 'Hele byen', exact: true }).isChecked()).toBe(true);
  });

  it('utkastet er ikke offentlig: /tjenester/:id svarer 404 uten JavaScript', async () => {
    const page = await residentPage();
    const response = await page.goto(`/tjenester/${serviceId}`);
    expect(response?.status()).toBe(404);
    await expectH1(page, 'Fant ikke tjenesten');
    const search = await page.goto(`/tjenester?q=${encodeURIComponent(NAME)}`);
    expect(search?.status()).toBe(200);
    expect(await page.getByRole('link', { name: NAME, exact: true }).count(), 'utkastet finnes ikke i søket').toBe(0);
  });

  it('redaktøren publiserer, og en innbygger uten JavaScript finner tjenesten i søket og åpner siden', async () => {
    await editor.goto(servicePath());
    await expectH1(editor, NAME);
    await workflow().getByRole('button', { name: 'Publiser', exact: true }).click();
    await eventually(statusText, (text) => expect(text).toContain('Tjenesten er publisert og vises nå for publikum.'));
    expect(normalise(await editor.locator('.rf-lead').first().innerText())).toContain(`Publisert ${norwegianDate(TODAY)}`);
    const publicLink = workflow().getByRole('link', { name: 'Se offentlig side' });
    expect(await publicLink.getAttribute('href')).toBe(`/tjenester/${serviceId}`);

    const page = await residentPage();
    const search = await page.goto(`/tjenester?q=${encodeURIComponent(NAME)}`);
    expect(search?.status()).toBe(200);
    const hit = page.getByRole('link', { name: NAME, exact: true });
    await hit.waitFor();
    await hit.click();
    await expectH1(page, NAME);
    expect(new URL(page.url()).pathname).toBe(`/tjenester/${serviceId}`);
    const text = await mainText(page);
    expect(text).toContain(DESCRIPTION);
    expect(text).toContain('Pårørende');
  });

  it('endringer vises i historikken og publiseres med «Publiser endringene»', async () => {
    await editor.goto(servicePath());
    await expectH1(editor, NAME);
    const before = normalise(await history().innerText());
    expect(before).toContain('Opprettet');
    expect(before).toContain('Publisert');
    expect(before).toContain(EDITOR_NAME);

    await editor.getByLabel('Beskrivelse', { exact: true }).fill(CHANGED_DESCRIPTION);
    await editor.getByRole('button', { name: 'Lagre endringene', exact: true }).click();
    await eventually(statusText, (text) => expect(text).toContain('Endringene er lagret.'));
    expect(normalise(await editor.locator('.rf-lead').first().innerText())).toContain('Publisert – upubliserte endringer');
    await eventually(
      async () => normalise(await history().innerText()),
      (text) => {
        expect(text).toContain('Endret');
        expect(text).toContain(`Beskrivelse: «${DESCRIPTION}»`);
        expect(text).toContain(`«${CHANGED_DESCRIPTION}»`);
      },
    );

    await workflow().getByRole('button', { name: 'Publiser endringene', exact: true }).click();
    await eventually(statusText, (text) => expect(text).toContain('Endringene er publisert.'));
    expect(await workflow().getByRole('button', { name: /^Publiser/ }).count(), 'alt er publisert').toBe(0);

    const page = await residentPage();
    await page.goto(`/tjenester/${serviceId}`);
    expect(await mainText(page)).toContain(CHANGED_DESCRIPTION);
  });

  it('«Trekk tilbake» spør først; etterpå er tjenesten borte for publikum', async () => {
    await editor.goto(servicePath());
    await expectH1(editor, NAME);
    await workflow().getByRole('button', { name: 'Trekk tilbake', exact: true }).click();
    const confirm = editor.getByRole('group', { name: /Vil du trekke tjenesten tilbake\?/ });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Avbryt', exact: true }).click();
    expect(await confirm.count()).toBe(0);
    expect(normalise(await editor.locator('.rf-lead').first().innerText()), 'avbrutt: fortsatt publisert').toContain('Publisert');

    await workflow().getByRole('button', { name: 'Trekk tilbake', exact: true }).click();
    await editor.getByRole('button', { name: 'Ja, trekk tilbake', exact: true }).click();
    await eventually(statusText, (text) => expect(text).toContain('Tjenesten er trukket tilbake og er nå et utkast.'));
    expect(normalise(await editor.locator('.rf-lead').first().innerText())).toContain('Utkast');
    await eventually(
      async () => normalise(await history().innerText()),
      (text) => expect(text).toContain('Trukket tilbake'),
    );

    const page = await residentPage();
    const response = await page.goto(`/tjenester/${serviceId}`);
    expect(response?.status()).toBe(404);
  });

  it('bekrefter en tjeneste fra ferskhetskøen; den forsvinner fra køen', async () => {
    await editor.goto('/tjenesteoversikt?fane=bor-bekreftes');
    await expectH1(editor, 'Tjenesteoversikt');
    const queue = editor.getByRole('table', { name: 'Tjenester som bør bekreftes' });
    await queue.waitFor();
    // One that is due (6–12 months), not one the public pages already mark as not verified.
    const due = queue
      .getByRole('row')
      .filter({ hasText: 'Publisert' })
      .filter({ hasNot: editor.getByText('Vises som ikke bekreftet') });
    const link = due.first().getByRole('link');
    const name = normalise(await link.innerText());
    await link.click();
    await expectH1(editor, name);
    expect(normalise(await editor.locator('.rf-lead').first().innerText())).toContain('Bør bekreftes');

    await workflow().getByRole('button', { name: 'Bekreft at opplysningene stemmer', exact: true }).click();
    await eventually(statusText, (text) => expect(text).toContain('Takk! Opplysningene er bekreftet i dag.'));
    const lead = normalise(await editor.locator('.rf-lead').first().innerText());
    expect(lead).toContain(`Sist bekreftet ${norwegianDate(TODAY)} av ${EDITOR_NAME}`);
    expect(lead).not.toContain('Bør bekreftes');
    await eventually(
      async () => normalise(await history().innerText()),
      (text) => expect(text).toContain('Bekreftet'),
    );

    await editor.getByRole('link', { name: 'Tilbake til tjenesteoversikten' }).click();
    await expectH1(editor, 'Tjenesteoversikt');
    await editor.getByRole('tab', { name: /^Bør bekreftes/ }).click();
    await queue.waitFor();
    expect(await queue.getByRole('link', { name, exact: true }).count(), `«${name}» er ikke lenger i køen`).toBe(0);
  });

  it('organisasjoner og steder: listen, en organisasjon med skjermet adresse og skjemaet for et nytt sted (axe)', async () => {
    await editor.goto('/tjenesteoversikt');
    await editor.getByRole('link', { name: 'Organisasjoner og steder', exact: true }).click();
    await expectH1(editor, 'Organisasjoner og steder');
    const table = editor.getByRole('table', { name: 'Organisasjoner du forvalter' });
    await table.waitFor();
    await checkA11y(editor, 'organisasjonene');

    await table.getByRole('link', { name: 'Velferdsetaten', exact: true }).click();
    await expectH1(editor, 'Velferdsetaten');
    const locations = editor.getByRole('table', { name: 'Stedene til Velferdsetaten' });
    await locations.waitFor();
    expect(normalise(await locations.innerText()), 'krisesenteret har skjermet adresse').toContain('Skjermet adresse');
    await checkA11y(editor, 'en organisasjon med steder');

    await editor.getByRole('button', { name: 'Nytt sted', exact: true }).click();
    const form = editor.getByRole('form', { name: 'Nytt sted' });
    await form.waitFor();
    expect(normalise(await form.innerText())).toContain('Adressen vises aldri for publikum — bare hvordan man tar kontakt.');
    await form.getByRole('button', { name: 'Legg til stedet', exact: true }).click();
    await eventually(
      async () => normalise(await form.getByRole('alert').innerText()),
      (text) => expect(text).toContain('Navn på stedet'),
    );
    await checkA11y(editor, 'skjemaet for et nytt sted med feil');
    await form.getByRole('button', { name: 'Avbryt', exact: true }).click();
    await eventually(
      () => isFocused(editor.getByRole('button', { name: 'Nytt sted', exact: true })),
      (focused) => expect(focused, 'fokus tilbake til «Nytt sted»').toBe(true),
    );
  });
});
