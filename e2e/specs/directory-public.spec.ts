import { randomUUID } from 'node:crypto';
import { formatWeekly, openStatus, osloLocal, TAXONOMY_TERMS, type OpenStatus } from '@rusfag/core';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeMoment } from '../../packages/server/src/modules/directory/pages/render.js';
import { checkA11y } from '../support/a11y.js';
import { baseUrl, describeE2e, useBrowser } from '../support/browser.js';
import {
  allHits,
  confidentialPlaces,
  DEMO_SERVICES,
  demoService,
  demoUnit,
  displayOf,
  interpretationNotes,
  isListed,
  leakedSecrets,
  meaningfulParams,
  openVerdict,
  readHits,
  residentBrowser,
  resultsHeading,
  searchPath,
  type DemoEntry,
  type Hit,
} from '../support/directory.js';
import { chooseOption } from '../support/forms.js';
import { expectH1, isFocused, mainText, normalise } from '../support/page.js';

/**
 * The public service directory (/tjenester, issue 4) as a resident uses it: never logged in and
 * with JavaScript switched off, since the pages are server-rendered HTML that must work without it.
 * The expectations come from the demo directory the e2e server is seeded with
 * (packages/server/src/demo/directory.ts) and from core's opening-hours rules (isOpenAt on the
 * Oslo clock), so "åpent nå" is checked against the clock at the moment of the test, with two
 * minutes of slack either side for a run that crosses an opening or closing minute.
 *
 * Every page in these tests also fails the test on a CSP violation, a server error or a
 * stylesheet or font that does not load (support/directory.ts and support/browser.ts).
 */

const HEADING = 'Finn tjenester innen rus og avhengighet';
const QUERY = 'lavterskel tilbud for pårørende i Sagene, åpent nå';
const QUERY_NOTES = [
  'Tolket «Sagene» som bydel Sagene.',
  'Tolket «lavterskel» som kategori Lavterskel.',
  'Tolket «pårørende» som målgruppe Pårørende.',
  'Tolket «åpent nå» som filter.',
];
const EMPTY_HEADING = 'Ingen tjenester passet søket';
const CONFIDENTIAL_NB = 'Adressen er skjermet. Ta kontakt for å avtale oppmøte.';
const CONFIDENTIAL_EN = 'The address is confidential. Get in touch to arrange a meeting.';
const SAGENE = demoUnit('sagene');

/** The demo services the resident's question is about, whatever the clock: pårørende, lavterskel, Sagene or the whole city. */
function forNextOfKinInSagene(entry: DemoEntry): boolean {
  const { service } = entry;
  return (
    isListed(entry) &&
    service.targetGroups.includes('parorende') &&
    service.categories.includes('lavterskel') &&
    (service.area === 'city' || service.area.includes('sagene'))
  );
}

function termName(code: string): string {
  const term = TAXONOMY_TERMS.find((candidate) => candidate.code === code);
  if (!term) throw new Error(`Ukjent kode i demodataene: ${code}`);
  return term.name;
}

const names = (entries: readonly DemoEntry[]) => entries.map((entry) => entry.service.name).sort();

interface OpenExpectation {
  /** Open during the whole span: must be listed. */
  sure: DemoEntry[];
  /** Open at some minute of the span: may be listed. */
  possible: DemoEntry[];
}

/** Which of the matching demo services are open (on the Oslo clock) between `from` and `to`, ± 2 minutes. */
function expectedOpen(matches: (entry: DemoEntry) => boolean, from: Date, to: Date): OpenExpectation {
  // The open-now filter lists only services in operation.
  const candidates = DEMO_SERVICES.filter((entry) => matches(entry) && entry.service.status === 'active');
  const verdicts = candidates.map((entry) => ({ entry, verdict: openVerdict(entry.service.hours, from, to) }));
  return {
    sure: verdicts.filter((v) => v.verdict === 'open').map((v) => v.entry),
    possible: verdicts.filter((v) => v.verdict !== 'closed').map((v) => v.entry),
  };
}

/**
 * The hits of an open-now search against the demo data: every hit is a matching service open now
 * (and says so), every service open the whole time is there; no hits means the empty state.
 * Returns which case it was.
 */
async function expectOpenNowHits(
  page: Page,
  what: string,
  matches: (entry: DemoEntry) => boolean,
  span: { from: Date; to: Date },
  checkBadges: (hit: Hit) => void,
): Promise<{ hits: Hit[]; expected: OpenExpectation }> {
  const expected = expectedOpen(matches, span.from, span.to);
  const hits = await readHits(page);
  const possible = names(expected.possible);
  for (const hit of hits) {
    expect(hit.badges, `«${hit.name}» skal være merket åpent nå (${what})`).toContain('Åpent nå');
    checkBadges(hit);
    const entry = demoService(hit.name);
    if (entry) {
      expect(matches(entry), `«${hit.name}» passer ikke til søket etter ${what} ifølge demodataene`).toBe(true);
      expect(possible, `«${hit.name}» er ikke åpen nå ifølge demodataene (${what})`).toContain(hit.name);
    } else {
      // Another spec file may have published a service of its own on the shared server.
      console.warn(`[tjenester] «${hit.name}» finnes ikke i demodataene; sjekket bare merkene (${what}).`);
    }
  }
  expect(hits.map((hit) => hit.name), `tjenester som er åpne hele tiden skal vises (${what})`).toEqual(
    expect.arrayContaining(names(expected.sure)),
  );
  if (hits.length === 0) {
    expect(names(expected.sure), `demodataene sier at noe er åpent nå (${what})`).toEqual([]);
    expect(await resultsHeading(page)).toBe(EMPTY_HEADING);
  } else {
    expect(await resultsHeading(page)).toBe(hits.length === 1 ? '1 tjeneste' : `${hits.length} tjenester`);
  }
  return { hits, expected };
}

/** Two lists of hits from the same search at nearly the same moment: equal, except services that open or close just then. */
function expectSameHits(a: readonly Hit[], b: readonly Hit[], expected: OpenExpectation, what: string): void {
  const uncertain = new Set(names(expected.possible).filter((name) => !names(expected.sure).includes(name)));
  const left = a.map((hit) => hit.name).filter((name) => !uncertain.has(name));
  const right = b.map((hit) => hit.name).filter((name) => !uncertain.has(name));
  expect(right, what).toEqual(left);
}

/** "Åpent nå – stenger 16.00" as the service page writes it (render.ts openLine), for a status. */
function statusLine(status: OpenStatus, now: Date, lang: 'nb' | 'en'): string | null {
  const today = osloLocal(now).date;
  switch (status.state) {
    case 'open':
      if (!status.closesAt) return lang === 'en' ? 'Open now' : 'Åpent nå';
      return `${lang === 'en' ? 'Open now – closes' : 'Åpent nå – stenger'} ${describeMoment(status.closesAt, today, lang, 'closes')}`;
    case 'closed':
      if (!status.opensNext) return lang === 'en' ? 'Closed now' : 'Stengt nå';
      return `${lang === 'en' ? 'Closed now – opens' : 'Stengt nå – åpner'} ${describeMoment(status.opensNext, today, lang, 'opens')}`;
    case 'unknown':
      return null;
  }
}

/** The status lines a page rendered between `from` and `to` may show (one, or two across a boundary). */
function possibleStatusLines(entry: DemoEntry, from: Date, to: Date, lang: 'nb' | 'en'): string[] {
  const hours = entry.service.hours;
  if (!hours) return [];
  const suffix = entry.service.hoursExample ? (lang === 'en' ? ' (example data)' : ' (eksempeldata)') : '';
  const lines = new Set<string>();
  for (let t = from.getTime() - 120_000; t <= to.getTime() + 120_000; t += 30_000) {
    const line = statusLine(openStatus(hours, new Date(t)), new Date(t), lang);
    if (line) lines.add(`${line}${suffix}`);
  }
  return [...lines];
}

describeE2e('tjenesteoversikten: offentlige sider uten innlogging og uten JavaScript', () => {
  const session = useBrowser();
  const resident = residentBrowser(session);

  it('beboeren søker «lavterskel tilbud for pårørende i Sagene, åpent nå» med fritekst og får treff som er åpne nå', async () => {
    const page = await resident.page();
    await page.goto('/tjenester');
    await expectH1(page, HEADING);

    const field = page.getByRole('searchbox', { name: 'Søk etter tjeneste', exact: true });
    await field.fill(QUERY);
    const from = new Date();
    await field.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === QUERY);
    const to = new Date();
    await expectH1(page, HEADING);
    expect(await field.inputValue(), 'søketeksten står i feltet etterpå').toBe(QUERY);

    // How the page read the question.
    expect(await interpretationNotes(page)).toEqual(expect.arrayContaining(QUERY_NOTES));

    const { hits, expected } = await expectOpenNowHits(page, 'pårørende, lavterskel, Sagene, åpent nå', forNextOfKinInSagene, { from, to }, (hit) => {
      expect(hit.badges, `«${hit.name}» skal være for pårørende`).toContain('Pårørende');
      expect(
        hit.badges.some((badge) => badge === 'Hele byen' || badge.includes(SAGENE.name.replace(/^Bydel /u, ''))),
        `«${hit.name}» skal gjelde Sagene eller hele byen (merker: ${hit.badges.join(' | ')})`,
      ).toBe(true);
    });
    if (hits.length === 0) {
      console.info(
        `[tjenester] «${QUERY}» kl. ${from.toLocaleTimeString('nb-NO', { timeZone: 'Europe/Oslo' })}: ingen er åpne nå ifølge demodataene – ` +
          `siden viser «${EMPTY_HEADING}» (av ${names(DEMO_SERVICES.filter(forNextOfKinInSagene)).length} tjenester som ellers passer).`,
      );
      // The empty state gives advice instead of a bare "nothing".
      expect(await mainText(page)).toContain('Fjern noen av filtrene');
    } else {
      console.info(`[tjenester] «${QUERY}»: ${hits.length} treff åpne nå: ${hits.map((hit) => hit.name).join(', ')}.`);
    }
    // Without "åpent nå" the same question lists every matching service (the filter is what empties the list).
    await page.goto(searchPath({ q: QUERY.replace(', åpent nå', '') }));
    const all = await readHits(page);
    expect(all.map((hit) => hit.name).filter((name) => demoService(name))).toEqual(
      expect.arrayContaining(names(DEMO_SERVICES.filter(forNextOfKinInSagene))),
    );
    for (const name of names(expected.possible)) expect(all.map((hit) => hit.name)).toContain(name);
  });

  it('«åpent nå» med treff uansett klokkeslett: døgnåpne lavterskeltilbud vises, og bare de som er åpne', async () => {
    // The resident's question may have no open answer at this hour; this one always has some
    // (the demo has round-the-clock services), so the list of open hits is checked on every run.
    const page = await resident.page();
    const from = new Date();
    await page.goto(searchPath({ q: 'lavterskel, åpent nå' }));
    const to = new Date();
    expect(await interpretationNotes(page)).toEqual(['Tolket «lavterskel» som kategori Lavterskel.', 'Tolket «åpent nå» som filter.']);
    const lowThreshold = (entry: DemoEntry) => isListed(entry) && entry.service.categories.includes('lavterskel');
    const { hits } = await expectOpenNowHits(page, 'lavterskel, åpent nå', lowThreshold, { from, to }, () => undefined);
    expect(hits.length, 'døgnåpne lavterskeltilbud finnes i demodataene').toBeGreaterThan(0);
    console.info(`[tjenester] «lavterskel, åpent nå»: ${hits.map((hit) => hit.name).join(', ')}.`);
  });

  it('samme søk med filtrene gir de samme parameterne og treffene, og adressen kan deles', async () => {
    const page = await resident.page();
    await page.goto('/tjenester');
    await page.getByRole('checkbox', { name: 'Pårørende', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Lavterskel', exact: true }).check();
    await chooseOption(page.getByRole('combobox', { name: 'Bydel', exact: true }), SAGENE.name);
    await page.getByRole('checkbox', { name: 'Åpent nå', exact: true }).check();
    const from = new Date();
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.has('malgruppe'));
    const filterUrl = page.url();
    const filterHits = await readHits(page);

    expect(meaningfulParams(filterUrl)).toEqual([
      ['apent', '1'],
      ['bydel', SAGENE.code],
      ['kategori', 'lavterskel'],
      ['malgruppe', 'parorende'],
      ['sorter', 'relevans'],
    ]);
    // The form shows the search it made.
    expect(await page.getByRole('checkbox', { name: 'Pårørende', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Lavterskel', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Åpent nå', exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Bydel', exact: true }).inputValue()).toBe(SAGENE.code);

    // The same question in words.
    await page.goto(searchPath({ q: QUERY }));
    const textHits = await readHits(page);
    const to = new Date();
    const expected = expectedOpen(forNextOfKinInSagene, from, to);
    expectSameHits(textHits, filterHits, expected, 'fritekst og filtre skal gi de samme treffene');

    // A shared link, opened by someone else.
    const other = await resident.page();
    await other.goto(filterUrl);
    await expectH1(other, HEADING);
    expectSameHits(filterHits, await readHits(other), expectedOpen(forNextOfKinInSagene, from, new Date()), 'den delte lenken skal gi de samme treffene');
    expect(await other.getByRole('checkbox', { name: 'Pårørende', exact: true }).isChecked()).toBe(true);
    console.info(`[tjenester] Filtersøket ${new URL(filterUrl).search}: ${filterHits.length} treff.`);
  });

  it('tjenestesiden: hva, for hvem, hvor, når (åpent nå), kontakt og sist bekreftet; engelsk og tilbake; kanonisk lenke, JSON-LD og utskrift', async () => {
    const target = DEMO_SERVICES.find(
      (entry) =>
        forNextOfKinInSagene(entry) &&
        entry.service.status === 'active' &&
        entry.service.area === 'city' &&
        entry.service.hours !== undefined &&
        entry.service.nameEn !== undefined &&
        entry.locations.some((location) => !location.confidential),
    );
    if (!target) throw new Error('Demodataene har ingen tjeneste for pårørende med åpningstider, sted og engelsk navn');
    const { service, organization } = target;

    const page = await resident.page();
    await page.goto(searchPath({ q: QUERY.replace(', åpent nå', '') }));
    await page.getByRole('link', { name: service.name, exact: true }).click();
    await page.waitForURL(/\/tjenester\/[0-9a-f-]{36}$/u);
    const from = new Date();
    await page.reload();
    const to = new Date();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expectH1(page, service.name);

    // What and who provides it.
    const main = await mainText(page);
    expect(main).toContain(`Tilbys av ${organization.name}`);
    expect(main).toContain(normalise(service.description));
    expect(await page.getByRole('link', { name: 'Tilbake til søket', exact: true }).getAttribute('href')).toBe('/tjenester');
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(
      expect.arrayContaining(['For hvem', 'Hvor', 'Når', 'Kontakt', 'Pris', 'Henvisning']),
    );

    // For whom: the target groups.
    const forWhom = normalise(await page.getByRole('region', { name: 'For hvem', exact: true }).innerText());
    for (const code of service.targetGroups) expect(forWhom).toContain(termName(code));

    // Where: the whole city, and the (example) location.
    const where = normalise(await page.getByRole('region', { name: 'Hvor', exact: true }).innerText());
    expect(where).toContain('Tilbys i: Hele byen');
    for (const location of target.locations) {
      expect(where).toContain(location.name);
      if (location.example) expect(where).toContain(`${location.name} (eksempeldata)`);
    }

    // When: "open now" on the Oslo clock, and the weekly hours.
    const when = page.getByRole('region', { name: 'Når', exact: true });
    const line = normalise(await when.locator('.rf-status-line').innerText());
    const lines = possibleStatusLines(target, from, to, 'nb');
    expect(lines, `statuslinja skal være en av ${lines.join(' | ')}`).toContain(line);
    const verdict = openVerdict(service.hours, from, to);
    if (verdict !== 'uncertain') {
      const badges = (await page.locator('main > ul.rf-badges > li').allInnerTexts()).map(normalise);
      expect(badges).toContain(`${verdict === 'open' ? 'Åpent nå' : 'Stengt nå'}${service.hoursExample ? ' (eksempeldata)' : ''}`);
    }
    const whenText = normalise(await when.innerText());
    for (const weekly of formatWeekly(service.hours!, 'nb', osloLocal(from).date)) expect(whenText).toContain(weekly);
    console.info(`[tjenester] ${service.name}: «${line}».`);

    // Contact, and who last verified it.
    const contact = normalise(await page.getByRole('region', { name: 'Kontakt', exact: true }).innerText());
    if (service.phones?.length) for (const phone of service.phones) expect(contact).toContain(phone.number);
    else if (!service.website) expect(contact).toContain('Ingen kontaktopplysninger er oppgitt.');
    expect(main).toMatch(new RegExp(`Sist bekreftet \\d{2}\\.\\d{2}\\.\\d{4} av ${demoUnit(organization.stewardKey).name}`, 'u'));

    // Search engines: canonical and language links, schema.org data.
    const pageUrl = `${baseUrl()}/tjenester/${id}`;
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(pageUrl);
    expect(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href')).toBe(`${pageUrl}?lang=en`);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '') as Record<string, unknown>;
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Service',
      name: service.name,
      url: pageUrl,
      provider: { '@type': 'Organization', name: organization.name },
      inLanguage: 'nb',
    });

    // In English, and back.
    await page.getByRole('navigation', { name: 'Språk', exact: true }).getByRole('link', { name: 'English', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('lang') === 'en');
    expect(new URL(page.url()).pathname).toBe(`/tjenester/${id}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectH1(page, service.nameEn!);
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(expect.arrayContaining(['Who it is for', 'Where', 'When', 'Contact']));
    const english = normalise(await page.getByRole('region', { name: 'When', exact: true }).locator('.rf-status-line').innerText());
    expect(possibleStatusLines(target, from, new Date(), 'en')).toContain(english);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${pageUrl}?lang=en`);
    await page.getByRole('navigation', { name: 'Language', exact: true }).getByRole('link', { name: 'Norsk', exact: true }).click();
    await page.waitForURL((url) => !url.searchParams.has('lang'));
    expect(new URL(page.url()).pathname).toBe(`/tjenester/${id}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await expectH1(page, service.name);

    // Printing: no navigation, language switch or help bar; the page's address instead.
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.rf-skip-link', '.rf-header__nav', '.rf-help', '.rf-back']) {
      expect(await displayOf(page, selector), `${selector} skal skjules på utskrift`).toBe('none');
    }
    expect(await displayOf(page, '.rf-print-only')).toBe('block');
    expect(normalise(await page.locator('.rf-print-only').innerText())).toContain(`Skrevet ut fra ${pageUrl}`);
    await page.goto(searchPath({ q: 'pårørende' }));
    expect(await displayOf(page, 'form[role="search"]'), 'søkeskjemaet skal skjules på utskrift').toBe('none');
    expect(await displayOf(page, '.rf-header__nav')).toBe('none');
    expect(await displayOf(page, '#treff')).not.toBe('none');
    await page.emulateMedia({ media: 'screen' });
    expect(await displayOf(page, 'form[role="search"]'), 'på skjermen vises skjemaet').not.toBe('none');
  });

  it('en skjermet adresse finnes ikke i noe offentlig svar: tjenestesider, søk, avstandssortering, nettstedskart og HSDS', async () => {
    const places = confidentialPlaces();
    const withAddress = places.filter((place) => place.secrets.length > 0);
    expect(withAddress.length, 'demodataene skal ha minst ett skjermet sted med adresse eller koordinater').toBeGreaterThan(0);
    const allSecrets = [...new Set(places.flatMap((place) => place.secrets))];
    const page = await resident.page();
    const checked: string[] = [];
    const expectNoLeak = (what: string, body: string) => {
      expect(leakedSecrets(body, allSecrets), `${what} inneholder en skjermet adresse eller posisjon`).toEqual([]);
      checked.push(what);
    };
    const visitPage = (what: string) => (_page: Page, body: string) => expectNoLeak(what, body);
    const serviceIds = new Map<string, string>();

    for (const place of places) {
      const listed = place.services.filter(isListed);
      expect(listed.length, `${place.location.name} skal brukes av en publisert tjeneste`).toBeGreaterThan(0);
      for (const { service } of listed) {
        // Found by its name …
        const byName = await allHits(page, searchPath({ q: service.name }), visitPage(`søket etter «${service.name}»`));
        const hit = byName.find((candidate) => candidate.name === service.name);
        expect(hit, `søket etter navnet skal finne «${service.name}»`).toBeDefined();
        const id = hit!.href.split('/').pop()!.split('?')[0]!;
        serviceIds.set(service.name, id);

        // … its page in both languages says the address is confidential, and nothing more.
        for (const [lang, sentence] of [['nb', CONFIDENTIAL_NB], ['en', CONFIDENTIAL_EN]] as const) {
          const url = `/tjenester/${id}${lang === 'en' ? '?lang=en' : ''}`;
          const response = await page.goto(url);
          expect(response?.status()).toBe(200);
          expectNoLeak(`tjenestesiden ${url}`, (await response?.text()) ?? '');
          const where = page.getByRole('region', { name: lang === 'en' ? 'Where' : 'Hvor', exact: true });
          const block = normalise(await where.innerText());
          expect(block).toContain(place.location.name);
          expect(block).toContain(sentence);
          expect(await where.getByRole('link', { name: /OpenStreetMap/u }).count(), 'ingen kartlenke til et skjermet sted').toBe(0);
          expectNoLeak(`teksten på ${url}`, await page.locator('html').innerText());
        }
      }

      const location = place.location;
      if (location.latitude === undefined || location.longitude === undefined || !location.districtKey) continue;
      const district = demoUnit(location.districtKey).code!;
      // Coordinates next to the secret ones (not equal: the form repeats what was typed).
      const near = { lat: (location.latitude + 0.0003).toFixed(4), lon: (location.longitude - 0.0003).toFixed(4) };
      expect(leakedSecrets(`${near.lat} ${near.lon}`, allSecrets)).toEqual([]);
      const distanceSearches = [
        searchPath({ sorter: 'avstand', fra: district }),
        searchPath({ sorter: 'avstand', bydel: district }),
        searchPath({ sorter: 'avstand', lat: near.lat, lon: near.lon }),
        searchPath({ sorter: 'avstand', lat: near.lat, lon: near.lon, lang: 'en' }),
        searchPath({ q: 'akutt', sorter: 'avstand', fra: district }),
      ];
      for (const url of distanceSearches) {
        const hits = await allHits(page, url, visitPage(`søket ${url}`));
        for (const { service } of place.services.filter(isListed)) {
          const hit = hits.find((candidate) => candidate.name === service.name);
          if (!hit) continue;
          // A distance would tell how far the shelter is from a point of one's choosing.
          expect(hit.badges.filter((badge) => /km$/u.test(badge)), `«${service.name}» skal ikke ha avstand i ${url}`).toEqual([]);
        }
        expect(
          place.services.filter(isListed).some(({ service }) => hits.some((hit) => hit.name === service.name)),
          `${url} skal liste tjenesten på det skjermede stedet (uten avstand)`,
        ).toBe(true);
      }
      // Searching for the address itself does not find the service.
      if (location.address) {
        await page.goto(searchPath({ q: location.address }));
        const hits = (await readHits(page)).map((hit) => hit.name);
        for (const { service } of place.services) expect(hits, `søk på adressen skal ikke finne «${service.name}»`).not.toContain(service.name);
      }
    }

    // The sitemap lists the services, without addresses.
    const sitemap = await fetch(`${baseUrl()}/tjenester/sitemap.xml`);
    expect(sitemap.status).toBe(200);
    const sitemapText = await sitemap.text();
    expectNoLeak('/tjenester/sitemap.xml', sitemapText);
    for (const id of serviceIds.values()) expect(sitemapText).toContain(`${baseUrl()}/tjenester/${id}`);

    // The open-data API (HSDS 3.0), where it is there yet: search, one service, its organisation
    // (HSDS lists an organisation's locations), every page of both lists, and the full export.
    const hsds = async (path: string, what: string): Promise<string | null> => {
      const response = await fetch(`${baseUrl()}${path}`);
      if (response.status === 404) {
        console.info(`[tjenester] Hopper over ${what}: ${path} svarer 404 (finnes ikke i denne bygget).`);
        return null;
      }
      expect(response.status, path).toBe(200);
      if (/zip/u.test(response.headers.get('content-type') ?? '')) {
        const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
        const texts: string[] = [];
        for (const file of Object.values(zip.files)) {
          if (file.dir) continue;
          const text = await file.async('string');
          expectNoLeak(`${what}: ${file.name}`, text);
          texts.push(text);
        }
        return texts.join('\n');
      }
      const text = await response.text();
      expectNoLeak(what, text);
      return text;
    };
    for (const [name, id] of serviceIds) {
      const found = await hsds(`/hsds/services?search=${encodeURIComponent(name)}`, `HSDS-søket etter «${name}»`);
      if (found !== null) expect(found, `HSDS-søket skal finne «${name}»`).toContain(JSON.stringify(name).slice(1, -1));
      const one = await hsds(`/hsds/services/${id}`, `HSDS-tjenesten «${name}»`);
      if (one !== null) expect(one).toContain(JSON.stringify(name).slice(1, -1));
      const parsed = one === null ? null : (JSON.parse(one) as { organization?: { id?: string }; organization_id?: string });
      const organizationId = parsed?.organization?.id ?? parsed?.organization_id;
      if (organizationId) await hsds(`/hsds/organizations/${organizationId}?full_service=true`, `HSDS-organisasjonen til «${name}»`);
    }
    for (const list of ['/hsds/services?full=true', '/hsds/organizations?full_service=true']) {
      for (let number = 1; number <= 50; number++) {
        const text = await hsds(`${list}&per_page=100&page=${number}`, `HSDS ${list}, side ${number}`);
        if (text === null) break;
        const page = JSON.parse(text) as { last_page?: boolean; total_pages?: number };
        if (page.last_page !== false || (page.total_pages ?? 0) <= number) break;
      }
    }
    const exported = await hsds('/hsds/export', 'HSDS-eksporten');
    for (const name of serviceIds.keys()) if (exported !== null) expect(exported).toContain(JSON.stringify(name).slice(1, -1));
    console.info(`[tjenester] Skjermet adresse sjekket i ${checked.length} svar (${allSecrets.join(', ')}).`);
  });

  it('skrivefeil og bøyde ord: «pårørnde» og «rusbehandlingen»', async () => {
    const page = await resident.page();

    await page.goto(searchPath({ q: 'pårørnde' }));
    expect(await interpretationNotes(page)).toContain('Viser treff for «pårørende» (du skrev «pårørnde»).');
    const forNextOfKin = DEMO_SERVICES.filter((entry) => isListed(entry) && entry.service.targetGroups.includes('parorende'));
    const hits = await readHits(page);
    expect(hits.map((hit) => hit.name)).toEqual(expect.arrayContaining(names(forNextOfKin)));
    for (const hit of hits) {
      const entry = demoService(hit.name);
      if (!entry) continue;
      const text = [entry.service.name, entry.service.description, entry.service.eligibility ?? '', ...entry.service.targetGroups.map(termName)]
        .join(' ')
        .toLocaleLowerCase('nb');
      expect(text, `«${hit.name}» skal handle om pårørende`).toContain('pårørende');
    }
    expect(await resultsHeading(page)).toBe(`${hits.length} tjenester`);

    // An inflected form finds the same services as the base form.
    await page.goto(searchPath({ q: 'rusbehandling' }));
    const base = await readHits(page);
    await page.goto(searchPath({ q: 'rusbehandlingen' }));
    const inflected = await readHits(page);
    const mentioning = DEMO_SERVICES.filter(
      (entry) => isListed(entry) && `${entry.service.name} ${entry.service.description}`.toLocaleLowerCase('nb').includes('rusbehandling'),
    );
    expect(mentioning.length, 'demodataene nevner rusbehandling').toBeGreaterThan(0);
    expect(inflected.map((hit) => hit.name)).toEqual(expect.arrayContaining(names(mentioning)));
    expect(inflected.map((hit) => hit.name)).toEqual(base.map((hit) => hit.name));
    console.info(
      `[tjenester] «rusbehandlingen»: ${inflected.map((hit) => hit.name).join(', ')}; merknader: ${(await interpretationNotes(page)).join(' ') || 'ingen'}.`,
    );
  });

  it('feil i adressen: tydelig feilside med søkeskjema (400), ukjent tjeneste (404), og et skript i søket vises som tekst', async () => {
    const page = await resident.page();
    for (const [url, problem] of [
      ['/tjenester?lat=abc', 'Søket kunne ikke leses: sjekk breddegraden (mellom 57 og 72).'],
      ['/tjenester?side=0', 'Søket kunne ikke leses: sjekk sidetallet.'],
      ['/tjenester?q=p%C3%A5r%C3%B8rende&lat=59.9&lon=abc', 'Søket kunne ikke leses: sjekk lengdegraden (mellom 4 og 32).'],
    ] as const) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(400);
      await expectH1(page, 'Noe er galt med søket');
      const text = await mainText(page);
      expect(text).toContain(problem);
      expect(text).toContain('Rett opp søket, eller start et nytt søk.');
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
      await page.getByRole('search', { name: 'Søk i tjenestene', exact: true }).waitFor();
    }
    // The form on the error page works.
    const field = page.getByRole('searchbox', { name: 'Søk etter tjeneste', exact: true });
    await field.fill('pårørende');
    await field.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'pårørende' && !url.searchParams.has('side'));
    expect((await readHits(page)).length).toBeGreaterThan(0);

    for (const id of [randomUUID(), 'ikke-en-tjeneste']) {
      const response = await page.goto(`/tjenester/${id}`);
      expect(response?.status()).toBe(404);
      await expectH1(page, 'Fant ikke tjenesten');
      await page.getByRole('link', { name: 'Se alle tjenestene', exact: true }).waitFor();
      await page.getByRole('searchbox', { name: 'Søk etter tjeneste', exact: true }).waitFor();
    }

    // A script in the search text is shown as text: with JavaScript off, and on (where it would run).
    const attack = `<script>alert('xss')</script><img src=x onerror="alert(1)">pårørende`;
    const withScripts = await session.newPage();
    const dialogs: string[] = [];
    withScripts.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const current of [page, withScripts]) {
      const response = await current.goto(searchPath({ q: attack }));
      expect(response?.status()).toBe(200);
      expect(await current.getByRole('searchbox', { name: 'Søk etter tjeneste', exact: true }).inputValue()).toBe(attack);
      expect(await current.title()).toContain(attack);
      expect(await current.locator('body script, body img').count(), 'ingen skript- eller bildeelementer fra søket').toBe(0);
      const body = (await response?.text()) ?? '';
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('<img src=x');
    }
    expect(dialogs, 'ingen skript fra søket skal kjøre').toEqual([]);
  });

  it('tilgjengelighet: axe på søkesiden (tom, med treff, uten treff, engelsk), tjenestesiden, 404 og feilsiden', async () => {
    // axe needs timers, which do not run with JavaScript off; the pages carry no script of their
    // own (checked below), so with JavaScript on they are exactly what a resident without it gets.
    const page = await session.newPage();
    const expectNoScripts = async (what: string) =>
      expect(await page.locator('script:not([type="application/ld+json"])').count(), `${what} har ingen skript`).toBe(0);
    const pages: [string, string, (() => Promise<void>)?][] = [
      ['/tjenester', 'søkesiden, tom'],
      [searchPath({ q: 'pårørende' }), 'søkesiden med treff', async () => expect((await readHits(page)).length).toBeGreaterThan(0)],
      [searchPath({ malgruppe: 'gravide', kategori: 'akutt' }), 'søkesiden uten treff', async () => expect(await resultsHeading(page)).toBe(EMPTY_HEADING)],
      [searchPath({ q: QUERY }), 'søkesiden med tolkningen av fritekstsøket'],
      [searchPath({ lang: 'en' }), 'søkesiden på engelsk'],
      [searchPath({ q: 'next of kin', lang: 'en' }), 'søkesiden på engelsk med treff', async () => expect((await readHits(page)).length).toBeGreaterThan(0)],
      [searchPath({ sorter: 'avstand', fra: SAGENE.code!, side: '2' }), 'søkesiden, side 2 sortert etter avstand'],
      [`/tjenester/${randomUUID()}`, '404-siden'],
      ['/tjenester?lat=abc', 'feilsiden (400)'],
    ];
    for (const [url, what, check] of pages) {
      await page.goto(url);
      await check?.();
      await expectNoScripts(what);
      await checkA11y(page, `tjenester: ${what}`);
    }
    // Service pages: one with hours and a location, one with a confidential address, in both languages.
    await page.goto(searchPath({ q: 'pårørende' }));
    const first = (await readHits(page)).find((hit) => demoService(hit.name))!;
    const confidential = confidentialPlaces().flatMap((place) => place.services).find(isListed)!;
    await page.goto(searchPath({ q: confidential.service.name }));
    const shelter = (await readHits(page)).find((hit) => hit.name === confidential.service.name)!;
    for (const hit of [first, shelter]) {
      for (const suffix of ['', '?lang=en']) {
        await page.goto(`${hit.href}${suffix}`);
        await expectH1(page, suffix ? (demoService(hit.name)?.service.nameEn ?? hit.name) : hit.name);
        await expectNoScripts(`tjenestesiden «${hit.name}»${suffix}`);
        await checkA11y(page, `tjenestesiden «${hit.name}»${suffix}`);
      }
    }
  });

  it('tastatur: hopplenken kommer først og flytter fokus til hovedinnholdet; alle filtrene nås med Tab', async () => {
    const page = await resident.page();
    await page.goto('/tjenester');
    await expectH1(page, HEADING);

    const skip = page.getByRole('link', { name: 'Hopp til hovedinnholdet', exact: true });
    await page.keyboard.press('Tab');
    expect(await isFocused(skip), 'første Tab skal gå til hopplenken').toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#hovedinnhold$/u);
    expect(await isFocused(page.locator('main#hovedinnhold')), 'hopplenken skal flytte fokus til hovedinnholdet').toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('searchbox', { name: 'Søk etter tjeneste', exact: true })), 'neste Tab går til søkefeltet').toBe(true);

    // Tab through the whole form: every control it shows gets focus, in order.
    const form = page.getByRole('search', { name: 'Søk i tjenestene', exact: true });
    type Described = { id: string; tagName: string; textContent: string | null; closest(selector: string): unknown };
    const describe = (element: Described) => (element.id ? `#${element.id}` : `${element.tagName.toLowerCase()}:${(element.textContent ?? '').trim()}`);
    const controls = form.locator('input:not([type="hidden"]), select, button, summary, a[href]');
    const visible: string[] = [];
    for (const control of await controls.all()) {
      if (await control.isVisible()) visible.push(await control.evaluate(describe));
    }
    const focusedNow = () =>
      page.evaluate(() => {
        const element = (globalThis as unknown as { document: { activeElement: Described | null } }).document.activeElement;
        if (!element) return { inForm: false, name: '' };
        return {
          inForm: element.closest('form[role="search"]') !== null,
          name: element.id ? `#${element.id}` : `${element.tagName.toLowerCase()}:${(element.textContent ?? '').trim()}`,
        };
      });
    const reached: string[] = [];
    for (let presses = 0; presses < 80; presses++) {
      const focused = await focusedNow();
      if (!focused.inForm) break;
      reached.push(focused.name);
      await page.keyboard.press('Tab');
    }
    expect(reached, 'Tab skal nå hvert synlige felt i skjemaet, i rekkefølge').toEqual(visible);
    for (const id of ['#malgruppe-parorende', '#kategori-lavterskel', '#bydel', '#apent', '#gratis', '#uten_henvisning', '#rullestol', '#sprak', '#sorter', '#fra']) {
      expect(reached).toContain(id);
    }

    // The coordinates open from the keyboard; checkboxes toggle with Space; Enter on the button searches.
    await page.getByText('Bruk koordinater', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('spinbutton', { name: 'Breddegrad', exact: true }))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('spinbutton', { name: 'Lengdegrad', exact: true }))).toBe(true);
    const openNow = page.getByRole('checkbox', { name: 'Åpent nå', exact: true });
    await openNow.focus();
    await page.keyboard.press('Space');
    expect(await openNow.isChecked()).toBe(true);
    const category = page.getByRole('checkbox', { name: 'Lavterskel', exact: true });
    await category.focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Oppdater treff', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('apent') === '1');
    expect(meaningfulParams(page.url())).toEqual([
      ['apent', '1'],
      ['kategori', 'lavterskel'],
      ['sorter', 'relevans'],
    ]);
    await expectH1(page, HEADING);
  });
});
