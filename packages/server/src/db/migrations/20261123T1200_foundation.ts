import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code, and never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table org_unit (
      id uuid primary key default gen_random_uuid(),
      parent_id uuid references org_unit (id),
      kind text not null check (kind in ('municipality', 'district', 'agency', 'unit')),
      name text not null check (length(name) between 2 and 160),
      code text check (code ~ '^[A-Za-z0-9_.-]{1,40}$'),
      -- materialised path of ids from the root, '/<root>/<district>/<unit>/': subtree = prefix match
      path text not null unique,
      depth integer not null check (depth >= 0),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((kind = 'municipality') = (parent_id is null))
    )`.execute(db);
  await sql`create unique index org_unit_code_key on org_unit (lower(code)) where code is not null`.execute(db);
  await sql`create unique index org_unit_sibling_name_key on org_unit (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))`.execute(db);
  await sql`create index org_unit_path_prefix on org_unit (path text_pattern_ops)`.execute(db);

  await sql`
    create table app_user (
      id uuid primary key default gen_random_uuid(),
      username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
      display_name text not null check (length(display_name) between 2 and 120),
      email text,
      home_unit_id uuid not null references org_unit (id),
      password_hash text not null,
      password_changed_at timestamptz not null default now(),
      totp_secret text,
      totp_enabled_at timestamptz,
      -- the last accepted TOTP time step: a code is never accepted twice
      totp_last_step bigint,
      active boolean not null default true,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((totp_enabled_at is null) or (totp_secret is not null))
    )`.execute(db);
  await sql`create index app_user_home_unit on app_user (home_unit_id)`.execute(db);

  await sql`
    create table role_assignment (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user (id) on delete cascade,
      role text not null check (role in ('admin', 'planner', 'unit_leader', 'caseworker', 'analyst',
        'directory_editor', 'course_admin', 'privacy_officer')),
      unit_id uuid not null references org_unit (id),
      granted_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      unique (user_id, role, unit_id)
    )`.execute(db);
  await sql`create index role_assignment_unit on role_assignment (unit_id)`.execute(db);

  await sql`
    create table user_session (
      id uuid primary key default gen_random_uuid(),
      -- sha-256 of the cookie value: a leaked database row cannot be replayed as a cookie
      token_hash text not null unique,
      user_id uuid not null references app_user (id) on delete cascade,
      -- false while only the password step is done and a TOTP code is still owed
      login_complete boolean not null default false,
      -- true when this login was confirmed with a TOTP code
      mfa boolean not null default false,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      absolute_expires_at timestamptz not null,
      revoked_at timestamptz,
      revoked_reason text check (revoked_reason in ('logout', 'admin', 'password_changed', 'step_completed', 'user_disabled', 'totp_reset')),
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index user_session_user on user_session (user_id) where revoked_at is null`.execute(db);

  await sql`
    create table login_attempt (
      username text not null,
      ip text not null,
      failures integer not null default 0,
      last_failure_at timestamptz not null default now(),
      locked_until timestamptz,
      primary key (username, ip)
    )`.execute(db);

  await sql`
    create table audit_event (
      id bigint primary key,
      occurred_at timestamptz not null,
      actor_user_id uuid,
      action text not null,
      resource_type text,
      resource_id text,
      client_id uuid,
      basis text,
      reason text,
      request_id text,
      ip text,
      outcome text not null check (outcome in ('success', 'failure', 'denied')),
      details jsonb,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_event_occurred on audit_event (occurred_at)`.execute(db);
  await sql`create index audit_event_actor on audit_event (actor_user_id, occurred_at)`.execute(db);
  await sql`create index audit_event_client on audit_event (client_id, occurred_at) where client_id is not null`.execute(db);
  await sql`create index audit_event_resource on audit_event (resource_type, resource_id)`.execute(db);

  // The hash covers every column but the hash itself, serialised as a JSON array so that no
  // value can be shifted into a neighbouring field.
  await sql`
    create function audit_event_hash(e audit_event) returns text
    language sql stable as $$
      select encode(sha256(convert_to(jsonb_build_array(
        e.id, to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.actor_user_id, e.action, e.resource_type, e.resource_id, e.client_id, e.basis, e.reason,
        e.request_id, e.ip, e.outcome, e.details, e.prev_hash
      )::text, 'UTF8')), 'hex')
    $$`.execute(db);

  // Ids are assigned under a transaction-scoped lock, so ids are gapless and follow the chain:
  // a deleted row shows as a gap, an edited row as a hash mismatch.
  await sql`
    create function audit_event_chain() returns trigger
    language plpgsql as $$
    declare
      last_id bigint;
      last_hash text;
    begin
      perform pg_advisory_xact_lock(730500101);
      select a.id, a.hash into last_id, last_hash from audit_event a order by a.id desc limit 1;
      new.id := coalesce(last_id, 0) + 1;
      new.occurred_at := clock_timestamp();
      new.prev_hash := coalesce(last_hash, repeat('0', 64));
      new.hash := audit_event_hash(new);
      return new;
    end
    $$`.execute(db);
  await sql`create trigger audit_event_chain before insert on audit_event for each row execute function audit_event_chain()`.execute(
    db,
  );

  await sql`
    create function audit_event_reject_change() returns trigger
    language plpgsql as $$
    begin
      raise exception 'audit_event is append-only (% refused)', tg_op using errcode = '42501';
    end
    $$`.execute(db);
  await sql`create trigger audit_event_append_only before update or delete on audit_event for each row execute function audit_event_reject_change()`.execute(
    db,
  );
  await sql`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_reject_change()`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be reverted: restore a backup instead.');
}
