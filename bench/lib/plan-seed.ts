/**
 * Writes a generated plan (plan-data.ts) straight into the server's database with SQL, in one
 * transaction: a few set-based INSERTs fed by one JSON parameter each (jsonb_to_recordset), so the
 * same statements work on PostgreSQL (pg) and PGlite. Then ANALYZE, as autovacuum would within a
 * minute after so many new rows, so that the measurement does not depend on when it ran.
 */
import { DEFAULT_STATUS_TERMS, DISTRICT_PLAN_LEVELS, parseDeadline } from '@rusfag/core';
import { demoOrganization, type DemoUnit } from '../../packages/server/src/demo/organizations.js';
import type { GeneratedPlan } from './plan-data.js';

/** What pg.Client and PGlite have in common. */
export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** Demo key → unit name, for the district `districtKey` and everything below it. */
function demoNames(districtKey: string): { district: DemoUnit; names: Map<string, string> } {
  const find = (unit: DemoUnit): DemoUnit | undefined =>
    unit.key === districtKey ? unit : (unit.children ?? []).map(find).find((found) => found !== undefined);
  const district = find(demoOrganization);
  if (!district?.code) throw new Error(`demo unit ${districtKey} not found (or has no code)`);
  const names = new Map<string, string>();
  const walk = (unit: DemoUnit) => {
    names.set(unit.key, unit.name);
    for (const child of unit.children ?? []) walk(child);
  };
  walk(district);
  return { district, names };
}

export interface SeededPlan {
  planId: string;
  ownerPath: string;
  /** Seconds the inserts took (without ANALYZE). */
  insertSeconds: number;
  analyzeSeconds: number;
}

export async function seedPlan(client: SqlClient, plan: GeneratedPlan): Promise<SeededPlan> {
  const { district, names } = demoNames('sth');
  const started = Date.now();
  await client.query('begin');
  try {
    const owner = (
      await client.query<{ id: string; path: string }>('select id, path from org_unit where lower(code) = lower($1)', [district.code])
    ).rows[0];
    if (!owner) throw new Error(`the demo district ${district.name} (${district.code}) is not in the database: was the demo data loaded?`);
    const units = await client.query<{ id: string; name: string }>('select id, name from org_unit where path like $1', [`${owner.path}%`]);
    const unitIds = new Map<string, string>();
    for (const [key, name] of names) {
      const matches = units.rows.filter((row) => row.name === name);
      if (matches.length !== 1 || !matches[0]) throw new Error(`demo unit ${name} found ${matches.length} times under ${district.name}`);
      unitIds.set(key, matches[0].id);
    }
    const users = await client.query<{ id: string; username: string }>('select id, username from app_user where username in ($1, $2)', [
      'planlegger.sth',
      'leder.sth',
    ]);
    const userIds = new Map(users.rows.map((row) => [row.username, row.id]));
    if (userIds.size !== 2) throw new Error('demo users planlegger.sth and leder.sth are not in the database');

    const inserted = await client.query<{ id: string }>(
      `insert into plan (owner_unit_id, title, description, start_year, end_year, state, adopted_on, levels, status_terms, reporting_cycle, created_by)
       values ($1, $2, $3, $4, $5, 'adopted', $6, $7::jsonb, $8::jsonb, 'yearly', $9)
       returning id`,
      [
        owner.id,
        plan.title,
        plan.description,
        plan.startYear,
        plan.endYear,
        `${plan.startYear}-03-01`,
        JSON.stringify(DISTRICT_PLAN_LEVELS),
        JSON.stringify(DEFAULT_STATUS_TERMS),
        userIds.get('planlegger.sth'),
      ],
    );
    const planId = inserted.rows[0]?.id;
    if (!planId) throw new Error('insert into plan returned no id');

    const period = { startYear: plan.startYear, endYear: plan.endYear };
    await client.query(
      `insert into plan_item (id, plan_id, parent_id, level, position, code, title, description, partners, target_groups, deadline_text, deadline)
       select r.id, $1, r.parent_id, r.level, r.position, r.code, r.title, r.description, r.partners,
         array(select jsonb_array_elements_text(r.target_groups)), r.deadline_text, r.deadline
       from jsonb_to_recordset($2::jsonb) as r(id uuid, parent_id uuid, level integer, position integer, code text, title text,
         description text, partners text, target_groups jsonb, deadline_text text, deadline jsonb)`,
      [
        planId,
        JSON.stringify(
          plan.items.map((item) => ({
            id: item.id,
            parent_id: item.parentId,
            level: item.level,
            position: item.position,
            code: item.code,
            title: item.title,
            description: item.description,
            partners: item.partners,
            target_groups: item.targetGroups,
            deadline_text: item.deadlineText,
            deadline: parseDeadline(item.deadlineText, period).value,
          })),
        ),
      ],
    );
    await client.query(
      `insert into plan_item_unit (item_id, unit_id)
       select r.item_id, r.unit_id from jsonb_to_recordset($1::jsonb) as r(item_id uuid, unit_id uuid)`,
      [JSON.stringify(plan.items.flatMap((item) => item.units.map((key) => ({ item_id: item.id, unit_id: unitIds.get(key) }))))],
    );
    await client.query(
      `insert into measure_status (item_id, status_code, remark, reported_on, author_user_id, created_at)
       select r.item_id, r.status_code, r.remark, r.reported_on, r.author_user_id, r.created_at
       from jsonb_to_recordset($1::jsonb) as r(item_id uuid, status_code text, remark text, reported_on date, author_user_id uuid, created_at timestamptz)`,
      [
        JSON.stringify(
          plan.statuses.map((status) => ({
            item_id: status.itemId,
            status_code: status.statusCode,
            remark: status.remark,
            reported_on: status.reportedOn,
            author_user_id: userIds.get(status.author),
            created_at: status.createdAt,
          })),
        ),
      ],
    );
    await client.query('commit');
    const insertSeconds = (Date.now() - started) / 1000;
    const analyzeStarted = Date.now();
    await client.query('analyze plan, plan_item, plan_item_unit, measure_status');
    return { planId, ownerPath: owner.path, insertSeconds, analyzeSeconds: (Date.now() - analyzeStarted) / 1000 };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}
