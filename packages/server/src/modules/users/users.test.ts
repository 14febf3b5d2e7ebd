import { ROLES, userActions, type Role } from '@rusfag/core';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createSession } from '../../platform/sessions.js';
import { currentTotpCode } from '../../platform/totp.js';
import { apiAs, auditEventsFor, browser, type Answer } from '../../test/api.js';
import { buildOrgTree, buildUnit, buildUser, sessionFor, unique, type TestSession, type TestUser, type UnitRef } from '../../test/factories.js';
import { describeEachEngine, type Harness } from '../../test/harness.js';

/**
 * The user administration API, seen by an administrator whose role is held at one district.
 * Who may call which route at all is checked by the policy matrix; these tests cover what the
 * routes do: validation, scope of units named in a request, listing, sessions and the audit trail.
 */

const strongPassword = () => `${unique('et nytt og langt passord')} med flere ord`;
const EN = { 'accept-language': 'en' };

async function sessionRow(h: Harness, sessionId: string) {
  return h.db.selectFrom('user_session').select(['revoked_at', 'revoked_reason']).where('id', '=', sessionId).executeTakeFirstOrThrow();
}

async function meStatus(h: Harness, session: TestSession) {
  return (await h.app.inject({ method: 'GET', url: '/api/me', headers: session.headers })).statusCode;
}

describeEachEngine('admin users API', (get) => {
  /** A fresh city, and an administrator whose admin role is held at district A (home unit there too). */
  async function setup() {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const admin = await buildUser(h.db, { home: tree.districtA, roles: [{ role: 'admin', unit: tree.districtA }] });
    const session = await sessionFor(h, admin);
    return { h, tree, admin, session, api: apiAs(h, session) };
  }

  async function userWithDisplayName(h: Harness, home: UnitRef, displayName: string, options: { roles?: { role: Role; unit: UnitRef }[]; active?: boolean } = {}) {
    const user = await buildUser(h.db, { home, ...options });
    await h.db.updateTable('app_user').set({ display_name: displayName }).where('id', '=', user.id).execute();
    return user;
  }

  function newUserBody(home: UnitRef, overrides: Record<string, unknown> = {}) {
    return {
      username: unique('ny.bruker').toLowerCase(),
      displayName: 'Kari Nordmann',
      email: 'kari.nordmann@example.org',
      homeUnitId: home.id,
      password: strongPassword(),
      roles: [],
      ...overrides,
    };
  }

  // ---------------------------------------------------------------- create: bad input

  it.each<{ name: string; body: (home: UnitRef) => object; details: { path: string; message: string }[] }>([
    {
      name: 'a username with a space',
      body: (home) => newUserBody(home, { username: 'Kari Nordmann' }),
      details: [{ path: 'username', message: 'The username may only contain lowercase letters a–z, digits, dot, hyphen and underscore.' }],
    },
    {
      name: 'a username with letters outside a–z',
      body: (home) => newUserBody(home, { username: 'kåre.nordmann' }),
      details: [{ path: 'username', message: 'The username may only contain lowercase letters a–z, digits, dot, hyphen and underscore.' }],
    },
    {
      name: 'a username that is too short',
      body: (home) => newUserBody(home, { username: 'ab' }),
      details: [{ path: 'username', message: 'Must have at least 3 characters.' }],
    },
    {
      name: 'a missing display name',
      body: (home) => {
        const { displayName: _omitted, ...rest } = newUserBody(home);
        return rest;
      },
      details: [{ path: 'displayName', message: 'This field is required.' }],
    },
    {
      name: 'an invalid e-mail address',
      body: (home) => newUserBody(home, { email: 'kari.example.org' }),
      details: [{ path: 'email', message: 'Invalid e-mail address.' }],
    },
    {
      name: 'an unknown role name',
      body: (home) => newUserBody(home, { roles: [{ role: 'superuser', unitId: home.id }] }),
      details: [{ path: 'roles.0.role', message: `Invalid value. Allowed: ${ROLES.join(', ')}.` }],
    },
    {
      name: 'a home unit id that is not a uuid',
      body: (home) => newUserBody(home, { homeUnitId: 'bydel-alna' }),
      details: [{ path: 'homeUnitId', message: 'Invalid id.' }],
    },
    {
      name: 'a role unit id that is not a uuid',
      body: (home) => newUserBody(home, { roles: [{ role: 'analyst', unitId: home.id }, { role: 'analyst', unitId: '123' }] }),
      details: [{ path: 'roles.1.unitId', message: 'Invalid id.' }],
    },
    {
      name: 'a password of 11 characters',
      body: (home) => newUserBody(home, { password: 'elleve tegn' }),
      details: [{ path: 'password', message: 'The password must have at least 12 characters.' }],
    },
    {
      name: 'a common password, in any case',
      body: (home) => newUserBody(home, { password: 'Velkommen1234' }),
      details: [{ path: 'password', message: 'The password is too common. Choose a longer sentence or something less predictable.' }],
    },
    {
      name: 'a password that contains the username',
      body: (home) => newUserBody(home, { username: 'kari.nordmann', password: 'hei jeg er KARI.NORDMANN!' }),
      details: [{ path: 'password', message: 'The password cannot contain the username.' }],
    },
  ])('refuses $name with 400, the field path and an English message', async ({ body, details }) => {
    const { h, tree, api } = await setup();
    const payload = body(tree.unitA);
    const res = await api.post('/api/admin/users', payload, EN);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toBe('Some fields are not filled in correctly.');
    expect(res.body.error.details).toEqual(details);
    const written = await h.db.selectFrom('app_user').select('id').where('home_unit_id', '=', tree.unitA.id).execute();
    expect(written).toEqual([]);
  });

  it('explains a too short password in Norwegian by default', async () => {
    const { tree, api } = await setup();
    const res = await api.post('/api/admin/users', newUserBody(tree.unitA, { password: 'elleve tegn' }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Noen av feltene er ikke fylt ut riktig.');
    expect(res.body.error.details).toEqual([{ path: 'password', message: 'Passordet må ha minst 12 tegn.' }]);
  });

  // ---------------------------------------------------------------- create: success and refusals

  it('creates a user who can log in and holds exactly the given roles', async () => {
    const { h, tree, admin, api } = await setup();
    const body = newUserBody(tree.unitA, {
      roles: [
        { role: 'analyst', unitId: tree.unitA.id },
        { role: 'planner', unitId: tree.districtA.id },
      ],
    });
    const res = await api.post('/api/admin/users', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: body.username,
      displayName: 'Kari Nordmann',
      email: 'kari.nordmann@example.org',
      homeUnitId: tree.unitA.id,
      homeUnitName: tree.unitA.name,
      active: true,
      totpEnrolled: false,
      lastLoginAt: null,
    });
    expect(res.body.actions).toEqual([...userActions]);
    const granted = (res.body.roles as { role: string; unitId: string }[]).map((r) => `${r.role}@${r.unitId}`).sort();
    expect(granted).toEqual([`analyst@${tree.unitA.id}`, `planner@${tree.districtA.id}`].sort());

    const rows = await h.db.selectFrom('role_assignment').select(['role', 'unit_id', 'granted_by']).where('user_id', '=', res.body.id).execute();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.granted_by === admin.id)).toBe(true);

    // Neither role needs a second factor, so the password alone opens the session.
    const b = browser(h);
    const login = await b.login(body.username, body.password);
    expect(login.status).toBe(200);
    expect(login.body.step).toBe('done');
    const me = await b.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(res.body.id);
    expect(me.body.roles.map((r: { role: string; unitId: string }) => `${r.role}@${r.unitId}`).sort()).toEqual(granted);
    expect(me.body.permissions).not.toContain('user.list');
  });

  it('stores the username trimmed and in lower case, and the user logs in with it', async () => {
    const { h, tree, api } = await setup();
    const base = unique('Ola.Nordmann');
    const body = newUserBody(tree.unitA, { username: `  ${base}  `, roles: [{ role: 'analyst', unitId: tree.unitA.id }] });
    const res = await api.post('/api/admin/users', body);
    expect(res.status).toBe(201);
    expect(res.body.username).toBe(base.toLowerCase());
    expect((await browser(h).login(base.toLowerCase(), body.password)).body.step).toBe('done');
  });

  it('sends a new caseworker to TOTP enrolment at the first login', async () => {
    const { h, tree, api } = await setup();
    const body = newUserBody(tree.unitA, { roles: [{ role: 'caseworker', unitId: tree.unitA.id }] });
    expect((await api.post('/api/admin/users', body)).status).toBe(201);
    const login = await browser(h).login(body.username, body.password);
    expect(login.status).toBe(200);
    expect(login.body.step).toBe('totp_enrolment');
  });

  it('grants a role repeated in the request once', async () => {
    const { tree, api } = await setup();
    const grant = { role: 'analyst', unitId: tree.unitA.id };
    const res = await api.post('/api/admin/users', newUserBody(tree.unitA, { roles: [grant, grant] }));
    expect(res.status).toBe(201);
    expect(res.body.roles).toHaveLength(1);
  });

  it('answers 409 with path username for a taken username, also written in capitals', async () => {
    const { h, tree, api } = await setup();
    const existing = await buildUser(h.db, { home: tree.unitA });
    const res = await api.post('/api/admin/users', newUserBody(tree.unitA, { username: existing.username.toUpperCase() }), EN);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([{ path: 'username', message: 'The username is already taken.' }]);
    const count = await h.db.selectFrom('app_user').select(sql<number>`count(*)::int`.as('n')).where('username', '=', existing.username).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('answers 404 with path homeUnitId for a home unit outside the admin subtree, and for one that is missing', async () => {
    const { tree, api } = await setup();
    for (const unitId of [tree.unitB.id, tree.city.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await api.post('/api/admin/users', newUserBody(tree.unitA, { homeUnitId: unitId }), EN);
      expect(res.status).toBe(404);
      expect(res.body.error.details).toEqual([{ path: 'homeUnitId', message: 'Unit not found.' }]);
    }
  });

  it('answers 404 for a home unit that has been deactivated', async () => {
    const { h, tree, api } = await setup();
    const closed = await buildUnit(h.db, { parent: tree.districtA });
    await h.db.updateTable('org_unit').set({ active: false }).where('id', '=', closed.id).execute();
    const res = await api.post('/api/admin/users', newUserBody(closed));
    expect(res.status).toBe(404);
    expect(res.body.error.details[0].path).toBe('homeUnitId');
  });

  it('answers 404 with the role path for a role unit outside the subtree, and writes nothing', async () => {
    const { h, tree, api } = await setup();
    const body = newUserBody(tree.unitA, {
      roles: [
        { role: 'analyst', unitId: tree.unitA.id },
        { role: 'caseworker', unitId: tree.unitB.id },
      ],
    });
    const res = await api.post('/api/admin/users', body, EN);
    expect(res.status).toBe(404);
    expect(res.body.error.details).toEqual([{ path: 'roles.1.unitId', message: 'Unit not found.' }]);
    expect(await h.db.selectFrom('app_user').select('id').where('username', '=', body.username).execute()).toEqual([]);
    const events = await h.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'user.create')
      .where(sql<boolean>`details::text like ${`%${tree.unitB.id}%`}`)
      .execute();
    expect(events).toEqual([]);
  });

  it('writes a user.create audit event naming the admin and the new user', async () => {
    const { h, tree, admin, api } = await setup();
    const res = await api.post('/api/admin/users', newUserBody(tree.unitA, { roles: [{ role: 'analyst', unitId: tree.unitA.id }] }));
    const events = await auditEventsFor(h, res.body.id);
    expect(events).toEqual([
      expect.objectContaining({ actor_user_id: admin.id, action: 'user.create', outcome: 'success', resource_type: 'user', resource_id: res.body.id }),
    ]);
    expect(events[0]!.details).toEqual({ roles: [{ role: 'analyst', unitId: tree.unitA.id }] });
  });

  // ---------------------------------------------------------------- list

  it('searches username and display name case-insensitively, with æøå too', async () => {
    const { h, tree, api } = await setup();
    const tag = unique('sok').toLowerCase();
    const byName = await userWithDisplayName(h, tree.unitA, `Kari ØSTBY ${tag}`);
    const byUsername = await buildUser(h.db, { home: tree.unitA, username: `${tag}.ola` });
    await userWithDisplayName(h, tree.unitA, 'Per Hansen');

    const both = await api.get(`/api/admin/users?q=${encodeURIComponent(tag.toUpperCase())}`);
    expect(both.status).toBe(200);
    expect(both.body.users.map((u: { id: string }) => u.id).sort()).toEqual([byName.id, byUsername.id].sort());
    expect(both.body.total).toBe(2);

    const nordic = await api.get(`/api/admin/users?q=${encodeURIComponent(`østby ${tag}`)}`);
    expect(nordic.body.users.map((u: { id: string }) => u.id)).toEqual([byName.id]);
  });

  it('treats % and _ in the search as plain characters', async () => {
    const { h, tree, api } = await setup();
    const percent = await userWithDisplayName(h, tree.unitA, '100% Hansen');
    const underscore = await userWithDisplayName(h, tree.unitA, 'Ola_Nordmann');
    await userWithDisplayName(h, tree.unitA, 'Ola Nordmann');
    expect((await api.get('/api/admin/users?q=%25')).body.users.map((u: { id: string }) => u.id)).toEqual([percent.id]);
    expect((await api.get('/api/admin/users?q=a_n')).body.users.map((u: { id: string }) => u.id)).toEqual([underscore.id]);
  });

  it('filters by role, by unit (its whole subtree) and by active status', async () => {
    const { h, tree, admin, api } = await setup();
    const team = await buildUnit(h.db, { parent: tree.unitA, kind: 'unit' });
    const caseworker = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'caseworker', unit: tree.unitA }] });
    const nested = await buildUser(h.db, { home: team, roles: [{ role: 'analyst', unit: team }] });
    const inactive = await buildUser(h.db, { home: tree.districtA, active: false });
    const ids = (res: Answer) => (res.body.users as { id: string }[]).map((u) => u.id).sort();

    expect(ids(await api.get('/api/admin/users?role=caseworker'))).toEqual([caseworker.id]);
    expect(ids(await api.get('/api/admin/users?role=admin'))).toEqual([admin.id]);
    expect(ids(await api.get(`/api/admin/users?unitId=${tree.unitA.id}`))).toEqual([caseworker.id, nested.id].sort());
    expect(ids(await api.get(`/api/admin/users?unitId=${team.id}`))).toEqual([nested.id]);
    expect(ids(await api.get('/api/admin/users?active=false'))).toEqual([inactive.id]);
    expect(ids(await api.get('/api/admin/users?active=true'))).toEqual([admin.id, caseworker.id, nested.id].sort());
    const combined = await api.get(`/api/admin/users?unitId=${tree.unitA.id}&role=analyst`);
    expect(ids(combined)).toEqual([nested.id]);
    expect(combined.body.total).toBe(1);
  });

  it('pages with limit and offset, ordered by display name, with the total of all matches', async () => {
    const { h, tree, api } = await setup();
    const tag = unique('side').toLowerCase();
    const users: TestUser[] = [];
    for (const n of [3, 1, 5, 2, 4]) users[n - 1] = await userWithDisplayName(h, tree.unitA, `${tag} ${n}`);
    const page = (limit: number, offset: number) => api.get(`/api/admin/users?q=${tag}&limit=${limit}&offset=${offset}`);
    const first = await page(2, 0);
    expect(first.body.total).toBe(5);
    expect(first.body.users.map((u: { id: string }) => u.id)).toEqual([users[0]!.id, users[1]!.id]);
    expect((await page(2, 2)).body.users.map((u: { id: string }) => u.id)).toEqual([users[2]!.id, users[3]!.id]);
    const last = await page(2, 4);
    expect(last.body.users.map((u: { id: string }) => u.id)).toEqual([users[4]!.id]);
    expect(last.body.total).toBe(5);
    const beyond = await page(2, 10);
    expect(beyond.body).toEqual({ users: [], total: 5 });
  });

  it('refuses a bad list query with the field path', async () => {
    const { api } = await setup();
    const res = await api.get('/api/admin/users?limit=0&unitId=nope&role=king', EN);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['limit', 'role', 'unitId']);
  });

  it('never lists a user whose home unit is outside the admin subtree', async () => {
    const { h, tree, admin, api } = await setup();
    const tag = unique('grense').toLowerCase();
    const inside = await userWithDisplayName(h, tree.unitA, `${tag} inne`);
    await userWithDisplayName(h, tree.unitB, `${tag} ute B`);
    await userWithDisplayName(h, tree.city, `${tag} ute kommune`);
    await userWithDisplayName(h, tree.agency, `${tag} ute etat`, { roles: [{ role: 'caseworker', unit: tree.unitA }] });

    const searched = await api.get(`/api/admin/users?q=${tag}`);
    expect(searched.body.users.map((u: { id: string }) => u.id)).toEqual([inside.id]);
    expect(searched.body.total).toBe(1);
    const all = await api.get('/api/admin/users?limit=200');
    expect(all.body.users.map((u: { id: string }) => u.id).sort()).toEqual([admin.id, inside.id].sort());
    expect(all.body.total).toBe(2);
    const otherUnit = await api.get(`/api/admin/users?unitId=${tree.districtB.id}`);
    expect(otherUnit.body).toEqual({ users: [], total: 0 });
  });

  it('lists the users of every subtree where the admin role is held, and only those', async () => {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const admin = await buildUser(h.db, {
      home: tree.districtA,
      roles: [
        { role: 'admin', unit: tree.districtA },
        { role: 'admin', unit: tree.unitB },
        { role: 'caseworker', unit: tree.districtB },
      ],
    });
    const api = apiAs(h, await sessionFor(h, admin));
    const inUnitB = await buildUser(h.db, { home: tree.unitB });
    await buildUser(h.db, { home: tree.districtB });
    const res = await api.get('/api/admin/users');
    expect(res.body.users.map((u: { id: string }) => u.id).sort()).toEqual([admin.id, inUnitB.id].sort());
  });

  it('sends each listed user with the actions the admin may take', async () => {
    const { h, tree, api } = await setup();
    await buildUser(h.db, { home: tree.unitA });
    const res = await api.get('/api/admin/users');
    expect(res.body.users.length).toBeGreaterThan(0);
    for (const user of res.body.users) expect(user.actions).toEqual([...userActions]);
  });

  // ---------------------------------------------------------------- update

  it('changes display name and e-mail, clears the e-mail with null, and audits each change', async () => {
    const { h, tree, admin, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA });
    const renamed = await api.patch(`/api/admin/users/${user.id}`, { displayName: '  Kari Nordmann  ', email: 'kari@example.org' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ displayName: 'Kari Nordmann', email: 'kari@example.org' });
    const cleared = await api.patch(`/api/admin/users/${user.id}`, { email: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ displayName: 'Kari Nordmann', email: null });
    const row = await h.db.selectFrom('app_user').select(['display_name', 'email']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ display_name: 'Kari Nordmann', email: null });
    const events = await auditEventsFor(h, user.id);
    expect(events.map((e) => [e.actor_user_id, e.action])).toEqual([
      [admin.id, 'user.update'],
      [admin.id, 'user.update'],
    ]);
    expect((events[0]!.details as { fields: string[] }).fields.sort()).toEqual(['displayName', 'email']);
    expect((events[1]!.details as { fields: string[] }).fields).toEqual(['email']);
  });

  it('moves the home unit within the subtree, and refuses a move out of it with 404 on homeUnitId', async () => {
    const { h, tree, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA });
    const moved = await api.patch(`/api/admin/users/${user.id}`, { homeUnitId: tree.districtA.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ homeUnitId: tree.districtA.id, homeUnitName: tree.districtA.name });
    const out = await api.patch(`/api/admin/users/${user.id}`, { homeUnitId: tree.unitB.id }, EN);
    expect(out.status).toBe(404);
    expect(out.body.error.details).toEqual([{ path: 'homeUnitId', message: 'Unit not found.' }]);
    const row = await h.db.selectFrom('app_user').select('home_unit_id').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.home_unit_id).toBe(tree.districtA.id);
  });

  it('refuses an empty update with 400', async () => {
    const { h, tree, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA });
    for (const payload of [{}, { nickname: 'kari' }]) {
      const res = await api.patch(`/api/admin/users/${user.id}`, payload, EN);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ path: 'body', message: 'No changes were sent.' }]);
    }
  });

  it('refuses a malformed user id with the path id', async () => {
    const { api } = await setup();
    const res = await api.get('/api/admin/users/not-a-uuid', EN);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'id', message: 'Invalid id.' }]);
  });

  it('deactivating a user ends their sessions for good and stops their login', async () => {
    const { h, tree, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'analyst', unit: tree.unitA }], totp: false });
    const s1 = await sessionFor(h, user);
    const s2 = await sessionFor(h, user);
    expect(await meStatus(h, s1)).toBe(200);

    const res = await api.patch(`/api/admin/users/${user.id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect(await meStatus(h, s1)).toBe(401);
    expect(await meStatus(h, s2)).toBe(401);
    expect((await sessionRow(h, s1.sessionId)).revoked_reason).toBe('user_disabled');
    const login = await browser(h).login(user.username, user.password);
    expect(login.status).toBe(401);
    expect(login.body.error.code).toBe('invalid_credentials');
    const [event] = await auditEventsFor(h, user.id);
    expect(event).toMatchObject({ action: 'user.update', details: { fields: ['active'], revokedSessions: 2 } });

    // Taking the user back in opens a new login, but the old sessions stay ended.
    expect((await api.patch(`/api/admin/users/${user.id}`, { active: true })).status).toBe(200);
    expect(await meStatus(h, s1)).toBe(401);
    expect((await browser(h).login(user.username, user.password)).body.step).toBe('done');
  });

  it('does not let an admin deactivate themself', async () => {
    const { h, admin, session, api } = await setup();
    const res = await api.patch(`/api/admin/users/${admin.id}`, { active: false }, EN);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('cannot_change_self');
    expect(res.body.error.message).toBe('You cannot remove your own administrator access or deactivate yourself.');
    const row = await h.db.selectFrom('app_user').select('active').where('id', '=', admin.id).executeTakeFirstOrThrow();
    expect(row.active).toBe(true);
    expect(await meStatus(h, session)).toBe(200);
  });

  // ---------------------------------------------------------------- roles

  it('assigns a role in the subtree, audits it, and refuses the same role twice with 409', async () => {
    const { h, tree, admin, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA });
    const res = await api.post(`/api/admin/users/${user.id}/roles`, { role: 'caseworker', unitId: tree.unitA.id });
    expect(res.status).toBe(201);
    expect(res.body.roles).toEqual([expect.objectContaining({ role: 'caseworker', unitId: tree.unitA.id, unitName: tree.unitA.name })]);
    const again = await api.post(`/api/admin/users/${user.id}/roles`, { role: 'caseworker', unitId: tree.unitA.id }, EN);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('role_already_assigned');
    const events = await auditEventsFor(h, user.id);
    expect(events).toEqual([expect.objectContaining({ actor_user_id: admin.id, action: 'user.assignRole', resource_id: user.id })]);
    expect(events[0]!.details).toEqual({ assignmentId: res.body.roles[0].id, role: 'caseworker', unitId: tree.unitA.id });
  });

  it('refuses to assign a role at a unit outside the subtree with 404 on unitId', async () => {
    const { h, tree, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA });
    const res = await api.post(`/api/admin/users/${user.id}/roles`, { role: 'caseworker', unitId: tree.unitB.id });
    expect(res.status).toBe(404);
    expect(res.body.error.details[0].path).toBe('unitId');
    expect(await h.db.selectFrom('role_assignment').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
  });

  it('revokes a role held in the subtree and audits it', async () => {
    const { h, tree, admin, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'caseworker', unit: tree.unitA }, { role: 'analyst', unit: tree.unitA }] });
    const listed = await api.get(`/api/admin/users/${user.id}`);
    const caseworker = listed.body.roles.find((r: { role: string }) => r.role === 'caseworker');
    const res = await api.del(`/api/admin/users/${user.id}/roles/${caseworker.id}`);
    expect(res.status).toBe(200);
    expect(res.body.roles.map((r: { role: string }) => r.role)).toEqual(['analyst']);
    const [event] = await auditEventsFor(h, user.id);
    expect(event).toMatchObject({ actor_user_id: admin.id, action: 'user.revokeRole', details: { assignmentId: caseworker.id, role: 'caseworker' } });
  });

  it('answers 404 when revoking a role held outside the subtree, and keeps the role', async () => {
    const { h, tree, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'caseworker', unit: tree.unitB }] });
    const assignment = await h.db.selectFrom('role_assignment').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const res = await api.del(`/api/admin/users/${user.id}/roles/${assignment.id}`);
    expect(res.status).toBe(404);
    expect(await h.db.selectFrom('role_assignment').select('id').where('id', '=', assignment.id).execute()).toHaveLength(1);
  });

  it('answers 404 for an assignment id that belongs to another user', async () => {
    const { h, tree, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA });
    const other = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'analyst', unit: tree.unitA }] });
    const assignment = await h.db.selectFrom('role_assignment').select('id').where('user_id', '=', other.id).executeTakeFirstOrThrow();
    expect((await api.del(`/api/admin/users/${user.id}/roles/${assignment.id}`)).status).toBe(404);
    expect(await h.db.selectFrom('role_assignment').select('id').where('id', '=', assignment.id).execute()).toHaveLength(1);
  });

  it('does not let an admin remove their own admin role, but other roles of their own', async () => {
    const { h, tree, admin, session, api } = await setup();
    expect((await api.post(`/api/admin/users/${admin.id}/roles`, { role: 'analyst', unitId: tree.unitA.id })).status).toBe(201);
    const roles = (await api.get(`/api/admin/users/${admin.id}`)).body.roles as { id: string; role: string }[];
    const adminRole = roles.find((r) => r.role === 'admin')!;
    const analystRole = roles.find((r) => r.role === 'analyst')!;
    const refused = await api.del(`/api/admin/users/${admin.id}/roles/${adminRole.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('cannot_change_self');
    expect((await api.del(`/api/admin/users/${admin.id}/roles/${analystRole.id}`)).status).toBe(200);
    const left = await h.db.selectFrom('role_assignment').select('role').where('user_id', '=', admin.id).execute();
    expect(left.map((r) => r.role)).toEqual(['admin']);
    expect(await meStatus(h, session)).toBe(200);
  });

  // ---------------------------------------------------------------- password and TOTP

  it('resets the password: the old one stops working, the new one works, sessions end', async () => {
    const { h, tree, admin, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'caseworker', unit: tree.unitA }] });
    const session = await sessionFor(h, user);
    const password = strongPassword();
    const res = await api.post(`/api/admin/users/${user.id}/password`, { password });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(await meStatus(h, session)).toBe(401);
    expect((await sessionRow(h, session.sessionId)).revoked_reason).toBe('password_changed');
    expect((await browser(h).login(user.username, user.password)).status).toBe(401);
    const b = browser(h);
    const login = await b.login(user.username, password);
    expect(login.status).toBe(200);
    expect(login.body.step).toBe('totp');
    expect((await b.post('/api/auth/totp', { code: currentTotpCode(user.totpSecret!) })).body.step).toBe('done');
    const [event] = await auditEventsFor(h, user.id).then((events) => events.filter((e) => e.action === 'user.resetPassword'));
    expect(event).toMatchObject({ actor_user_id: admin.id, resource_id: user.id, details: { revokedSessions: 1 } });
  });

  it('refuses a weak new password with the path password, checked against the user’s own name', async () => {
    const { h, tree, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA });
    const short = await api.post(`/api/admin/users/${user.id}/password`, { password: 'for kort' }, EN);
    expect(short.status).toBe(400);
    expect(short.body.error.details).toEqual([{ path: 'password', message: 'The password must have at least 12 characters.' }]);
    const named = await api.post(`/api/admin/users/${user.id}/password`, { password: `hemmelig ${user.username} passord` }, EN);
    expect(named.status).toBe(400);
    expect(named.body.error.details).toEqual([{ path: 'password', message: 'The password cannot contain the username.' }]);
    expect((await browser(h).login(user.username, user.password)).status).toBe(200);
  });

  it('resets TOTP: sessions end and the caseworker must enrol again at the next login', async () => {
    const { h, tree, admin, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'caseworker', unit: tree.unitA }] });
    const session = await sessionFor(h, user);
    const res = await api.post(`/api/admin/users/${user.id}/totp-reset`);
    expect(res.status).toBe(200);
    expect(res.body.totpEnrolled).toBe(false);
    expect(await meStatus(h, session)).toBe(401);
    expect((await sessionRow(h, session.sessionId)).revoked_reason).toBe('totp_reset');
    const row = await h.db.selectFrom('app_user').select(['totp_secret', 'totp_enabled_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null });
    const login = await browser(h).login(user.username, user.password);
    expect(login.body.step).toBe('totp_enrolment');
    const [event] = await auditEventsFor(h, user.id).then((events) => events.filter((e) => e.action === 'user.resetTotp'));
    expect(event).toMatchObject({ actor_user_id: admin.id, resource_id: user.id, details: { revokedSessions: 1 } });
  });

  // ---------------------------------------------------------------- sessions

  it('lists only live, completed sessions, none of them current for another user', async () => {
    const { h, tree, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA });
    const live1 = await sessionFor(h, user);
    const live2 = await sessionFor(h, user);
    const revoked = await sessionFor(h, user);
    const idle = await sessionFor(h, user);
    const expired = await sessionFor(h, user);
    await h.db.updateTable('user_session').set({ revoked_at: new Date(), revoked_reason: 'logout' }).where('id', '=', revoked.sessionId).execute();
    await h.db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(Date.now() - (h.config.sessionIdleSeconds + 60) * 1000) })
      .where('id', '=', idle.sessionId)
      .execute();
    await h.db.updateTable('user_session').set({ absolute_expires_at: new Date(Date.now() - 1000) }).where('id', '=', expired.sessionId).execute();
    await createSession(h.db, { userId: user.id, loginComplete: false, mfa: false, lifetimeSeconds: 600, ip: '10.0.0.9', userAgent: 'pending' });

    const res = await api.get(`/api/admin/users/${user.id}/sessions`);
    expect(res.status).toBe(200);
    expect(res.body.sessions.map((s: { id: string }) => s.id).sort()).toEqual([live1.sessionId, live2.sessionId].sort());
    for (const s of res.body.sessions) expect(s).toMatchObject({ current: false, mfa: true, ip: '127.0.0.1', userAgent: 'vitest' });
  });

  it('marks the admin’s own session as current among their sessions', async () => {
    const { h, admin, session, api } = await setup();
    const other = await sessionFor(h, admin);
    const res = await api.get(`/api/admin/users/${admin.id}/sessions`);
    const byId = new Map((res.body.sessions as { id: string; current: boolean }[]).map((s) => [s.id, s.current]));
    expect(byId).toEqual(new Map([
      [session.sessionId, true],
      [other.sessionId, false],
    ]));
  });

  it('revokes one session, leaves the others, and audits it', async () => {
    const { h, tree, admin, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA });
    const ended = await sessionFor(h, user);
    const kept = await sessionFor(h, user);
    const res = await api.del(`/api/admin/sessions/${ended.sessionId}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(await meStatus(h, ended)).toBe(401);
    expect(await meStatus(h, kept)).toBe(200);
    expect((await sessionRow(h, ended.sessionId)).revoked_reason).toBe('admin');
    const events = await auditEventsFor(h, user.id);
    expect(events).toEqual([expect.objectContaining({ actor_user_id: admin.id, action: 'session.revoke', resource_id: user.id, details: { sessionId: ended.sessionId } })]);
    const listed = await api.get(`/api/admin/users/${user.id}/sessions`);
    expect(listed.body.sessions.map((s: { id: string }) => s.id)).toEqual([kept.sessionId]);
  });

  it('answers 404 for an unknown session id', async () => {
    const { api } = await setup();
    expect((await api.del('/api/admin/sessions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('revokes all sessions of a user and counts them', async () => {
    const { h, tree, admin, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA });
    const sessions = [await sessionFor(h, user), await sessionFor(h, user)];
    const res = await api.del(`/api/admin/users/${user.id}/sessions`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ revoked: 2 });
    for (const s of sessions) expect(await meStatus(h, s)).toBe(401);
    expect((await api.get(`/api/admin/users/${user.id}/sessions`)).body.sessions).toEqual([]);
    const events = await auditEventsFor(h, user.id);
    expect(events).toEqual([expect.objectContaining({ actor_user_id: admin.id, action: 'session.revoke', details: { revoked: 2 } })]);
  });

  it('revoking all of one’s own sessions keeps the current one', async () => {
    const { h, admin, session, api } = await setup();
    const other = await sessionFor(h, admin);
    const res = await api.del(`/api/admin/users/${admin.id}/sessions`);
    expect(res.body).toEqual({ revoked: 1 });
    expect(await meStatus(h, session)).toBe(200);
    expect(await meStatus(h, other)).toBe(401);
  });

  it('will not let a district admin take over an account that holds a role outside the district', async () => {
    const { h, tree, admin, api } = await setup();
    // Someone who works in district A but administers the whole city.
    const cityAdmin = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'admin', unit: tree.city }] });
    const seen = await api.get(`/api/admin/users/${cityAdmin.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.actions.sort()).toEqual(['session.list', 'user.list', 'user.read']);
    for (const attempt of [
      api.post(`/api/admin/users/${cityAdmin.id}/password`, { password: strongPassword() }),
      api.post(`/api/admin/users/${cityAdmin.id}/totp-reset`),
      api.patch(`/api/admin/users/${cityAdmin.id}`, { active: false }),
      api.post(`/api/admin/users/${cityAdmin.id}/roles`, { role: 'planner', unitId: tree.unitA.id }),
      api.del(`/api/admin/users/${cityAdmin.id}/sessions`),
    ]) {
      expect((await attempt).status).toBe(404);
    }
    const session = await sessionFor(h, cityAdmin);
    expect((await api.del(`/api/admin/sessions/${session.sessionId}`)).status).toBe(404);
    expect(await meStatus(h, session)).toBe(200);
    const denials = await h.db.selectFrom('audit_event').select('action').where('outcome', '=', 'denied').where('actor_user_id', '=', admin.id).execute();
    expect(denials.map((d) => d.action).sort()).toEqual(
      ['session.revoke', 'session.revoke', 'user.assignRole', 'user.resetPassword', 'user.resetTotp', 'user.update'].sort(),
    );
  });

  it('answers 404 when a session that has already ended is ended again, and logs it once', async () => {
    const { h, tree, api } = await setup();
    const user = await buildUser(h.db, { home: tree.unitA });
    const session = await sessionFor(h, user);
    expect((await api.del(`/api/admin/sessions/${session.sessionId}`)).status).toBe(200);
    expect((await api.del(`/api/admin/sessions/${session.sessionId}`)).status).toBe(404);
    const events = await auditEventsFor(h, user.id);
    expect(events.filter((e) => e.action === 'session.revoke')).toHaveLength(1);
  });
});
