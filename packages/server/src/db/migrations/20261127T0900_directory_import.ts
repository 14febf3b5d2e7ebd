import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code, and never change once released.

/**
 * Imports of HSDS data into the service directory: records keep the id they had in the source
 * (external_id), so importing the same data again updates them instead of making copies; an
 * import keeps its file until it is confirmed, and the unit that will steward what it creates.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['dir_organization', 'dir_location', 'dir_service']) {
    await sql`alter table ${sql.table(table)} add column external_id text check (external_id is null or length(external_id) between 1 and 200)`.execute(db);
    await sql`create unique index ${sql.id(`${table}_external_id`)} on ${sql.table(table)} (external_id)`.execute(db);
  }
  await sql`alter table dir_import add column steward_unit_id uuid references org_unit (id)`.execute(db);
  await sql`alter table dir_import add column publish boolean not null default false`.execute(db);
  // The file as it was sent (JSON text or base64 zip), kept from preview to confirmation; emptied when the import is done.
  await sql`alter table dir_import add column content text`.execute(db);
  await sql`create index dir_import_steward on dir_import (steward_unit_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists dir_import_steward`.execute(db);
  for (const column of ['content', 'publish', 'steward_unit_id']) await sql`alter table dir_import drop column if exists ${sql.id(column)}`.execute(db);
  for (const table of ['dir_service', 'dir_location', 'dir_organization']) {
    await sql`alter table ${sql.table(table)} drop column if exists external_id`.execute(db);
  }
}
