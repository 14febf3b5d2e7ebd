import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../test/harness.js';
import type { Database } from './schema.js';

/**
 * The hand-written table types (schema.ts) must match the migrated database. The object below is
 * type-checked to name every column of every table in `Database` (no more, no fewer), and the test
 * compares it with what the migrations actually created.
 */
type Columns<T> = { [K in keyof T]-?: true };
const declared: { [Table in keyof Database]: Columns<Database[Table]> } = {
  org_unit: { id: true, parent_id: true, kind: true, name: true, code: true, path: true, depth: true, active: true, created_at: true, updated_at: true },
  app_user: {
    id: true,
    username: true,
    display_name: true,
    email: true,
    home_unit_id: true,
    password_hash: true,
    password_changed_at: true,
    totp_secret: true,
    totp_enabled_at: true,
    totp_last_step: true,
    active: true,
    last_login_at: true,
    created_at: true,
    updated_at: true,
  },
  role_assignment: { id: true, user_id: true, role: true, unit_id: true, granted_by: true, created_at: true },
  user_session: {
    id: true,
    token_hash: true,
    user_id: true,
    login_complete: true,
    mfa: true,
    created_at: true,
    last_seen_at: true,
    absolute_expires_at: true,
    revoked_at: true,
    revoked_reason: true,
    ip: true,
    user_agent: true,
  },
  login_attempt: { username: true, ip: true, failures: true, last_failure_at: true, locked_until: true },
  audit_event: {
    id: true,
    occurred_at: true,
    actor_user_id: true,
    action: true,
    resource_type: true,
    resource_id: true,
    client_id: true,
    basis: true,
    reason: true,
    request_id: true,
    ip: true,
    outcome: true,
    details: true,
    prev_hash: true,
    hash: true,
  },
  plan: {
    id: true,
    owner_unit_id: true,
    title: true,
    description: true,
    start_year: true,
    end_year: true,
    state: true,
    adopted_on: true,
    levels: true,
    status_terms: true,
    reporting_cycle: true,
    report_due_days: true,
    links: true,
    published_at: true,
    created_by: true,
    created_at: true,
    updated_at: true,
  },
  plan_item: {
    id: true,
    plan_id: true,
    parent_id: true,
    level: true,
    position: true,
    code: true,
    title: true,
    description: true,
    partners: true,
    target_groups: true,
    deadline_text: true,
    deadline: true,
    created_at: true,
    updated_at: true,
  },
  plan_item_unit: { item_id: true, unit_id: true },
  plan_item_partner: { item_id: true, unit_id: true },
  measure_status: { id: true, item_id: true, status_code: true, remark: true, reported_on: true, author_user_id: true, created_at: true },
  status_report: {
    id: true,
    plan_id: true,
    period_label: true,
    period_start: true,
    period_end: true,
    state: true,
    snapshot: true,
    created_by: true,
    created_at: true,
    updated_at: true,
    approved_by: true,
    approved_at: true,
    published_at: true,
  },
};

describeEachEngine('schema.ts', (get) => {
  it('declares exactly the tables and columns the migrations create', async () => {
    const rows = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name not like 'schema_migration%'
      order by table_name, column_name
    `.execute(get().db);
    const actual: Record<string, string[]> = {};
    for (const row of rows.rows) (actual[row.table_name] ??= []).push(row.column_name);
    const expected = Object.fromEntries(Object.entries(declared).map(([table, columns]) => [table, Object.keys(columns).sort()]));
    expect(actual).toEqual(expected);
  });
});
