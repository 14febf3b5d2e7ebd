import { PublicSearchQuery, type PublicSearchHit, type PublicSearchResult, type PublicService } from '@rusfag/core';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, join, mailtoHref, raw, safeHref, telHref } from './html.js';
import {
  addMonths,
  describeMoment,
  isStale,
  jsonForScript,
  pageNumbers,
  renderErrorPage,
  renderNotFoundPage,
  renderSearchPage,
  renderServicePage,
  type PageContext,
  type SearchOptions,
} from './render.js';

// Wednesday 25 November 2026, 11:00 in Oslo (UTC+1).
const NOW = new Date('2026-11-25T10:00:00Z');
const ctx = (lang: 'nb' | 'en' = 'nb', now = NOW): PageContext => ({ lang, now, basePath: '/tjenester', assetsPath: '/static/punkt' });

const XSS_SCRIPT = '<script>alert(1)</script>';
const XSS_ATTR = '" onmouseover="x';
const PAYLOAD = `${XSS_SCRIPT}${XSS_ATTR}`;

const SERVICE_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function service(overrides: Partial<PublicService> = {}): PublicService {
  return {
    id: SERVICE_ID,
    name: 'Uteseksjonen',
    nameEn: 'The Outreach Service',
    alternateName: '',
    description: 'Uteseksjonen jobber oppsøkende i sentrum.\n\nVi møter folk der de er.',
    descriptionEn: 'The outreach service works on the streets of the city centre.',
    status: 'active',
    statusNote: '',
    organization: { id: '3f0b7a6e-1c53-4a6e-9a53-6e0f2f5d8f10', name: 'Velferdsetaten', description: '', website: 'https://www.oslo.kommune.no', email: '' },
    targetGroups: [
      { code: 'ungdom', name: 'Ungdom', nameEn: 'Young people' },
      { code: 'parorende', name: 'Pårørende', nameEn: 'Next of kin' },
    ],
    categories: [{ code: 'lavterskel', name: 'Lavterskel', nameEn: 'Low threshold' }],
    cityWide: true,
    districts: [],
    eligibility: 'Alle som trenger det.',
    eligibilityEn: '',
    minimumAge: 16,
    maximumAge: 25,
    referralRequired: false,
    freeOfCharge: true,
    feesDescription: '',
    howToGetIn: 'Møt opp, eller ring oss.',
    howToGetInEn: 'Drop in, or call us.',
    languages: ['nb', 'en', 'xx'],
    url: 'https://www.oslo.kommune.no/uteseksjonen',
    email: 'ute@example.no',
    phones: [{ number: '+47 22 00 00 00', description: 'Hverdager' }],
    contacts: [],
    locations: [
      {
        id: 'a1b2c3d4-0000-4000-8000-000000000001',
        name: 'Kontoret i Storgata',
        confidential: false,
        address: 'Storgata 1',
        postalCode: '0155',
        city: 'Oslo',
        district: { code: 'B01', name: 'Gamle Oslo' },
        latitude: 59.9139,
        longitude: 10.7522,
        description: '',
        transportation: 'Trikk til Brugata.',
        wheelchairAccessible: true,
        accessibilityNote: '',
        example: false,
      },
    ],
    hours: {
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '08:00', closesAt: '15:30' })),
      exceptions: [
        { from: '2026-01-01', to: '2026-01-01', closed: true, reason: 'Nyttårsdag' },
        { from: '2026-12-24', to: '2026-12-24', closed: false, opensAt: '10:00', closesAt: '12:00', reason: 'Julaften' },
      ],
    },
    hoursNote: '',
    hoursExample: false,
    lastVerifiedOn: '2026-03-12',
    lastVerifiedBy: 'Uteseksjonen',
    publishedAt: '2026-03-12T10:00:00Z',
    ...overrides,
  };
}

function hit(overrides: Partial<PublicSearchHit> = {}): PublicSearchHit {
  return {
    id: SERVICE_ID,
    name: 'Møtestedet',
    organizationName: 'Kirkens Bymisjon',
    summary: 'Et lavterskel møtested.',
    status: 'active',
    targetGroups: [{ code: 'voksne', name: 'Voksne', nameEn: 'Adults' }],
    categories: [],
    cityWide: false,
    districts: [{ code: 'B03', name: 'Sagene' }],
    freeOfCharge: true,
    referralRequired: false,
    open: 'open',
    distanceKm: 1.2,
    lastVerifiedOn: '2026-03-12',
    stale: false,
    ...overrides,
  };
}

function result(overrides: Partial<PublicSearchResult> = {}): PublicSearchResult {
  return {
    total: 1,
    page: 1,
    pageSize: 20,
    hits: [hit()],
    interpretation: { corrected: [], district: null, openNow: false, terms: [], relaxed: false },
    ...overrides,
  };
}

const OPTIONS: SearchOptions = {
  districts: [
    { code: 'B01', name: 'Gamle Oslo' },
    { code: 'B03', name: 'Sagene' },
    { code: 'B04', name: 'St. Hanshaugen' },
  ],
  targetGroups: [
    { code: 'ungdom', name: 'Ungdom', nameEn: 'Young people' },
    { code: 'parorende', name: 'Pårørende', nameEn: 'Next of kin' },
  ],
  categories: [{ code: 'lavterskel', name: 'Lavterskel', nameEn: 'Low threshold' }],
  languages: [
    { code: 'nb', name: 'Norsk', nameEn: 'Norwegian' },
    { code: 'ar', name: 'Arabisk', nameEn: 'Arabic' },
  ],
};

const query = (input: Partial<PublicSearchQuery> = {}): PublicSearchQuery => PublicSearchQuery.parse(input);

// ————————————————————————————————————————————— tiny HTML helpers for the assertions

const tags = (doc: string, name: string): string[] => doc.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
const hrefs = (doc: string): string[] => tags(doc, 'a').map((a) => (attr(a, 'href') ?? '').replace(/&amp;/g, '&'));
const text = (doc: string): string =>
  doc
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const jsonLd = (doc: string): Record<string, unknown> => {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(doc);
  if (!m?.[1]) throw new Error('no JSON-LD');
  return JSON.parse(m[1]) as Record<string, unknown>;
};

/** Every element an attacker could use: tags with an event handler or a javascript: URL, and scripts other than JSON-LD. */
function expectNoInjectedMarkup(doc: string): void {
  for (const tag of doc.match(/<[a-z][^>]*>/gi) ?? []) {
    // Attribute names outside the (escaped) quoted values: no event handler.
    expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i);
    expect(attr(tag, 'href') ?? '').not.toMatch(/^\s*javascript:/i);
  }
  const scripts = tags(doc, 'script');
  expect(scripts.every((s) => s === '<script type="application/ld+json">')).toBe(true);
  expect(doc).not.toContain(XSS_SCRIPT);
  expect(doc).not.toContain(XSS_ATTR);
}

/** Every visible form control has a <label for>, checkboxes and radios sit in a fieldset with a legend. */
function expectLabelledControls(doc: string): void {
  const controls = [...tags(doc, 'input'), ...tags(doc, 'select'), ...tags(doc, 'textarea')].filter((c) => attr(c, 'type') !== 'hidden');
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    const id = attr(control, 'id');
    expect(id, control).toBeTruthy();
    expect(doc, `label for ${id}`).toMatch(new RegExp(`<label[^>]*\\sfor="${id}"[^>]*>[^<]*\\S`));
  }
  for (const fieldset of doc.match(/<fieldset\b[\s\S]*?<\/fieldset>/g) ?? []) {
    expect(fieldset).toMatch(/^<fieldset[^>]*>\s*<legend[^>]*>[^<]+<\/legend>/);
  }
  // No checkbox outside a fieldset.
  const outside = doc.replace(/<fieldset\b[\s\S]*?<\/fieldset>/g, '');
  expect(tags(outside, 'input').filter((c) => attr(c, 'type') === 'checkbox')).toEqual([]);
}

/** What axe checks for any page: lang, one h1, landmarks, skip link to main, unique ids. */
function expectDocumentBasics(doc: string, lang: 'nb' | 'en'): void {
  expect(doc.startsWith('<!doctype html>')).toBe(true);
  expect(doc).toContain(`<html lang="${lang}">`);
  expect(doc).toContain('<meta charset="utf-8">');
  expect(doc).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  expect(doc).toContain('<link rel="stylesheet" href="/static/punkt/css/pkt.min.css">');
  expect(tags(doc, 'h1')).toHaveLength(1);
  expect(tags(doc, 'main')).toHaveLength(1);
  expect(tags(doc, 'header')).toHaveLength(1);
  expect(tags(doc, 'footer')).toHaveLength(1);
  expect(doc).toMatch(/<a class="rf-skip-link" href="#hovedinnhold">/);
  expect(doc).toMatch(/<main id="hovedinnhold"/);
  const ids = (doc.match(/\sid="[^"]*"/g) ?? []).map((s) => s.trim());
  expect(new Set(ids).size).toBe(ids.length);
  expect(doc).toMatch(/<title>[^<]+ – (Tjenester innen rus – Oslo kommune|Substance use services – City of Oslo)<\/title>/);
  expect(doc).toContain('href="/hsds/services"');
  expectNoInjectedMarkup(doc);
}

// ————————————————————————————————————————————— html.ts

describe('html template', () => {
  it('escapes every interpolated value and keeps its own fragments', () => {
    const name = `<b>&"'`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe('<p title="&lt;b&gt;&amp;&quot;&#39;">&lt;b&gt;&amp;&quot;&#39;</p>');
    expect(html`<ul>${['a<', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
    expect(html`${false}${null}${undefined}${0}`.value).toBe('0');
    expect(html`${raw('<br>')}`.value).toBe('<br>');
    expect(join(['a', '', 'b<'], html`<br>`).value).toBe('a<br>b&lt;');
    expect(escapeHtml(XSS_SCRIPT)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('does not trust an object that only looks like a fragment', () => {
    const fake = { value: '<script>' } as unknown as string;
    expect(html`${fake}`.value).not.toContain('<script>');
  });

  it('lets only http(s), mailto: and tel: addresses become links', () => {
    expect(safeHref('https://www.oslo.kommune.no/a?b=1&c=2')).toBe('https://www.oslo.kommune.no/a?b=1&c=2');
    expect(safeHref('http://example.no')).toBe('http://example.no/');
    expect(safeHref('mailto:post@example.no')).toBe('mailto:post@example.no');
    expect(safeHref('tel:+4722000000')).toBe('tel:+4722000000');
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '/relative/path',
      '//evil.example',
      'https://',
      '',
      null,
      undefined,
    ]) {
      expect(safeHref(bad), String(bad)).toBeNull();
    }
    expect(telHref('+47 22 00 00 00')).toBe('tel:+4722000000');
    expect(telHref('abc')).toBeNull();
    expect(mailtoHref('post@example.no')).toBe('mailto:post@example.no');
    expect(mailtoHref('x@y.no?subject=<script>')).toBeNull();
    expect(mailtoHref('not an address')).toBeNull();
  });
});

// ————————————————————————————————————————————— XSS on the pages

describe('scripts in text fields are shown as text', () => {
  /** Every free-text field of a service (and its nested records) set to the payload. */
  function hostileService(): PublicService {
    const s = service();
    return service({
      name: PAYLOAD,
      nameEn: PAYLOAD,
      alternateName: PAYLOAD,
      description: PAYLOAD,
      descriptionEn: PAYLOAD,
      status: 'temporarily_closed',
      statusNote: PAYLOAD,
      organization: { ...s.organization, name: PAYLOAD, description: PAYLOAD, website: 'javascript:alert(1)', email: PAYLOAD },
      targetGroups: [{ code: 'ungdom', name: PAYLOAD, nameEn: PAYLOAD }],
      categories: [{ code: 'lavterskel', name: PAYLOAD, nameEn: PAYLOAD }],
      cityWide: false,
      districts: [{ code: 'B01', name: PAYLOAD }],
      eligibility: PAYLOAD,
      eligibilityEn: PAYLOAD,
      feesDescription: PAYLOAD,
      howToGetIn: PAYLOAD,
      howToGetInEn: PAYLOAD,
      languages: [PAYLOAD],
      url: 'javascript:alert(1)',
      email: PAYLOAD,
      phones: [{ number: PAYLOAD, description: PAYLOAD }],
      contacts: [{ name: PAYLOAD, title: PAYLOAD, email: PAYLOAD, phone: PAYLOAD }],
      locations: [
        {
          ...s.locations[0]!,
          name: PAYLOAD,
          address: PAYLOAD,
          postalCode: PAYLOAD,
          city: PAYLOAD,
          district: { code: 'B01', name: PAYLOAD },
          description: PAYLOAD,
          transportation: PAYLOAD,
          accessibilityNote: PAYLOAD,
        },
        { ...s.locations[0]!, id: 'a1b2c3d4-0000-4000-8000-000000000002', name: PAYLOAD, confidential: true },
      ],
      hours: {
        weekly: s.hours.weekly,
        exceptions: [{ from: '2026-12-24', to: '2026-12-24', closed: true, reason: PAYLOAD }],
      },
      hoursNote: PAYLOAD,
      lastVerifiedBy: PAYLOAD,
    });
  }

  it.each(['nb', 'en'] as const)('on the service page (%s)', (lang) => {
    const doc = renderServicePage(ctx(lang), hostileService());
    expectNoInjectedMarkup(doc);
    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x');
    // The JSON-LD holds the payload as data, escaped so it cannot close the script element.
    expect(jsonLd(doc)['name']).toBe(PAYLOAD);
  });

  it('in search hits, the query and the interpretation notes', () => {
    const doc = renderSearchPage(
      ctx(),
      query({ q: PAYLOAD, malgruppe: ['ungdom'] }),
      result({
        total: 45,
        hits: [
          hit({
            name: PAYLOAD,
            organizationName: PAYLOAD,
            summary: PAYLOAD,
            targetGroups: [{ code: 'x1', name: PAYLOAD, nameEn: PAYLOAD }],
            districts: [{ code: 'B01', name: PAYLOAD }],
          }),
        ],
        interpretation: { corrected: [{ from: PAYLOAD, to: PAYLOAD }], district: PAYLOAD, openNow: true, terms: [{ text: PAYLOAD, taxonomy: 'category', code: 'x', name: PAYLOAD, nameEn: PAYLOAD }], relaxed: true },
      }),
      { ...OPTIONS, districts: [{ code: 'B01', name: PAYLOAD }], targetGroups: [{ code: 'ungdom', name: PAYLOAD, nameEn: PAYLOAD }] },
    );
    expectNoInjectedMarkup(doc);
    expect(attr(tags(doc, 'input').find((i) => attr(i, 'name') === 'q')!, 'value')).toBe(escapeHtml(PAYLOAD));
    expect(text(doc)).toContain(`Søk: ${PAYLOAD} – Tjenester innen rus`);
  });

  it('in the error message', () => {
    const doc = renderErrorPage(ctx(), PAYLOAD, { q: PAYLOAD, options: OPTIONS });
    expectNoInjectedMarkup(doc);
    expect(text(doc)).toContain(PAYLOAD);
  });

  it('a javascript: address is shown as text, never as a link', () => {
    const doc = renderServicePage(ctx(), service({ url: 'javascript:alert(1)' }));
    expect(hrefs(doc).some((h) => /javascript/i.test(h))).toBe(false);
    expect(doc).toContain('<span class="rf-unlinked">javascript:alert(1)</span>');
  });
});

// ————————————————————————————————————————————— confidential locations

describe('a confidential location', () => {
  it('shows only its name and how to make contact, even if the data carried an address', () => {
    const secret = {
      id: 'a1b2c3d4-0000-4000-8000-000000000009',
      name: 'Krisesenteret',
      confidential: true,
      // A bug elsewhere left these in; the page must still not print them.
      address: 'Hemmeligveien 13',
      postalCode: '0999',
      city: 'Skjultby',
      district: { code: 'B09', name: 'Hemmeligbydel' },
      latitude: 59.123456,
      longitude: 10.654321,
      description: 'Inngang bak butikken',
      transportation: 'Buss 99 til Skjultholdeplass',
      wheelchairAccessible: true,
      accessibilityNote: 'Rampe ved bakdøren',
      example: false,
    };
    for (const lang of ['nb', 'en'] as const) {
      const doc = renderServicePage(ctx(lang), service({ locations: [secret] }));
      for (const leak of ['Hemmeligveien', '0999', 'Skjultby', 'Hemmeligbydel', '59.12', '10.65', '59,12', 'Inngang bak', 'Buss 99', 'Rampe', 'openstreetmap']) {
        expect(doc, `${lang}: ${leak}`).not.toContain(leak);
      }
      expect(text(doc)).toContain('Krisesenteret');
      expect(text(doc)).toContain(
        lang === 'nb' ? 'Adressen er skjermet. Ta kontakt for å avtale oppmøte.' : 'The address is confidential. Get in touch to arrange a meeting.',
      );
      expect(JSON.stringify(jsonLd(doc))).not.toMatch(/Hemmelig|Skjult|Krisesenteret|59\.12/);
    }
  });

  it('an ordinary location shows address, district, access, directions and a map link; example data is marked', () => {
    const doc = renderServicePage(ctx(), service({ locations: [{ ...service().locations[0]!, example: true }] }));
    const t = text(doc);
    expect(t).toContain('Kontoret i Storgata (eksempeldata)');
    expect(t).toContain('Storgata 1 0155 Oslo');
    expect(t).toContain('Bydel Gamle Oslo');
    expect(t).toContain('Tilgjengelig med rullestol');
    expect(t).toContain('Slik kommer du dit: Trikk til Brugata.');
    expect(hrefs(doc)).toContain('https://www.openstreetmap.org/?mlat=59.91390&mlon=10.75220#map=17/59.91390/10.75220');
  });
});

// ————————————————————————————————————————————— the service page

describe('service page', () => {
  it('has the document frame, the sections and the facts in Norwegian', () => {
    const doc = renderServicePage(ctx(), service());
    expectDocumentBasics(doc, 'nb');
    const t = text(doc);
    expect(doc).toMatch(/<h1 class="rf-h1">Uteseksjonen<\/h1>/);
    expect(doc).toContain('<title>Uteseksjonen – Tjenester innen rus – Oslo kommune</title>');
    for (const heading of ['Hvordan komme i kontakt', 'For hvem', 'Hvor', 'Når', 'Kontakt', 'Pris', 'Henvisning', 'Språk']) {
      expect(doc).toMatch(new RegExp(`<h2 class="rf-h2" id="[^"]+">${heading}</h2>`));
    }
    expect(t).toContain('Tilbys av Velferdsetaten');
    expect(t).toContain('Alder: 16–25 år');
    expect(t).toContain('Tilbys i: Hele byen');
    expect(t).toContain('Åpent nå – stenger 15.30');
    expect(t).toContain('Mandag–fredag 08.00–15.30');
    expect(t).toContain('24.12.2026: 10.00–12.00 (Julaften)');
    expect(t).not.toContain('Nyttårsdag'); // past exceptions are left out
    expect(t).toContain('Sist bekreftet 12.03.2026 av Uteseksjonen');
    expect(t).toContain('Gratis');
    expect(t).toContain('Du trenger ikke henvisning');
    expect(t).toContain('Norsk, Engelsk, xx');
    expect(hrefs(doc)).toEqual(expect.arrayContaining(['tel:+4722000000', 'mailto:ute@example.no', 'https://www.oslo.kommune.no/uteseksjonen']));
    expect(hrefs(doc)).toContain('/tjenester'); // back to the search
    // Paragraphs from blank lines.
    expect(doc).toContain('<p>Uteseksjonen jobber oppsøkende i sentrum.</p><p>Vi møter folk der de er.</p>');
  });

  it('has canonical, hreflang alternates, a meta description and JSON-LD', () => {
    const long = 'Ord '.repeat(100);
    const doc = renderServicePage({ ...ctx(), origin: 'https://rusfag.example.no' }, service({ description: long }));
    expect(doc).toContain(`<link rel="canonical" href="https://rusfag.example.no/tjenester/${SERVICE_ID}">`);
    expect(doc).toContain(`<link rel="alternate" hreflang="nb" href="https://rusfag.example.no/tjenester/${SERVICE_ID}">`);
    expect(doc).toContain(`<link rel="alternate" hreflang="en" href="https://rusfag.example.no/tjenester/${SERVICE_ID}?lang=en">`);
    expect(doc).toContain(`<link rel="alternate" hreflang="x-default" href="https://rusfag.example.no/tjenester/${SERVICE_ID}">`);
    const description = attr(tags(doc, 'meta').find((m) => attr(m, 'name') === 'description')!, 'content')!;
    expect(description.length).toBeLessThanOrEqual(160);
    expect(long.startsWith(description.slice(0, -1))).toBe(true);
    const ld = jsonLd(doc);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Service',
      name: 'Uteseksjonen',
      url: `https://rusfag.example.no/tjenester/${SERVICE_ID}`,
      provider: { '@type': 'Organization', name: 'Velferdsetaten' },
      areaServed: { '@type': 'City', name: 'Oslo' },
    });
    expect(ld['description']).toBe(long);
    expect(doc).not.toMatch(/<meta name="robots"/);
  });

  it('escapes the JSON-LD so nothing in it can end the script element', () => {
    const name = '</script><script>alert(1)</script><!-- & \u2028';
    const doc = renderServicePage(ctx(), service({ name }));
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(doc)![1]!;
    expect(block).not.toMatch(/[<>&\u2028]/);
    expect(block).toContain('\\u003c/script\\u003e');
    expect(jsonLd(doc)['name']).toBe(name);
    expect(jsonForScript({ a: '<&>' })).toBe('{"a":"\\u003c\\u0026\\u003e"}');
  });

  it('in English: English texts where there are any, the Norwegian marked lang="nb", links keep lang=en', () => {
    const doc = renderServicePage(ctx('en'), service());
    expectDocumentBasics(doc, 'en');
    const t = text(doc);
    expect(doc).toMatch(/<h1 class="rf-h1">The Outreach Service<\/h1>/);
    expect(t).toContain('Open now – closes at 15:30');
    expect(t).toContain('Monday–Friday 08:00–15:30');
    expect(t).toContain('Age: 16–25');
    expect(t).toContain('Young people');
    expect(t).toContain('Drop in, or call us.');
    expect(t).toContain('Last verified 12.03.2026 by Uteseksjonen');
    expect(t).toContain('Norwegian, English, xx');
    // No English eligibility: the Norwegian text, marked as such.
    expect(doc).toContain('<div class="rf-text" lang="nb"><p>Alle som trenger det.</p></div>');
    const switchLink = tags(doc, 'a').find((a) => attr(a, 'hreflang') === 'nb')!;
    const internal = tags(doc, 'a')
      .filter((a) => a !== switchLink)
      .map((a) => attr(a, 'href') ?? '')
      .filter((h) => h.startsWith('/tjenester'));
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.every((h) => h.includes('lang=en'))).toBe(true);
    // The switch goes back to Norwegian, without the parameter.
    expect(doc).toContain(`<a class="pkt-link" href="/tjenester/${SERVICE_ID}" hreflang="nb" lang="nb">Norsk</a>`);
    expect(jsonLd(doc)['name']).toBe('The Outreach Service');
  });

  it('Norwegian links never carry lang, and the switch leads to English', () => {
    const doc = renderServicePage(ctx(), service());
    expect(hrefs(doc).filter((h) => h.includes('lang='))).toEqual([`/tjenester/${SERVICE_ID}?lang=en`]);
    expect(doc).toContain(`hreflang="en" lang="en">English</a>`);
  });

  it('says when it opens next, and when no hours are given', () => {
    // Saturday 28 November 2026, 12:00 in Oslo.
    const saturday = renderServicePage(ctx('nb', new Date('2026-11-28T11:00:00Z')), service());
    expect(text(saturday)).toContain('Stengt nå – åpner mandag 08.00');
    expect(text(renderServicePage(ctx('en', new Date('2026-11-28T11:00:00Z')), service()))).toContain('Closed now – opens Monday at 08:00');
    const none = renderServicePage(ctx(), service({ hours: { weekly: [], exceptions: [] } }));
    expect(text(none)).toContain('Åpningstider er ikke oppgitt');
    expect(text(none)).not.toMatch(/Åpent nå|Stengt nå/);
    // A status given by the caller is used as it is.
    const given = renderServicePage(ctx(), service(), { state: 'closed', opensNext: { date: '2026-11-26', time: '09:00' } });
    expect(text(given)).toContain('Stengt nå – åpner i morgen 09.00');
  });

  it('marks example hours, shows the status of a closed service instead of "open now"', () => {
    const example = text(renderServicePage(ctx(), service({ hoursExample: true })));
    expect(example).toContain('Åpent nå – stenger 15.30 (eksempeldata)');
    const closed = renderServicePage(ctx(), service({ status: 'temporarily_closed', statusNote: 'Stengt for oppussing.' }));
    expect(text(closed)).toContain('Midlertidig stengt');
    expect(text(closed)).toContain('Stengt for oppussing.');
    expect(text(closed)).not.toContain('Åpent nå');
    expect(text(renderServicePage(ctx(), service({ status: 'defunct' })))).toContain('Nedlagt');
    expect(text(renderServicePage(ctx(), service({ status: 'inactive' })))).toContain('Ikke i drift');
  });

  it('price, referral and age in every combination', () => {
    const t = (s: Partial<PublicService>) => text(renderServicePage(ctx(), service(s)));
    expect(t({ freeOfCharge: false, feesDescription: 'Egenandel 50 kr.' })).toMatch(/Pris Koster penger Egenandel 50 kr\./);
    expect(t({ freeOfCharge: null })).toMatch(/Pris Ikke oppgitt/);
    expect(t({ referralRequired: true })).toContain('Du trenger henvisning');
    expect(t({ referralRequired: null })).toMatch(/Henvisning Ikke oppgitt/);
    expect(t({ minimumAge: 16, maximumAge: null })).toContain('Alder: Fra 16 år');
    expect(t({ minimumAge: null, maximumAge: 25 })).toContain('Alder: Til og med 25 år');
    expect(t({ minimumAge: null, maximumAge: null })).not.toContain('Alder:');
    expect(t({ locations: [] })).toContain('Tjenesten har ikke noe fast oppmøtested oppgitt.');
    expect(t({ cityWide: false, districts: [{ code: 'B03', name: 'Sagene' }] })).toContain('Tilbys i: Bydel Sagene');
    expect(t({ phones: [], email: '', url: '', contacts: [] })).toContain('Ingen kontaktopplysninger er oppgitt.');
  });
});

// ————————————————————————————————————————————— freshness

describe('stale mark (VERIFY_STALE_MONTHS = 12)', () => {
  it('isStale counts whole months from the verification date', () => {
    expect(isStale('2025-11-25', '2026-11-25')).toBe(false);
    expect(isStale('2025-11-24', '2026-11-25')).toBe(true);
    expect(isStale(null, '2026-11-25')).toBe(true);
    expect(isStale('2026-06-01', '2026-11-25')).toBe(false);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-12-15', 12)).toBe('2026-12-15');
  });

  it('the service page warns when not verified for 12 months, or never', () => {
    const warning = 'Ikke bekreftet siste 6 måneder';
    expect(text(renderServicePage(ctx(), service({ lastVerifiedOn: '2025-11-25' })))).not.toContain(warning);
    const stale = text(renderServicePage(ctx(), service({ lastVerifiedOn: '2025-11-24' })));
    expect(stale).toContain(warning);
    expect(stale).toContain('Sist bekreftet 24.11.2025 av Uteseksjonen');
    const never = text(renderServicePage(ctx(), service({ lastVerifiedOn: null })));
    expect(never).toContain(warning);
    expect(never).toContain('Opplysningene er ikke bekreftet.');
  });

  it('a search hit shows the mark when the search says it is stale', () => {
    const doc = renderSearchPage(ctx(), query(), result({ hits: [hit({ stale: true })] }), OPTIONS);
    expect(text(doc)).toContain('Ikke bekreftet siste 6 måneder');
    expect(text(renderSearchPage(ctx(), query(), result(), OPTIONS))).not.toContain('Ikke bekreftet');
  });
});

// ————————————————————————————————————————————— the search page

describe('search page', () => {
  const full = query({
    q: 'lavterskel pårørende',
    malgruppe: ['parorende', 'ungdom'],
    kategori: ['lavterskel'],
    bydel: 'B03',
    apent: true,
    gratis: true,
    uten_henvisning: true,
    rullestol: true,
    sprak: 'ar',
    sorter: 'avstand',
    fra: 'B04',
    lat: 59.93,
    lon: 10.75,
    side: 2,
  });

  it('is a complete, accessible document with a GET form whose controls all have labels', () => {
    const doc = renderSearchPage(ctx(), query(), result(), OPTIONS);
    expectDocumentBasics(doc, 'nb');
    expectLabelledControls(doc);
    expect(doc).toContain('<form class="rf-search" method="get" action="/tjenester" role="search"');
    expect(doc).toMatch(/<label class="pkt-inputwrapper__label" for="q">Søk etter tjeneste<\/label>/);
    for (const legend of ['Målgruppe', 'Kategori', 'Vis bare', 'Sortering']) expect(doc).toContain(`rf-legend">${legend}</legend>`);
    for (const label of ['Åpent nå', 'Gratis', 'Uten henvisning', 'Tilgjengelig med rullestol', 'Bydel', 'Breddegrad', 'Lengdegrad']) {
      expect(doc).toMatch(new RegExp(`<label[^>]*>${label}</label>`));
    }
    expect(doc).toContain('<option value="" selected>Hele byen</option>');
    expect(doc).toContain('<details class="rf-details"><summary>Bruk koordinater</summary>');
    expect(doc).toMatch(/<button type="submit"[^>]*><span class="pkt-btn__text">Søk<\/span><\/button>/);
    // The plain search page is indexed; a search with filters is followed but not indexed.
    expect(doc).toContain('<link rel="canonical" href="/tjenester">');
    expect(doc).not.toContain('name="robots"');
    expect(renderSearchPage(ctx(), query({ q: 'x' }), result(), OPTIONS)).toContain('<meta name="robots" content="noindex, follow">');
  });

  it('every control reflects the current query', () => {
    const doc = renderSearchPage(ctx(), full, result({ total: 45, page: 2 }), OPTIONS);
    expectLabelledControls(doc);
    const input = (id: string) => tags(doc, 'input').find((i) => attr(i, 'id') === id)!;
    expect(attr(input('q'), 'value')).toBe('lavterskel pårørende');
    for (const id of ['malgruppe-parorende', 'malgruppe-ungdom', 'kategori-lavterskel', 'apent', 'gratis', 'uten_henvisning', 'rullestol']) {
      expect(input(id), id).toMatch(/ checked>$/);
    }
    expect(attr(input('lat'), 'value')).toBe('59.93');
    expect(attr(input('lon'), 'value')).toBe('10.75');
    const selectBody = (id: string) => new RegExp(`<select[^>]*id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(doc)![1]!;
    expect(selectBody('bydel')).toContain('<option value="B03" selected>Sagene</option>');
    expect(selectBody('fra')).toContain('<option value="B04" selected>St. Hanshaugen</option>');
    expect(selectBody('sprak')).toContain('<option value="ar" selected>Arabisk</option>');
    expect(selectBody('sorter')).toContain('<option value="avstand" selected>Avstand</option>');
    expect(doc).toContain('<details class="rf-details" open>');
  });

  it('lists hits with link, organisation, summary and badges', () => {
    const doc = renderSearchPage(
      ctx(),
      query(),
      result({
        total: 3,
        hits: [
          hit(),
          hit({ id: 'b1b2c3d4-0000-4000-8000-000000000002', name: 'Rustelefonen', open: 'unknown', cityWide: true, districts: [], distanceKm: null, freeOfCharge: null, referralRequired: null }),
          hit({ id: 'c1b2c3d4-0000-4000-8000-000000000003', name: 'Gamle tilbud', status: 'temporarily_closed', open: 'closed' }),
        ],
      }),
      OPTIONS,
    );
    const t = text(doc);
    expect(doc).toMatch(/<h2 class="rf-h2" id="treff-tittel">3 tjenester<\/h2>/);
    expect(doc).toContain(`<a class="pkt-link" href="/tjenester/${SERVICE_ID}">Møtestedet</a>`);
    expect(t).toContain('Tilbys av Kirkens Bymisjon');
    expect(t).toContain('Et lavterskel møtested.');
    const [first, second, third] = doc.split('<li class="rf-hit">').slice(1).map(text);
    // The number and its unit are kept together by a no-break space.
    expect(doc).toContain('1,2\u00a0km');
    expect(first).toMatch(/Åpent nå Gratis Uten henvisning Voksne Sagene Avstand: 1,2 km/);
    expect(second).toContain('Hele byen');
    expect(second).not.toMatch(/Åpent nå|Stengt nå|Gratis|Uten henvisning/);
    expect(third).toContain('Midlertidig stengt');
    expect(third).not.toContain('Stengt nå');
    expect(text(renderSearchPage(ctx(), query(), result({ hits: [hit({ open: 'closed' })] }), OPTIONS))).toContain('Stengt nå');
    expect(text(renderSearchPage(ctx('en'), query(), result(), OPTIONS))).toContain('Distance: 1.2 km');
    expect(text(renderSearchPage(ctx(), query(), result({ hits: [hit({ distanceKm: 12.34 })] }), OPTIONS))).toContain('12 km');
  });

  it('explains how the free text was read', () => {
    const doc = renderSearchPage(
      ctx(),
      query({ q: 'pårørnde i sagene åpent nå' }),
      result({
        interpretation: {
          corrected: [{ from: 'pårørnde', to: 'pårørende' }],
          district: 'Sagene',
          openNow: true,
          terms: [
            { text: 'pårørende', taxonomy: 'target_group', code: 'parorende', name: 'Pårørende', nameEn: 'Next of kin' },
            { text: 'lavterskel', taxonomy: 'category', code: 'lavterskel', name: 'Lavterskel', nameEn: 'Low threshold' },
          ],
          relaxed: true,
        },
      }),
      OPTIONS,
    );
    const t = text(doc);
    expect(t).toContain('Tolket «pårørende» som målgruppe Pårørende.');
    expect(t).toContain('Tolket «lavterskel» som kategori Lavterskel.');
    expect(t).toContain('Viser treff for «pårørende» (du skrev «pårørnde»).');
    expect(t).toContain('Tolket «Sagene» som bydel Sagene.');
    expect(t).toContain('Tolket «åpent nå» som filter.');
    expect(t).toContain('Ingen tjenester passet alle ordene. Viser tjenester som passer noen av dem.');
    // A district code is shown by its name.
    const coded = renderSearchPage(ctx(), query(), result({ interpretation: { corrected: [], district: 'B03', openNow: false, terms: [], relaxed: false } }), OPTIONS);
    expect(text(coded)).toContain('Tolket «Sagene» som bydel Sagene.');
  });

  it('has an empty state with advice', () => {
    const doc = renderSearchPage(ctx(), query({ q: 'finnesikke' }), result({ total: 0, hits: [] }), OPTIONS);
    expectDocumentBasics(doc, 'nb');
    expect(doc).toContain('Ingen tjenester passet søket</h2>');
    expect(text(doc)).toContain('Prøv færre eller andre ord');
    expect(doc).not.toContain('<nav class="rf-pagination"');
  });

  it('pagination keeps every parameter and marks the current page', () => {
    const doc = renderSearchPage(ctx(), { ...full, side: 3 }, result({ total: 200, page: 3, pageSize: 20 }), OPTIONS);
    const nav = /<nav class="rf-pagination" aria-label="Sider">([\s\S]*?)<\/nav>/.exec(doc)![1]!;
    const links = hrefs(nav);
    const keep =
      'q=lavterskel+p%C3%A5r%C3%B8rende&malgruppe=parorende&malgruppe=ungdom&kategori=lavterskel&bydel=B03&apent=1&gratis=1&uten_henvisning=1&rullestol=1&sprak=ar&sorter=avstand&fra=B04&lat=59.93&lon=10.75';
    expect(links).toEqual([
      `/tjenester?${keep}&side=2`, // forrige
      `/tjenester?${keep}`, // 1
      `/tjenester?${keep}&side=2`,
      `/tjenester?${keep}&side=3`,
      `/tjenester?${keep}&side=4`,
      `/tjenester?${keep}&side=5`,
      `/tjenester?${keep}&side=10`,
      `/tjenester?${keep}&side=4`, // neste
    ]);
    expect(nav).toContain('aria-current="page"><span class="pkt-sr-only rf-sr-only">Side </span>3</a>');
    expect(text(nav)).toMatch(/Forrige .* … .* Neste/);
    expect(text(doc)).toContain('Viser 41–60 av 200.');
    // Each parameter survives the round trip through URLSearchParams.
    const params = new URLSearchParams(links[0]!.split('?')[1]);
    expect(params.getAll('malgruppe')).toEqual(['parorende', 'ungdom']);
    expect(params.get('q')).toBe('lavterskel pårørende');
    // English pages keep lang=en in the page links too.
    const en = renderSearchPage(ctx('en'), { ...full, side: 1 }, result({ total: 45 }), OPTIONS);
    const enNav = /<nav class="rf-pagination"[^>]*>([\s\S]*?)<\/nav>/.exec(en)![1]!;
    expect(hrefs(enNav).every((h) => h.endsWith('lang=en'))).toBe(true);
  });

  it('pageNumbers: first, last and two either side', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    expect(pageNumbers(12, 12)).toEqual([1, null, 10, 11, 12]);
  });

  it('in English, with every link and the form keeping lang=en', () => {
    const doc = renderSearchPage(ctx('en'), query({ q: 'bolig', malgruppe: ['ungdom'] }), result({ total: 45 }), OPTIONS);
    expectDocumentBasics(doc, 'en');
    expectLabelledControls(doc);
    expect(doc).toContain('<input type="hidden" name="lang" value="en">');
    expect(doc).toMatch(/<label class="pkt-inputwrapper__label" for="q">Search for a service<\/label>/);
    expect(doc).toContain('for="malgruppe-ungdom">Young people</label>');
    expect(doc).toContain('<option value="" selected>Whole city</option>');
    expect(text(doc)).toContain('45 services');
    const internal = tags(doc, 'a')
      .filter((a) => attr(a, 'hreflang') !== 'nb')
      .map((a) => (attr(a, 'href') ?? '').replace(/&amp;/g, '&'))
      .filter((h) => h.startsWith('/tjenester'));
    expect(internal.length).toBeGreaterThan(3);
    expect(internal.every((h) => h.includes('lang=en'))).toBe(true);
    // The language switch keeps the search.
    expect(hrefs(doc)).toContain('/tjenester?q=bolig&malgruppe=ungdom');
    expect(tags(renderSearchPage(ctx(), query(), result(), OPTIONS), 'input').some((i) => attr(i, 'name') === 'lang')).toBe(false);
  });

  it('a code the option lists do not know still shows as chosen', () => {
    const doc = renderSearchPage(ctx(), query({ sprak: 'zz', bydel: 'B99' }), result(), OPTIONS);
    expect(doc).toContain('<option value="zz" selected>zz</option>');
    expect(doc).toContain('<option value="B99" selected>B99</option>');
  });
});

describe('print and layout', () => {
  it('prints without the form, the header navigation and the pagination, with link addresses', () => {
    const doc = renderSearchPage(ctx(), query(), result({ total: 45 }), OPTIONS);
    const print = /@media print\{([\s\S]*)\}<\/style>/.exec(doc)![1]!;
    for (const hidden of ['.rf-search', '.rf-header__nav', '.rf-pagination', '.rf-skip-link']) expect(print).toContain(hidden);
    expect(print).toContain('content:" (" attr(href) ")"');
    // The inline stylesheet comes first, so Punkt's rules win where both style an element.
    expect(doc.indexOf('<style>')).toBeLessThan(doc.indexOf('pkt.min.css'));
  });

  it('has the "need help now" line with emergency numbers on every page', () => {
    for (const doc of [renderSearchPage(ctx(), query(), result(), OPTIONS), renderServicePage(ctx(), service()), renderNotFoundPage(ctx())]) {
      expect(text(doc)).toContain('Trenger du hjelp nå? Ring 113 ved akutt fare for liv og helse.');
      expect(hrefs(doc)).toEqual(expect.arrayContaining(['tel:113', 'tel:116117', 'https://rustelefonen.no']));
    }
  });
});

// ————————————————————————————————————————————— 404 and errors

describe('not found and error pages', () => {
  it('404 says the service is not there and offers a search', () => {
    for (const lang of ['nb', 'en'] as const) {
      const doc = renderNotFoundPage(ctx(lang));
      expectDocumentBasics(doc, lang);
      expectLabelledControls(doc);
      expect(doc).toContain('<meta name="robots" content="noindex">');
      expect(doc).toContain(lang === 'nb' ? '<h1 class="rf-h1">Fant ikke tjenesten</h1>' : '<h1 class="rf-h1">Service not found</h1>');
      expect(doc).toContain('action="/tjenester"');
    }
  });

  it('an error page shows the message and a usable search form', () => {
    const doc = renderErrorPage(ctx(), 'Søket kunne ikke leses: sjekk bydelen.', { options: OPTIONS, q: 'bolig' });
    expectDocumentBasics(doc, 'nb');
    expectLabelledControls(doc);
    expect(doc).toContain('<meta name="robots" content="noindex">');
    expect(text(doc)).toContain('Søket kunne ikke leses: sjekk bydelen.');
    expect(doc).toContain('<h1 class="rf-h1">Noe er galt med søket</h1>');
    expect(doc).toContain('name="malgruppe"');
    expect(attr(tags(doc, 'input').find((i) => attr(i, 'id') === 'q')!, 'value')).toBe('bolig');
    // Without options: the free-text field alone.
    const plain = renderErrorPage(ctx('en'), 'The search could not be read.');
    expectLabelledControls(plain);
    expect(plain).not.toContain('name="malgruppe"');
    expect(plain).toContain('<input type="hidden" name="lang" value="en">');
  });
});

// ————————————————————————————————————————————— time phrases

describe('describeMoment', () => {
  const today = '2026-11-25'; // Wednesday
  it('reads as today, tomorrow, a weekday or a date', () => {
    expect(describeMoment({ date: today, time: '15:30' }, today, 'nb', 'closes')).toBe('15.30');
    expect(describeMoment({ date: '2026-11-26', time: '00:00' }, today, 'nb', 'closes')).toBe('24.00');
    expect(describeMoment({ date: '2026-11-26', time: '00:00' }, today, 'en', 'closes')).toBe('at midnight');
    expect(describeMoment({ date: '2026-11-26', time: '08:00' }, today, 'nb', 'opens')).toBe('i morgen 08.00');
    expect(describeMoment({ date: '2026-11-30', time: '08:00' }, today, 'nb', 'opens')).toBe('mandag 08.00');
    expect(describeMoment({ date: '2026-11-30', time: '08:00' }, today, 'en', 'opens')).toBe('Monday at 08:00');
    expect(describeMoment({ date: '2026-12-07', time: '08:00' }, today, 'nb', 'opens')).toBe('07.12.2026 kl. 08.00');
  });
});
