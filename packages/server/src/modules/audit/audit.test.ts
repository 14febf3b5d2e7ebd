import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { expect, it } from 'vitest';
import { recordAudit } from '../../platform/audit.js';
import { buildOrgTree, buildUser, sessionFor, unique } from '../../test/factories.js';
import { describeEachEngine, type Harness } from '../../test/harness.js';
import { openPostgres } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { verifyChain } from './service.js';

const meta = { actorUserId: null, requestId: null, ip: null };

async function addEvents(h: Harness, count: number, prefix = unique('test')) {
  for (let i = 0; i < count; i++) await recordAudit(h.db, meta, { action: `${prefix}.${i}`, details: { i } });
  return prefix;
}

async function asSuperuser(h: Harness, statement: string) {
  // Tampering needs to get past the append-only trigger, as a database superuser could.
  await sql.raw(`alter table audit_event disable trigger audit_event_append_only`).execute(h.db);
  try {
    await sql.raw(statement).execute(h.db);
  } finally {
    await sql.raw(`alter table audit_event enable trigger audit_event_append_only`).execute(h.db);
  }
}

describeEachEngine('audit log', (get) => {
  it('chains every event to the one before it, with gapless ids', async () => {
    const h = get();
    await addEvents(h, 5);
    const rows = await h.db.selectFrom('audit_event').select(['id', 'prev_hash', 'hash']).orderBy('id').execute();
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.id).toBe(rows[i - 1]!.id + 1);
      expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    }
    expect(await verifyChain(h.db)).toMatchObject({ firstBrokenId: null });
  });

  it('keeps the chain intact when many transactions write at once', async () => {
    const h = get();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.db.transaction().execute(async (trx) => {
          await recordAudit(trx, meta, { action: 'test.concurrent', details: { i } });
          await recordAudit(trx, meta, { action: 'test.concurrent', details: { i, second: true } });
        }),
      ),
    );
    expect((await verifyChain(h.db)).firstBrokenId).toBeNull();
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const h = get();
    await addEvents(h, 1);
    await expect(sql`update audit_event set action = 'x' where id = 1`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event where id = 1`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(h.db)).rejects.toThrow(/append-only/);
  });

  it('detects an edited event', async () => {
    const h = get();
    const prefix = await addEvents(h, 4);
    const target = await h.db.selectFrom('audit_event').select('id').where('action', '=', `${prefix}.2`).executeTakeFirstOrThrow();
    await asSuperuser(h, `update audit_event set details = '{"i": 99}' where id = ${target.id}`);
    const result = await verifyChain(h.db);
    expect(result.firstBrokenId).toBe(target.id);
    // Put it back so that later tests start from an intact chain.
    await asSuperuser(h, `update audit_event set details = '{"i": 2}' where id = ${target.id}`);
    expect((await verifyChain(h.db)).firstBrokenId).toBeNull();
  });

  it('detects a deleted event, and an event whose hash was recomputed to hide an edit', async () => {
    const h = get();
    const prefix = await addEvents(h, 4);
    const rows = await h.db.selectFrom('audit_event').select(['id', 'hash']).where('action', 'like', `${prefix}.%`).orderBy('id').execute();
    const [, second, third] = rows;
    // Deleting a row leaves a gap and a broken link.
    await asSuperuser(h, `delete from audit_event where id = ${second!.id}`);
    expect((await verifyChain(h.db)).firstBrokenId).toBe(third!.id);
    // Whoever can recompute a hash still breaks the link to the next event.
    await asSuperuser(h, `update audit_event set action = 'forged' where id = ${third!.id}`);
    await asSuperuser(h, `update audit_event a set hash = audit_event_hash(a) where id = ${third!.id}`);
    expect((await verifyChain(h.db)).firstBrokenId).toBe(third!.id);
  });

  it('reports a broken chain through the API', async () => {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const officer = await buildUser(h.db, { home: tree.city, roles: [{ role: 'privacy_officer', unit: tree.city }] });
    const session = await sessionFor(h, officer);
    const res = await h.app.inject({ method: 'GET', url: '/api/audit/verify', headers: session.headers });
    expect(res.statusCode).toBe(200);
    // Earlier tests in this file tampered with the log on purpose.
    expect(res.json()).toMatchObject({ ok: false, firstBrokenId: expect.any(Number) });
    const logged = await h.db.selectFrom('audit_event').select(['outcome']).where('action', '=', 'audit.verify').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(logged.outcome).toBe('failure');
  });
});

describeEachEngine('access log search', (get) => {
  it('filters by actor, action prefix, time and outcome, and logs the search itself', async () => {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const officer = await buildUser(h.db, { home: tree.city, roles: [{ role: 'privacy_officer', unit: tree.city }] });
    const worker = await buildUser(h.db, { home: tree.unitA, roles: [{ role: 'caseworker', unit: tree.unitA }] });
    const workerMeta = { actorUserId: worker.id, requestId: 'req-1', ip: '10.0.0.9' };
    await recordAudit(h.db, workerMeta, { action: 'client.read', resourceType: 'client', resourceId: 'c1' });
    await recordAudit(h.db, workerMeta, { action: 'client.update', resourceType: 'client', resourceId: 'c1', outcome: 'denied' });
    await recordAudit(h.db, meta, { action: 'client.read', resourceType: 'client', resourceId: 'c2' });
    const session = await sessionFor(h, officer);
    const search = async (query: string) => {
      const res = await h.app.inject({ method: 'GET', url: `/api/audit/events?${query}`, headers: session.headers });
      expect(res.statusCode).toBe(200);
      return res.json() as { events: { action: string; actorUsername: string | null; outcome: string; ip: string }[]; total: number };
    };
    const byActor = await search(`actor=${worker.username}`);
    expect(byActor.events.map((e) => e.action).sort()).toEqual(['client.read', 'client.update']);
    expect(byActor.events[0]).toMatchObject({ actorUsername: worker.username, ip: '10.0.0.9' });
    expect((await search(`actor=${worker.username}&action=client`)).total).toBe(2);
    expect((await search(`actor=${worker.username}&outcome=denied`)).events.map((e) => e.action)).toEqual(['client.update']);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
    expect((await search(`actor=${worker.username}&from=${today}&to=${today}`)).total).toBe(2);
    expect((await search(`actor=${worker.username}&to=2000-01-01`)).total).toBe(0);
    const searches = await h.db.selectFrom('audit_event').select(['details']).where('action', '=', 'audit.search').where('actor_user_id', '=', officer.id).execute();
    expect(searches.length).toBe(5);
    expect(searches[0]!.details).toMatchObject({ criteria: { actor: worker.username } });
  });

  it('shows a district privacy officer only events of actors in their district', async () => {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const districtOfficer = await buildUser(h.db, { home: tree.districtA, roles: [{ role: 'privacy_officer', unit: tree.districtA }] });
    const inA = await buildUser(h.db, { home: tree.unitA, roles: [] });
    const inB = await buildUser(h.db, { home: tree.unitB, roles: [] });
    const resourceId = unique('r');
    await recordAudit(h.db, { ...meta, actorUserId: inA.id }, { action: 'test.scope', resourceId });
    await recordAudit(h.db, { ...meta, actorUserId: inB.id }, { action: 'test.scope', resourceId });
    await recordAudit(h.db, meta, { action: 'test.scope', resourceId });
    const session = await sessionFor(h, districtOfficer);
    const res = await h.app.inject({ method: 'GET', url: `/api/audit/events?resourceId=${resourceId}`, headers: session.headers });
    expect(res.json().events.map((e: { actorUserId: string | null }) => e.actorUserId)).toEqual([inA.id]);
  });

  it('refuses bad filters with field paths', async () => {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const officer = await buildUser(h.db, { home: tree.city, roles: [{ role: 'privacy_officer', unit: tree.city }] });
    const session = await sessionFor(h, officer);
    const res = await h.app.inject({ method: 'GET', url: '/api/audit/events?from=igår&outcome=kanskje&limit=9999', headers: session.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['from', 'limit', 'outcome']);
  });
});

describeEachEngine('audit log privileges in PostgreSQL', (get) => {
  it('lets the application role insert and read, but not change, events (docs/deploy/postgres-roles.sql)', async () => {
    const h = get();
    if (h.engine !== 'postgres') {
      // PGlite runs as a single superuser; there are no roles to restrict. The trigger test above covers it.
      console.info('[rusfag] privilege test runs on PostgreSQL only (PGlite has a single superuser).');
      return;
    }
    const url = (h.database as { url?: string }).url!;
    const role = `rusfag_app_${unique('t').replace(/[^a-z0-9]/g, '')}`;
    const script = readFileSync(path.resolve(import.meta.dirname, '../../../../../docs/deploy/postgres-roles.sql'), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('--'))
      .join('\n')
      .replaceAll(':"app_role"', `"${role}"`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`create role "${role}" login`);
      await client.query(script);
      await client.query('begin');
      await client.query(`set local role "${role}"`);
      await client.query(`insert into audit_event (action, outcome) values ('test.app-role', 'success')`);
      const { rows } = await client.query(`select count(*)::int as n from audit_event where action = 'test.app-role'`);
      expect(rows[0].n).toBe(1);
      await client.query('commit');
      for (const statement of ["update audit_event set action = 'x'", 'delete from audit_event', 'truncate audit_event']) {
        await client.query('begin');
        await client.query(`set local role "${role}"`);
        await expect(client.query(statement)).rejects.toThrow(/permission denied/);
        await client.query('rollback');
      }
      // The application, connected as that role, starts (nothing to migrate) and writes events.
      const appUrl = new URL(url);
      appUrl.username = role;
      const asApp = openPostgres(appUrl.toString(), 1);
      try {
        expect((await migrateToLatest(asApp.db)).results).toEqual([]);
        await recordAudit(asApp.db, meta, { action: 'test.app-role-kysely' });
        await expect(sql`delete from audit_event`.execute(asApp.db)).rejects.toThrow(/permission denied/);
      } finally {
        await asApp.close();
      }
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.query(`drop owned by "${role}"`).catch(() => undefined);
      await client.query(`drop role if exists "${role}"`);
      await client.end();
    }
    expect((await verifyChain(h.db)).firstBrokenId).toBeNull();
  });
});
