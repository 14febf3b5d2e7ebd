import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { buildOrgTree, buildUser, sessionFor, unique } from '../test/factories.js';
import { describeEachEngine } from '../test/harness.js';
import { runMaintenance } from './maintenance.js';

describeEachEngine('maintenance', (get) => {
  it('removes old failed-login counters and long-ended sessions, and keeps what is still needed', async () => {
    const h = get();
    const tree = await buildOrgTree(h.db);
    const user = await buildUser(h.db, { home: tree.unitA });
    const old = unique('gammel');
    const recent = unique('ny');
    const stillLocked = unique('låst');
    await sql`insert into login_attempt (username, ip, failures, last_failure_at, locked_until) values
      (${old}, '1.1.1.1', 3, now() - interval '2 days', null),
      (${recent}, '1.1.1.1', 3, now() - interval '1 hour', null),
      (${stillLocked}, '1.1.1.1', 5, now() - interval '2 days', now() + interval '1 hour')`.execute(h.db);
    const live = await sessionFor(h, user);
    const expiredLongAgo = await sessionFor(h, user);
    const revokedLongAgo = await sessionFor(h, user);
    const revokedRecently = await sessionFor(h, user);
    await sql`update user_session set absolute_expires_at = now() - interval '31 days' where id = ${expiredLongAgo.sessionId}`.execute(h.db);
    await sql`update user_session set revoked_at = now() - interval '31 days' where id = ${revokedLongAgo.sessionId}`.execute(h.db);
    await sql`update user_session set revoked_at = now() - interval '1 day' where id = ${revokedRecently.sessionId}`.execute(h.db);

    const removed = await runMaintenance(h.db);
    expect(removed.loginAttempts).toBeGreaterThanOrEqual(1);
    expect(removed.sessions).toBeGreaterThanOrEqual(2);

    const attempts = (await h.db.selectFrom('login_attempt').select('username').execute()).map((r) => r.username);
    expect(attempts).not.toContain(old);
    expect(attempts).toEqual(expect.arrayContaining([recent, stillLocked]));
    const sessions = (await h.db.selectFrom('user_session').select('id').where('user_id', '=', user.id).execute()).map((r) => r.id);
    expect(sessions.sort()).toEqual([live.sessionId, revokedRecently.sessionId].sort());
  });
});
