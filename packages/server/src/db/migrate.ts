import { Migrator, sql, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import { migrations } from './migrations/index.js';

const TABLE = 'schema_migration';

/** Names of migrations not yet applied (all of them in an empty database). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const exists = await sql<{ found: boolean }>`select to_regclass(${`public.${TABLE}`}) is not null as found`.execute(db);
  if (!exists.rows[0]?.found) return Object.keys(migrations);
  const applied = await sql<{ name: string }>`select name from ${sql.table(TABLE)}`.execute(db);
  const done = new Set(applied.rows.map((row) => row.name));
  return Object.keys(migrations).filter((name) => !done.has(name));
}

/**
 * Applies pending migrations. When none are pending it only reads, so an application role without
 * DDL rights (docs/deploy/postgres-roles.sql) can start once the owner has migrated.
 */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  if ((await pendingMigrations(db)).length === 0) return { results: [] };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: TABLE,
    migrationLockTableName: 'schema_migration_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migrering ${failed?.migrationName ?? ''} feilet: ${reason}`, { cause: result.error });
  }
  return result;
}
