import { organizationActions } from '@rusfag/core';
import { expect, it } from 'vitest';
import { apiAs, auditEventsFor } from '../../test/api.js';
import { buildOrgTree, buildUnit, buildUser, sessionFor, unique } from '../../test/factories.js';
import { describeEachEngine, type Harness } from '../../test/harness.js';

/**
 * The organisation tree API beyond the policy matrix: the shape and order of the tree, the
 * permitted actions on each unit, the rules for where a unit may sit, uniqueness, and the audit trail.
 */

interface Unit {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  code: string | null;
  depth: number;
  active: boolean;
  actions: string[];
}

const EN = { 'accept-language': 'en' };
const ALL = [...organizationActions];
const READ_ONLY = ['organization.read'];

describeEachEngine('organisations API', (get) => {
  async function setup() {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const admin = await buildUser(h.db, { home: tree.districtA, roles: [{ role: 'admin', unit: tree.districtA }] });
    const session = await sessionFor(h, admin);
    return { h, tree, admin, api: apiAs(h, session) };
  }

  async function adminAt(h: Harness, unit: Parameters<typeof buildUser>[1]['home']) {
    const user = await buildUser(h.db, { home: unit, roles: [{ role: 'admin', unit }] });
    return { user, api: apiAs(h, await sessionFor(h, user)) };
  }

  // ---------------------------------------------------------------- list and read

  it('lists the whole tree with parentId and depth, parents before children and siblings by name', async () => {
    const { h, tree, api } = await setup();
    // Siblings created out of alphabetical order.
    const later = await buildUnit(h.db, { parent: tree.districtA, kind: 'unit', name: `Ø ${unique('team')}` });
    const earlier = await buildUnit(h.db, { parent: tree.districtA, kind: 'unit', name: `B ${unique('team')}` });
    const nested = await buildUnit(h.db, { parent: later, kind: 'unit' });
    const res = await api.get('/api/organizations');
    expect(res.status).toBe(200);
    const units = res.body.units as Unit[];
    const position = new Map(units.map((u, i) => [u.id, i]));
    const ours = [tree.city, tree.districtA, tree.unitA, tree.districtB, tree.unitB, tree.agency, later, earlier, nested];
    for (const unit of ours) expect(position.has(unit.id)).toBe(true);
    const byId = new Map(units.map((u) => [u.id, u]));
    expect(byId.get(tree.city.id)).toMatchObject({ parentId: null, kind: 'municipality', depth: 0 });
    expect(byId.get(tree.districtA.id)).toMatchObject({ parentId: tree.city.id, kind: 'district', depth: 1, name: tree.districtA.name });
    expect(byId.get(tree.agency.id)).toMatchObject({ parentId: tree.city.id, kind: 'agency', depth: 1 });
    expect(byId.get(tree.unitA.id)).toMatchObject({ parentId: tree.districtA.id, kind: 'unit', depth: 2 });
    expect(byId.get(nested.id)).toMatchObject({ parentId: later.id, kind: 'unit', depth: 3 });
    // Every unit comes after its parent, so a client can build the tree in one pass.
    for (const unit of units) {
      if (unit.parentId) expect(position.get(unit.parentId)!).toBeLessThan(position.get(unit.id)!);
    }
    // Siblings are sorted by name, not by when they were made.
    expect(position.get(earlier.id)!).toBeLessThan(position.get(later.id)!);
  });

  it('sends each unit with the actions of an admin in district A: changes only in A', async () => {
    const { tree, api } = await setup();
    const units = new Map(((await api.get('/api/organizations')).body.units as Unit[]).map((u) => [u.id, u.actions]));
    expect(units.get(tree.districtA.id)).toEqual(ALL);
    expect(units.get(tree.unitA.id)).toEqual(ALL);
    expect(units.get(tree.city.id)).toEqual(READ_ONLY);
    expect(units.get(tree.districtB.id)).toEqual(READ_ONLY);
    expect(units.get(tree.unitB.id)).toEqual(READ_ONLY);
    expect(units.get(tree.agency.id)).toEqual(READ_ONLY);
  });

  it('lets a caseworker read the tree and one unit, with read as the only action', async () => {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const caseworker = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'caseworker', unit: tree.unitA }] });
    const api = apiAs(h, await sessionFor(h, caseworker));
    const list = (await api.get('/api/organizations')).body.units as Unit[];
    expect(list.filter((u) => u.id === tree.unitA.id || u.id === tree.unitB.id).map((u) => u.actions)).toEqual([READ_ONLY, READ_ONLY]);
    const one = await api.get(`/api/organizations/${tree.unitB.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({
      id: tree.unitB.id,
      parentId: tree.districtB.id,
      kind: 'unit',
      name: tree.unitB.name,
      code: null,
      depth: 2,
      active: true,
      actions: READ_ONLY,
    });
  });

  it('answers 404 for a unit that does not exist, and 400 with path id for a malformed id', async () => {
    const { api } = await setup();
    expect((await api.get('/api/organizations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await api.get('/api/organizations/alna');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('id');
  });

  // ---------------------------------------------------------------- create

  it('creates a unit under a unit, with the right parent and depth, and audits it', async () => {
    const { h, tree, admin, api } = await setup();
    const res = await api.post('/api/organizations', { parentId: tree.unitA.id, kind: 'unit', name: '  Oppsøkende team  ', code: unique('OT') });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ parentId: tree.unitA.id, kind: 'unit', name: 'Oppsøkende team', depth: 3, active: true, actions: ALL });
    const row = await h.db.selectFrom('org_unit').select(['path', 'depth']).where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ path: `${tree.unitA.path}${res.body.id}/`, depth: 3 });
    const events = await auditEventsFor(h, res.body.id);
    expect(events).toEqual([
      expect.objectContaining({ actor_user_id: admin.id, action: 'organization.create', outcome: 'success', resource_type: 'org_unit', resource_id: res.body.id }),
    ]);
    expect(events[0]!.details).toEqual({ parentId: tree.unitA.id, kind: 'unit' });
  });

  it('places a new unit inside the subtree of its ancestors: their admins may change it and see its users', async () => {
    const { h, tree, api } = await setup();
    const child = (await api.post('/api/organizations', { parentId: tree.unitA.id, kind: 'unit', name: unique('Barn') })).body as Unit;
    const grandchild = (await api.post('/api/organizations', { parentId: child.id, kind: 'unit', name: unique('Barnebarn') })).body as Unit;
    expect(grandchild.depth).toBe(4);

    // An admin whose role is held at unit A (not the district) reaches both new units…
    const unitAdmin = await adminAt(h, tree.unitA);
    const renamed = await unitAdmin.api.patch(`/api/organizations/${grandchild.id}`, { name: unique('Omdøpt') });
    expect(renamed.status).toBe(200);
    expect(renamed.body.actions).toEqual(ALL);
    // …and the users homed there, through the unit filter of the user list.
    const homed = await buildUser(h.db, { home: { id: grandchild.id, path: '', depth: 4, name: grandchild.name, kind: 'unit' } });
    const listed = await unitAdmin.api.get(`/api/admin/users?unitId=${child.id}`);
    expect(listed.body.users.map((u: { id: string }) => u.id)).toEqual([homed.id]);
    // An admin at a sibling unit does not.
    const sibling = await buildUnit(h.db, { parent: tree.districtA, kind: 'unit' });
    const siblingAdmin = await adminAt(h, sibling);
    expect((await siblingAdmin.api.patch(`/api/organizations/${grandchild.id}`, { name: unique('Nei') })).status).toBe(404);
  });

  it('creates a district or an agency only under the municipality', async () => {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const { api } = await adminAt(h, tree.city);
    for (const kind of ['district', 'agency'] as const) {
      const ok = await api.post('/api/organizations', { parentId: tree.city.id, kind, name: unique(kind) });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ kind, parentId: tree.city.id, depth: 1 });
    }
    for (const [kind, parent] of [
      ['district', tree.unitA],
      ['district', tree.districtA],
      ['agency', tree.agency],
      ['agency', tree.unitB],
    ] as const) {
      const refused = await api.post('/api/organizations', { parentId: parent.id, kind, name: unique(kind) }, EN);
      expect(refused.status, `${kind} under ${parent.kind}`).toBe(400);
      expect(refused.body.error.details).toEqual([{ path: 'parentId', message: 'This kind of unit cannot be placed under the chosen parent.' }]);
    }
  });

  it('refuses a unit directly under the municipality, and accepts one under a district, an agency or a unit', async () => {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const { api } = await adminAt(h, tree.city);
    const refused = await api.post('/api/organizations', { parentId: tree.city.id, kind: 'unit', name: unique('Enhet') });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0]).toMatchObject({ path: 'parentId', message: 'Denne typen enhet kan ikke ligge under den valgte overordnede enheten.' });
    for (const parent of [tree.districtB, tree.agency, tree.unitB]) {
      const ok = await api.post('/api/organizations', { parentId: parent.id, kind: 'unit', name: unique('Enhet') });
      expect(ok.status).toBe(201);
      expect(ok.body.depth).toBe(parent.depth + 1);
    }
  });

  it('refuses a district under a unit in the admin’s own district with org_invalid_parent', async () => {
    const { h, tree, api } = await setup();
    const res = await api.post('/api/organizations', { parentId: tree.unitA.id, kind: 'district', name: unique('Bydel') });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toEqual([{ path: 'parentId', message: 'Denne typen enhet kan ikke ligge under den valgte overordnede enheten.' }]);
    expect(await h.db.selectFrom('org_unit').select('id').where('parent_id', '=', tree.unitA.id).execute()).toEqual([]);
  });

  it('answers 404 with path parentId for a parent outside the admin subtree', async () => {
    const { h, tree, api } = await setup();
    const res = await api.post('/api/organizations', { parentId: tree.districtB.id, kind: 'unit', name: unique('Enhet') }, EN);
    expect(res.status).toBe(404);
    expect(res.body.error.details).toEqual([{ path: 'parentId', message: 'Unit not found.' }]);
    expect(await h.db.selectFrom('org_unit').select('id').where('parent_id', '=', tree.districtB.id).execute()).toHaveLength(1);
  });

  it('answers 409 with path name for a sibling name taken in any case, but allows it under another parent', async () => {
    const { tree, api } = await setup();
    const res = await api.post('/api/organizations', { parentId: tree.districtA.id, kind: 'unit', name: tree.unitA.name.toUpperCase() }, EN);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([{ path: 'name', message: 'A unit with this name already exists at the same level.' }]);
    const elsewhere = await api.post('/api/organizations', { parentId: tree.unitA.id, kind: 'unit', name: tree.unitA.name });
    expect(elsewhere.status).toBe(201);
  });

  it('answers 409 with path code for a code taken by any unit, in any case', async () => {
    const { h, tree, api } = await setup();
    const code = unique('KODE');
    await buildUnit(h.db, { parent: tree.districtB, kind: 'unit', code });
    const res = await api.post('/api/organizations', { parentId: tree.districtA.id, kind: 'unit', name: unique('Enhet'), code: code.toLowerCase() }, EN);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([{ path: 'code', message: 'The code is already used by another unit.' }]);
  });

  it('refuses bad create bodies with the field path', async () => {
    const { tree, api } = await setup();
    const cases: [object, string][] = [
      [{ parentId: tree.districtA.id, kind: 'unit', name: 'X' }, 'name'],
      [{ parentId: tree.districtA.id, kind: 'municipality', name: unique('Kommune') }, 'kind'],
      [{ parentId: 'bydel', kind: 'unit', name: unique('Enhet') }, 'parentId'],
      [{ parentId: tree.districtA.id, kind: 'unit', name: unique('Enhet'), code: 'med mellomrom' }, 'code'],
      [{ kind: 'unit', name: unique('Enhet') }, 'parentId'],
    ];
    for (const [payload, path] of cases) {
      const res = await api.post('/api/organizations', payload, EN);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
  });

  // ---------------------------------------------------------------- update

  it('changes name, code and active status, and audits each change with the fields', async () => {
    const { h, tree, admin, api } = await setup();
    const unit = await buildUnit(h.db, { parent: tree.districtA, kind: 'unit' });
    const name = unique('Nytt navn');
    const code = unique('NY');
    const renamed = await api.patch(`/api/organizations/${unit.id}`, { name, code });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: unit.id, name, code, active: true, depth: unit.depth, parentId: tree.districtA.id });
    const closed = await api.patch(`/api/organizations/${unit.id}`, { active: false, code: null });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ name, code: null, active: false });
    const row = await h.db.selectFrom('org_unit').select(['name', 'code', 'active']).where('id', '=', unit.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name, code: null, active: false });
    const events = await auditEventsFor(h, unit.id);
    expect(events.map((e) => [e.actor_user_id, e.action, e.resource_type])).toEqual([
      [admin.id, 'organization.update', 'org_unit'],
      [admin.id, 'organization.update', 'org_unit'],
    ]);
    expect((events[0]!.details as { fields: string[] }).fields.sort()).toEqual(['code', 'name']);
    expect((events[1]!.details as { fields: string[] }).fields.sort()).toEqual(['active', 'code']);
  });

  it('keeps a unit’s own name and code when only their case changes, but refuses a sibling’s name or another unit’s code', async () => {
    const { h, tree, api } = await setup();
    const code = unique('EGEN');
    const unit = await buildUnit(h.db, { parent: tree.districtA, kind: 'unit', code });
    const own = await api.patch(`/api/organizations/${unit.id}`, { name: unit.name.toUpperCase(), code: code.toLowerCase() });
    expect(own.status).toBe(200);
    const takenName = await api.patch(`/api/organizations/${unit.id}`, { name: tree.unitA.name.toLowerCase() });
    expect(takenName.status).toBe(409);
    expect(takenName.body.error.details[0].path).toBe('name');
    const otherCode = unique('ANNEN');
    await buildUnit(h.db, { parent: tree.districtB, kind: 'unit', code: otherCode });
    const takenCode = await api.patch(`/api/organizations/${unit.id}`, { code: otherCode });
    expect(takenCode.status).toBe(409);
    expect(takenCode.body.error.details[0].path).toBe('code');
    const row = await h.db.selectFrom('org_unit').select(['name', 'code']).where('id', '=', unit.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: unit.name.toUpperCase(), code: code.toLowerCase() });
  });

  it('answers 409 with path name when a municipality is renamed to the name of another top-level unit', async () => {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const other = await buildOrgTree(h.db);
    const { api } = await adminAt(h, tree.city);
    const res = await api.patch(`/api/organizations/${tree.city.id}`, { name: other.city.name.toUpperCase() }, EN);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([{ path: 'name', message: 'A unit with this name already exists at the same level.' }]);
  });

  it('refuses an empty update with 400, also when only unknown fields are sent', async () => {
    const { tree, api } = await setup();
    for (const payload of [{}, { parentId: tree.districtB.id }]) {
      const res = await api.patch(`/api/organizations/${tree.unitA.id}`, payload, EN);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ path: 'body', message: 'No changes were sent.' }]);
    }
  });

  it('stops the roles held at a unit from granting anything once it is deactivated', async () => {
    const { h, tree, api } = await setup();
    const unitAdmin = await adminAt(h, tree.unitA);
    expect((await unitAdmin.api.get('/api/admin/users')).status).toBe(200);
    expect((await api.patch(`/api/organizations/${tree.unitA.id}`, { active: false })).status).toBe(200);
    expect((await unitAdmin.api.get('/api/admin/users')).status).toBe(403);
    const me = await unitAdmin.api.get('/api/me');
    expect(me.body.permissions).not.toContain('user.list');
    // Taking the unit back in restores the role.
    expect((await api.patch(`/api/organizations/${tree.unitA.id}`, { active: true })).status).toBe(200);
    expect((await unitAdmin.api.get('/api/admin/users')).status).toBe(200);
  });

  it('does not let an admin deactivate the unit that holds their own admin role', async () => {
    const { tree, api } = await setup();
    const res = await api.patch(`/api/organizations/${tree.districtA.id}`, { active: false }, EN);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('cannot_change_self');
    expect((await api.get(`/api/organizations/${tree.districtA.id}`)).body.active).toBe(true);
  });

  it('refuses a new unit under a deactivated parent with 400 on parentId', async () => {
    const { tree, api } = await setup();
    expect((await api.patch(`/api/organizations/${tree.unitA.id}`, { active: false })).status).toBe(200);
    const res = await api.post('/api/organizations', { parentId: tree.unitA.id, kind: 'unit', name: unique('Team') }, EN);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'parentId', message: 'The parent unit is deactivated.' }]);
  });
});
