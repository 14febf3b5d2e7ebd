import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROLES, taxonomyId, taxonomyTermId, type Role } from '@rusfag/core';
import { expect, it } from 'vitest';
import { recordAudit } from '../platform/audit.js';
import { createSession, type NewSession } from '../platform/sessions.js';
import { csrfTokenFor } from '../platform/csrf.js';
import { buildDirOrganization, buildDirService, buildMeasureChain, buildOrgTree, buildPlan, buildPlanItem, buildReport, buildUnit, buildUser, sessionFor, unique, type TestSession } from './factories.js';
import { describeEachEngine, type Harness } from './harness.js';
import { writePublicSnapshot } from '../modules/directory/public-service.js';

/**
 * Checks the running server against docs/policy-matrix.md: every route × every role × a resource
 * inside and outside the role's subtree, and an anonymous caller. The expectations come from the
 * document, not from the policy code, so the two are checked against each other.
 */

type Cell = 'alle' | 'område' | '–' | 'offentlig' | 'innlogging' | '401';
interface Row {
  route: string;
  anonymous: Cell;
  roles: Record<Role, Cell>;
}

function readMatrix(): Row[] {
  const text = readFileSync(path.resolve(import.meta.dirname, '../../../../docs/policy-matrix.md'), 'utf8');
  const lines = text.split('\n').filter((line) => /^\| (GET|POST|PUT|PATCH|DELETE) /.test(line));
  const header = text.split('\n').find((line) => line.startsWith('| Route |'))!;
  const columns = header.split('|').map((c) => c.trim()).filter(Boolean);
  return lines.map((line) => {
    const cells = line.split('|').map((c) => c.trim()).slice(1, -1);
    const byColumn = Object.fromEntries(columns.map((c, i) => [c, cells[i] as Cell]));
    return {
      route: byColumn.Route as string,
      anonymous: byColumn.anonym!,
      roles: Object.fromEntries(ROLES.map((role) => [role, byColumn[role]!])) as Record<Role, Cell>,
    };
  });
}

type Where = 'in' | 'out';
interface Fixture {
  tree: Awaited<ReturnType<typeof buildOrgTree>>;
  unitFor(where: Where): { id: string; path: string; depth: number; name: string; kind: 'unit' };
  districtFor(where: Where): { id: string; path: string; depth: number; name: string; kind: 'district' };
}
interface Call {
  url: string;
  payload?: object;
  /** For lists: checks that the in-scope row is there and the out-of-scope row is not. */
  listCheck?: (body: unknown) => boolean;
}
type Builder = (h: Harness, fx: Fixture, where: Where, actor: { id: string }) => Promise<Call>;

const strongPassword = () => `${unique('et langt passord')} med mange ord`;

async function userAt(h: Harness, fx: Fixture, where: Where, options: { totp?: boolean } = {}) {
  return buildUser(h.db, { home: fx.unitFor(where), roles: [{ role: 'caseworker', unit: fx.unitFor(where) }], ...options });
}

/** How to call each route so that it succeeds for an allowed actor, on a resource in or out of scope. */
const builders: Record<string, Builder> = {
  'GET /healthz': async () => ({ url: '/healthz' }),
  'GET /readyz': async () => ({ url: '/readyz' }),
  'GET /api/openapi.json': async () => ({ url: '/api/openapi.json' }),
  'GET /api/auth/csrf': async () => ({ url: '/api/auth/csrf' }),
  'GET /api/auth/session': async () => ({ url: '/api/auth/session' }),
  'POST /api/auth/login': async (h, fx) => {
    const user = await userAt(h, fx, 'in');
    return { url: '/api/auth/login', payload: { username: user.username, password: user.password } };
  },
  'POST /api/auth/logout': async () => ({ url: '/api/auth/logout', payload: {} }),
  'POST /api/auth/totp': async () => ({ url: '/api/auth/totp', payload: { code: '123456' } }),
  'GET /api/auth/totp/enrolment': async () => ({ url: '/api/auth/totp/enrolment' }),
  'POST /api/auth/totp/enrolment': async () => ({ url: '/api/auth/totp/enrolment', payload: { code: '123456' } }),
  'GET /api/me': async () => ({ url: '/api/me' }),
  'POST /api/me/password': async () => ({
    url: '/api/me/password',
    payload: { currentPassword: 'korrekt hest batteri stift', newPassword: strongPassword() },
  }),
  'GET /api/organizations': async (_h, fx, where) => ({
    url: '/api/organizations',
    listCheck: (body) => (body as { units: { id: string }[] }).units.some((u) => u.id === fx.unitFor(where).id),
  }),
  'GET /api/organizations/:id': async (_h, fx, where) => ({ url: `/api/organizations/${fx.unitFor(where).id}` }),
  'POST /api/organizations': async (_h, fx, where) => ({
    url: '/api/organizations',
    payload: { parentId: fx.unitFor(where).id, kind: 'unit', name: unique('Nytt team') },
  }),
  'PATCH /api/organizations/:id': async (h, fx, where) => {
    const unit = await buildUnit(h.db, { parent: fx.unitFor(where), kind: 'unit' });
    return { url: `/api/organizations/${unit.id}`, payload: { name: unique('Nytt navn') } };
  },
  'GET /api/admin/users': async (h, fx) => {
    const inside = await userAt(h, fx, 'in');
    const outside = await userAt(h, fx, 'out');
    const prefix = inside.username.slice(0, 6);
    return {
      url: `/api/admin/users?limit=200&q=${encodeURIComponent(prefix)}`,
      listCheck: (body) => {
        const ids = (body as { users: { id: string }[] }).users.map((u) => u.id);
        return ids.includes(inside.id) && !ids.includes(outside.id);
      },
    };
  },
  'POST /api/admin/users': async (_h, fx, where) => ({
    url: '/api/admin/users',
    payload: {
      username: unique('ny').toLowerCase(),
      displayName: 'Ny Bruker',
      homeUnitId: fx.unitFor(where).id,
      password: strongPassword(),
      roles: [{ role: 'caseworker', unitId: fx.unitFor(where).id }],
    },
  }),
  'GET /api/admin/users/:id': async (h, fx, where) => ({ url: `/api/admin/users/${(await userAt(h, fx, where)).id}` }),
  'PATCH /api/admin/users/:id': async (h, fx, where) => ({
    url: `/api/admin/users/${(await userAt(h, fx, where)).id}`,
    payload: { displayName: 'Nytt Navn' },
  }),
  'POST /api/admin/users/:id/roles': async (h, fx, where) => ({
    url: `/api/admin/users/${(await userAt(h, fx, where)).id}/roles`,
    payload: { role: 'planner', unitId: fx.unitFor(where).id },
  }),
  'DELETE /api/admin/users/:id/roles/:assignmentId': async (h, fx, where) => {
    const user = await userAt(h, fx, where);
    const grant = await h.db.selectFrom('role_assignment').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    return { url: `/api/admin/users/${user.id}/roles/${grant.id}` };
  },
  'POST /api/admin/users/:id/password': async (h, fx, where) => ({
    url: `/api/admin/users/${(await userAt(h, fx, where)).id}/password`,
    payload: { password: strongPassword() },
  }),
  'POST /api/admin/users/:id/totp-reset': async (h, fx, where) => ({
    url: `/api/admin/users/${(await userAt(h, fx, where)).id}/totp-reset`,
    payload: {},
  }),
  'GET /api/admin/users/:id/sessions': async (h, fx, where) => ({ url: `/api/admin/users/${(await userAt(h, fx, where)).id}/sessions` }),
  'DELETE /api/admin/users/:id/sessions': async (h, fx, where) => ({ url: `/api/admin/users/${(await userAt(h, fx, where)).id}/sessions` }),
  'DELETE /api/admin/sessions/:id': async (h, fx, where) => {
    const session = await sessionFor(h, await userAt(h, fx, where));
    return { url: `/api/admin/sessions/${session.sessionId}` };
  },
  'GET /api/audit/events': async (h, fx) => {
    const resourceId = unique('ressurs');
    for (const where of ['in', 'out'] as const) {
      const actor = await userAt(h, fx, where);
      await recordAudit(h.db, { actorUserId: actor.id, requestId: null, ip: null }, { action: 'test.event', resourceType: where, resourceId });
    }
    return {
      url: `/api/audit/events?resourceId=${resourceId}`,
      listCheck: (body) => {
        const types = (body as { events: { resourceType: string }[] }).events.map((e) => e.resourceType);
        return types.includes('in') && !types.includes('out');
      },
    };
  },
  'GET /api/audit/verify': async () => ({ url: '/api/audit/verify' }),
  'GET /api/directory/vocabulary': async () => ({ url: '/api/directory/vocabulary', listCheck: () => true }),
  'GET /api/directory/organizations': async (h, fx) => {
    const inside = await buildDirOrganization(h.db, fx.districtFor('in'));
    const outside = await buildDirOrganization(h.db, fx.districtFor('out'));
    return {
      url: '/api/directory/organizations',
      listCheck: (body) => {
        const ids = (body as { organizations: { id: string }[] }).organizations.map((o) => o.id);
        return ids.includes(inside.id) && !ids.includes(outside.id);
      },
    };
  },
  'POST /api/directory/organizations': async (_h, fx, where) => ({
    url: '/api/directory/organizations',
    payload: { name: unique('Ny tilbyder'), stewardUnitId: fx.districtFor(where).id },
  }),
  'PUT /api/directory/organizations/:id': async (h, fx, where) => ({
    url: `/api/directory/organizations/${(await buildDirOrganization(h.db, fx.districtFor(where))).id}`,
    payload: { name: unique('Nytt navn'), stewardUnitId: fx.districtFor(where).id },
  }),
  'GET /api/directory/organizations/:id/locations': async (h, fx, where) => ({
    url: `/api/directory/organizations/${(await buildDirOrganization(h.db, fx.districtFor(where))).id}/locations`,
  }),
  'POST /api/directory/locations': async (h, fx, where) => ({
    url: '/api/directory/locations',
    payload: { organizationId: (await buildDirOrganization(h.db, fx.districtFor(where))).id, name: 'Kontoret' },
  }),
  'PUT /api/directory/locations/:id': async (h, fx, where) => {
    const org = await buildDirOrganization(h.db, fx.districtFor(where));
    const location = await h.db.insertInto('dir_location').values({ organization_id: org.id, name: 'Kontoret' }).returning('id').executeTakeFirstOrThrow();
    return { url: `/api/directory/locations/${location.id}`, payload: { organizationId: org.id, name: 'Nytt kontor' } };
  },
  'GET /api/directory/services': async (h, fx) => {
    const inside = await buildDirService(h.db, await buildDirOrganization(h.db, fx.districtFor('in')));
    const outside = await buildDirService(h.db, await buildDirOrganization(h.db, fx.districtFor('out')));
    return {
      url: '/api/directory/services',
      listCheck: (body) => {
        const ids = (body as { services: { id: string }[] }).services.map((s) => s.id);
        return ids.includes(inside.id) && !ids.includes(outside.id);
      },
    };
  },
  'POST /api/directory/services': async (h, fx, where) => ({
    url: '/api/directory/services',
    payload: {
      organizationId: (await buildDirOrganization(h.db, fx.districtFor(where))).id,
      name: unique('Ny tjeneste'),
      targetGroups: ['voksne'],
      categories: ['radgivning'],
      cityWide: true,
    },
  }),
  'GET /api/directory/services/:id': async (h, fx, where) => ({
    url: `/api/directory/services/${(await buildDirService(h.db, await buildDirOrganization(h.db, fx.districtFor(where)))).id}`,
  }),
  'PUT /api/directory/services/:id': async (h, fx, where) => {
    const org = await buildDirOrganization(h.db, fx.districtFor(where));
    const service = await buildDirService(h.db, org);
    return {
      url: `/api/directory/services/${service.id}`,
      payload: { organizationId: org.id, name: unique('Nytt navn'), targetGroups: ['voksne'], categories: ['radgivning'], cityWide: true },
    };
  },
  'POST /api/directory/services/:id/publish': async (h, fx, where) => ({
    url: `/api/directory/services/${(await buildDirService(h.db, await buildDirOrganization(h.db, fx.districtFor(where)))).id}/publish`,
    payload: {},
  }),
  'POST /api/directory/services/:id/unpublish': async (h, fx, where) => ({
    url: `/api/directory/services/${(await buildDirService(h.db, await buildDirOrganization(h.db, fx.districtFor(where)))).id}/unpublish`,
    payload: {},
  }),
  'POST /api/directory/services/:id/verify': async (h, fx, where) => ({
    url: `/api/directory/services/${(await buildDirService(h.db, await buildDirOrganization(h.db, fx.districtFor(where)))).id}/verify`,
    payload: {},
  }),
  'GET /api/directory/services/:id/history': async (h, fx, where) => ({
    url: `/api/directory/services/${(await buildDirService(h.db, await buildDirOrganization(h.db, fx.districtFor(where)))).id}/history`,
  }),
  'GET /hsds/': async () => ({ url: '/hsds/' }),
  'GET /hsds/services': async () => ({ url: '/hsds/services?per_page=5' }),
  'GET /hsds/services/:id': async (h, fx) => ({ url: `/hsds/services/${(await publishedDirService(h, fx.districtFor('out'))).id}` }),
  'GET /hsds/organizations': async () => ({ url: '/hsds/organizations?per_page=5' }),
  'GET /hsds/organizations/:id': async (h, fx) => ({ url: `/hsds/organizations/${(await publishedDirService(h, fx.districtFor('out'))).organizationId}` }),
  'GET /hsds/taxonomies': async () => ({ url: '/hsds/taxonomies' }),
  'GET /hsds/taxonomies/:id': async () => ({ url: `/hsds/taxonomies/${taxonomyId('rusfag-malgruppe')}` }),
  'GET /hsds/taxonomy_terms': async () => ({ url: '/hsds/taxonomy_terms' }),
  'GET /hsds/taxonomy_terms/:id': async () => ({ url: `/hsds/taxonomy_terms/${taxonomyTermId('rusfag-kategori', 'lavterskel')}` }),
  'GET /hsds/export': async () => ({ url: '/hsds/export' }),
  'POST /api/directory/imports': async (_h, fx, where) => ({
    url: '/api/directory/imports',
    payload: { format: 'hsds-json', content: smallHsdsFile(), stewardUnitId: fx.districtFor(where).id },
  }),
  'GET /api/directory/imports/:id': async (h, fx, where) => ({ url: `/api/directory/imports/${await previewedImport(h, fx.districtFor(where))}` }),
  'POST /api/directory/imports/:id/confirm': async (h, fx, where) => ({
    url: `/api/directory/imports/${await previewedImport(h, fx.districtFor(where))}/confirm`,
    payload: {},
  }),
  'GET /api/plans/todo': async () => ({ url: '/api/plans/todo' }),
  'GET /api/plans/:id/export': async (h, fx, where) => ({ url: `/api/plans/${(await buildPlan(h.db, { owner: fx.districtFor(where) })).id}/export?format=csv` }),
  'GET /api/plans/:id/reports': async (h, fx, where) => ({ url: `/api/plans/${(await buildPlan(h.db, { owner: fx.districtFor(where) })).id}/reports` }),
  'POST /api/plans/:id/reports': async (h, fx, where) => ({
    url: `/api/plans/${(await buildPlan(h.db, { owner: fx.districtFor(where) })).id}/reports`,
    payload: { periodLabel: '2025' },
  }),
  'GET /api/plans/:id/reports/:reportId': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    return { url: `/api/plans/${plan.id}/reports/${(await buildReport(h.db, plan)).id}` };
  },
  'POST /api/plans/:id/reports/:reportId/refresh': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    return { url: `/api/plans/${plan.id}/reports/${(await buildReport(h.db, plan)).id}/refresh`, payload: {} };
  },
  'POST /api/plans/:id/reports/:reportId/approve': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    return { url: `/api/plans/${plan.id}/reports/${(await buildReport(h.db, plan)).id}/approve`, payload: {} };
  },
  'POST /api/plans/:id/reports/:reportId/publish': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    return { url: `/api/plans/${plan.id}/reports/${(await buildReport(h.db, plan, { state: 'approved' })).id}/publish`, payload: { published: true } };
  },
  'GET /api/plans/:id/reports/:reportId/export': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    return { url: `/api/plans/${plan.id}/reports/${(await buildReport(h.db, plan)).id}/export?format=xlsx` };
  },
  'POST /api/plans/:id/import/status-table': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    await buildMeasureChain(h.db, plan, fx.unitFor(where));
    return { url: `/api/plans/${plan.id}/import/status-table`, payload: { text: '1 Bydelens tiltak\tTekst\tKontinuerlig\tIverksatt\tI drift' } };
  },
  'POST /api/plans/:id/import/sheet': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    return {
      url: `/api/plans/${plan.id}/import/sheet`,
      payload: { format: 'csv', content: 'Nivå;Nivånavn;Kode;Tittel;Beskrivelse;Ansvarlige enheter;Samarbeidspartnere;Målgrupper;Frist;Status;Merknader\r\n1;Mål;;Et mål;;;;;;;' },
    };
  },
  'GET /api/public/plans': async () => ({ url: '/api/public/plans' }),
  'GET /api/public/plans/:id': async (h, fx) => ({ url: `/api/public/plans/${(await buildPlan(h.db, { owner: fx.districtFor('out'), published: true })).id}` }),
  'GET /api/public/plans/:id/reports/:reportId/export': async (h, fx) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor('out'), published: true });
    return { url: `/api/public/plans/${plan.id}/reports/${(await buildReport(h.db, plan, { state: 'approved', published: true })).id}/export?format=pdf` };
  },
  'GET /api/plans': async (h, fx) => {
    const inside = await buildPlan(h.db, { owner: fx.districtFor('in') });
    const outside = await buildPlan(h.db, { owner: fx.districtFor('out') });
    return {
      url: '/api/plans',
      listCheck: (body) => {
        const ids = (body as { plans: { id: string }[] }).plans.map((p) => p.id);
        return ids.includes(inside.id) && !ids.includes(outside.id);
      },
    };
  },
  'POST /api/plans': async (_h, fx, where) => ({
    url: '/api/plans',
    payload: { ownerUnitId: fx.districtFor(where).id, title: unique('Plan'), startYear: 2025, endYear: 2028 },
  }),
  'GET /api/plans/:id': async (h, fx, where) => ({ url: `/api/plans/${(await buildPlan(h.db, { owner: fx.districtFor(where) })).id}` }),
  'PATCH /api/plans/:id': async (h, fx, where) => ({
    url: `/api/plans/${(await buildPlan(h.db, { owner: fx.districtFor(where) })).id}`,
    payload: { title: unique('Ny tittel') },
  }),
  'POST /api/plans/:id/state': async (h, fx, where) => ({
    url: `/api/plans/${(await buildPlan(h.db, { owner: fx.districtFor(where), state: 'draft' })).id}/state`,
    payload: { state: 'adopted', adoptedOn: '2025-01-15' },
  }),
  'POST /api/plans/:id/publish': async (h, fx, where) => ({
    url: `/api/plans/${(await buildPlan(h.db, { owner: fx.districtFor(where) })).id}/publish`,
    payload: { published: true },
  }),
  'GET /api/plans/:id/items': async (h, fx, where) => ({ url: `/api/plans/${(await buildPlan(h.db, { owner: fx.districtFor(where) })).id}/items` }),
  'POST /api/plans/:id/items': async (h, fx, where) => ({
    url: `/api/plans/${(await buildPlan(h.db, { owner: fx.districtFor(where) })).id}/items`,
    payload: { parentId: null, title: 'Nytt mål' },
  }),
  'PATCH /api/plans/:id/items/:itemId': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    const item = await buildPlanItem(h.db, plan);
    return { url: `/api/plans/${plan.id}/items/${item.id}`, payload: { title: 'Nytt navn' } };
  },
  'DELETE /api/plans/:id/items/:itemId': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    const item = await buildPlanItem(h.db, plan);
    return { url: `/api/plans/${plan.id}/items/${item.id}` };
  },
  'POST /api/plans/:id/items/:itemId/move': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    await buildPlanItem(h.db, plan);
    const second = await buildPlanItem(h.db, plan);
    return { url: `/api/plans/${plan.id}/items/${second.id}/move`, payload: { parentId: null, position: 0 } };
  },
  'GET /api/plans/:id/items/:itemId/statuses': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    const { measure } = await buildMeasureChain(h.db, plan, fx.unitFor(where));
    return { url: `/api/plans/${plan.id}/items/${measure.id}/statuses` };
  },
  'POST /api/plans/:id/items/:itemId/statuses': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    const { measure } = await buildMeasureChain(h.db, plan, fx.unitFor(where));
    return { url: `/api/plans/${plan.id}/items/${measure.id}/statuses`, payload: { status: 'delvis_iverksatt', remark: 'I gang' } };
  },
  'POST /api/plans/:id/statuses': async (h, fx, where) => {
    const plan = await buildPlan(h.db, { owner: fx.districtFor(where) });
    const { measure } = await buildMeasureChain(h.db, plan, fx.unitFor(where));
    return { url: `/api/plans/${plan.id}/statuses`, payload: { updates: [{ itemId: measure.id, status: 'iverksatt', remark: '' }] } };
  },
};

/** A published directory service (the public HSDS API reads only the published snapshot). */
async function publishedDirService(h: Harness, steward: { id: string; path: string; depth: number; name: string; kind: 'district' }) {
  const organization = await buildDirOrganization(h.db, steward);
  const service = await buildDirService(h.db, organization);
  const now = new Date();
  await h.db.updateTable('dir_service').set({ publication_state: 'published', published_at: now }).where('id', '=', service.id).execute();
  await writePublicSnapshot(h.db, service.id, now);
  return { id: service.id, organizationId: organization.id };
}

/** A one-service HSDS 3.0 file with fresh ids and names. */
function smallHsdsFile(): string {
  const id = () => crypto.randomUUID();
  return JSON.stringify({ services: [{ id: id(), name: unique('Importert tjeneste'), status: 'active', organization: { id: id(), name: unique('Importert org'), description: '' } }] });
}

/** An import waiting for confirmation, stewarded by `steward`. */
async function previewedImport(h: Harness, steward: { id: string }): Promise<string> {
  const row = await h.db
    .insertInto('dir_import')
    .values({ format: 'hsds-json', state: 'preview', steward_unit_id: steward.id, content: smallHsdsFile(), report: JSON.stringify({}) as never })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const methodOf = (route: string) => route.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

describeEachEngine('policy matrix (docs/policy-matrix.md)', (get) => {
  const rows = readMatrix();

  it('lists every route the server has, and no route it does not have', () => {
    const served = get()
      .app.rusfag.routes.map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(rows.map((r) => r.route).sort()).toEqual(served);
    expect(Object.keys(builders).sort()).toEqual(served);
  });

  async function setupFixture(h: Harness): Promise<Fixture> {
    const tree = await buildOrgTree(h.db);
    return {
      tree,
      unitFor: (where) => ({ ...(where === 'in' ? tree.unitA : tree.unitB), kind: 'unit' as const }),
      districtFor: (where) => ({ ...(where === 'in' ? tree.districtA : tree.districtB), kind: 'district' as const }),
    };
  }

  /** A password-only session (TOTP still owed) for a user with this role. */
  async function pendingSessionFor(h: Harness, userId: string): Promise<TestSession> {
    const input: NewSession = { userId, loginComplete: false, mfa: false, lifetimeSeconds: 600, ip: null, userAgent: null };
    const created = await createSession(h.db, input);
    const cookie = `rusfag_session=${created.token}`;
    const csrf = csrfTokenFor(h.config.sessionSecret, created.token);
    return { cookie, csrf, sessionId: created.id, headers: { cookie, 'x-csrf-token': csrf } };
  }

  async function anonymousHeaders(h: Harness): Promise<Record<string, string>> {
    const res = await h.app.inject({ method: 'GET', url: '/api/auth/csrf' });
    const cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
    return { cookie, 'x-csrf-token': res.json().csrfToken };
  }

  for (const row of rows) {
    it(`${row.route}`, async () => {
      const h = get();
      const fx = await setupFixture(h);
      const builder = builders[row.route]!;
      const method = methodOf(row.route);
      const failures: string[] = [];
      const check = (label: string, ok: boolean, status: number, body: string) => {
        if (!ok) failures.push(`${label}: got ${status} ${body.slice(0, 160)}`);
      };

      // Anonymous caller.
      {
        const call = await builder(h, fx, 'in', { id: '' });
        const res = await h.app.inject({ method, url: call.url, headers: await anonymousHeaders(h), ...(call.payload ? { payload: call.payload } : {}) });
        if (row.anonymous === '401') check('anonym', res.statusCode === 401, res.statusCode, res.body);
        else check('anonym', res.statusCode < 300, res.statusCode, res.body);
      }

      for (const role of ROLES) {
        const cell = row.roles[role];
        for (const where of ['in', 'out'] as const) {
          if ((cell === 'offentlig' || cell === 'innlogging') && where === 'out') continue;
          // The actor holds exactly this role, at district A: unit A is inside, unit B outside.
          const actor = await buildUser(h.db, { home: fx.tree.districtA, roles: [{ role, unit: fx.tree.districtA }] });
          const session = cell === 'innlogging' ? await pendingSessionFor(h, actor.id) : await sessionFor(h, actor);
          const call = await builder(h, fx, where, actor);
          const res = await h.app.inject({ method, url: call.url, headers: session.headers, ...(call.payload ? { payload: call.payload } : {}) });
          const label = `${role} ${where === 'in' ? 'innenfor' : 'utenfor'} (${cell})`;
          const success = res.statusCode >= 200 && res.statusCode < 300;
          switch (cell) {
            case 'offentlig':
              check(label, success, res.statusCode, res.body);
              break;
            case 'innlogging':
              // The step itself may refuse the code; what matters is that a password-only session reaches it.
              check(label, res.statusCode !== 401 && res.statusCode !== 403, res.statusCode, res.body);
              break;
            case 'alle':
              check(label, success && (!call.listCheck || where === 'out' || call.listCheck(res.json())), res.statusCode, res.body);
              break;
            case 'område':
              if (call.listCheck) check(label, success && call.listCheck(res.json()), res.statusCode, res.body);
              else check(label, where === 'in' ? success : res.statusCode === 404, res.statusCode, res.body);
              break;
            case '–':
              check(label, res.statusCode === 403, res.statusCode, res.body);
              break;
            case '401':
              failures.push(`${label}: '401' is only valid in the anonymous column`);
              break;
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('writes every refusal to the audit log', async () => {
    const h = get();
    const fx = await setupFixture(h);
    const actor = await buildUser(h.db, { home: fx.tree.districtA, roles: [{ role: 'caseworker', unit: fx.tree.districtA }] });
    const session = await sessionFor(h, actor);
    const res = await h.app.inject({ method: 'GET', url: '/api/admin/users', headers: session.headers });
    expect(res.statusCode).toBe(403);
    const event = await h.db
      .selectFrom('audit_event')
      .select(['action', 'outcome', 'details'])
      .where('actor_user_id', '=', actor.id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'user.list', outcome: 'denied', details: { route: '/api/admin/users', status: 403 } });
  });
});
