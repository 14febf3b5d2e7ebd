import { taxonomyId, taxonomyTermId } from '@rusfag/core';
import { expect, it } from 'vitest';
import { apiAs } from '../../test/api.js';
import { buildUnit, buildUser, sessionFor, unique, type UnitRef } from '../../test/factories.js';
import { describeEachEngine, type Harness } from '../../test/harness.js';
import { exportErrors, hsdsErrors } from '../../test/hsds-schema.js';

/**
 * The HSDS 3.0 open-data API and export: public, read from the published snapshot only, and valid
 * against the HSDS 3.0 JSON Schemas. A confidential address never appears.
 */

const WEEKDAYS = {
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '15:00' })),
  exceptions: [
    { from: '2026-12-24', to: '2026-12-26', closed: true, reason: 'Julestengt' },
    { from: '2026-12-31', to: '2026-12-31', closed: false, opensAt: '10:00', closesAt: '12:00', reason: 'Nyttårsaften' },
  ],
};

async function get(h: Harness, url: string) {
  const res = await h.app.inject({ method: 'GET', url });
  return { status: res.statusCode, headers: res.headers, body: res.body ? (res.json() as any) : undefined }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describeEachEngine('HSDS 3.0 open data', (harness) => {
  let districts: { city: UnitRef; sagene: UnitRef; sth: UnitRef } | undefined;
  async function setup() {
    const h = harness();
    if (!districts) {
      const city = await buildUnit(h.db, { kind: 'municipality', name: unique('Kommune') });
      districts = {
        city,
        sagene: await buildUnit(h.db, { parent: city, kind: 'district', name: 'Bydel Sagene', code: 'B03' }),
        sth: await buildUnit(h.db, { parent: city, kind: 'district', name: 'Bydel St. Hanshaugen', code: 'B04' }),
      };
    }
    const agency = await buildUnit(h.db, { parent: districts.city, kind: 'agency', name: unique('Etat') });
    const editor = await buildUser(h.db, { home: agency, roles: [{ role: 'directory_editor', unit: agency }] });
    const api = apiAs(h, await sessionFor(h, editor));
    const tag = unique('hsds').replace(/[^a-z0-9]/g, '');
    const organization = async (name: string) => {
      const res = await api.post('/api/directory/organizations', { name: `${name} ${tag}`, stewardUnitId: agency.id, description: `Om ${name}.`, website: 'https://example.org' });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const service = async (orgId: string, overrides: Record<string, unknown> = {}, publish = true) => {
      const res = await api.post('/api/directory/services', {
        organizationId: orgId,
        name: `Tjeneste ${unique('t')}`,
        description: `Lavterskel samtaletilbud ${tag}.`,
        targetGroups: ['parorende'],
        categories: ['lavterskel'],
        cityWide: true,
        freeOfCharge: true,
        referralRequired: false,
        languages: ['nb', 'en'],
        hours: WEEKDAYS,
        ...overrides,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      if (publish) expect((await api.post(`/api/directory/services/${res.body.id}/publish`)).status).toBe(200);
      return res.body.id as string;
    };
    return { h, api, tag, agency, ...districts, organization, service };
  }

  it('answers at the HSDS API root with the version', async () => {
    const { h } = await setup();
    const root = await get(h, '/hsds/');
    expect(root.status).toBe(200);
    expect(root.body).toEqual({ version: '3.0', openapi_url: 'http://localhost/api/openapi.json' });
    expect(root.headers['access-control-allow-origin']).toBe('*');
  });

  it('pages published services as HSDS 3.0, leaving drafts out', async () => {
    const { h, organization, service, tag } = await setup();
    const org = await organization('Pagineringssenteret');
    const published = [await service(org), await service(org), await service(org)];
    const draft = await service(org, {}, false);
    const first = await get(h, `/hsds/services?organization_id=${org}&per_page=2`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total_items: 3, total_pages: 2, page_number: 1, size: 2, first_page: true, last_page: false, empty: false });
    const second = await get(h, `/hsds/services?organization_id=${org}&per_page=2&page=2`);
    expect(second.body).toMatchObject({ total_items: 3, page_number: 2, size: 1, first_page: false, last_page: true });
    const ids = [...first.body.contents, ...second.body.contents].map((s: { id: string }) => s.id);
    expect(ids.sort()).toEqual([...published].sort());
    expect(ids).not.toContain(draft);
    // The list form has the one-to-one fields and the organisation; full=true nests everything.
    expect(first.body.contents[0]).toMatchObject({ status: 'active', organization: { id: org } });
    expect(first.body.contents[0]).not.toHaveProperty('schedules');
    const full = await get(h, `/hsds/services?organization_id=${org}&full=true`);
    expect(full.body.contents[0].schedules.length).toBeGreaterThan(0);
    for (const item of [...first.body.contents, ...full.body.contents]) expect(hsdsErrors('service', item)).toEqual([]);
    const minimal = await get(h, `/hsds/services?organization_id=${org}&minimal=true`);
    expect(minimal.body.contents.map((s: object) => Object.keys(s).sort())).toEqual([['id', 'last_modified'], ['id', 'last_modified'], ['id', 'last_modified']]);
    const past = await get(h, `/hsds/services?organization_id=${org}&per_page=2&page=9`);
    expect(past.body).toMatchObject({ total_items: 3, size: 0, empty: true, contents: [] });
    expect((await get(h, `/hsds/services?search=${tag}&per_page=100`)).body.total_items).toBeGreaterThanOrEqual(3);
  });

  it('filters by search text, taxonomy term, taxonomy, organisation and modification time', async () => {
    const { h, organization, service, tag } = await setup();
    const org = await organization('Filtersenteret');
    const young = await service(org, { name: `Ungdomsteamet ${tag}`, targetGroups: ['ungdom'], categories: ['radgivning'] });
    const kin = await service(org, { name: `Pårørendegruppa ${tag}` });
    const ids = async (query: string) => (await get(h, `/hsds/services?organization_id=${org}&${query}`)).body.contents.map((s: { id: string }) => s.id).sort();
    expect(await ids('search=ungdomsteamet')).toEqual([young]);
    expect(await ids(`taxonomy_term_id=${taxonomyTermId('rusfag-malgruppe', 'ungdom')}`)).toEqual([young]);
    expect(await ids(`taxonomy_term_id=${taxonomyTermId('rusfag-kategori', 'lavterskel')}`)).toEqual([kin]);
    expect(await ids(`taxonomy_id=${taxonomyId('rusfag-malgruppe')}`)).toEqual([young, kin].sort());
    expect(await ids('taxonomy_term_id=ukjent')).toEqual([]);
    expect(await ids('modified_after=2000-01-01')).toEqual([young, kin].sort());
    expect(await ids(`modified_after=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect((await get(h, '/hsds/services?organization_id=ikke-en-id')).body.total_items).toBe(0);
  });

  it('serves one service fully nested and valid, with temporarily closed, hours and taxonomy', async () => {
    const { h, organization, service, sagene } = await setup();
    const org = await organization('Detaljsenteret');
    const id = await service(org, {
      status: 'temporarily_closed',
      statusNote: 'Stengt for oppussing.',
      nameEn: 'Detail centre',
      howToGetIn: 'Møt opp.',
      cityWide: false,
      districtIds: [sagene.id],
      phones: [{ number: '+47 22 22 22 22', description: 'Resepsjon' }],
      contacts: [{ name: 'Kari', title: 'Leder', email: 'kari@example.org', phone: '' }],
      minimumAge: 18,
    });
    const res = await get(h, `/hsds/services/${id}`);
    expect(res.status).toBe(200);
    expect(hsdsErrors('service', res.body)).toEqual([]);
    expect(res.body).toMatchObject({
      id,
      status: 'temporarily closed',
      alert: 'Stengt for oppussing.',
      application_process: 'Møt opp.',
      minimum_age: 18,
      organization: { id: org },
      service_areas: [{ name: expect.stringMatching(/Sagene$/) }],
      phones: [{ number: '+47 22 22 22 22', description: 'Resepsjon' }],
      contacts: [{ name: 'Kari', title: 'Leder', email: 'kari@example.org' }],
      languages: [{ code: 'en' }, { code: 'nb' }],
      cost_options: [{ option: 'Gratis', amount: 0, currency: 'NOK' }],
    });
    expect(res.body.schedules).toEqual([
      expect.objectContaining({ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '15:00' }),
      expect.objectContaining({ valid_from: '2026-12-24', valid_to: '2026-12-26', description: 'Julestengt', notes: 'Stengt' }),
      expect.objectContaining({ valid_from: '2026-12-31', opens_at: '10:00', closes_at: '12:00', description: 'Nyttårsaften' }),
    ]);
    expect(res.body.schedules[1]).not.toHaveProperty('byday');
    expect(res.body.attributes.map((a: { taxonomy_term: { taxonomy: string; code: string } }) => `${a.taxonomy_term.taxonomy}:${a.taxonomy_term.code}`)).toEqual(
      expect.arrayContaining(['rusfag-malgruppe:parorende', 'rusfag-kategori:lavterskel', 'rusfag-felt:name_en', 'rusfag-felt:referral_required']),
    );
    for (const url of [`/hsds/services/${crypto.randomUUID()}`, '/hsds/services/ikke-en-id']) {
      const missing = await get(h, url);
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('not_found');
    }
  });

  it('never sends a confidential address, in the API or the export', async () => {
    const { h, api, organization, service, sagene } = await setup();
    const org = await organization('Krisesenteret');
    const secret = { address: 'Hemmeligveien 13', postalCode: '0457', latitude: 59.9412, longitude: 10.7589 };
    const shelter = await api.post('/api/directory/locations', {
      organizationId: org,
      name: 'Krisebolig',
      city: 'Oslo',
      districtId: sagene.id,
      confidential: true,
      description: 'Inngang fra bakgården i Hemmeligveien',
      transportation: 'Buss til Hemmeligveien',
      ...secret,
    });
    const office = await api.post('/api/directory/locations', { organizationId: org, name: 'Kontoret', address: 'Åpen gate 1', postalCode: '0458', city: 'Oslo', latitude: 59.93, longitude: 10.75, wheelchairAccessible: true });
    const id = await service(org, { locationIds: [shelter.body.id, office.body.id] });
    const outputs = [
      await get(h, `/hsds/services/${id}`),
      await get(h, `/hsds/services?organization_id=${org}&full=true`),
      await get(h, `/hsds/organizations/${org}?full_service=true`),
      await get(h, '/hsds/organizations?full=true&full_service=true&per_page=100'),
      await get(h, '/hsds/export'),
    ];
    for (const output of outputs) {
      expect(output.status).toBe(200);
      expect(JSON.stringify(output.body)).not.toMatch(/Hemmeligveien|0457|59\.9412|10\.7589|bakgården/);
    }
    const location = outputs[0]!.body.service_at_locations.find((sal: { location: { name: string } }) => sal.location.name === 'Krisebolig').location;
    expect(Object.keys(location).sort()).toEqual(['attributes', 'id', 'location_type', 'name', 'organization_id']);
    expect(hsdsErrors('location', location)).toEqual([]);
    const open = outputs[0]!.body.service_at_locations.find((sal: { location: { name: string } }) => sal.location.name === 'Kontoret').location;
    expect(open).toMatchObject({ latitude: 59.93, addresses: [{ address_1: 'Åpen gate 1', postal_code: '0458' }], accessibility: [{ details: 'Tilgjengelig med rullestol' }] });
  });

  it('serves organisations with their published services and locations', async () => {
    const { h, organization, service, tag } = await setup();
    const org = await organization('Organisasjonssenteret');
    const published = await service(org);
    await service(org, {}, false);
    const list = await get(h, `/hsds/organizations?search=${encodeURIComponent(`Organisasjonssenteret ${tag}`)}`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total_items: 1, contents: [{ id: org, name: `Organisasjonssenteret ${tag}`, description: 'Om Organisasjonssenteret.', website: 'https://example.org' }] });
    const one = await get(h, `/hsds/organizations/${org}`);
    expect(one.body.services.map((s: { id: string }) => s.id)).toEqual([published]);
    expect(one.body.services[0]).not.toHaveProperty('schedules');
    const full = await get(h, `/hsds/organizations/${org}?full_service=true`);
    expect(full.body.services[0].schedules.length).toBeGreaterThan(0);
    for (const body of [...list.body.contents, one.body, full.body]) expect(hsdsErrors('organization', body)).toEqual([]);
    // An organisation with nothing published is not public.
    const hidden = await organization('Skjult');
    await service(hidden, {}, false);
    expect((await get(h, `/hsds/organizations/${hidden}`)).status).toBe(404);
  });

  it('serves the taxonomies and their terms', async () => {
    const { h } = await setup();
    const taxonomies = await get(h, '/hsds/taxonomies');
    expect(taxonomies.body.contents.map((t: { name: string }) => t.name)).toEqual(['rusfag-malgruppe', 'rusfag-kategori', 'rusfag-felt']);
    for (const t of taxonomies.body.contents) expect(hsdsErrors('taxonomy', t)).toEqual([]);
    expect((await get(h, `/hsds/taxonomies/${taxonomyId('rusfag-kategori')}`)).body.name).toBe('rusfag-kategori');
    const groups = await get(h, `/hsds/taxonomy_terms?taxonomy_id=${taxonomyId('rusfag-malgruppe')}&per_page=100`);
    expect(groups.body.contents.map((t: { code: string }) => t.code)).toEqual(['ungdom', 'unge-voksne', 'voksne', 'eldre', 'parorende', 'barn-som-parorende', 'gravide']);
    for (const t of groups.body.contents) expect(hsdsErrors('taxonomy_term', t)).toEqual([]);
    expect((await get(h, `/hsds/taxonomy_terms/${taxonomyTermId('rusfag-malgruppe', 'gravide')}`)).body).toMatchObject({ code: 'gravide', name: 'Gravide', taxonomy: 'rusfag-malgruppe' });
    expect((await get(h, '/hsds/taxonomy_terms?search=pårørende')).body.total_items).toBe(2);
    expect((await get(h, `/hsds/taxonomy_terms?parent_id=${taxonomyTermId('rusfag-malgruppe', 'gravide')}`)).body.total_items).toBe(0);
    expect((await get(h, '/hsds/taxonomies/ukjent')).status).toBe(404);
    expect((await get(h, '/hsds/taxonomy_terms/ukjent')).status).toBe(404);
  });

  it('exports the whole published directory as one valid HSDS 3.0 file', async () => {
    const { h, organization, service } = await setup();
    const org = await organization('Eksportsenteret');
    const published = await service(org);
    const draft = await service(org, {}, false);
    const res = await h.app.inject({ method: 'GET', url: '/hsds/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="rusfag-tjenester-hsds-\d{4}-\d{2}-\d{2}\.json"/);
    const file = res.json();
    expect(file).toMatchObject({ hsds_version: '3.0' });
    const ids = file.services.map((s: { id: string }) => s.id);
    expect(ids).toContain(published);
    expect(ids).not.toContain(draft);
    expect(file.organizations.map((o: { id: string }) => o.id)).toContain(org);
    expect(exportErrors(file)).toEqual([]);
  });

  it('answers bad parameters with a 400 in the error format', async () => {
    const { h } = await setup();
    for (const url of ['/hsds/services?per_page=1000', '/hsds/services?page=0', '/hsds/services?modified_after=igår', '/hsds/services?full=kanskje', '/hsds/services?format=ndjson']) {
      const res = await get(h, url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await get(h, '/hsds/services?search=%22%27%3B%20drop%20table%20dir_service%3B%20--%20%26%20%7C%20!%20%3A*')).status).toBe(200);
  });
});
