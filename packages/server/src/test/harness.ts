import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../app.js';
import { openPglite, openPostgres, type DatabaseHandle, type Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Config, Engine } from '../platform/config.js';
import { testEngines } from './engines.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    baseUrl: 'http://localhost',
    secureCookies: false,
    engine: 'pglite',
    databaseUrl: undefined,
    databasePoolSize: 5,
    dataDir: path.resolve('.tmp/unused-data-dir'),
    sessionSecret: 'test-secret-test-secret-test-secret-0123456789',
    sessionIdleSeconds: 30 * 60,
    sessionAbsoluteSeconds: 12 * 3600,
    sessionCacheSeconds: 5,
    publicPageCacheSeconds: 60,
    logLevel: 'silent',
    trustProxy: false,
    demoMode: true,
    loginMaxFailures: 5,
    loginLockoutSeconds: 15 * 60,
    loginRateLimitPerMinute: 20,
    webDistDir: path.resolve('.tmp/no-web-dist'),
    ...overrides,
  };
}

/** A fresh, migrated database of the given engine; PostgreSQL gets a database of its own. */
export async function openTestDatabase(engine: Engine): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    const template = process.env.RUSFAG_TEST_TEMPLATE;
    if (!template) throw new Error('RUSFAG_TEST_TEMPLATE is not set: run the tests through vitest (global-setup.ts)');
    const handle = await openPglite({ loadDataDir: new Blob([readFileSync(template)]) });
    await migrateToLatest(handle.db);
    return handle;
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `rusfag_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), 5);
  await migrateToLatest(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export interface Harness {
  engine: Engine;
  app: FastifyInstance;
  db: Db;
  database: DatabaseHandle;
  config: Config;
}

/**
 * Runs the suite once per database engine, each with its own database and app. `get()` is only
 * valid inside tests and hooks.
 */
export function describeEachEngine(
  name: string,
  suite: (get: () => Harness) => void,
  configOverrides: Partial<Config> = {},
): void {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let harness: Harness | undefined;
      beforeAll(async () => {
        const database = await openTestDatabase(engine);
        const config = testConfig({ engine, ...configOverrides });
        const app = await buildApp({ config, database });
        await app.ready();
        harness = { engine, app, db: database.db, database, config };
      });
      afterAll(async () => {
        await harness?.app.close();
        await harness?.database.close();
      });
      suite(() => {
        if (!harness) throw new Error('harness not ready');
        return harness;
      });
    });
  }
}
