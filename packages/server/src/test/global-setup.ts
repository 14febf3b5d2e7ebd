import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPglite } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { testEngines } from './engines.js';

/**
 * Builds one migrated PGlite data directory and dumps it, so every test file starts from a copy
 * in about a second instead of running initdb and every migration again.
 */
// One file per test run, so that parallel runs in the same checkout do not overwrite each other.
const TEMPLATE_PATH = path.resolve(`.tmp/test-template-${process.pid}.tar.gz`);

export default async function setup(): Promise<() => void> {
  mkdirSync(path.dirname(TEMPLATE_PATH), { recursive: true });
  const handle = await openPglite();
  await migrateToLatest(handle.db);
  const dump = await handle.pglite!.dumpDataDir('gzip');
  writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  const engines = testEngines();
  if (!engines.includes('postgres')) {
    console.warn(
      '\n[rusfag] PostgreSQL-testene hoppes over: TEST_DATABASE_URL er ikke satt. ' +
        'Integrasjonstestene kjører bare mot PGlite. (CI setter TEST_DATABASE_URL.)\n',
    );
  }
  process.env.RUSFAG_TEST_TEMPLATE = TEMPLATE_PATH;
  return () => rmSync(TEMPLATE_PATH, { force: true });
}
