import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code, and never change once released.

/**
 * The service directory, aligned with Open Referral HSDS 3.0. The dir_* tables are the editors'
 * working copy; dir_public_* is the published snapshot that every public output (pages, HSDS API,
 * export) reads, built by one function that leaves confidential addresses out.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table dir_organization (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 2 and 200),
      alternate_name text not null default '',
      description text not null default '',
      description_en text not null default '',
      email text not null default '',
      website text not null default '',
      -- when the organisation is part of the municipality: its place in the organisation tree
      org_unit_id uuid references org_unit (id),
      -- the unit whose directory editors maintain the record (external organisations: an agency)
      steward_unit_id uuid not null references org_unit (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index dir_organization_steward on dir_organization (steward_unit_id)`.execute(db);
  await sql`create unique index dir_organization_name on dir_organization (lower(name))`.execute(db);

  await sql`
    create table dir_location (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references dir_organization (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      description text not null default '',
      address text not null default '',
      postal_code text not null default '' check (postal_code = '' or postal_code ~ '^[0-9]{4}$'),
      city text not null default '',
      -- the district the location lies in (for "in Sagene" and distance from a district)
      district_unit_id uuid references org_unit (id),
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      -- a shelter's address is kept for staff but never leaves through a public output
      confidential boolean not null default false,
      wheelchair_accessible boolean,
      accessibility_note text not null default '',
      transportation text not null default '',
      example boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((latitude is null) = (longitude is null))
    )`.execute(db);
  await sql`create index dir_location_org on dir_location (organization_id)`.execute(db);

  await sql`
    create table dir_service (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references dir_organization (id),
      name text not null check (length(name) between 2 and 200),
      name_en text not null default '',
      alternate_name text not null default '',
      description text not null default '' check (length(description) <= 10000),
      description_en text not null default '' check (length(description_en) <= 10000),
      url text not null default '',
      email text not null default '',
      status text not null default 'active' check (status in ('active', 'temporarily_closed', 'inactive', 'defunct')),
      status_note text not null default '',
      how_to_get_in text not null default '',
      how_to_get_in_en text not null default '',
      eligibility text not null default '',
      eligibility_en text not null default '',
      minimum_age integer check (minimum_age between 0 and 130),
      maximum_age integer check (maximum_age between 0 and 130),
      -- null: not known
      referral_required boolean,
      free_of_charge boolean,
      fees_description text not null default '',
      city_wide boolean not null default false,
      hours_note text not null default '',
      hours_example boolean not null default false,
      publication_state text not null default 'draft' check (publication_state in ('draft', 'published')),
      published_at timestamptz,
      published_by uuid references app_user (id),
      last_verified_on date,
      last_verified_by uuid references app_user (id),
      last_verified_by_name text not null default '',
      freshness_reminded_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (minimum_age is null or maximum_age is null or minimum_age <= maximum_age),
      check (publication_state = 'draft' or published_at is not null)
    )`.execute(db);
  await sql`create index dir_service_org on dir_service (organization_id)`.execute(db);
  await sql`create index dir_service_verified on dir_service (last_verified_on) where publication_state = 'published'`.execute(db);

  await sql`
    create table dir_service_at_location (
      service_id uuid not null references dir_service (id) on delete cascade,
      location_id uuid not null references dir_location (id) on delete cascade,
      primary key (service_id, location_id)
    )`.execute(db);

  await sql`
    create table dir_service_area (
      service_id uuid not null references dir_service (id) on delete cascade,
      district_unit_id uuid not null references org_unit (id),
      primary key (service_id, district_unit_id)
    )`.execute(db);

  await sql`
    create table dir_taxonomy_term (
      id uuid primary key default gen_random_uuid(),
      taxonomy text not null check (taxonomy in ('target_group', 'category')),
      code text not null check (code ~ '^[a-z0-9-]{2,60}$'),
      name text not null,
      name_en text not null default '',
      position integer not null default 0,
      unique (taxonomy, code)
    )`.execute(db);

  // The starting vocabulary (issue 4); editors and imports may add terms later.
  await sql`
    insert into dir_taxonomy_term (taxonomy, code, name, name_en, position) values
      ('target_group', 'ungdom', 'Ungdom', 'Young people', 1),
      ('target_group', 'unge-voksne', 'Unge voksne', 'Young adults', 2),
      ('target_group', 'voksne', 'Voksne', 'Adults', 3),
      ('target_group', 'eldre', 'Eldre', 'Older people', 4),
      ('target_group', 'parorende', 'Pårørende', 'Next of kin', 5),
      ('target_group', 'barn-som-parorende', 'Barn som pårørende', 'Children as next of kin', 6),
      ('target_group', 'gravide', 'Gravide', 'Pregnant women', 7),
      ('category', 'lavterskel', 'Lavterskel', 'Low threshold', 1),
      ('category', 'bolig', 'Bolig', 'Housing', 2),
      ('category', 'arbeid-og-aktivitet', 'Arbeid og aktivitet', 'Work and activity', 3),
      ('category', 'behandling', 'Behandling', 'Treatment', 4),
      ('category', 'helse', 'Helse', 'Health', 5),
      ('category', 'radgivning', 'Rådgivning', 'Counselling', 6),
      ('category', 'selvhjelp-og-likepersoner', 'Selvhjelp og likepersoner', 'Self-help and peer support', 7),
      ('category', 'akutt', 'Akutt', 'Emergency', 8)`.execute(db);

  await sql`
    create table dir_service_term (
      service_id uuid not null references dir_service (id) on delete cascade,
      term_id uuid not null references dir_taxonomy_term (id),
      primary key (service_id, term_id)
    )`.execute(db);

  await sql`
    create table dir_service_language (
      service_id uuid not null references dir_service (id) on delete cascade,
      code text not null check (code ~ '^[a-z]{2,3}$'),
      primary key (service_id, code)
    )`.execute(db);

  // Weekly rules (kind 'weekly') and dated exceptions (kind 'exception'); minutes of the local
  // Oslo day; closes_min <= opens_min runs past midnight.
  await sql`
    create table dir_schedule (
      id uuid primary key default gen_random_uuid(),
      service_id uuid not null references dir_service (id) on delete cascade,
      kind text not null check (kind in ('weekly', 'exception')),
      weekday integer check (weekday between 1 and 7),
      opens_min integer check (opens_min between 0 and 1439),
      closes_min integer check (closes_min between 1 and 1440),
      valid_from date,
      valid_to date,
      closed boolean not null default false,
      reason text not null default '',
      check (kind <> 'weekly' or (weekday is not null and opens_min is not null and closes_min is not null and not closed)),
      check (kind <> 'exception' or (valid_from is not null and valid_to is not null and weekday is null)),
      check (kind <> 'exception' or closed = (opens_min is null)),
      check ((opens_min is null) = (closes_min is null)),
      check (valid_from is null or valid_to is null or valid_from <= valid_to)
    )`.execute(db);
  await sql`create index dir_schedule_service on dir_schedule (service_id)`.execute(db);

  await sql`
    create table dir_phone (
      id uuid primary key default gen_random_uuid(),
      service_id uuid not null references dir_service (id) on delete cascade,
      number text not null check (length(number) between 3 and 40),
      description text not null default '',
      position integer not null default 0
    )`.execute(db);
  await sql`create index dir_phone_service on dir_phone (service_id)`.execute(db);

  await sql`
    create table dir_contact (
      id uuid primary key default gen_random_uuid(),
      service_id uuid not null references dir_service (id) on delete cascade,
      name text not null default '',
      title text not null default '',
      email text not null default '',
      phone text not null default '',
      position integer not null default 0
    )`.execute(db);
  await sql`create index dir_contact_service on dir_contact (service_id)`.execute(db);

  // Full change history of the working copy: who changed what, when (the audit log has it too,
  // but this one is for editors and shows field-level changes).
  await sql`
    create table dir_change (
      id bigint generated always as identity primary key,
      service_id uuid not null references dir_service (id) on delete cascade,
      changed_at timestamptz not null default now(),
      actor_id uuid references app_user (id),
      actor_name text not null default '',
      action text not null,
      changes jsonb not null default '{}'
    )`.execute(db);
  await sql`create index dir_change_service on dir_change (service_id, id)`.execute(db);

  // The published snapshot, one row per published service: denormalised for search and filters.
  // `document` is the complete public view (no confidential address in it, by construction).
  await sql`
    create table dir_public_service (
      service_id uuid primary key references dir_service (id) on delete cascade,
      organization_id uuid not null,
      name text not null,
      organization_name text not null,
      status text not null,
      target_groups text[] not null default '{}',
      categories text[] not null default '{}',
      city_wide boolean not null,
      districts text[] not null default '{}',
      languages text[] not null default '{}',
      free_of_charge boolean,
      referral_required boolean,
      minimum_age integer,
      maximum_age integer,
      wheelchair boolean not null default false,
      has_hours boolean not null default false,
      last_verified_on date,
      search_nb tsvector not null,
      search_en tsvector not null,
      name_key text not null,
      document jsonb not null,
      published_at timestamptz not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index dir_public_service_search_nb on dir_public_service using gin (search_nb)`.execute(db);
  await sql`create index dir_public_service_search_en on dir_public_service using gin (search_en)`.execute(db);
  await sql`create index dir_public_service_groups on dir_public_service using gin (target_groups)`.execute(db);
  await sql`create index dir_public_service_categories on dir_public_service using gin (categories)`.execute(db);
  await sql`create index dir_public_service_districts on dir_public_service using gin (districts)`.execute(db);
  await sql`create index dir_public_service_org on dir_public_service (organization_id)`.execute(db);
  await sql`create index dir_public_service_name on dir_public_service (name_key, service_id)`.execute(db);

  // Public points for distance (confidential locations are left out: a distance would reveal them).
  await sql`
    create table dir_public_point (
      service_id uuid not null references dir_public_service (service_id) on delete cascade,
      latitude double precision not null,
      longitude double precision not null
    )`.execute(db);
  await sql`create index dir_public_point_service on dir_public_point (service_id)`.execute(db);

  // Published opening hours, copied so "open now" can be filtered in SQL.
  await sql`
    create table dir_public_schedule (
      service_id uuid not null references dir_public_service (service_id) on delete cascade,
      kind text not null,
      weekday integer,
      opens_min integer,
      closes_min integer,
      valid_from date,
      valid_to date,
      closed boolean not null
    )`.execute(db);
  await sql`create index dir_public_schedule_service on dir_public_schedule (service_id)`.execute(db);

  // Words of the published texts, for typo tolerance: a query word not found is replaced by the
  // closest known words (trigram similarity).
  await sql`
    create table dir_public_word (
      word text primary key,
      services integer not null default 0
    )`.execute(db);
  await sql`create index dir_public_word_trgm on dir_public_word using gin (word gin_trgm_ops)`.execute(db);

  // Import runs (HSDS JSON / 1.x data packages): preview first, then one transaction on confirm.
  await sql`
    create table dir_import (
      id uuid primary key default gen_random_uuid(),
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      format text not null,
      state text not null default 'preview' check (state in ('preview', 'running', 'done', 'failed')),
      total integer not null default 0,
      processed integer not null default 0,
      report jsonb not null default '{}',
      finished_at timestamptz
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'dir_import', 'dir_public_word', 'dir_public_schedule', 'dir_public_point', 'dir_public_service', 'dir_change',
    'dir_contact', 'dir_phone', 'dir_schedule', 'dir_service_language', 'dir_service_term', 'dir_taxonomy_term',
    'dir_service_area', 'dir_service_at_location', 'dir_service', 'dir_location', 'dir_organization',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
