import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Throwaway databases for the PostgreSQL part. The admin URL points at an existing database of
 * a role that may CREATE/DROP DATABASE (default: the local trust-auth superuser).
 */
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function withClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000, application_name: 'rusfag-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export type Probe = { ok: true; version: string } | { ok: false; reason: string };

/** Whether PostgreSQL answers at `adminUrl`, and its version. Never throws. */
export async function probePostgres(adminUrl: string): Promise<Probe> {
  try {
    const version = await withClient(adminUrl, async (client) => {
      const result = await client.query<{ server_version: string }>('show server_version');
      return result.rows[0]?.server_version ?? 'unknown';
    });
    return { ok: true, version };
  } catch (error) {
    const message = error instanceof Error ? error.message || error.constructor.name : String(error);
    const code = (error as { code?: unknown }).code;
    return { ok: false, reason: `PostgreSQL at ${redact(adminUrl)} is unreachable (${typeof code === 'string' ? `${code}: ` : ''}${message})` };
  }
}

export function newDatabaseName(): string {
  return `bench_${randomBytes(6).toString('hex')}`;
}

function checkedName(name: string): string {
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to touch database ${JSON.stringify(name)}: not a bench_* name`);
  return name;
}

export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`create database "${checkedName(name)}"`));
}

/** Drops the database even if a killed server left connections behind. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`drop database if exists "${checkedName(name)}" with (force)`));
}

/** The admin URL with its database replaced by `name`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${checkedName(name)}`;
  return url.toString();
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}
