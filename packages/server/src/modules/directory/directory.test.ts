import { expect, it } from 'vitest';
import { apiAs } from '../../test/api.js';
import { buildUnit, buildUser, sessionFor, unique, type UnitRef } from '../../test/factories.js';
import { describeEachEngine, type Harness } from '../../test/harness.js';
import { remindUnverifiedServices } from './service.js';

/**
 * The service directory: editors keep a working copy, publishing makes it public, and every
 * public output reads the published snapshot — where a confidential address never is.
 */

const ALWAYS_OPEN = { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' })), exceptions: [] };
const NEVER_OPEN_TODAY = { weekly: [], exceptions: [{ from: '2000-01-01', to: '2099-12-31', closed: true, reason: 'Stengt på ubestemt tid' }] };

async function page(h: Harness, url: string) {
  const res = await h.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.body, headers: res.headers };
}

describeEachEngine('service directory', (get) => {
  // The search knows districts by their official codes, which are unique: one set per suite.
  let districts: { city: UnitRef; sagene: UnitRef; sth: UnitRef } | undefined;
  async function cityOnce(h: Harness) {
    if (!districts) {
      const city = await buildUnit(h.db, { kind: 'municipality', name: unique('Kommune') });
      const sagene = await buildUnit(h.db, { parent: city, kind: 'district', name: 'Bydel Sagene', code: 'B03' });
      const sth = await buildUnit(h.db, { parent: city, kind: 'district', name: 'Bydel St. Hanshaugen', code: 'B04' });
      districts = { city, sagene, sth };
    }
    return districts;
  }

  async function setup() {
    const h = get();
    const { city, sagene, sth } = await cityOnce(h);
    const agency = await buildUnit(h.db, { parent: city, kind: 'agency', name: unique('Etat') });
    const other = await buildUnit(h.db, { parent: city, kind: 'agency', name: unique('Annen etat') });
    const editor = await buildUser(h.db, { home: agency, roles: [{ role: 'directory_editor', unit: agency }] });
    const outsider = await buildUser(h.db, { home: other, roles: [{ role: 'directory_editor', unit: other }] });
    const caseworker = await buildUser(h.db, { home: agency, roles: [{ role: 'caseworker', unit: agency }] });
    const api = apiAs(h, await sessionFor(h, editor));
    const org = await api.post('/api/directory/organizations', { name: unique('Pårørendesenteret'), stewardUnitId: agency.id, description: 'En organisasjon for pårørende.' });
    expect(org.status).toBe(201);
    return {
      h,
      city,
      sagene,
      sth,
      agency,
      api,
      outsiderApi: apiAs(h, await sessionFor(h, outsider)),
      caseworkerApi: apiAs(h, await sessionFor(h, caseworker)),
      orgId: org.body.id as string,
    };
  }

  const serviceBody = (orgId: string, overrides: Record<string, unknown> = {}) => ({
    organizationId: orgId,
    name: unique('Lavterskeltilbud for pårørende'),
    description: 'Samtaler og støtte for pårørende til personer med rusproblemer. Møt opp uten avtale.',
    targetGroups: ['parorende'],
    categories: ['lavterskel'],
    cityWide: true,
    freeOfCharge: true,
    referralRequired: false,
    languages: ['nb', 'en'],
    hours: ALWAYS_OPEN,
    ...overrides,
  });

  it('keeps a new service as a draft until it is published, then shows it publicly', async () => {
    const { h, api, orgId } = await setup();
    const created = await api.post('/api/directory/services', serviceBody(orgId));
    expect(created.status).toBe(201);
    // Seen (and cached) before publishing: the publication must empty the page cache.
    const searchUrl = `/tjenester?q=${encodeURIComponent(created.body.input.name)}`;
    expect((await page(h, searchUrl)).body).not.toContain(created.body.id);
    expect(created.body).toMatchObject({ publicationState: 'draft', publishedAt: null, actions: expect.arrayContaining(['directory.edit', 'directory.publish']) });
    const id = created.body.id as string;

    expect((await page(h, `/tjenester/${id}`)).status).toBe(404);
    expect((await page(h, `/tjenester?q=${encodeURIComponent(created.body.input.name)}`)).body).not.toContain(id);

    const published = await api.post(`/api/directory/services/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ publicationState: 'published', hasUnpublishedChanges: false });
    expect((await page(h, searchUrl)).body).toContain(id);
    const servicePage = await page(h, `/tjenester/${id}`);
    expect(servicePage.status).toBe(200);
    expect(servicePage.headers['content-type']).toContain('text/html');
    expect(servicePage.body).toContain(created.body.input.name);

    // An edit stays in the working copy until it is published again.
    const edited = await api.put(`/api/directory/services/${id}`, { ...created.body.input, description: 'Ny tekst som ikke er publisert ennå.' });
    expect(edited.status).toBe(200);
    expect(edited.body.hasUnpublishedChanges).toBe(true);
    expect((await page(h, `/tjenester/${id}`)).body).not.toContain('Ny tekst som ikke er publisert');
    await api.post(`/api/directory/services/${id}/publish`);
    expect((await page(h, `/tjenester/${id}`)).body).toContain('Ny tekst som ikke er publisert');

    // Withdrawn: gone from the public again.
    expect((await api.post(`/api/directory/services/${id}/unpublish`)).status).toBe(200);
    expect((await page(h, `/tjenester/${id}`)).status).toBe(404);
  });

  it('keeps the full change history, and audits every change', async () => {
    const { h, api, orgId } = await setup();
    const created = await api.post('/api/directory/services', serviceBody(orgId));
    const id = created.body.id as string;
    await api.put(`/api/directory/services/${id}`, { ...created.body.input, minimumAge: 18 });
    await api.post(`/api/directory/services/${id}/publish`);
    await api.post(`/api/directory/services/${id}/verify`);
    const history = await api.get(`/api/directory/services/${id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.changes.map((c: { action: string }) => c.action)).toEqual(['verify', 'publish', 'update', 'create']);
    expect(history.body.changes[2].changes).toEqual({ minimumAge: { from: null, to: 18 } });
    const audited = await h.db.selectFrom('audit_event').select('action').where('resource_id', '=', id).orderBy('id').execute();
    expect(audited.map((a) => a.action)).toEqual([
      'directory.service.create',
      'directory.service.update',
      'directory.service.publish',
      'directory.service.verify',
    ]);
  });

  it('never sends a confidential address to the public, in any output', async () => {
    const { h, api, orgId, sagene } = await setup();
    const secret = { address: 'Hemmeligveien 13', postalCode: '0457', latitude: 59.9412, longitude: 10.7589 };
    const shelter = await api.post('/api/directory/locations', {
      organizationId: orgId,
      name: 'Krisebolig',
      city: 'Oslo',
      districtId: sagene.id,
      confidential: true,
      description: 'Inngang fra bakgården i Hemmeligveien',
      ...secret,
    });
    expect(shelter.status).toBe(201);
    const created = await api.post(
      '/api/directory/services',
      serviceBody(orgId, { name: unique('Akuttovernatting'), locationIds: [shelter.body.id], phones: [{ number: '+47 99 99 99 99', description: 'Døgnåpen' }] }),
    );
    await api.post(`/api/directory/services/${created.body.id}/publish`);

    const outputs = [
      await page(h, `/tjenester/${created.body.id}`),
      await page(h, `/tjenester/${created.body.id}?lang=en`),
      await page(h, `/tjenester?q=akuttovernatting`),
      await page(h, `/tjenester?sorter=avstand&lat=59.94&lon=10.75`),
      await page(h, `/tjenester/sitemap.xml`),
    ];
    for (const output of outputs) {
      expect(output.status).toBe(200);
      expect(output.body).not.toContain('Hemmeligveien');
      expect(output.body).not.toContain('0457');
      expect(output.body).not.toContain('59.9412');
      expect(output.body).not.toContain('10.7589');
    }
    expect(outputs[0]!.body).toContain('Krisebolig');
    expect(outputs[0]!.body).toContain('+47 99 99 99 99');
    const snapshot = await h.db.selectFrom('dir_public_service').select('document').where('service_id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(snapshot.document)).not.toMatch(/Hemmeligveien|0457|59\.9412|10\.7589|bakgården/);
    expect(await h.db.selectFrom('dir_public_point').selectAll().where('service_id', '=', created.body.id).execute()).toEqual([]);

    // Staff with rights see it, and the read is logged.
    const locations = await api.get(`/api/directory/organizations/${orgId}/locations`);
    expect(locations.body.locations[0]).toMatchObject({ address: 'Hemmeligveien 13', confidential: true });
    const audited = await h.db.selectFrom('audit_event').select('action').where('resource_id', '=', orgId).execute();
    expect(audited.map((a) => a.action)).toContain('directory.location.readConfidential');
  });

  it('finds "lavterskel tilbud for pårørende i Sagene, åpent nå" as a resident writes it', async () => {
    const { h, api, orgId, sagene, sth } = await setup();
    const tag = unique('x').replace(/[^a-z0-9]/g, '');
    const make = async (overrides: Record<string, unknown>) => {
      const res = await api.post('/api/directory/services', serviceBody(orgId, { description: `Tilbud ${tag}. Samtalegruppe for pårørende.`, ...overrides }));
      expect(res.status).toBe(201);
      await api.post(`/api/directory/services/${res.body.id}/publish`);
      return res.body.id as string;
    };
    const inSagene = await make({ cityWide: false, districtIds: [sagene.id] });
    const cityWide = await make({});
    const closed = await make({ hours: NEVER_OPEN_TODAY });
    const otherDistrict = await make({ cityWide: false, districtIds: [sth.id] });
    const notLowThreshold = await make({ categories: ['behandling'], description: `Behandling ${tag} for pårørende.` });

    const res = await page(h, `/tjenester?q=${encodeURIComponent(`lavterskel tilbud ${tag} for pårørende i Sagene, åpent nå`)}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain(inSagene);
    expect(res.body).toContain(cityWide);
    for (const id of [closed, otherDistrict, notLowThreshold]) expect(res.body).not.toContain(id);

    // The same search with filters instead of words, as the form sends it.
    const filtered = await page(h, `/tjenester?q=${tag}&kategori=lavterskel&malgruppe=parorende&bydel=B03&apent=1`);
    expect(filtered.body).toContain(inSagene);
    expect(filtered.body).toContain(cityWide);
    for (const id of [closed, otherDistrict, notLowThreshold]) expect(filtered.body).not.toContain(id);
  });

  it('tolerates typos and finds words by their stem', async () => {
    const { h, api, orgId } = await setup();
    const name = `Sprøyterommet ${unique('t').replace(/[^a-z0-9]/g, '')}`;
    const res = await api.post('/api/directory/services', serviceBody(orgId, { name, description: 'Lavterskel helsetilbud med veiledning om injisering.' }));
    await api.post(`/api/directory/services/${res.body.id}/publish`);
    expect((await page(h, '/tjenester?q=spr%C3%B8yterom')).body).toContain(res.body.id);
    const typo = await page(h, '/tjenester?q=spr%C3%B8ytreommet');
    expect(typo.body).toContain(res.body.id);
    const wordForm = await page(h, '/tjenester?q=veiledningen');
    expect(wordForm.body).toContain(res.body.id);
    // A correct word form is not "corrected".
    expect(wordForm.body).not.toContain('du skrev');
    expect(typo.body).toContain('du skrev');
  });

  it('shows text as text: a script in a field is never run', async () => {
    const { h, api, orgId } = await setup();
    const res = await api.post('/api/directory/services', serviceBody(orgId, { description: '<script>alert("x")</script><img src=x onerror=alert(1)>' }));
    await api.post(`/api/directory/services/${res.body.id}/publish`);
    const html = (await page(h, `/tjenester/${res.body.id}`)).body;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert');
    const unsafeUrl = await api.post('/api/directory/services', serviceBody(orgId, { url: 'javascript:alert(1)' }));
    expect(unsafeUrl.status).toBe(400);
  });

  it('refuses bad input with field errors in Norwegian and stores nothing', async () => {
    const { h, api, orgId } = await setup();
    const before = await h.db.selectFrom('dir_service').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const overlapping = await api.post(
      '/api/directory/services',
      serviceBody(orgId, {
        hours: {
          weekly: [{ weekday: 1, opensAt: '09:00', closesAt: '15:00' }],
          exceptions: [
            { from: '2026-12-20', to: '2026-12-27', closed: true, reason: 'Juleferie' },
            { from: '2026-12-24', to: '2026-12-24', closed: false, opensAt: '10:00', closesAt: '12:00', reason: 'Julaften' },
          ],
        },
      }),
    );
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.error.details.some((d: { path: string }) => d.path.startsWith('hours.exceptions'))).toBe(true);
    const badHours = await api.post('/api/directory/services', serviceBody(orgId, { hours: { weekly: [{ weekday: 1, opensAt: '9', closesAt: '15:00' }], exceptions: [] } }));
    expect(badHours.status).toBe(400);
    const noGroup = await api.post('/api/directory/services', serviceBody(orgId, { targetGroups: [], categories: ['ukjent-kategori'] }));
    expect(noGroup.status).toBe(400);
    expect(noGroup.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'targetGroups', message: 'Velg minst én målgruppe.' },
        { path: 'categories.0', message: 'Ukjent målgruppe eller kategori.' },
      ]),
    );
    const ages = await api.post('/api/directory/services', serviceBody(orgId, { minimumAge: 30, maximumAge: 18 }));
    expect(ages.status).toBe(400);
    const after = await h.db.selectFrom('dir_service').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('lets editors work only on the organisations their unit stewards', async () => {
    const { h, api, outsiderApi, caseworkerApi, orgId } = await setup();
    const created = await api.post('/api/directory/services', serviceBody(orgId));
    const id = created.body.id as string;
    expect((await outsiderApi.get(`/api/directory/services/${id}`)).status).toBe(404);
    expect((await outsiderApi.put(`/api/directory/services/${id}`, created.body.input)).status).toBe(404);
    expect((await outsiderApi.post(`/api/directory/services/${id}/publish`)).status).toBe(404);
    expect((await outsiderApi.post('/api/directory/services', serviceBody(orgId))).status).toBe(404);
    const outsiderList = await outsiderApi.get('/api/directory/services');
    expect(outsiderList.body.services.map((s: { id: string }) => s.id)).not.toContain(id);
    expect((await caseworkerApi.get('/api/directory/services')).status).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/directory/services' })).statusCode).toBe(401);
  });

  it('lists services not verified for 6 months in the freshness queue and marks them publicly after 12', async () => {
    const { h, api, orgId } = await setup();
    const fresh = await api.post('/api/directory/services', serviceBody(orgId));
    const old = await api.post('/api/directory/services', serviceBody(orgId));
    const ancient = await api.post('/api/directory/services', serviceBody(orgId));
    for (const s of [fresh, old, ancient]) {
      await api.post(`/api/directory/services/${s.body.id}/verify`);
      await api.post(`/api/directory/services/${s.body.id}/publish`);
    }
    const monthsAgo = (months: number) => {
      const d = new Date();
      d.setUTCMonth(d.getUTCMonth() - months);
      return d.toISOString().slice(0, 10);
    };
    await h.db.updateTable('dir_service').set({ last_verified_on: monthsAgo(7) }).where('id', '=', old.body.id).execute();
    await h.db.updateTable('dir_service').set({ last_verified_on: monthsAgo(13) }).where('id', '=', ancient.body.id).execute();
    await h.db.updateTable('dir_public_service').set({ last_verified_on: monthsAgo(13) }).where('service_id', '=', ancient.body.id).execute();
    const queue = await api.get(`/api/directory/services?needsVerification=true&organizationId=${orgId}`);
    expect(queue.body.services.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([old.body.id, ancient.body.id]));
    expect(queue.body.services.map((s: { id: string }) => s.id)).not.toContain(fresh.body.id);
    expect(queue.body.services.find((s: { id: string }) => s.id === ancient.body.id).stale).toBe(true);

    // The hourly job reminds once, then not again for 30 days; verifying clears the reminder.
    expect((await remindUnverifiedServices(h.db)).directoryReminders).toBeGreaterThanOrEqual(2);
    const reminded = await api.get(`/api/directory/services?needsVerification=true&organizationId=${orgId}`);
    expect(reminded.body.services.every((s: { remindedAt: string | null }) => s.remindedAt !== null)).toBe(true);
    const again = await h.db.selectFrom('dir_service').select('freshness_reminded_at').where('id', '=', old.body.id).executeTakeFirstOrThrow();
    await remindUnverifiedServices(h.db, new Date(Date.now() + 86_400_000));
    const later = await h.db.selectFrom('dir_service').select('freshness_reminded_at').where('id', '=', old.body.id).executeTakeFirstOrThrow();
    expect(later.freshness_reminded_at).toEqual(again.freshness_reminded_at);

    // Verifying takes it out of the queue and updates the public date without publishing edits.
    await api.put(`/api/directory/services/${old.body.id}`, { ...old.body.input, description: 'Upublisert endring' });
    await api.post(`/api/directory/services/${old.body.id}/verify`);
    const after = await api.get(`/api/directory/services?needsVerification=true&organizationId=${orgId}`);
    expect(after.body.services.map((s: { id: string }) => s.id)).not.toContain(old.body.id);
    const publicPage = await page(h, `/tjenester/${old.body.id}`);
    expect(publicPage.body).not.toContain('Upublisert endring');
  });

  it('answers a bad search with a clear Norwegian page, never a 500', async () => {
    const { h } = await setup();
    for (const url of ['/tjenester?lat=abc&lon=10', '/tjenester?side=0', '/tjenester?bydel=Sagene', `/tjenester?q=${'x'.repeat(300)}`, '/tjenester?sorter=tilfeldig']) {
      const res = await page(h, url);
      expect(res.status, url).toBe(400);
      expect(res.body).toContain('Søket kunne ikke leses');
    }
    // What the resident typed survives a mistake elsewhere in the URL.
    expect((await page(h, '/tjenester?q=p%C3%A5r%C3%B8rende&lat=abc')).body).toContain('value="pårørende"');
    expect((await page(h, '/favicon.ico')).headers['content-type']).toBe('image/png');
    expect((await page(h, '/tjenester/ikke-en-id')).status).toBe(404);
    const robots = await page(h, '/robots.txt');
    expect(robots.body).toContain('Allow: /tjenester');
    expect(robots.body).toContain('Disallow: /\n');
    expect(robots.body).toMatch(/Sitemap: http.*\/tjenester\/sitemap\.xml/);
    expect((await page(h, '/tjenester?q=%22%27%3B%20drop%20table%20dir_service%3B%20--%20%26%20%7C%20!%20%3A*')).status).toBe(200);
  });
});
