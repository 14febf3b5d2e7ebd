import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { DatabaseHandle } from '../db/database.js';
import { browser } from '../test/api.js';
import { buildOrgTree, buildUser, sessionFor } from '../test/factories.js';
import { openTestDatabase, testConfig, type Harness } from '../test/harness.js';

/** Application logs carry ids and route patterns, never names, passwords or free text. */
describe('application log', () => {
  const lines: string[] = [];
  let app: FastifyInstance;
  let database: DatabaseHandle;
  let h: Harness;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const config = testConfig({ logLevel: 'debug' });
    app = await buildApp({ config, database, logStream: { write: (line) => void lines.push(line) } });
    h = { engine: 'pglite', app, db: database.db, database, config };
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('logs requests by route pattern and ids only', async () => {
    const tree = await buildOrgTree(h.db);
    const admin = await buildUser(h.db, { home: tree.city, roles: [{ role: 'admin', unit: tree.city }], username: 'kari.nordmann' });
    // A failed login with a name and a secret, a search with a name in the query, an invalid body.
    await browser(h).login('kari.nordmann', 'hemmelig passord med navn');
    const session = await sessionFor(h, admin);
    await app.inject({ url: '/api/admin/users?q=Nordmann', headers: session.headers });
    await app.inject({ method: 'POST', url: '/api/admin/users', headers: session.headers, payload: { username: 'ola.nordmann', displayName: 'Ola Nordmann' } });
    await app.inject({ url: `/api/admin/users/${admin.id}`, headers: session.headers });

    const log = lines.join('');
    expect(log).toContain('"route":"/api/admin/users/:id"');
    expect(log).toContain('"route":"/api/auth/login"');
    for (const secret of ['kari', 'Kari', 'Nordmann', 'nordmann', 'hemmelig', 'Ola', 'rusfag_session=', session.csrf]) {
      expect(log, `the log must not contain «${secret}»`).not.toContain(secret);
    }
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
