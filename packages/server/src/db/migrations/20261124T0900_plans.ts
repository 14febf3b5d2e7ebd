import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code, and never change once released.

/** Action plans: plan → items (goal, strategy, measure … as the plan's levels say) → status updates. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table plan (
      id uuid primary key default gen_random_uuid(),
      owner_unit_id uuid not null references org_unit (id),
      title text not null check (length(title) between 3 and 300),
      description text not null default '',
      start_year integer not null check (start_year between 1990 and 2100),
      end_year integer not null check (end_year between start_year and start_year + 20),
      state text not null default 'draft' check (state in ('draft', 'adopted', 'archived')),
      adopted_on date,
      -- [{label, measure, council?}]: the plan's own levels (Mål → Strategi → …)
      levels jsonb not null check (jsonb_typeof(levels) = 'array' and jsonb_array_length(levels) between 1 and 8),
      -- [{code, label, category}]: the plan's status words
      status_terms jsonb not null check (jsonb_typeof(status_terms) = 'array'),
      reporting_cycle text not null default 'yearly' check (reporting_cycle in ('yearly', 'tertial')),
      -- a period's status report is due this many days after the period ends
      report_due_days integer not null default 31 check (report_due_days between 0 and 180),
      links jsonb not null default '[]',
      published_at timestamptz,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (state = 'draft' or adopted_on is not null),
      check (published_at is null or state <> 'draft')
    )`.execute(db);
  await sql`create index plan_owner on plan (owner_unit_id)`.execute(db);

  await sql`
    create table plan_item (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plan (id) on delete cascade,
      parent_id uuid references plan_item (id) on delete cascade,
      level integer not null check (level between 0 and 7),
      position integer not null check (position >= 0),
      code text check (length(code) between 1 and 20),
      title text not null check (length(title) between 1 and 2000),
      description text not null default '',
      partners text not null default '',
      target_groups text[] not null default '{}',
      deadline_text text not null default '',
      -- the parsed deadline (see core plans/deadline.ts); {kind: 'unknown'} when not understood
      deadline jsonb not null default '{"kind": "unknown"}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index plan_item_plan on plan_item (plan_id, parent_id, position)`.execute(db);
  // Codes restart under each strategy in district plans ("1", "2" …), so they are unique among siblings.
  await sql`create unique index plan_item_sibling_code on plan_item (plan_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(code)) where code is not null`.execute(db);

  await sql`
    create table plan_item_unit (
      item_id uuid not null references plan_item (id) on delete cascade,
      unit_id uuid not null references org_unit (id),
      primary key (item_id, unit_id)
    )`.execute(db);
  await sql`create index plan_item_unit_unit on plan_item_unit (unit_id)`.execute(db);

  // Every status report on a measure is kept; the current status is the latest.
  await sql`
    create table measure_status (
      id uuid primary key default gen_random_uuid(),
      item_id uuid not null references plan_item (id) on delete cascade,
      status_code text not null check (length(status_code) between 1 and 40),
      remark text not null default '',
      reported_on date not null,
      author_user_id uuid references app_user (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index measure_status_latest on measure_status (item_id, reported_on desc, created_at desc)`.execute(db);

  // A report is a frozen snapshot of the plan for a period: draft until approved, then never changed.
  await sql`
    create table status_report (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references plan (id) on delete cascade,
      period_label text not null,
      period_start date not null,
      period_end date not null check (period_end >= period_start),
      state text not null default 'draft' check (state in ('draft', 'approved')),
      snapshot jsonb not null,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      approved_by uuid references app_user (id),
      approved_at timestamptz,
      published_at timestamptz,
      unique (plan_id, period_start, period_end),
      check ((state = 'approved') = (approved_at is not null)),
      check (published_at is null or state = 'approved')
    )`.execute(db);
  await sql`
    create function status_report_frozen() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.state = 'approved' then
          raise exception 'an approved status report cannot be deleted' using errcode = '42501';
        end if;
        return old;
      end if;
      if old.state = 'approved' and (new.snapshot is distinct from old.snapshot or new.state <> 'approved'
          or new.period_start <> old.period_start or new.period_end <> old.period_end) then
        raise exception 'an approved status report cannot change' using errcode = '42501';
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`create trigger status_report_frozen before update or delete on status_report for each row execute function status_report_frozen()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists status_report, measure_status, plan_item_unit, plan_item, plan cascade`.execute(db);
  await sql`drop function if exists status_report_frozen()`.execute(db);
}
