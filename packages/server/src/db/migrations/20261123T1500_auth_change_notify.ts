import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code, and never change once released.

/**
 * App servers keep recently used sessions in memory for a few seconds (ADR 0006). Any change that
 * can end a session or change what it grants — users, roles, units, a revoked session — notifies
 * channel 'rusfag_auth_changed' on commit, and every server empties its cache. last_seen_at
 * updates do not notify: they only extend a session.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function notify_auth_changed() returns trigger
    language plpgsql as $$
    begin
      perform pg_notify('rusfag_auth_changed', tg_table_name);
      return null;
    end
    $$`.execute(db);
  for (const table of ['app_user', 'role_assignment', 'org_unit']) {
    await sql
      .raw(
        `create trigger ${table}_auth_changed after insert or update or delete or truncate on ${table}
         for each statement execute function notify_auth_changed()`,
      )
      .execute(db);
  }
  await sql`
    create trigger user_session_auth_changed
    after update of revoked_at, login_complete, mfa, absolute_expires_at, user_id or delete on user_session
    for each statement execute function notify_auth_changed()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['app_user', 'role_assignment', 'org_unit', 'user_session']) {
    await sql.raw(`drop trigger if exists ${table}_auth_changed on ${table}`).execute(db);
  }
  await sql`drop function if exists notify_auth_changed()`.execute(db);
}
