import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { apiAs } from '../test/api.js';
import { buildOrgTree, buildUser, sessionFor } from '../test/factories.js';
import { describeEachEngine, type Harness } from '../test/harness.js';

/** Polls until `check` holds or two seconds have passed (notifications arrive asynchronously). */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describeEachEngine('session cache (ADR 0006)', (get) => {
  async function setup(h: Harness) {
    const tree = await buildOrgTree(h.db);
    const user = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'caseworker', unit: tree.unitA }] });
    const session = await sessionFor(h, user);
    return { tree, user, session, api: apiAs(h, session) };
  }

  it('is listening and keeps a looked-up session', async () => {
    const h = get();
    const { api } = await setup(h);
    expect(h.app.rusfag.sessionCache.enabled).toBe(true);
    expect((await api.get('/api/me')).status).toBe(200);
    expect(h.app.rusfag.sessionCache.size).toBeGreaterThan(0);
  });

  it('forgets everything after a state-changing request on this server', async () => {
    const h = get();
    const { api } = await setup(h);
    await api.get('/api/me');
    await api.post('/api/auth/logout');
    expect(h.app.rusfag.sessionCache.size).toBe(0);
  });

  it('hears about a session revoked elsewhere (another server, or SQL) and refuses it', async () => {
    const h = get();
    const { session, api } = await setup(h);
    expect((await api.get('/api/me')).status).toBe(200);
    await sql`update user_session set revoked_at = now(), revoked_reason = 'admin' where id = ${session.sessionId}`.execute(h.db);
    expect(await eventually(async () => (await api.get('/api/me')).status === 401)).toBe(true);
  });

  it('hears about a role taken away elsewhere', async () => {
    const h = get();
    const { user, api } = await setup(h);
    expect((await api.get('/api/me')).body.roles).toHaveLength(1);
    await sql`delete from role_assignment where user_id = ${user.id}`.execute(h.db);
    expect(await eventually(async () => (await api.get('/api/me')).body.roles.length === 0)).toBe(true);
  });

  it('hears about a deactivated user elsewhere', async () => {
    const h = get();
    const { user, api } = await setup(h);
    expect((await api.get('/api/me')).status).toBe(200);
    await sql`update app_user set active = false where id = ${user.id}`.execute(h.db);
    expect(await eventually(async () => (await api.get('/api/me')).status === 401)).toBe(true);
  });

  it('is not used while the change listener is down', async () => {
    const h = get();
    const { api } = await setup(h);
    const cache = h.app.rusfag.sessionCache;
    cache.setListening(false);
    try {
      await api.get('/api/me');
      expect(cache.size).toBe(0);
      expect(cache.enabled).toBe(false);
    } finally {
      cache.setListening(true);
    }
  });
});
