import JSZip from 'jszip';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { apiAs, auditEventsFor } from '../../test/api.js';
import { buildUnit, buildUser, sessionFor, unique, type UnitRef } from '../../test/factories.js';
import { describeEachEngine, openTestDatabase, testConfig, type Harness } from '../../test/harness.js';
import { exportErrors } from '../../test/hsds-schema.js';
import { writePublicSnapshot } from './public-service.js';

/**
 * Import of HSDS files: a preview that writes nothing but the import itself, a report of every
 * record that cannot be taken, one transaction on confirmation — and a round trip: the export of
 * a directory imported into an empty database gives the same export.
 */

type Api = ReturnType<typeof apiAs>;

/** A city with the districts the files name (Sagene, St. Hanshaugen), an agency and its directory editor. */
async function cityWithEditor(h: Harness, districts?: { city: UnitRef }) {
  const city = districts?.city ?? (await buildUnit(h.db, { kind: 'municipality', name: unique('Kommune') }));
  if (!districts) {
    await buildUnit(h.db, { parent: city, kind: 'district', name: 'Bydel Sagene', code: 'B03' });
    await buildUnit(h.db, { parent: city, kind: 'district', name: 'Bydel St. Hanshaugen', code: 'B04' });
  }
  const agency = await buildUnit(h.db, { parent: city, kind: 'agency', name: unique('Velferdsetaten') });
  const editor = await buildUser(h.db, { home: agency, roles: [{ role: 'directory_editor', unit: agency }] });
  return { city, agency, editor, api: apiAs(h, await sessionFor(h, editor)) };
}

const uuid = () => crypto.randomUUID();

/** A small, realistic HSDS 3.0 file: two organisations, three services, two locations. */
function hsdsFile(tag: string) {
  const ids = { orgA: uuid(), orgB: uuid(), office: uuid(), cafe: uuid(), s1: uuid(), s2: uuid(), s3: uuid() };
  const term = (taxonomy: string, code: string, name: string) => ({ id: uuid(), taxonomy_term: { id: uuid(), code, name, description: name, taxonomy } });
  const orgA = { id: ids.orgA, name: `Pårørendesenteret ${tag}`, description: 'Støtte til pårørende.', website: 'https://example.org' };
  const orgB = { id: ids.orgB, name: `Bymisjonen ${tag}`, description: 'Diakonal stiftelse.' };
  const office = {
    id: ids.office,
    location_type: 'physical',
    name: 'Kontoret',
    latitude: 59.93,
    longitude: 10.75,
    addresses: [{ id: uuid(), address_1: 'Eksempelgata 1', city: 'Oslo', region: 'Sagene', state_province: 'Oslo', postal_code: '0458', country: 'NO', address_type: 'physical' }],
  };
  const cafe = { id: ids.cafe, location_type: 'physical', name: 'Kafeen' };
  return {
    ids,
    file: {
      services: [
        {
          id: ids.s1,
          name: `Samtalegruppe ${tag}`,
          description: 'Samtalegruppe for pårørende.',
          status: 'active',
          organization: orgA,
          application_process: 'Møt opp.',
          service_areas: [{ id: uuid(), name: 'Sagene' }],
          languages: [{ id: uuid(), code: 'nb' }, { id: uuid(), name: 'Engelsk' }],
          phones: [{ id: uuid(), number: '22 22 22 22', description: 'Resepsjon' }],
          schedules: [
            { id: uuid(), freq: 'WEEKLY', byday: 'MO,WE', opens_at: '10:00', closes_at: '14:00' },
            { id: uuid(), valid_from: '2026-12-24', valid_to: '2026-12-26', description: 'Jul' },
          ],
          cost_options: [{ id: uuid(), option: 'Gratis', amount: 0, currency: 'NOK' }],
          attributes: [term('målgruppe', 'x1', 'Pårørende'), term('kategori', 'x2', 'Lavterskel')],
          service_at_locations: [{ id: uuid(), location: office }],
        },
        {
          id: ids.s2,
          name: `Rådgivning ${tag}`,
          status: 'active',
          organization: orgA,
          service_areas: [{ id: uuid(), name: 'Oslo' }],
          attributes: [term('målgruppe', 'voksne', 'Voksne'), term('kategori', 'radgivning', 'Rådgivning')],
          service_at_locations: [{ id: uuid(), location: office }],
        },
        {
          id: ids.s3,
          name: `Kafé ${tag}`,
          status: 'active',
          organization: orgB,
          service_areas: [{ id: uuid(), name: 'Bydel St. Hanshaugen' }],
          attributes: [term('OpenEligibility', 'x', 'Veterans'), term('OpenEligibility', 'y', 'Food bank')],
          service_at_locations: [{ id: uuid(), location: cafe }],
        },
      ],
    },
  };
}

async function count(h: Harness, table: 'dir_service' | 'dir_organization' | 'dir_location' | 'dir_import') {
  const row = await h.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function preview(api: Api, stewardUnitId: string, content: string, options: { format?: string; publish?: boolean } = {}) {
  return api.post('/api/directory/imports', { format: options.format ?? 'hsds-json', content, stewardUnitId, publish: options.publish ?? false });
}

async function zipOf(files: Record<string, string>): Promise<string> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
}

/** An export with its generated parts (ids, timestamps) left out, for comparing two databases. */
function comparable(file: Record<string, unknown>): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => !/(^id$|_id$|^last_modified$|^generated_at$)/.test(key))
          .map(([key, v]) => [key, strip(v)]),
      );
    }
    return value;
  };
  return strip(file);
}

describeEachEngine('HSDS import', (get) => {
  let districts: { city: UnitRef } | undefined;
  async function setup() {
    const h = get();
    const made = await cityWithEditor(h, districts);
    districts ??= { city: made.city };
    return { h, ...made, tag: unique('imp').replace(/[^a-z0-9]/g, '') };
  }

  it('previews without writing, then imports everything in one go', async () => {
    const { h, api, agency, tag } = await setup();
    const { file, ids } = hsdsFile(tag);
    const before = { services: await count(h, 'dir_service'), organizations: await count(h, 'dir_organization'), locations: await count(h, 'dir_location') };
    const res = await preview(api, agency.id, JSON.stringify(file), { publish: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      state: 'preview',
      format: 'hsds-json',
      publish: true,
      stewardUnitId: agency.id,
      counts: {
        organizations: { create: 2, update: 0, refused: 0 },
        locations: { create: 2, update: 0, refused: 0 },
        services: { create: 2, update: 0, refused: 1 },
      },
      errors: 1,
      total: 6,
      processed: 0,
    });
    // The report: the cafe has no coordinates, the third service's terms are not Rusfag's.
    expect(res.body.problems.map((p: { severity: string; name: string; message: string }) => `${p.severity} ${p.name}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        'warning Kafeen: Stedet mangler koordinater, så det kan ikke sorteres etter avstand.',
        `warning Kafé ${tag}: Termen «Veterans» (OpenEligibility) er ikke en målgruppe eller kategori i Rusfag og ble utelatt.`,
      ]),
    );
    // The third service lacks a target group, so it cannot be published.
    expect(res.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', id: ids.s3, message: expect.stringMatching(/mangler målgruppe, kategori/) })]));
    expect({ services: await count(h, 'dir_service'), organizations: await count(h, 'dir_organization'), locations: await count(h, 'dir_location') }).toEqual(before);

    // Without publishing, the same file is taken whole (the missing target group is a warning).
    const drafts = await preview(api, agency.id, JSON.stringify(file));
    expect(drafts.body).toMatchObject({ errors: 0, counts: { services: { create: 3 } } });
    const done = await api.post(`/api/directory/imports/${drafts.body.id}/confirm`, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ state: 'done', total: 7, processed: 7, finishedAt: expect.any(String) });
    expect(await count(h, 'dir_service')).toBe(before.services + 3);
    const s1 = await h.db.selectFrom('dir_service').selectAll().where('external_id', '=', ids.s1).executeTakeFirstOrThrow();
    expect(s1).toMatchObject({ name: `Samtalegruppe ${tag}`, publication_state: 'draft', free_of_charge: true, how_to_get_in: 'Møt opp.', city_wide: false });
    const detail = await api.get(`/api/directory/services/${s1.id}`);
    expect(detail.body.input).toMatchObject({
      targetGroups: ['parorende'],
      categories: ['lavterskel'],
      languages: ['en', 'nb'],
      phones: [{ number: '22 22 22 22', description: 'Resepsjon' }],
      hours: {
        weekly: [expect.objectContaining({ weekday: 1, opensAt: '10:00', closesAt: '14:00' }), expect.objectContaining({ weekday: 3 })],
        exceptions: [expect.objectContaining({ from: '2026-12-24', to: '2026-12-26', closed: true, reason: 'Jul' })],
      },
    });
    // Both services of the first organisation share its one office.
    const s2 = await h.db.selectFrom('dir_service').select('id').where('external_id', '=', ids.s2).executeTakeFirstOrThrow();
    expect((await api.get(`/api/directory/services/${s2.id}`)).body.input.locationIds).toEqual(detail.body.input.locationIds);
    const history = await api.get(`/api/directory/services/${s1.id}/history`);
    expect(history.body.changes.map((c: { action: string }) => c.action)).toEqual(['import']);
    expect((await auditEventsFor(h, drafts.body.id)).map((e) => e.action)).toEqual(['directory.import.preview', 'directory.import']);
    // Done is done.
    expect((await api.post(`/api/directory/imports/${drafts.body.id}/confirm`, {})).status).toBe(409);
    expect((await api.get(`/api/directory/imports/${drafts.body.id}`)).body.state).toBe('done');
    const stored = await h.db.selectFrom('dir_import').select('content').where('id', '=', drafts.body.id).executeTakeFirstOrThrow();
    expect(stored.content).toBeNull();

    // The same file again updates the same records instead of copying them.
    const again = await preview(api, agency.id, JSON.stringify(file));
    expect(again.body.counts).toEqual({
      organizations: { create: 0, update: 2, refused: 0 },
      locations: { create: 0, update: 2, refused: 0 },
      services: { create: 0, update: 3, refused: 0 },
    });
    expect((await api.post(`/api/directory/imports/${again.body.id}/confirm`, {})).body.state).toBe('done');
    expect(await count(h, 'dir_service')).toBe(before.services + 3);
  });

  it('publishes imported services when asked, and shows a script in a text as text', async () => {
    const { h, api, agency, tag } = await setup();
    const { file, ids } = hsdsFile(tag);
    file.services[0]!.description = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const published = { services: file.services.slice(0, 2) };
    const res = await preview(api, agency.id, JSON.stringify(published), { publish: true });
    expect(res.body.errors).toBe(0);
    expect((await api.post(`/api/directory/imports/${res.body.id}/confirm`, {})).status).toBe(200);
    const s1 = await h.db.selectFrom('dir_service').select(['id', 'publication_state', 'last_verified_on']).where('external_id', '=', ids.s1).executeTakeFirstOrThrow();
    expect(s1.publication_state).toBe('published');
    expect(s1.last_verified_on).not.toBeNull();
    const page = await h.app.inject({ method: 'GET', url: `/tjenester/${s1.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;script&gt;alert');
    const hsds = await h.app.inject({ method: 'GET', url: `/hsds/services/${s1.id}` });
    expect(hsds.json().description).toBe('<script>alert("x")</script><img src=x onerror=alert(1)>');

    // Imports publish in bulk (import-publish.ts): the snapshot is exactly what publishing one
    // service at a time (writePublicSnapshot) makes of it, words included.
    const snapshot = async (id: string) => ({
      row: await sql`select service_id, organization_id, name, organization_name, status, target_groups, categories, city_wide, districts, languages,
        free_of_charge, referral_required, minimum_age, maximum_age, wheelchair, has_hours, last_verified_on, search_nb::text, search_en::text,
        name_key, document, published_at from dir_public_service where service_id = ${id}`.execute(h.db).then((r) => r.rows),
      points: await sql`select latitude, longitude from dir_public_point where service_id = ${id} order by 1, 2`.execute(h.db).then((r) => r.rows),
      schedules: await sql`select kind, weekday, opens_min, closes_min, valid_from, valid_to, closed from dir_public_schedule where service_id = ${id}
        order by 1, 2, 3, 5`.execute(h.db).then((r) => r.rows),
      words: await sql`select word, services from dir_public_word order by word`.execute(h.db).then((r) => r.rows),
    });
    for (const externalId of [ids.s1, ids.s2]) {
      const { id, published_at } = await h.db.selectFrom('dir_service').select(['id', 'published_at']).where('external_id', '=', externalId).executeTakeFirstOrThrow();
      const bulk = await snapshot(id);
      expect(bulk.row).toHaveLength(1);
      await writePublicSnapshot(h.db, id, published_at!);
      expect(await snapshot(id)).toEqual(bulk);
    }
  });

  it('refuses broken files with a clear error and stores nothing', async () => {
    const { h, api, agency } = await setup();
    const before = await count(h, 'dir_import');
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['invalid JSON', { format: 'hsds-json', content: '{"services": [' }, /Filen er ikke gyldig JSON/],
      ['no services', { format: 'hsds-json', content: '{"name": "x"}' }, /Fant ingen tjenester/],
      ['not base64', { format: 'hsds-datapackage', content: 'dette er ikke base64!' }, /ikke en base64-kodet zip-fil/],
      ['not a zip', { format: 'hsds-datapackage', content: Buffer.from('id,name\n1,x\n').toString('base64') }, /Filen er ikke en zip-fil/],
      ['no datapackage.json', { format: 'hsds-datapackage', content: await zipOf({ 'services.csv': 'id,name\n' }) }, /mangler datapackage.json/],
      [
        'a file named in datapackage.json is missing',
        {
          format: 'hsds-datapackage',
          content: await zipOf({
            'datapackage.json': JSON.stringify({ resources: [{ name: 'organizations', path: 'organizations.csv' }, { name: 'services', path: 'services.csv' }, { name: 'phones', path: 'phones.csv' }] }),
            'organizations.csv': 'id,name\n',
            'services.csv': 'id,organization_id,name\n',
          }),
        },
        /Filen «phones.csv» står i datapackage.json, men finnes ikke i zip-filen/,
      ],
      [
        'an unclosed quote',
        {
          format: 'hsds-datapackage',
          content: await zipOf({
            'datapackage.json': JSON.stringify({ resources: [{ name: 'organizations', path: 'organizations.csv' }, { name: 'services', path: 'services.csv' }] }),
            'organizations.csv': 'id,name\no1,"Uten slutt\n',
            'services.csv': 'id,organization_id,name\n',
          }),
        },
        /^organizations.csv, linje 2: Et felt i anførselstegn blir aldri avsluttet/,
      ],
    ];
    for (const [label, body, message] of cases) {
      const res = await api.post('/api/directory/imports', { stewardUnitId: agency.id, ...body });
      expect(res.status, label).toBe(400);
      expect(res.body.error.code, label).toBe('dir_import_unreadable');
      expect(res.body.error.details[0].message, label).toMatch(message);
    }
    const unknownUnit = await preview(api, crypto.randomUUID(), '[]');
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.body.error.details).toEqual([{ path: 'stewardUnitId', message: 'Enheten finnes ikke i organisasjonskartet.' }]);
    const badFormat = await api.post('/api/directory/imports', { stewardUnitId: agency.id, format: 'xml', content: '<x/>' });
    expect(badFormat.status).toBe(400);
    expect(await count(h, 'dir_import')).toBe(before);
  });

  it('refuses a file larger than the limit before reading it', async () => {
    const { h, editor } = await setup();
    const session = await sessionFor(h, editor);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/directory/imports',
      headers: { ...session.headers, 'content-type': 'application/json' },
      payload: `{"format":"hsds-json","stewardUnitId":"${crypto.randomUUID()}","content":"${'x'.repeat(61 * 1024 * 1024)}"}`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('reports every record it cannot take, and imports nothing until told to skip them', async () => {
    const { h, api, agency, tag } = await setup();
    const { file, ids } = hsdsFile(tag);
    const [good, second, third] = file.services;
    const bad = (id: string, name: string, changes: Record<string, unknown>) => ({ ...second!, id, name: `${name} ${tag}`, ...changes });
    const broken = {
      services: [
        good,
        bad('t-9am', 'Morgentilbud', { schedules: [{ id: 'x', freq: 'WEEKLY', byday: 'MO', opens_at: '9am', closes_at: '15:00' }] }),
        bad('t-kl9', 'Kveldstilbud', { schedules: [{ id: 'y', freq: 'WEEKLY', byday: 'TU', opens_at: 'kl 9', closes_at: '15:00' }] }),
        bad('t-overlap', 'Juletilbud', {
          schedules: [
            { id: '1', valid_from: '2026-12-20', valid_to: '2026-12-27', description: 'Juleferie' },
            { id: '2', valid_from: '2026-12-24', valid_to: '2026-12-24', opens_at: '10:00', closes_at: '12:00', description: 'Julaften' },
          ],
        }),
        bad('t-org', 'Foreldreløs', { organization: undefined, organization_id: 'finnes-ikke' }),
        bad('t-loc', 'Hjemløs', { service_at_locations: [{ id: 'sal', location_id: 'sted-som-ikke-finnes' }] }),
        { ...third!, languages: [{ id: 'l', name: 'Norsk og engelsk' }], attributes: second!.attributes },
      ],
    };
    const before = await count(h, 'dir_service');
    const res = await preview(api, agency.id, JSON.stringify(broken));
    expect(res.status).toBe(201);
    expect(res.body.counts.services).toEqual({ create: 2, update: 0, refused: 5 });
    const errors = res.body.problems.filter((p: { severity: string }) => p.severity === 'error');
    const messageFor = (id: string) => errors.find((p: { id: string }) => p.id === id)?.message as string;
    expect(messageFor('t-9am')).toMatch(/«9am» er ikke et klokkeslett Rusfag kan lese\. Skriv tiden som TT:MM/);
    expect(messageFor('t-kl9')).toMatch(/«kl 9» er ikke et klokkeslett/);
    expect(messageFor('t-overlap')).toMatch(/^Åpningstidene: /);
    expect(messageFor('t-org')).toBe('Viser til organisasjonen «finnes-ikke», som ikke finnes i filen eller i Rusfag.');
    expect(messageFor('t-loc')).toBe('Viser til stedet «sted-som-ikke-finnes», som ikke finnes i filen eller i Rusfag.');
    expect(errors.find((p: { id: string }) => p.id === 't-9am')).toMatchObject({ name: `Morgentilbud ${tag}`, path: 'services[1].schedules[0]' });
    expect(res.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'warning', id: ids.s3, message: 'Språkteksten «Norsk og engelsk» ble lest som nb, en.' })]));

    const refused = await api.post(`/api/directory/imports/${res.body.id}/confirm`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('dir_import_has_problems');
    expect(await count(h, 'dir_service')).toBe(before);
    expect((await api.get(`/api/directory/imports/${res.body.id}`)).body.state).toBe('preview');

    const skipped = await api.post(`/api/directory/imports/${res.body.id}/confirm`, { skipRefused: true });
    expect(skipped.status, JSON.stringify(skipped.body)).toBe(200);
    expect(skipped.body).toMatchObject({ state: 'done', counts: { services: { create: 2, refused: 5 } } });
    expect(await count(h, 'dir_service')).toBe(before + 2);
    const third3 = await h.db.selectFrom('dir_service').select('id').where('external_id', '=', ids.s3).executeTakeFirstOrThrow();
    expect((await api.get(`/api/directory/services/${third3.id}`)).body.input.languages).toEqual(['en', 'nb']);
  });

  it('does not touch records stewarded by units the editor has no rights in', async () => {
    const { h, api, agency, tag, city } = await setup();
    const { file, ids } = hsdsFile(tag);
    expect((await api.post(`/api/directory/imports/${(await preview(api, agency.id, JSON.stringify(file))).body.id}/confirm`, {})).status).toBe(200);
    const other = await buildUnit(h.db, { parent: city, kind: 'agency', name: unique('Annen etat') });
    const outsider = await buildUser(h.db, { home: other, roles: [{ role: 'directory_editor', unit: other }] });
    const outsiderApi = apiAs(h, await sessionFor(h, outsider));
    const res = await preview(outsiderApi, other.id, JSON.stringify(file));
    expect(res.body.counts.organizations).toEqual({ create: 0, update: 0, refused: 2 });
    expect(res.body.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ severity: 'error', id: ids.orgA, message: 'Organisasjonen finnes i Rusfag og forvaltes av en enhet du ikke har tilgang til.' })]),
    );
    // Nor can they see or run an import made by someone else's unit.
    const mine = await preview(api, agency.id, JSON.stringify(file));
    expect((await outsiderApi.get(`/api/directory/imports/${mine.body.id}`)).status).toBe(404);
    expect((await outsiderApi.post(`/api/directory/imports/${mine.body.id}/confirm`, {})).status).toBe(404);
  });

  it('reads an HSDS 1.x data package, naming file and line for what it cannot take', async () => {
    const { h, api, agency, tag } = await setup();
    const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
    const files: Record<string, string> = {
      'organizations.csv': csv([['id', 'name', 'alternate_name', 'description', 'email', 'url'], ['1', `Kirkens Bymisjon ${tag}`, 'KBM', 'Diakonal stiftelse, «for alle».', 'post@example.org', 'www.example.org']]),
      'services.csv': csv([
        ['id', 'organization_id', 'name', 'description', 'url', 'email', 'status', 'application_process', 'fees'],
        ['10', '1', `Møteplassen ${tag}`, 'Lavterskel møteplass med kaffe og samtale.', 'https://example.org/moteplass', '', 'active', 'Møt opp, ingen timebestilling.', 'Gratis'],
        ['11', '1', `Natthjemmet ${tag}`, 'Overnatting.', '', '', 'active', '', ''],
        ['12', '99', `Foreldreløs ${tag}`, 'Viser til en organisasjon som ikke finnes.', '', '', 'active', '', ''],
        ['13', '1', `Sen kveld ${tag}`, 'Åpningstid som ikke kan leses.', '', '', 'active', '', ''],
      ]),
      'locations.csv': csv([
        ['id', 'organization_id', 'name', 'description', 'latitude', 'longitude'],
        ['100', '1', 'Møteplassen i Sagene', 'Inngang fra gården', '59.9381', '10.7567'],
        ['101', '1', 'Natthjemmet', '', '', ''],
      ]),
      'services_at_location.csv': csv([['id', 'service_id', 'location_id'], ['1000', '10', '100'], ['1001', '11', '101'], ['1002', '11', '404']]),
      'phones.csv': csv([['id', 'service_id', 'location_id', 'number', 'description'], ['p1', '10', '', '22 00 00 00', 'Resepsjon'], ['p2', '', '101', '23 00 00 00 (natt)', '']]),
      'physical_addresses.csv': csv([
        ['id', 'location_id', 'address_1', 'city', 'region', 'state_province', 'postal_code', 'country'],
        ['a1', '100', 'Eksempelgata 5', 'Oslo', 'Sagene', 'Oslo', '0458', 'NO'],
      ]),
      'regular_schedules.csv': csv([
        ['id', 'service_id', 'weekday', 'opens_at', 'closes_at'],
        ['r1', '10', 'Monday', '10:00', '15:00'],
        ['r2', '10', 'Tuesday', '10:00', '15:00'],
        ['r3', '10', 'Friday', '20:00', '02:00'],
        ['r4', '13', 'Wednesday', 'kl 9', '15:00'],
      ]),
      'holiday_schedules.csv': csv([['id', 'service_id', 'closed', 'opens_at', 'closes_at', 'start_date', 'end_date'], ['h1', '10', 'true', '', '', '2026-12-24', '2026-12-26']]),
      'languages.csv': csv([['id', 'service_id', 'language'], ['l1', '10', 'Norsk og engelsk'], ['l2', '10', 'Somali']]),
      'eligibility.csv': csv([['id', 'service_id', 'eligibility'], ['e1', '10', 'Voksne over 18 år']]),
      'service_area.csv': csv([['id', 'service_id', 'service_area'], ['sa1', '10', 'Sagene'], ['sa2', '11', 'Hele byen']]),
      'accessibility_for_disabilities.csv': csv([['id', 'location_id', 'accessibility', 'details'], ['ac1', '100', 'Rullestoltilgjengelig', 'Rampe ved inngangen']]),
      'contacts.csv': csv([['id', 'service_id', 'name', 'title', 'email'], ['c1', '10', 'Ola Nordmann', 'Daglig leder', 'ola@example.org']]),
      'taxonomy.csv': csv([['id', 'name', 'parent_id', 'vocabulary'], ['t1', 'Voksne', '', 'Rusfag'], ['t2', 'Lavterskel', '', 'Rusfag'], ['t3', 'Bolig', '', 'Rusfag']]),
      'service_taxonomy.csv': csv([['id', 'service_id', 'taxonomy_id'], ['st1', '10', 't1'], ['st2', '10', 't2'], ['st3', '11', 't1'], ['st4', '11', 't3']]),
    };
    const datapackage = JSON.stringify({
      name: 'oslo-test',
      profile: 'tabular-data-package',
      resources: Object.keys(files).map((path) => ({ name: path.replace(/\.csv$/, ''), path, format: 'csv', mediatype: 'text/csv' })),
    });
    // A zip made the usual way: everything inside one folder.
    const content = await zipOf(Object.fromEntries([['hsds/datapackage.json', datapackage], ...Object.entries(files).map(([k, v]) => [`hsds/${k}`, v])]));
    const res = await preview(api, agency.id, content, { format: 'hsds-datapackage', publish: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const report = res.body.problems.map((p: { severity: string; file: string; line: number; message: string }) => `${p.severity} ${p.file}:${p.line ?? ''} ${p.message}`);
    expect(report).toEqual(
      expect.arrayContaining([
        'error services.csv:4 Viser til organisasjonen «99», som ikke finnes i filen eller i Rusfag.',
        'error services_at_location.csv:4 Viser til stedet «404», som ikke finnes i filen eller i Rusfag.',
        expect.stringMatching(/^error regular_schedules.csv:5 Åpningstiden: «kl 9» er ikke et klokkeslett/),
        'warning languages.csv:2 Språkteksten «Norsk og engelsk» ble lest som nb, en.',
        'warning locations.csv:3 Stedet mangler koordinater, så det kan ikke sorteres etter avstand.',
      ]),
    );
    expect(res.body.counts).toEqual({
      organizations: { create: 1, update: 0, refused: 0 },
      locations: { create: 2, update: 0, refused: 0 },
      services: { create: 1, update: 0, refused: 3 },
    });
    const done = await api.post(`/api/directory/imports/${res.body.id}/confirm`, { skipRefused: true });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const service = await h.db.selectFrom('dir_service').select(['id', 'publication_state']).where('external_id', '=', '10').executeTakeFirstOrThrow();
    expect(service.publication_state).toBe('published');
    const hsds = (await h.app.inject({ method: 'GET', url: `/hsds/services/${service.id}` })).json();
    expect(hsds).toMatchObject({
      name: `Møteplassen ${tag}`,
      application_process: 'Møt opp, ingen timebestilling.',
      eligibility_description: 'Voksne over 18 år',
      cost_options: [{ option: 'Gratis' }],
      organization: { name: `Kirkens Bymisjon ${tag}`, website: 'https://www.example.org' },
      phones: [{ number: '22 00 00 00', description: 'Resepsjon' }],
      contacts: [{ name: 'Ola Nordmann', title: 'Daglig leder', email: 'ola@example.org' }],
      languages: [{ code: 'en' }, { code: 'nb' }, { code: 'so' }],
      service_areas: [{ name: expect.stringMatching(/Sagene$/) }],
      schedules: [
        expect.objectContaining({ byday: 'MO,TU', opens_at: '10:00', closes_at: '15:00' }),
        expect.objectContaining({ byday: 'FR', opens_at: '20:00', closes_at: '02:00' }),
        expect.objectContaining({ valid_from: '2026-12-24', valid_to: '2026-12-26', notes: 'Stengt' }),
      ],
      service_at_locations: [
        {
          location: {
            name: 'Møteplassen i Sagene',
            latitude: 59.9381,
            addresses: [{ address_1: 'Eksempelgata 5', postal_code: '0458', city: 'Oslo' }],
            accessibility: [{ description: 'Rullestoltilgjengelig – Rampe ved inngangen', details: 'Tilgjengelig med rullestol' }],
          },
        },
      ],
    });
    expect(hsds.attributes.map((a: { taxonomy_term: { code: string } }) => a.taxonomy_term.code).slice(0, 2)).toEqual(['voksne', 'lavterskel']);
  });

  it('reproduces the directory through an HSDS export imported into an empty database', { timeout: 120_000 }, async () => {
    const { h, api, agency, tag } = await setup();
    const sagene = await h.db.selectFrom('org_unit').select('id').where('code', '=', 'B03').executeTakeFirstOrThrow();
    const sth = await h.db.selectFrom('org_unit').select('id').where('code', '=', 'B04').executeTakeFirstOrThrow();
    const organization = async (name: string, extra: Record<string, unknown> = {}) =>
      (await api.post('/api/directory/organizations', { name: `${name} ${tag}`, stewardUnitId: agency.id, description: `Om ${name}.`, ...extra })).body.id as string;
    const location = async (body: Record<string, unknown>) => {
      const res = await api.post('/api/directory/locations', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const service = async (body: Record<string, unknown>) => {
      const res = await api.post('/api/directory/services', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect((await api.post(`/api/directory/services/${res.body.id}/publish`)).status).toBe(200);
      return res.body.id as string;
    };
    const orgA = await organization('Pårørendesenteret', { website: 'https://example.org', email: 'post@example.org' });
    const orgB = await organization('Bymisjonen');
    const office = await location({
      organizationId: orgA, name: 'Kontoret', description: 'Inngang fra gården', address: 'Eksempelgata 1', postalCode: '0458', city: 'Oslo',
      districtId: sagene.id, latitude: 59.93, longitude: 10.75, wheelchairAccessible: true, accessibilityNote: 'Heis til 2. etasje', transportation: 'Trikk 11',
    });
    const shelter = await location({ organizationId: orgA, name: 'Krisebolig', address: 'Hemmeligveien 13', postalCode: '0457', city: 'Oslo', latitude: 59.9412, longitude: 10.7589, confidential: true });
    const cafe = await location({ organizationId: orgB, name: 'Kafeen', address: 'Kafégata 2', city: 'Oslo', districtId: sth.id, wheelchairAccessible: false });
    await service({
      organizationId: orgA,
      name: `Samtaler for pårørende ${tag}`,
      nameEn: 'Talks for next of kin',
      alternateName: 'Samtaletilbudet',
      description: 'Samtaler og støtte.',
      descriptionEn: 'Talks and support.',
      url: 'https://example.org/samtaler',
      email: 'samtaler@example.org',
      status: 'temporarily_closed',
      statusNote: 'Stengt for oppussing til 1. mars.',
      howToGetIn: 'Ring eller møt opp.',
      howToGetInEn: 'Call or drop in.',
      eligibility: 'Pårørende over 16 år.',
      eligibilityEn: 'Next of kin over 16.',
      minimumAge: 16,
      maximumAge: 99,
      referralRequired: true,
      freeOfCharge: false,
      feesDescription: 'Egenandel 50 kroner.',
      districtIds: [sagene.id, sth.id],
      targetGroups: ['parorende', 'barn-som-parorende'],
      categories: ['radgivning', 'lavterskel'],
      languages: ['nb', 'en', 'ar'],
      locationIds: [office, shelter],
      phones: [{ number: '+47 22 22 22 22', description: 'Hverdager' }, { number: '900 00 000', description: '' }],
      contacts: [{ name: 'Kari Nordmann', title: 'Leder', email: 'kari@example.org', phone: '+47 400 00 000' }, { name: 'Per', title: '', email: '', phone: '' }],
      hours: {
        weekly: [
          { weekday: 1, opensAt: '09:00', closesAt: '15:00' },
          { weekday: 2, opensAt: '09:00', closesAt: '15:00' },
          { weekday: 5, opensAt: '20:00', closesAt: '24:00', validFrom: '2026-06-01', validTo: '2026-08-31' },
          { weekday: 6, opensAt: '22:00', closesAt: '03:00' },
        ],
        exceptions: [
          { from: '2026-12-24', to: '2026-12-26', closed: true, reason: 'Julestengt' },
          { from: '2026-12-31', to: '2026-12-31', closed: false, opensAt: '10:00', closesAt: '12:00', reason: 'Nyttårsaften' },
        ],
      },
      hoursNote: 'Ring før du kommer.',
    });
    await service({ organizationId: orgA, name: `Rådgivning ${tag}`, targetGroups: ['voksne'], categories: ['radgivning'], cityWide: true, locationIds: [office] });
    await service({
      organizationId: orgB, name: `Kafé ${tag}`, description: 'Kaffe og prat.', targetGroups: ['voksne', 'unge-voksne'], categories: ['lavterskel', 'selvhjelp-og-likepersoner'],
      districtIds: [sth.id], freeOfCharge: true, referralRequired: false, languages: ['nb'], locationIds: [cafe],
      hours: { weekly: [{ weekday: 3, opensAt: '11:00', closesAt: '16:00' }], exceptions: [] },
    });

    const exportOf = async (app: Harness['app'], organizationIds: string[]) => {
      const file = (await app.inject({ method: 'GET', url: '/hsds/export' })).json();
      // Other tests of this suite publish too: keep this directory's organisations.
      return {
        ...file,
        organizations: file.organizations.filter((o: { id: string }) => organizationIds.includes(o.id)),
        services: file.services.filter((s: { organization_id: string }) => organizationIds.includes(s.organization_id)),
      };
    };
    const first = await exportOf(h.app, [orgA, orgB]);
    expect(first.services).toHaveLength(3);
    expect(exportErrors(first)).toEqual([]);
    expect(JSON.stringify(first)).not.toMatch(/Hemmeligveien|0457|59\.9412/);

    // An empty database with the same districts, and an editor there.
    const database = await openTestDatabase(h.engine);
    const app = await buildApp({ config: testConfig({ engine: h.engine }), database });
    try {
      await app.ready();
      const second: Harness = { engine: h.engine, app, db: database.db, database, config: testConfig({ engine: h.engine }) };
      expect(await count(second, 'dir_service')).toBe(0);
      const other = await cityWithEditor(second);
      const res = await preview(other.api, other.agency.id, JSON.stringify(first), { publish: true });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
      expect(res.body.counts).toEqual({
        organizations: { create: 2, update: 0, refused: 0 },
        locations: { create: 3, update: 0, refused: 0 },
        services: { create: 3, update: 0, refused: 0 },
      });
      expect((await other.api.post(`/api/directory/imports/${res.body.id}/confirm`, {})).body.state).toBe('done');

      // Every record knows where it came from …
      const external = async (table: 'dir_organization' | 'dir_location' | 'dir_service') =>
        (await database.db.selectFrom(table).select('external_id').execute()).map((r) => r.external_id).sort();
      expect(await external('dir_organization')).toEqual([orgA, orgB].sort());
      expect(await external('dir_location')).toEqual([office, shelter, cafe].sort());
      expect(await external('dir_service')).toEqual(first.services.map((s: { id: string }) => s.id).sort());
      // … the confidential location stays confidential, without an address to hide …
      expect(await database.db.selectFrom('dir_location').select(['confidential', 'address']).where('external_id', '=', shelter).executeTakeFirstOrThrow()).toEqual({ confidential: true, address: '' });
      // … and the export of the new database is the export of the old one.
      const organizations = (await database.db.selectFrom('dir_organization').select('id').execute()).map((o) => o.id);
      const again = await exportOf(app, organizations);
      expect(exportErrors(again)).toEqual([]);
      expect(comparable(again)).toEqual(comparable(first));
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('shows how far a running import has come (PostgreSQL: another connection can ask)', async () => {
    const { h, api, agency, tag } = await setup();
    const { file } = hsdsFile(tag);
    const template = file.services[1]!;
    const many = { services: Array.from({ length: 300 }, (_, i) => ({ ...template, id: uuid(), name: `Tjeneste ${i} ${tag}` })) };
    const res = await preview(api, agency.id, JSON.stringify(many));
    expect(res.body).toMatchObject({ errors: 0, total: 302 });
    const running = api.post(`/api/directory/imports/${res.body.id}/confirm`, {});
    const seen: { state: string; processed: number; total: number }[] = [];
    if (h.engine === 'postgres') {
      for (let i = 0; i < 400 && !seen.some((s) => s.state === 'done'); i++) {
        const poll = await api.get(`/api/directory/imports/${res.body.id}`);
        seen.push(poll.body);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(seen.some((s) => s.state === 'running')).toBe(true);
      for (const s of seen) expect(s.processed).toBeLessThanOrEqual(s.total);
    }
    const done = await running;
    expect(done.body).toMatchObject({ state: 'done', processed: 302, total: 302 });
  });
});
