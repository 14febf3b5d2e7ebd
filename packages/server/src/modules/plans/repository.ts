import { sql } from 'kysely';
import type { DeadlineValue, PlanLevel, PlanLink, StatusTerm } from '@rusfag/core';
import type { DbOrTrx } from '../../platform/context.js';
import type { ListScope } from '../../platform/policy.js';
import { pathInScope } from '../../platform/scope-sql.js';

/** jsonb comes back parsed from pg and, inside some expressions, as text from PGlite. */
function json<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

const planColumns = [
  'p.id',
  'p.owner_unit_id',
  'owner.name as owner_name',
  'owner.path as owner_path',
  'p.title',
  'p.description',
  'p.start_year',
  'p.end_year',
  'p.state',
  'p.adopted_on',
  'p.levels',
  'p.status_terms',
  'p.reporting_cycle',
  'p.report_due_days',
  'p.links',
  'p.published_at',
] as const;

function plansQuery(db: DbOrTrx) {
  return db.selectFrom('plan as p').innerJoin('org_unit as owner', 'owner.id', 'p.owner_unit_id');
}

function normalisePlan<T extends { levels: unknown; status_terms: unknown; links: unknown }>(row: T) {
  return {
    ...row,
    levels: json(row.levels as PlanLevel[] | string),
    status_terms: json(row.status_terms as StatusTerm[] | string),
    links: json(row.links as PlanLink[] | string),
  };
}
export type PlanRow = ReturnType<typeof normalisePlan<Awaited<ReturnType<typeof findPlanRaw>> & {}>>;

async function findPlanRaw(db: DbOrTrx, id: string) {
  return plansQuery(db).select(planColumns).where('p.id', '=', id).executeTakeFirst();
}

export async function findPlan(db: DbOrTrx, id: string) {
  const row = await findPlanRaw(db, id);
  return row ? normalisePlan(row) : undefined;
}

export async function listPlans(db: DbOrTrx, scope: ListScope, filter: { publishedOnly?: boolean } = {}) {
  let query = plansQuery(db).select(planColumns).where(pathInScope(sql.ref('owner.path'), scope));
  if (filter.publishedOnly) query = query.where('p.published_at', 'is not', null);
  const rows = await query.orderBy('owner.name').orderBy('p.start_year', 'desc').orderBy('p.title').execute();
  return rows.map(normalisePlan);
}

export async function insertPlan(
  db: DbOrTrx,
  plan: {
    ownerUnitId: string;
    title: string;
    description: string;
    startYear: number;
    endYear: number;
    levels: readonly PlanLevel[];
    statusTerms: readonly StatusTerm[];
    reportingCycle: 'yearly' | 'tertial';
    createdBy: string;
  },
) {
  return db
    .insertInto('plan')
    .values({
      owner_unit_id: plan.ownerUnitId,
      title: plan.title,
      description: plan.description,
      start_year: plan.startYear,
      end_year: plan.endYear,
      levels: JSON.stringify(plan.levels),
      status_terms: JSON.stringify(plan.statusTerms),
      reporting_cycle: plan.reportingCycle,
      created_by: plan.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updatePlan(
  db: DbOrTrx,
  id: string,
  changes: {
    title?: string;
    description?: string;
    start_year?: number;
    end_year?: number;
    levels?: PlanLevel[];
    status_terms?: StatusTerm[];
    reporting_cycle?: 'yearly' | 'tertial';
    report_due_days?: number;
    links?: PlanLink[];
    state?: 'draft' | 'adopted' | 'archived';
    adopted_on?: string | null;
    published_at?: Date | null;
  },
) {
  const { levels, status_terms, links, ...plain } = changes;
  await db
    .updateTable('plan')
    .set({
      ...plain,
      ...(levels ? { levels: JSON.stringify(levels) } : {}),
      ...(status_terms ? { status_terms: JSON.stringify(status_terms) } : {}),
      ...(links ? { links: JSON.stringify(links) } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export interface ItemRow {
  id: string;
  parent_id: string | null;
  level: number;
  position: number;
  code: string | null;
  title: string;
  description: string;
  partners: string;
  target_groups: string[];
  deadline_text: string;
  deadline: DeadlineValue;
  status_code: string | null;
  status_remark: string | null;
  status_reported_on: string | null;
  /** Responsible units. */
  units: { id: string; name: string; path: string }[];
  /** Partners that are units of the tree (the free text is `partners`). */
  partner_units: { id: string; name: string; path: string }[];
}

/**
 * The whole plan: items with their latest status (the newest report date, then the newest entry),
 * then the responsible and partner units together in a second, plain query — cheaper than a
 * json_agg per item when a plan has thousands of measures.
 */
export async function listItems(db: DbOrTrx, planId: string): Promise<ItemRow[]> {
  const result = await sql<Omit<ItemRow, 'units' | 'partner_units'> & { deadline: DeadlineValue | string }>`
    select i.id, i.parent_id, i.level, i.position, i.code, i.title, i.description, i.partners, i.target_groups,
      i.deadline_text, i.deadline,
      s.status_code, s.remark as status_remark, s.reported_on as status_reported_on
    from plan_item i
    left join lateral (
      select ms.status_code, ms.remark, ms.reported_on from measure_status ms
      where ms.item_id = i.id order by ms.reported_on desc, ms.created_at desc limit 1
    ) s on true
    where i.plan_id = ${planId}
    order by i.level, i.position
  `.execute(db);
  const units = await db
    .selectFrom('plan_item_unit as iu')
    .innerJoin('plan_item as i', 'i.id', 'iu.item_id')
    .innerJoin('org_unit as u', 'u.id', 'iu.unit_id')
    .select([sql<boolean>`false`.as('partner'), 'iu.item_id', 'u.id', 'u.name', 'u.path'])
    .where('i.plan_id', '=', planId)
    .unionAll(
      db
        .selectFrom('plan_item_partner as ip')
        .innerJoin('plan_item as i', 'i.id', 'ip.item_id')
        .innerJoin('org_unit as u', 'u.id', 'ip.unit_id')
        .select([sql<boolean>`true`.as('partner'), 'ip.item_id', 'u.id', 'u.name', 'u.path'])
        .where('i.plan_id', '=', planId),
    )
    .orderBy('name')
    .orderBy('id')
    .execute();
  const responsible = new Map<string, ItemRow['units']>();
  const partners = new Map<string, ItemRow['units']>();
  for (const unit of units) {
    const byItem = unit.partner ? partners : responsible;
    const list = byItem.get(unit.item_id);
    const entry = { id: unit.id, name: unit.name, path: unit.path };
    if (list) list.push(entry);
    else byItem.set(unit.item_id, [entry]);
  }
  return result.rows.map((row) => ({
    ...row,
    units: responsible.get(row.id) ?? [],
    partner_units: partners.get(row.id) ?? [],
    deadline: json(row.deadline),
  }));
}

export async function findItem(db: DbOrTrx, planId: string, itemId: string) {
  return db
    .selectFrom('plan_item')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export async function unitPathsOfItem(db: DbOrTrx, itemId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plan_item_unit as iu')
    .innerJoin('org_unit as u', 'u.id', 'iu.unit_id')
    .select('u.path')
    .where('iu.item_id', '=', itemId)
    .execute();
  return rows.map((row) => row.path);
}

export async function siblingCodeTaken(db: DbOrTrx, planId: string, parentId: string | null, code: string, exceptId?: string) {
  let query = db
    .selectFrom('plan_item')
    .select('id')
    .where('plan_id', '=', planId)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .where(sql<boolean>`lower(code) = lower(${code})`);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function countSiblings(db: DbOrTrx, planId: string, parentId: string | null): Promise<number> {
  const row = await db
    .selectFrom('plan_item')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('plan_id', '=', planId)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Makes room at `position` among the siblings (positions stay 0, 1, 2 … without gaps). */
export async function shiftSiblings(db: DbOrTrx, planId: string, parentId: string | null, fromPosition: number, by: 1 | -1) {
  await db
    .updateTable('plan_item')
    .set({ position: sql`position + ${by}` })
    .where('plan_id', '=', planId)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .where('position', '>=', fromPosition)
    .execute();
}

export interface NewItem {
  planId: string;
  parentId: string | null;
  level: number;
  position: number;
  code: string | null;
  title: string;
  description: string;
  partners: string;
  targetGroups: string[];
  deadlineText: string;
  deadline: DeadlineValue;
}

export async function insertItem(db: DbOrTrx, item: NewItem) {
  return db
    .insertInto('plan_item')
    .values({
      plan_id: item.planId,
      parent_id: item.parentId,
      level: item.level,
      position: item.position,
      code: item.code,
      title: item.title,
      description: item.description,
      partners: item.partners,
      target_groups: item.targetGroups,
      deadline_text: item.deadlineText,
      deadline: JSON.stringify(item.deadline),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateItem(
  db: DbOrTrx,
  id: string,
  changes: Partial<Pick<NewItem, 'code' | 'title' | 'description' | 'partners' | 'targetGroups' | 'deadlineText' | 'deadline' | 'parentId' | 'level' | 'position'>>,
) {
  await db
    .updateTable('plan_item')
    .set({
      ...(changes.code !== undefined ? { code: changes.code } : {}),
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.partners !== undefined ? { partners: changes.partners } : {}),
      ...(changes.targetGroups !== undefined ? { target_groups: changes.targetGroups } : {}),
      ...(changes.deadlineText !== undefined ? { deadline_text: changes.deadlineText } : {}),
      ...(changes.deadline !== undefined ? { deadline: JSON.stringify(changes.deadline) } : {}),
      ...(changes.parentId !== undefined ? { parent_id: changes.parentId } : {}),
      ...(changes.level !== undefined ? { level: changes.level } : {}),
      ...(changes.position !== undefined ? { position: changes.position } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function setItemUnits(db: DbOrTrx, itemId: string, unitIds: readonly string[]) {
  await db.deleteFrom('plan_item_unit').where('item_id', '=', itemId).execute();
  if (unitIds.length > 0) {
    await db
      .insertInto('plan_item_unit')
      .values([...new Set(unitIds)].map((unit_id) => ({ item_id: itemId, unit_id })))
      .execute();
  }
}

/** Replaces the partner units of an item (the free-text partners are a column of the item). */
export async function setItemPartners(db: DbOrTrx, itemId: string, unitIds: readonly string[]) {
  await db.deleteFrom('plan_item_partner').where('item_id', '=', itemId).execute();
  if (unitIds.length > 0) {
    await db
      .insertInto('plan_item_partner')
      .values([...new Set(unitIds)].map((unit_id) => ({ item_id: itemId, unit_id })))
      .execute();
  }
}

/** The partner units an item has now (also closed ones, which it may keep). */
export async function partnerIdsOfItem(db: DbOrTrx, itemId: string): Promise<string[]> {
  const rows = await db.selectFrom('plan_item_partner').select('unit_id').where('item_id', '=', itemId).execute();
  return rows.map((row) => row.unit_id);
}

export async function deleteItem(db: DbOrTrx, itemId: string) {
  await db.deleteFrom('plan_item').where('id', '=', itemId).execute();
}

/** Ids of an item and everything below it. */
export async function subtreeIds(db: DbOrTrx, itemId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive sub as (
      select id from plan_item where id = ${itemId}
      union all
      select c.id from plan_item c join sub on c.parent_id = sub.id
    )
    select id from sub
  `.execute(db);
  return result.rows.map((row) => row.id);
}

/** Moves every item in `ids` down or up by `delta` levels (when their subtree moves to another depth). */
export async function shiftLevels(db: DbOrTrx, ids: readonly string[], delta: number) {
  if (ids.length === 0 || delta === 0) return;
  await db
    .updateTable('plan_item')
    .set({ level: sql`level + ${delta}` })
    .where('id', 'in', ids)
    .execute();
}

export async function insertStatuses(
  db: DbOrTrx,
  rows: { itemId: string; statusCode: string; remark: string; reportedOn: string; authorUserId: string | null }[],
) {
  if (rows.length === 0) return;
  // In chunks: a plan can report thousands of measures at once.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('measure_status')
      .values(
        rows.slice(i, i + 500).map((row) => ({
          item_id: row.itemId,
          status_code: row.statusCode,
          remark: row.remark,
          reported_on: row.reportedOn,
          author_user_id: row.authorUserId,
        })),
      )
      .execute();
  }
}

export async function statusHistory(db: DbOrTrx, itemId: string) {
  return db
    .selectFrom('measure_status as s')
    .leftJoin('app_user as u', 'u.id', 's.author_user_id')
    .select(['s.id', 's.status_code', 's.remark', 's.reported_on', 's.created_at', 'u.display_name as author_name'])
    .where('s.item_id', '=', itemId)
    .orderBy('s.reported_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
}

/** Status history of every measure of a plan (for the public page and reports), newest first. */
export async function planStatusHistory(db: DbOrTrx, planId: string) {
  return db
    .selectFrom('measure_status as s')
    .innerJoin('plan_item as i', 'i.id', 's.item_id')
    .select(['s.item_id', 's.status_code', 's.remark', 's.reported_on', 's.created_at'])
    .where('i.plan_id', '=', planId)
    .orderBy('s.reported_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
}

// ---------------------------------------------------------------- reports

const reportColumns = [
  'r.id',
  'r.plan_id',
  'r.period_label',
  'r.period_start',
  'r.period_end',
  'r.state',
  'r.snapshot',
  'r.created_at',
  'r.updated_at',
  'r.approved_at',
  'r.published_at',
  'approver.display_name as approved_by_name',
] as const;

function reportsQuery(db: DbOrTrx) {
  return db.selectFrom('status_report as r').leftJoin('app_user as approver', 'approver.id', 'r.approved_by');
}

export async function listReports(db: DbOrTrx, planId: string) {
  const rows = await reportsQuery(db).select(reportColumns).where('r.plan_id', '=', planId).orderBy('r.period_start').execute();
  return rows.map((row) => ({ ...row, snapshot: json(row.snapshot) }));
}

export async function findReport(db: DbOrTrx, planId: string, reportId: string) {
  const row = await reportsQuery(db).select(reportColumns).where('r.plan_id', '=', planId).where('r.id', '=', reportId).executeTakeFirst();
  return row ? { ...row, snapshot: json(row.snapshot) } : undefined;
}
export type ReportRow = Awaited<ReturnType<typeof findReport>> & {};

export async function insertReport(
  db: DbOrTrx,
  report: { planId: string; label: string; start: string; end: string; snapshot: unknown; createdBy: string },
) {
  return db
    .insertInto('status_report')
    .values({
      plan_id: report.planId,
      period_label: report.label,
      period_start: report.start,
      period_end: report.end,
      snapshot: JSON.stringify(report.snapshot),
      created_by: report.createdBy,
    })
    .onConflict((oc) => oc.columns(['plan_id', 'period_start', 'period_end']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function updateReport(
  db: DbOrTrx,
  reportId: string,
  changes: { snapshot?: unknown; state?: 'approved'; approvedBy?: string; publishedAt?: Date | null },
) {
  await db
    .updateTable('status_report')
    .set({
      ...(changes.snapshot !== undefined ? { snapshot: JSON.stringify(changes.snapshot) } : {}),
      ...(changes.state ? { state: changes.state, approved_by: changes.approvedBy ?? null, approved_at: new Date() } : {}),
      ...(changes.publishedAt !== undefined ? { published_at: changes.publishedAt } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', reportId)
    .execute();
}
