import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PublicService } from './contract.js';
import { TAXONOMY_TERMS } from './model.js';
import {
  hsdsExport,
  hsdsPage,
  hsdsSchedules,
  hsdsService,
  sha1,
  taxonomyTermId,
  uuidV5,
  RUSFAG_HSDS_NAMESPACE,
} from './hsds.js';
import {
  languageCode,
  matchArea,
  matchTerm,
  parseCsvTable,
  parseHsdsTime,
  parseLanguageText,
  parseWeekday,
  phoneNumber,
  readHsdsDatapackage,
  readHsdsJson,
  type ImportService,
  type ImportVocabulary,
} from './hsds-import.js';

const vocab: ImportVocabulary = {
  terms: TAXONOMY_TERMS,
  districts: [
    { code: 'B03', name: 'Bydel Sagene' },
    { code: 'B04', name: 'Bydel St. Hanshaugen' },
  ],
  today: '2026-11-27',
};

const ORG = '0b6f3e0e-6a59-4a67-8f0e-0e2d3c4b5a69';

function doc(overrides: Partial<PublicService> = {}): PublicService {
  return {
    id: '5f0c1f7e-1d2b-4c3a-9e8f-7a6b5c4d3e2f',
    name: 'Pårørendesenteret',
    nameEn: 'Next of kin centre',
    alternateName: 'PSS',
    description: 'Samtaler for pårørende. <script>alert(1)</script>',
    descriptionEn: 'Talks for next of kin.',
    status: 'temporarily_closed',
    statusNote: 'Stengt for oppussing til 1. mars.',
    organization: { id: ORG, name: 'Pårørendesenteret i Oslo', description: 'En ideell organisasjon.', website: 'https://example.org', email: 'post@example.org' },
    targetGroups: [{ code: 'parorende', name: 'Pårørende', nameEn: 'Next of kin' }],
    categories: [
      { code: 'lavterskel', name: 'Lavterskel', nameEn: 'Low threshold' },
      { code: 'radgivning', name: 'Rådgivning', nameEn: 'Counselling' },
    ],
    cityWide: false,
    districts: [{ code: 'B03', name: 'Bydel Sagene' }],
    eligibility: 'Alle over 16 år.',
    eligibilityEn: 'Everyone over 16.',
    minimumAge: 16,
    maximumAge: null,
    referralRequired: false,
    freeOfCharge: true,
    feesDescription: '',
    howToGetIn: 'Ring eller møt opp.',
    howToGetInEn: 'Call or drop in.',
    languages: ['en', 'nb'],
    url: 'https://example.org/tjeneste',
    email: 'tjeneste@example.org',
    phones: [{ number: '+47 22 22 22 22', description: 'Hverdager' }, { number: '900 00 000', description: '' }],
    contacts: [{ name: 'Kari Nordmann', title: 'Leder', email: 'kari@example.org', phone: '+47 400 00 000' }],
    locations: [
      {
        id: '1a2b3c4d-0000-4000-8000-000000000001',
        name: 'Kontoret',
        confidential: false,
        address: 'Eksempelgata 1',
        postalCode: '0458',
        city: 'Oslo',
        district: { code: 'B03', name: 'Bydel Sagene' },
        latitude: 59.93,
        longitude: 10.75,
        description: 'Inngang fra gården',
        transportation: 'Trikk 11',
        wheelchairAccessible: true,
        accessibilityNote: 'Heis til 2. etasje',
        example: true,
      },
      {
        id: '1a2b3c4d-0000-4000-8000-000000000002',
        name: 'Krisebolig',
        confidential: true,
        address: null,
        postalCode: null,
        city: null,
        district: null,
        latitude: null,
        longitude: null,
        description: '',
        transportation: '',
        wheelchairAccessible: null,
        accessibilityNote: '',
        example: false,
      },
    ],
    hours: {
      weekly: [
        { weekday: 1, opensAt: '09:00', closesAt: '15:00', validFrom: null, validTo: null },
        { weekday: 2, opensAt: '09:00', closesAt: '15:00', validFrom: null, validTo: null },
        { weekday: 5, opensAt: '20:00', closesAt: '24:00', validFrom: '2026-06-01', validTo: '2026-08-31' },
      ],
      exceptions: [
        { from: '2026-12-24', to: '2026-12-26', closed: true, opensAt: null, closesAt: null, reason: 'Jul' },
        { from: '2026-12-31', to: '2026-12-31', closed: false, opensAt: '10:00', closesAt: '12:00', reason: 'Nyttårsaften' },
      ],
    },
    hoursNote: 'Ring før du kommer.',
    hoursExample: true,
    lastVerifiedOn: '2026-11-01',
    lastVerifiedBy: 'Velferdsetaten',
    publishedAt: '2026-11-02T10:00:00.000Z',
    ...overrides,
  };
}

describe('name-based ids', () => {
  it('computes SHA-1 as node:crypto does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Buffer.from(sha1(bytes)).toString('hex')).toBe(createHash('sha1').update(bytes).digest('hex'));
      }),
    );
  });

  it('makes RFC 4122 version 5 UUIDs (the DNS example of RFC 9562)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('taxonomy_term:rusfag-malgruppe:parorende')).toBe(uuidV5('taxonomy_term:rusfag-malgruppe:parorende', RUSFAG_HSDS_NAMESPACE));
    expect(taxonomyTermId('rusfag-malgruppe', 'parorende')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV5('æøå')).not.toBe(uuidV5('aoa'));
  });
});

describe('Rusfag → HSDS 3.0', () => {
  it('writes the status, texts, taxonomy and extension fields', () => {
    const service = hsdsService(doc());
    expect(service).toMatchObject({
      id: doc().id,
      organization_id: ORG,
      name: 'Pårørendesenteret',
      status: 'temporarily closed',
      alert: 'Stengt for oppussing til 1. mars.',
      application_process: 'Ring eller møt opp.',
      eligibility_description: 'Alle over 16 år.',
      minimum_age: 16,
      assured_date: '2026-11-01',
      last_modified: '2026-11-02T10:00:00.000Z',
      organization: { id: ORG, name: 'Pårørendesenteret i Oslo', email: 'post@example.org', website: 'https://example.org' },
      cost_options: [{ option: 'Gratis', currency: 'NOK', amount: 0 }],
      service_areas: [{ name: 'Bydel Sagene' }],
      languages: [{ code: 'en', name: 'Engelsk' }, { code: 'nb', name: 'Norsk' }],
    });
    expect(service).not.toHaveProperty('maximum_age');
    const terms = service.attributes!.map((a) => `${a.taxonomy_term.taxonomy}:${a.taxonomy_term.code}=${a.value ?? ''}`);
    expect(terms).toEqual([
      'rusfag-malgruppe:parorende=',
      'rusfag-kategori:lavterskel=',
      'rusfag-kategori:radgivning=',
      'rusfag-felt:name_en=Next of kin centre',
      'rusfag-felt:description_en=Talks for next of kin.',
      'rusfag-felt:eligibility_description_en=Everyone over 16.',
      'rusfag-felt:application_process_en=Call or drop in.',
      'rusfag-felt:referral_required=false',
      'rusfag-felt:hours_example=true',
    ]);
    expect(hsdsService(doc({ cityWide: true, districts: [], freeOfCharge: false, status: 'active', statusNote: '' })).service_areas).toEqual([
      expect.objectContaining({ name: 'Oslo', description: 'Hele Oslo kommune' }),
    ]);
    expect(hsdsService(doc({ freeOfCharge: false })).cost_options).toEqual([expect.objectContaining({ option: 'Egenbetaling', currency: 'NOK' })]);
    expect(hsdsService(doc({ freeOfCharge: null })).cost_options).toEqual([]);
  });

  it('leaves a confidential location with its name only', () => {
    const [open, secret] = hsdsService(doc()).service_at_locations!;
    expect(open!.location).toMatchObject({
      name: 'Kontoret',
      latitude: 59.93,
      addresses: [{ address_1: 'Eksempelgata 1', postal_code: '0458', city: 'Oslo', region: 'Bydel Sagene', country: 'NO', address_type: 'physical' }],
      accessibility: [{ description: 'Heis til 2. etasje', details: 'Tilgjengelig med rullestol' }],
    });
    expect(Object.keys(secret!.location).sort()).toEqual(['attributes', 'id', 'location_type', 'name', 'organization_id']);
    expect(secret!.location.attributes!.map((a) => [a.taxonomy_term.code, a.value])).toEqual([['confidential', 'true']]);
  });

  it('writes weekly rules by day with shared times, exceptions with dates, and the note', () => {
    const schedules = hsdsSchedules('s', doc().hours, 'Ring før du kommer.');
    expect(schedules.map(({ id: _id, service_id: _s, ...rest }) => rest)).toEqual([
      { freq: 'WEEKLY', wkst: 'MO', byday: 'MO,TU', opens_at: '09:00', closes_at: '15:00' },
      { freq: 'WEEKLY', wkst: 'MO', byday: 'FR', opens_at: '20:00', closes_at: '24:00', valid_from: '2026-06-01', valid_to: '2026-08-31' },
      { valid_from: '2026-12-24', valid_to: '2026-12-26', description: 'Jul', notes: 'Stengt' },
      { valid_from: '2026-12-31', valid_to: '2026-12-31', opens_at: '10:00', closes_at: '12:00', description: 'Nyttårsaften', notes: 'Endret åpningstid' },
      { description: 'Ring før du kommer.' },
    ]);
    expect(new Set(schedules.map((s) => s.id)).size).toBe(schedules.length);
  });

  it('gives the same ids for the same data', () => {
    expect(hsdsService(doc())).toEqual(hsdsService(doc()));
    const exported = hsdsExport([doc()], TAXONOMY_TERMS, new Date('2026-11-27T12:00:00Z'));
    expect(exported.organizations).toHaveLength(1);
    expect(exported.organizations[0]!.locations!.map((l) => l.name)).toEqual(['Kontoret', 'Krisebolig']);
    expect(exported.taxonomies.map((t) => t.name)).toEqual(['rusfag-malgruppe', 'rusfag-kategori', 'rusfag-felt']);
  });

  it('pages as the HSDS API does', () => {
    expect(hsdsPage([1, 2], 12, 2, 5)).toEqual({ total_items: 12, total_pages: 3, page_number: 2, size: 2, first_page: false, last_page: false, empty: false, contents: [1, 2] });
    expect(hsdsPage([], 0, 1, 50)).toMatchObject({ total_pages: 0, first_page: true, last_page: true, empty: true });
  });
});

/** The fields of an imported service that a published document has too. */
function asDocumentFields(s: ImportService) {
  return {
    name: s.name,
    nameEn: s.nameEn,
    alternateName: s.alternateName,
    description: s.description,
    descriptionEn: s.descriptionEn,
    status: s.status,
    statusNote: s.statusNote,
    eligibility: s.eligibility,
    eligibilityEn: s.eligibilityEn,
    minimumAge: s.minimumAge,
    maximumAge: s.maximumAge,
    referralRequired: s.referralRequired,
    freeOfCharge: s.freeOfCharge,
    feesDescription: s.feesDescription,
    howToGetIn: s.howToGetIn,
    howToGetInEn: s.howToGetInEn,
    languages: s.languages,
    url: s.url,
    email: s.email,
    phones: s.phones,
    contacts: s.contacts,
    hours: s.hours,
    hoursNote: s.hoursNote,
    hoursExample: s.hoursExample,
    lastVerifiedOn: s.lastVerifiedOn,
    cityWide: s.cityWide,
  };
}

describe('HSDS 3.0 JSON → Rusfag', () => {
  it('reads back everything Rusfag exports (round trip of one service)', () => {
    const original = doc();
    const exported = hsdsExport([original], TAXONOMY_TERMS, new Date());
    const bundle = readHsdsJson(JSON.stringify(exported), vocab);
    expect(bundle.fatal).toEqual([]);
    expect(bundle.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const [service] = bundle.services;
    const { id: _id, organization: _o, targetGroups: _t, categories: _c, districts: _d, locations: _l, lastVerifiedBy: _b, publishedAt: _p, ...fields } = original;
    expect(asDocumentFields(service!)).toEqual(Object.fromEntries(Object.entries(fields).filter(([k]) => k in asDocumentFields(service!))));
    expect(service!.targetGroups).toEqual(['parorende']);
    expect(service!.categories).toEqual(['lavterskel', 'radgivning']);
    expect(service!.districtCodes).toEqual(['B03']);
    expect(service!.organization.externalId).toBe(ORG);
    expect(service!.locations.map((l) => l.externalId)).toEqual(original.locations.map((l) => l.id));
    expect(bundle.organizations).toEqual([expect.objectContaining({ externalId: ORG, name: 'Pårørendesenteret i Oslo', website: 'https://example.org', email: 'post@example.org' })]);
    const [office, shelter] = bundle.locations;
    expect(office).toMatchObject({
      organizationExternalId: ORG,
      name: 'Kontoret',
      address: 'Eksempelgata 1',
      postalCode: '0458',
      city: 'Oslo',
      districtCode: 'B03',
      latitude: 59.93,
      longitude: 10.75,
      description: 'Inngang fra gården',
      transportation: 'Trikk 11',
      wheelchairAccessible: true,
      accessibilityNote: 'Heis til 2. etasje',
      example: true,
      confidential: false,
    });
    expect(shelter).toMatchObject({ name: 'Krisebolig', confidential: true, address: '', latitude: null, wheelchairAccessible: null });
    // A confidential location without coordinates is not worth a warning.
    expect(bundle.problems).toEqual([]);
  });

  it('accepts an API page, a list, or a single service', () => {
    const service = hsdsService(doc());
    for (const body of [{ contents: [service] }, [service], service]) {
      const bundle = readHsdsJson(JSON.stringify(body), vocab);
      expect(bundle.fatal).toEqual([]);
      expect(bundle.services.map((s) => s.externalId)).toEqual([doc().id]);
      expect(bundle.organizations.map((o) => o.externalId)).toEqual([ORG]);
    }
  });

  it('refuses unreadable files as a whole', () => {
    expect(readHsdsJson('{"services": [', vocab).fatal[0]!.message).toMatch(/^Filen er ikke gyldig JSON/);
    expect(readHsdsJson('"tekst"', vocab).fatal[0]!.message).toMatch(/ikke HSDS-data/);
    expect(readHsdsJson('{"foo": 1}', vocab).fatal[0]!.message).toMatch(/Fant ingen tjenester/);
  });

  it('reports what it cannot take, record by record', () => {
    const base = hsdsService(doc({ hoursNote: '' }), true);
    const body = {
      services: [
        { ...base, id: 'a', schedules: [{ id: 'x', freq: 'WEEKLY', byday: 'MO', opens_at: '9am', closes_at: '15:00' }] },
        { ...base, id: 'b', schedules: [{ id: 'y', freq: 'WEEKLY', byday: 'MO', opens_at: 'kl 9', closes_at: '15:00' }] },
        { ...base, id: 'c', status: 'kanskje' },
        {
          ...base,
          id: 'd',
          schedules: [
            { id: '1', valid_from: '2026-12-20', valid_to: '2026-12-27', description: 'Juleferie' },
            { id: '2', valid_from: '2026-12-24', valid_to: '2026-12-24', opens_at: '10:00', closes_at: '12:00', description: 'Julaften' },
          ],
        },
        { ...base, id: 'e', languages: [{ id: 'l', name: 'Norsk og engelsk' }, { id: 'm', name: 'Klingon' }], url: 'javascript:alert(1)' },
        { ...base, id: 'f', schedules: [{ id: 'z', freq: 'WEEKLY', byday: 'MO', opens_at: '09:00Z', closes_at: '15:00Z' }] },
        { ...base, id: 'g', schedules: [{ id: 'm', freq: 'MONTHLY', byday: '2MO', opens_at: '09:00', closes_at: '15:00' }] },
        { ...base, id: 'a', name: 'Dobbel' },
        { ...base, id: 'h', organization_id: undefined, organization: undefined },
      ],
    };
    const bundle = readHsdsJson(JSON.stringify(body), vocab);
    const errors = bundle.problems.filter((p) => p.severity === 'error');
    const byId = (id: string) => errors.filter((p) => p.id === id).map((p) => p.message);
    expect(byId('a')).toEqual([expect.stringMatching(/«9am» er ikke et klokkeslett.*TT:MM/), expect.stringMatching(/Id-en «a» er brukt før \(services\[0\]\)/)]);
    expect(byId('b')).toEqual([expect.stringMatching(/«kl 9» er ikke et klokkeslett/)]);
    expect(byId('c')).toEqual([expect.stringMatching(/Statusen «kanskje» er ukjent/)]);
    expect(byId('d')).toEqual([expect.stringMatching(/^Åpningstidene: /)]);
    expect(byId('f')).toEqual([expect.stringMatching(/Tidssonen i «09:00Z»/), expect.stringMatching(/Tidssonen i «15:00Z»/)]);
    expect(byId('g')).toEqual([expect.stringMatching(/Gjentakelsen «MONTHLY»/)]);
    expect(byId('h')).toEqual([expect.stringMatching(/mangler organisasjon/)]);
    expect(errors.find((p) => p.id === 'a')!.path).toBe('services[0].schedules[0]');
    expect(bundle.services.filter((s) => s.refused).map((s) => s.externalId).sort()).toEqual(['a', 'b', 'c', 'd', 'f', 'g', 'h']);
    const e = bundle.services.find((s) => s.externalId === 'e')!;
    expect(e.refused).toBe(false);
    expect(e.languages).toEqual(['nb', 'en']);
    expect(e.url).toBe('');
    const warnings = bundle.problems.filter((p) => p.severity === 'warning' && p.id === 'e').map((p) => p.message);
    expect(warnings).toEqual([
      expect.stringMatching(/Nettadressen «javascript:alert\(1\)» er ikke en http\(s\)-adresse/),
      'Språkteksten «Norsk og engelsk» ble lest som nb, en.',
      'Språket «Klingon» er ukjent og ble utelatt.',
    ]);
  });

  it('maps taxonomy terms by code or name, Norwegian or English, and reports the rest', () => {
    const base = hsdsService(doc(), false);
    const attribute = (taxonomy: string, code: string, name: string) => ({ id: code, taxonomy_term: { id: code, code, name, description: '', taxonomy } });
    const bundle = readHsdsJson(
      JSON.stringify([
        {
          ...base,
          attributes: [
            attribute('OpenEligibility', 'x1', 'Next of kin'),
            attribute('annet', 'x2', 'LAVTERSKEL'),
            attribute('rusfag-malgruppe', 'unge-voksne', 'Unge voksne'),
            attribute('OpenEligibility', 'x3', 'Veterans'),
          ],
        },
      ]),
      vocab,
    );
    expect(bundle.services[0]).toMatchObject({ targetGroups: ['parorende', 'unge-voksne'], categories: ['lavterskel'] });
    expect(bundle.problems.map((p) => p.message)).toEqual(['Termen «Veterans» (OpenEligibility) er ikke en målgruppe eller kategori i Rusfag og ble utelatt.']);
  });
});

describe('reading helpers', () => {
  it('reads HSDS times and refuses the rest with the format to use', () => {
    expect(parseHsdsTime('09:00')).toEqual({ ok: true, time: '09:00' });
    expect(parseHsdsTime('9:30:00')).toEqual({ ok: true, time: '09:30' });
    expect(parseHsdsTime('10:00+01:00')).toEqual({ ok: true, time: '10:00' });
    expect(parseHsdsTime('24:00')).toEqual({ ok: true, time: '24:00' });
    for (const bad of ['9am', 'kl 9', '9', '25:00', '10:61', '09.00', '10:00:30', '']) expect(parseHsdsTime(bad).ok, bad).toBe(false);
    expect(parseHsdsTime('09:00-05:00')).toMatchObject({ ok: false, message: expect.stringMatching(/Tidssonen/) });
  });

  it('reads weekdays, languages, areas, terms and phone numbers as people write them', () => {
    expect(['Monday', 'mandag', 'MAN', 'mo', '1'].map(parseWeekday)).toEqual([1, 1, 1, 1, 1]);
    expect(['Sunday', 'søndag', '7', '0', 'Lørdag'].map(parseWeekday)).toEqual([7, 7, 7, 7, 6]);
    expect(parseWeekday('helg')).toBeNull();
    expect(parseLanguageText('Norsk og engelsk')).toEqual({ codes: ['nb', 'en'], unknown: [] });
    expect(parseLanguageText('Arabic, Somali / tigrinja')).toEqual({ codes: ['ar', 'so', 'ti'], unknown: [] });
    expect(parseLanguageText('norsk, alvisk')).toEqual({ codes: ['nb'], unknown: ['alvisk'] });
    expect(['en', 'eng', 'nob', 'no', 'nb-NO', 'fas', 'xyz', 'e'].map(languageCode)).toEqual(['en', 'en', 'nb', 'nb', 'nb', 'fa', 'xyz', null]);
    expect(['Oslo', 'Hele byen', 'Bydel Sagene', 'sagene', 'B04', 'St Hanshaugen', 'Bergen'].map((a) => matchArea(vocab.districts, a))).toEqual([
      'city', 'city', 'B03', 'B03', 'B04', 'B04', null,
    ]);
    expect(matchTerm(vocab.terms, { taxonomy: '', code: '', name: 'barn som pårørende' })?.code).toBe('barn-som-parorende');
    expect(matchTerm(vocab.terms, { taxonomy: 'x', code: 'Akutt', name: '' })?.code).toBe('akutt');
    expect(phoneNumber('"+44 1234 234567"')).toEqual({ number: '+44 1234 234567', rest: '' });
    expect(phoneNumber('22.33.44.55')).toEqual({ number: '22 33 44 55', rest: '' });
    expect(phoneNumber('22 22 22 22 (sentralbord)')).toEqual({ number: '22 22 22 22', rest: 'sentralbord' });
    expect(phoneNumber('ring oss')).toBeNull();
  });

  it('parses RFC 4180 CSV with the line each row starts on', () => {
    const table = parseCsvTable('\uFEFFid,name,description\r\n1,"A, B","two\nlines"\r\n\r\n2,C,"say ""hi"""\n');
    expect(table).toEqual({
      header: ['id', 'name', 'description'],
      rows: [
        { line: 2, cells: ['1', 'A, B', 'two\nlines'] },
        { line: 5, cells: ['2', 'C', 'say "hi"'] },
      ],
    });
    expect(parseCsvTable('id,name\n1,"open')).toEqual({ error: 'Et felt i anførselstegn blir aldri avsluttet', line: 2 });
  });
});

describe('HSDS 1.x data packages → Rusfag', () => {
  const descriptor = (names: string[]) => JSON.stringify({ name: 'test', resources: names.map((n) => ({ name: n.replace(/\.csv$/, ''), path: n })) });
  const files = new Map(
    Object.entries({
      'organizations.csv': 'id,name,description,email,url\no1,Kirkens Bymisjon,Diakonal stiftelse,post@example.org,www.example.org\n',
      'services.csv': 'id,organization_id,name,description,status,application_process,fees\ns1,o1,Møteplass,Lavterskel <b>møteplass</b>,active,Møt opp,Gratis\ns2,o9,Foreldreløs,Viser til ukjent organisasjon,active,,\n',
      'locations.csv': 'id,organization_id,name,latitude,longitude\nl1,o1,Kafeen,59.91,10.76\nl2,o1,Uten koordinater,,\n',
      'services_at_location.csv': 'id,service_id,location_id\nsl1,s1,l1\nsl2,s1,l404\n',
      'phones.csv': 'id,service_id,location_id,organization_id,number,description\np1,s1,,,22 22 22 22,Resepsjon\np2,s404,,,23 23 23 23,\np3,,,o1,24 24 24 24,Sentralbord\n',
      'physical_addresses.csv': 'id,location_id,address_1,city,region,state_province,postal_code,country\na1,l1,Eksempelgata 2,Oslo,Sagene,Oslo,0458,NO\n',
      'regular_schedules.csv': 'id,service_id,weekday,opens_at,closes_at\nr1,s1,Monday,10:00,14:00\nr2,s1,Tirsdag,10:00,14:00\n',
      'holiday_schedules.csv': 'id,service_id,closed,opens_at,closes_at,start_date,end_date\nh1,s1,true,,,2026-12-24,2026-12-26\n',
      'languages.csv': 'id,service_id,language\nla1,s1,Norsk og engelsk\n',
      'eligibility.csv': 'id,service_id,eligibility\ne1,s1,Voksne over 18\ne2,s1,Ingen henvisning\n',
      'service_area.csv': 'id,service_id,service_area\nsa1,s1,Sagene\n',
      'accessibility_for_disabilities.csv': 'id,location_id,accessibility,details\nac1,l1,Rullestoltilgjengelig,Rampe ved inngangen\n',
      'taxonomy.csv': 'id,name,parent_id,vocabulary\nt1,Pårørende,,Rusfag\nt2,Lavterskel,,Rusfag\n',
      'service_taxonomy.csv': 'id,service_id,taxonomy_id\nst1,s1,t1\nst2,s1,t2\n',
      'programs.csv': 'id,organization_id,name\npr1,o1,Program\n',
    }),
  );

  it('reads what maps and reports the rest with file and line', () => {
    const bundle = readHsdsDatapackage(descriptor([...files.keys()]), files, vocab);
    expect(bundle.fatal).toEqual([]);
    const s1 = bundle.services.find((s) => s.externalId === 's1')!;
    expect(s1).toMatchObject({
      refused: false,
      name: 'Møteplass',
      description: 'Lavterskel <b>møteplass</b>',
      howToGetIn: 'Møt opp',
      freeOfCharge: true,
      eligibility: 'Voksne over 18\nIngen henvisning',
      districtCodes: ['B03'],
      languages: ['nb', 'en'],
      targetGroups: ['parorende'],
      categories: ['lavterskel'],
      phones: [{ number: '22 22 22 22', description: 'Resepsjon' }],
      hours: {
        weekly: [
          { weekday: 1, opensAt: '10:00', closesAt: '14:00', validFrom: null, validTo: null },
          { weekday: 2, opensAt: '10:00', closesAt: '14:00', validFrom: null, validTo: null },
        ],
        exceptions: [{ from: '2026-12-24', to: '2026-12-26', closed: true, opensAt: null, closesAt: null, reason: 'Stengt' }],
      },
    });
    expect(s1.locations.map((l) => [l.externalId, l.source.file, l.source.line])).toEqual([
      ['l1', 'services_at_location.csv', 2],
      ['l404', 'services_at_location.csv', 3],
    ]);
    expect(bundle.organizations[0]).toMatchObject({ name: 'Kirkens Bymisjon', website: 'https://www.example.org' });
    expect(bundle.locations.find((l) => l.externalId === 'l1')).toMatchObject({
      address: 'Eksempelgata 2',
      postalCode: '0458',
      districtCode: 'B03',
      wheelchairAccessible: true,
      accessibilityNote: 'Rullestoltilgjengelig – Rampe ved inngangen',
    });
    const report = bundle.problems.map((p) => `${p.severity} ${p.file ?? ''}:${p.line ?? ''} ${p.message}`);
    expect(report).toEqual(
      expect.arrayContaining([
        'warning programs.csv: Filen har opplysninger Rusfag ikke har plass til (programs); den ble ikke lest.',
        'error phones.csv:3 Telefonnummeret viser til tjenesten «s404», som ikke finnes i services.csv.',
        'warning phones.csv:4 Telefonnummeret hører til organisasjonen, ikke en tjeneste eller et sted; det ble ikke tatt med.',
        'warning locations.csv:3 Stedet mangler koordinater, så det kan ikke sorteres etter avstand.',
        'warning languages.csv:2 Språkteksten «Norsk og engelsk» ble lest som nb, en.',
      ]),
    );
    // The unknown organisation and location are for the server to look up; the reader keeps the references.
    expect(bundle.services.find((s) => s.externalId === 's2')!.organization.externalId).toBe('o9');
  });

  it('refuses a package with missing files, broken CSV or no services', () => {
    expect(readHsdsDatapackage(descriptor(['organizations.csv', 'services.csv', 'contacts.csv']), files, vocab).fatal.map((p) => p.message)).toEqual([
      'Filen «contacts.csv» står i datapackage.json, men finnes ikke i zip-filen.',
    ]);
    expect(readHsdsDatapackage('{', files, vocab).fatal[0]!.message).toMatch(/datapackage.json er ikke gyldig JSON/);
    const broken = new Map([...files, ['services.csv', 'id,organization_id,name\ns1,o1,"Møteplass\n']]);
    expect(readHsdsDatapackage(descriptor(['organizations.csv', 'services.csv']), broken, vocab).fatal[0]).toMatchObject({ file: 'services.csv', line: 2 });
    expect(readHsdsDatapackage(descriptor(['organizations.csv']), files, vocab).fatal[0]!.message).toMatch(/ingen tjenester/);
  });

  it('refuses a service whose weekday or time cannot be read, naming the row', () => {
    const bad = new Map([...files, ['regular_schedules.csv', 'id,service_id,weekday,opens_at,closes_at\nr1,s1,Helg,10:00,14:00\nr2,s1,Monday,9am,14:00\n']]);
    const bundle = readHsdsDatapackage(descriptor(['organizations.csv', 'services.csv', 'regular_schedules.csv']), bad, vocab);
    expect(bundle.services.find((s) => s.externalId === 's1')!.refused).toBe(true);
    expect(bundle.problems.filter((p) => p.severity === 'error').map((p) => [p.entity, p.id, p.file, p.line, p.message.slice(0, 30).trim()])).toEqual([
      ['service', 's1', 'regular_schedules.csv', 2, 'Ukedagen «Helg» kan ikke leses'],
      ['service', 's1', 'regular_schedules.csv', 3, 'Åpningstiden: «9am» er ikke et'],
    ]);
  });
});
