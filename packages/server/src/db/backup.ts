import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../platform/config.js';
import { openPglite } from './database.js';
import { acquireDataDirLock } from './pglite-lock.js';

const run = promisify(execFile);

/**
 * Backups. The embedded database is dumped as its whole data directory (a gzip'ed tar from
 * PGlite itself; Debian's pg_dump 15 cannot read PGlite's PostgreSQL 18). PostgreSQL uses
 * pg_dump's custom format. Both take the lock / connection like any other process would.
 */
export async function backup(config: Config, file: string): Promise<string> {
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  if (config.engine === 'postgres') {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, `--dbname=${config.databaseUrl}`]);
    return target;
  }
  const handle = await openPglite({ dataDir: config.dataDir });
  try {
    const dump = await handle.exclusive(() => handle.pglite!.dumpDataDir('gzip'));
    writeFileSync(target, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  } finally {
    await handle.close();
  }
  return target;
}

/**
 * Restores a backup over the current database. For PGlite the current data directory is kept
 * beside it (pgdata.before-restore-<time>) rather than deleted, so a wrong restore can be undone.
 */
export async function restore(config: Config, file: string): Promise<{ keptPrevious?: string }> {
  const source = path.resolve(file);
  if (!existsSync(source)) throw new Error(`Fant ikke sikkerhetskopien ${source}`);
  if (config.engine === 'postgres') {
    // A full restore creates tables, loads data, then creates triggers: the audit chain is copied
    // as it was, not re-chained.
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${config.databaseUrl}`, source]);
    return {};
  }
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const pgdata = path.join(config.dataDir, 'pgdata');
    let keptPrevious: string | undefined;
    if (existsSync(pgdata)) {
      keptPrevious = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(pgdata, keptPrevious);
    }
    const blob = new Blob([readFileSync(source)]);
    const client = await PGlite.create({ dataDir: pgdata, loadDataDir: blob, extensions: { pg_trgm } });
    await client.exec('CHECKPOINT');
    await client.close();
    return keptPrevious ? { keptPrevious } : {};
  } finally {
    lock.release();
  }
}
