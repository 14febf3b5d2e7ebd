import {
  CHAPTER_PLAN_LEVELS,
  DEFAULT_STATUS_TERMS,
  DISTRICT_PLAN_LEVELS,
  WORK_PLAN_LEVELS,
  parseDeadline,
  planActions,
  rollUpProgress,
  currentPeriod,
  reportingPeriods,
  statusWindow,
  type BulkStatusRequest,
  type CreatePlanItemRequest,
  type CreatePlanRequest,
  type NewStatusRequest,
  type PlanAction,
  type PlanDetail,
  type PlanItem,
  type PlanItemList,
  type PlanLevel,
  type PlanState,
  type PlanSummary,
  type StatusTerm,
  type StatusUpdate,
  type UpdatePlanItemRequest,
  type UpdatePlanRequest,
} from '@rusfag/core';
import { audit, authorize, inTransaction, type ActorContext, type DbOrTrx, type RequestContext } from '../../platform/context.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { Actor } from '../../platform/policy.js';
import { todayInOslo } from '../../platform/time.js';
import { findUnitById } from '../organizations/service.js';
import * as repo from './repository.js';

const TEMPLATES: Record<CreatePlanRequest['template'], readonly PlanLevel[]> = {
  district: DISTRICT_PLAN_LEVELS,
  work: WORK_PLAN_LEVELS,
  chapter: CHAPTER_PLAN_LEVELS,
};

type Plan = repo.PlanRow;
const ownerScope = (plan: Plan) => ({ unitPaths: [plan.owner_path] });

/** A measure belongs to the plan's owner and to each of its responsible units. */
const measureScope = (plan: Plan, unitPaths: readonly string[]) => ({ unitPaths: [plan.owner_path, ...unitPaths] });

function termOf(plan: Plan, code: string): StatusTerm | undefined {
  return plan.status_terms.find((term) => term.code === code);
}

/** Loads a plan the actor may do `action` on, or answers 404 (also outside their organisation). */
export async function loadPlan(ctx: ActorContext, db: DbOrTrx, id: string, action: PlanAction): Promise<Plan> {
  const plan = await repo.findPlan(db, id);
  if (!plan || !ctx.policy.can(ctx.actor, 'plan.read', ownerScope(plan))) {
    authorize(ctx, action, 'list');
    throw notFound();
  }
  authorize(ctx, action, ownerScope(plan));
  return plan;
}

function assertWritable(plan: Plan): void {
  if (plan.state === 'archived') throw new AppError(409, 'plan_archived');
}

function planSummary(ctx: RequestContext & { actor: Actor }, plan: Plan, items: readonly repo.ItemRow[]): PlanSummary {
  return {
    id: plan.id,
    ownerUnitId: plan.owner_unit_id,
    ownerName: plan.owner_name,
    title: plan.title,
    startYear: plan.start_year,
    endYear: plan.end_year,
    state: plan.state,
    adoptedOn: plan.adopted_on,
    publishedAt: plan.published_at?.toISOString() ?? null,
    progress: progressOf(plan, items).plan,
    // Statuses are reported per measure; the plan-level list says whether the actor reports anywhere.
    actions: ctx.policy.permitted(ctx.actor, planActions, ownerScope(plan)),
  };
}

/** Items in plan order: depth first by position, so a list reads like the plan document. */
export function treeOrder<T extends { id: string; parent_id: string | null; position: number }>(items: readonly T[]): T[] {
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const siblings = children.get(item.parent_id);
    if (siblings) siblings.push(item);
    else children.set(item.parent_id, [item]);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.position - b.position);
  const ordered: T[] = [];
  const visit = (parentId: string | null) => {
    for (const item of children.get(parentId) ?? []) {
      ordered.push(item);
      visit(item.id);
    }
  };
  visit(null);
  return ordered;
}

function progressOf(plan: Plan, items: readonly repo.ItemRow[]) {
  return rollUpProgress(
    items.map((item) => ({
      id: item.id,
      parentId: item.parent_id,
      level: item.level,
      category: item.status_code ? (termOf(plan, item.status_code)?.category ?? null) : null,
    })),
    plan.levels,
  );
}

export async function listPlans(ctx: ActorContext): Promise<PlanSummary[]> {
  authorize(ctx, 'plan.read', 'list');
  const plans = await repo.listPlans(ctx.db, ctx.policy.listScope(ctx.actor, 'plan.read'));
  const result: PlanSummary[] = [];
  for (const plan of plans) result.push(planSummary(ctx, plan, await repo.listItems(ctx.db, plan.id)));
  return result;
}

function planDetail(ctx: ActorContext, plan: Plan, items: readonly repo.ItemRow[]): PlanDetail {
  return {
    ...planSummary(ctx, plan, items),
    description: plan.description,
    levels: plan.levels,
    statusTerms: plan.status_terms,
    reportingCycle: plan.reporting_cycle,
    reportDueDays: plan.report_due_days,
    links: plan.links,
  };
}

export async function getPlan(ctx: ActorContext, id: string): Promise<PlanDetail> {
  const plan = await loadPlan(ctx, ctx.db, id, 'plan.read');
  return planDetail(ctx, plan, await repo.listItems(ctx.db, id));
}

export async function createPlan(ctx: ActorContext, input: CreatePlanRequest): Promise<PlanDetail> {
  if (input.endYear < input.startYear || input.endYear > input.startYear + 20) throw fieldError('endYear', 'plan_period_invalid');
  return inTransaction(ctx, async (trx) => {
    const owner = await findUnitById(trx, input.ownerUnitId);
    if (!owner || !owner.active || !ctx.policy.can(ctx.actor, 'plan.create', { unitPaths: [owner.path] })) {
      throw fieldError('ownerUnitId', 'unit_not_found', 404);
    }
    if (owner.kind !== 'district' && owner.kind !== 'agency') throw fieldError('ownerUnitId', 'plan_owner_kind');
    const { id } = await repo.insertPlan(trx, {
      ownerUnitId: owner.id,
      title: input.title,
      description: input.description,
      startYear: input.startYear,
      endYear: input.endYear,
      levels: input.levels ?? TEMPLATES[input.template],
      statusTerms: DEFAULT_STATUS_TERMS,
      reportingCycle: input.reportingCycle,
      createdBy: ctx.actor.userId,
    });
    await audit(ctx, trx, { action: 'plan.create', resourceType: 'plan', resourceId: id, details: { ownerUnitId: owner.id } });
    return planDetail(ctx, (await repo.findPlan(trx, id))!, []);
  });
}

export async function updatePlan(ctx: ActorContext, id: string, input: UpdatePlanRequest): Promise<PlanDetail> {
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, id, 'plan.update');
    assertWritable(plan);
    const startYear = input.startYear ?? plan.start_year;
    const endYear = input.endYear ?? plan.end_year;
    if (endYear < startYear || endYear > startYear + 20) throw fieldError('endYear', 'plan_period_invalid');
    const items = await repo.listItems(trx, id);
    if (input.levels) {
      const deepest = Math.max(-1, ...items.map((item) => item.level));
      if (input.levels.length <= deepest) throw fieldError('levels', 'plan_levels_too_few');
    }
    if (input.statusTerms) {
      const codes = new Set<string>();
      for (const [index, term] of input.statusTerms.entries()) {
        if (codes.has(term.code)) throw fieldError(`statusTerms.${index}.code`, 'plan_status_duplicate');
        codes.add(term.code);
      }
      const used = await trx
        .selectFrom('measure_status as s')
        .innerJoin('plan_item as i', 'i.id', 's.item_id')
        .select('s.status_code')
        .distinct()
        .where('i.plan_id', '=', id)
        .execute();
      if (used.some((row) => !codes.has(row.status_code))) throw fieldError('statusTerms', 'plan_status_in_use');
    }
    // A link to a plan in Rusfag must name a plan the planner can read (and not the plan itself).
    for (const [index, link] of (input.links ?? []).entries()) {
      if (!link.planId) continue;
      const target = link.planId === id ? undefined : await repo.findPlan(trx, link.planId);
      if (!target || !ctx.policy.can(ctx.actor, 'plan.read', ownerScope(target))) throw fieldError(`links.${index}.planId`, 'plan_link_unknown');
    }
    await repo.updatePlan(trx, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.startYear !== undefined ? { start_year: input.startYear } : {}),
      ...(input.endYear !== undefined ? { end_year: input.endYear } : {}),
      ...(input.levels ? { levels: input.levels } : {}),
      ...(input.statusTerms ? { status_terms: input.statusTerms } : {}),
      ...(input.reportingCycle ? { reporting_cycle: input.reportingCycle } : {}),
      ...(input.reportDueDays !== undefined ? { report_due_days: input.reportDueDays } : {}),
      ...(input.links ? { links: input.links.map((link) => ({ ...link, url: link.url ?? null, planId: link.planId ?? null })) } : {}),
    });
    await audit(ctx, trx, { action: 'plan.update', resourceType: 'plan', resourceId: id, details: { fields: Object.keys(input) } });
    return planDetail(ctx, (await repo.findPlan(trx, id))!, items);
  });
}

/** draft → adopted (with the adoption date) → archived; an archived plan may be taken back into use. */
const STATE_CHANGES: Record<PlanState, readonly PlanState[]> = {
  draft: ['adopted'],
  adopted: ['archived'],
  archived: ['adopted'],
};

export async function changeState(ctx: ActorContext, id: string, input: { state: PlanState; adoptedOn?: string | undefined }) {
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, id, 'plan.update');
    if (!STATE_CHANGES[plan.state].includes(input.state)) throw new AppError(409, 'plan_invalid_state_change');
    const adoptedOn = input.adoptedOn ?? plan.adopted_on;
    if (input.state === 'adopted' && !adoptedOn) throw fieldError('adoptedOn', 'plan_adopted_on_required');
    if (adoptedOn && adoptedOn > todayInOslo()) throw fieldError('adoptedOn', 'date_in_future');
    await repo.updatePlan(trx, id, { state: input.state, adopted_on: adoptedOn ?? null });
    await audit(ctx, trx, { action: 'plan.changeState', resourceType: 'plan', resourceId: id, details: { from: plan.state, to: input.state } });
    return planDetail(ctx, (await repo.findPlan(trx, id))!, await repo.listItems(trx, id));
  });
}

export async function publish(ctx: ActorContext, id: string, published: boolean) {
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, id, 'plan.publish');
    if (published && plan.state === 'draft') throw new AppError(409, 'plan_not_adopted');
    await repo.updatePlan(trx, id, { published_at: published ? (plan.published_at ?? new Date()) : null });
    await audit(ctx, trx, { action: 'plan.publish', resourceType: 'plan', resourceId: id, details: { published } });
    return planDetail(ctx, (await repo.findPlan(trx, id))!, await repo.listItems(trx, id));
  });
}

// ---------------------------------------------------------------- items

/** The plan tree as sent to the client; `ctx` null for the public view (no actions beyond reading). */
export function presentItems(ctx: ActorContext | null, plan: Plan, items: readonly repo.ItemRow[]): PlanItemList {
  const { byItem, plan: total } = progressOf(plan, items);
  const mayUpdatePlan = ctx !== null && plan.state !== 'archived' && ctx.policy.can(ctx.actor, 'plan.update', ownerScope(plan));
  const ordered = treeOrder(items);
  const result: PlanItem[] = ordered.map((item) => {
    const isMeasure = plan.levels[item.level]?.measure ?? false;
    const term = item.status_code ? termOf(plan, item.status_code) : undefined;
    const actions: PlanAction[] = ['plan.read'];
    if (mayUpdatePlan) actions.push('plan.update');
    if (
      ctx &&
      isMeasure &&
      plan.state !== 'archived' &&
      ctx.policy.can(ctx.actor, 'measure.updateStatus', measureScope(plan, item.units.map((unit) => unit.path)))
    ) {
      actions.push('measure.updateStatus');
    }
    return {
      id: item.id,
      parentId: item.parent_id,
      level: item.level,
      position: item.position,
      code: item.code,
      title: item.title,
      description: item.description,
      responsibleUnits: item.units.map((unit) => ({ id: unit.id, name: unit.name })),
      partnerUnits: item.partner_units.map((unit) => ({ id: unit.id, name: unit.name })),
      partners: item.partners,
      targetGroups: item.target_groups,
      deadlineText: item.deadline_text,
      deadline: item.deadline,
      status:
        item.status_code && item.status_reported_on
          ? {
              code: item.status_code,
              label: term?.label ?? item.status_code,
              category: term?.category ?? 'in_progress',
              remark: item.status_remark ?? '',
              reportedOn: item.status_reported_on,
            }
          : null,
      progress: byItem.get(item.id)!,
      actions,
    };
  });
  return { items: result, progress: total };
}

export async function listItems(ctx: ActorContext, planId: string): Promise<PlanItemList> {
  const plan = await loadPlan(ctx, ctx.db, planId, 'plan.read');
  return presentItems(ctx, plan, await repo.listItems(ctx.db, planId));
}

async function checkUnits(db: DbOrTrx, unitIds: readonly string[]) {
  for (const [index, unitId] of unitIds.entries()) {
    const unit = await findUnitById(db, unitId);
    if (!unit || !unit.active) throw fieldError(`responsibleUnitIds.${index}`, 'unit_not_found');
  }
}

/**
 * Partner units may be any unit of the tree (partners are often other agencies), but must exist;
 * a closed unit may stay on an item that already has it, and cannot be added.
 */
async function checkPartnerUnits(db: DbOrTrx, unitIds: readonly string[], current: readonly string[] = []) {
  for (const [index, unitId] of unitIds.entries()) {
    const unit = await findUnitById(db, unitId);
    if (!unit || (!unit.active && !current.includes(unitId))) throw fieldError(`partnerUnitIds.${index}`, 'unit_not_found');
  }
}

async function itemOrNotFound(db: DbOrTrx, planId: string, itemId: string) {
  const item = await repo.findItem(db, planId, itemId);
  if (!item) throw notFound();
  return item;
}

export async function createItem(ctx: ActorContext, planId: string, input: CreatePlanItemRequest): Promise<PlanItemList> {
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, planId, 'plan.update');
    assertWritable(plan);
    let level = 0;
    if (input.parentId) {
      const parent = await repo.findItem(trx, planId, input.parentId);
      if (!parent) throw fieldError('parentId', 'plan_parent_not_found');
      level = parent.level + 1;
    }
    if (level >= plan.levels.length) throw fieldError('parentId', 'plan_level_too_deep');
    const code = input.code || null;
    if (code && (await repo.siblingCodeTaken(trx, planId, input.parentId, code))) throw fieldError('code', 'plan_code_taken', 409);
    await checkUnits(trx, input.responsibleUnitIds ?? []);
    await checkPartnerUnits(trx, input.partnerUnitIds ?? []);
    const siblings = await repo.countSiblings(trx, planId, input.parentId);
    const position = Math.min(input.position ?? siblings, siblings);
    await repo.shiftSiblings(trx, planId, input.parentId, position, 1);
    const deadlineText = input.deadlineText ?? '';
    const { id } = await repo.insertItem(trx, {
      planId,
      parentId: input.parentId,
      level,
      position,
      code,
      title: input.title,
      description: input.description ?? '',
      partners: input.partners ?? '',
      targetGroups: input.targetGroups ?? [],
      deadlineText,
      deadline: parseDeadline(deadlineText, { startYear: plan.start_year, endYear: plan.end_year }).value,
    });
    await repo.setItemUnits(trx, id, input.responsibleUnitIds ?? []);
    await repo.setItemPartners(trx, id, input.partnerUnitIds ?? []);
    await audit(ctx, trx, { action: 'plan.createItem', resourceType: 'plan_item', resourceId: id, details: { planId } });
    return presentItems(ctx, plan, await repo.listItems(trx, planId));
  });
}

export async function updateItem(ctx: ActorContext, planId: string, itemId: string, input: UpdatePlanItemRequest): Promise<PlanItemList> {
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, planId, 'plan.update');
    assertWritable(plan);
    const item = await itemOrNotFound(trx, planId, itemId);
    const code = input.code === undefined ? undefined : input.code || null;
    if (code && (await repo.siblingCodeTaken(trx, planId, item.parent_id, code, itemId))) throw fieldError('code', 'plan_code_taken', 409);
    if (input.responsibleUnitIds) await checkUnits(trx, input.responsibleUnitIds);
    if (input.partnerUnitIds) await checkPartnerUnits(trx, input.partnerUnitIds, await repo.partnerIdsOfItem(trx, itemId));
    await repo.updateItem(trx, itemId, {
      ...(code !== undefined ? { code } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.partners !== undefined ? { partners: input.partners } : {}),
      ...(input.targetGroups !== undefined ? { targetGroups: input.targetGroups } : {}),
      ...(input.deadlineText !== undefined
        ? {
            deadlineText: input.deadlineText,
            deadline: parseDeadline(input.deadlineText, { startYear: plan.start_year, endYear: plan.end_year }).value,
          }
        : {}),
    });
    if (input.responsibleUnitIds) await repo.setItemUnits(trx, itemId, input.responsibleUnitIds);
    if (input.partnerUnitIds) await repo.setItemPartners(trx, itemId, input.partnerUnitIds);
    await audit(ctx, trx, { action: 'plan.updateItem', resourceType: 'plan_item', resourceId: itemId, details: { planId, fields: Object.keys(input) } });
    return presentItems(ctx, plan, await repo.listItems(trx, planId));
  });
}

export async function deleteItem(ctx: ActorContext, planId: string, itemId: string): Promise<PlanItemList> {
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, planId, 'plan.update');
    assertWritable(plan);
    const item = await itemOrNotFound(trx, planId, itemId);
    const ids = await repo.subtreeIds(trx, itemId);
    const history = await trx.selectFrom('measure_status').select('id').where('item_id', 'in', ids).executeTakeFirst();
    if (history) throw new AppError(409, 'plan_item_has_history');
    await repo.deleteItem(trx, itemId);
    await repo.shiftSiblings(trx, planId, item.parent_id, item.position + 1, -1);
    await audit(ctx, trx, { action: 'plan.deleteItem', resourceType: 'plan_item', resourceId: itemId, details: { planId, removed: ids.length } });
    return presentItems(ctx, plan, await repo.listItems(trx, planId));
  });
}

/** Moves an item (with everything below it) to another parent and/or position. */
export async function moveItem(
  ctx: ActorContext,
  planId: string,
  itemId: string,
  input: { parentId: string | null; position: number },
): Promise<PlanItemList> {
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, planId, 'plan.update');
    assertWritable(plan);
    const item = await itemOrNotFound(trx, planId, itemId);
    const subtree = await repo.subtreeIds(trx, itemId);
    let newLevel = 0;
    if (input.parentId) {
      if (subtree.includes(input.parentId)) throw fieldError('parentId', 'plan_move_into_itself');
      const parent = await repo.findItem(trx, planId, input.parentId);
      if (!parent) throw fieldError('parentId', 'plan_parent_not_found');
      newLevel = parent.level + 1;
    }
    const delta = newLevel - item.level;
    const deepest = Math.max(
      ...(await trx.selectFrom('plan_item').select('level').where('id', 'in', subtree).execute()).map((row) => row.level),
    );
    if (deepest + delta >= plan.levels.length) throw fieldError('parentId', 'plan_level_too_deep');
    if (item.code && (await repo.siblingCodeTaken(trx, planId, input.parentId, item.code, itemId))) {
      throw fieldError('parentId', 'plan_code_taken', 409);
    }
    // Close the gap where it was, then open one where it goes.
    await repo.shiftSiblings(trx, planId, item.parent_id, item.position + 1, -1);
    const siblings = await repo.countSiblings(trx, planId, input.parentId);
    const sameParent = item.parent_id === input.parentId;
    const position = Math.min(input.position, sameParent ? siblings - 1 : siblings);
    await repo.updateItem(trx, itemId, { position: 100_000 + position });
    await repo.shiftSiblings(trx, planId, input.parentId, position, 1);
    await repo.updateItem(trx, itemId, { parentId: input.parentId, position });
    await repo.shiftLevels(trx, subtree, delta);
    await audit(ctx, trx, {
      action: 'plan.moveItem',
      resourceType: 'plan_item',
      resourceId: itemId,
      details: { planId, parentId: input.parentId, position },
    });
    return presentItems(ctx, plan, await repo.listItems(trx, planId));
  });
}

// ---------------------------------------------------------------- status

/**
 * A repeated status is stored only when it confirms the measure for a new period: the same status
 * and remark already reported in the period the new date belongs to counts as unchanged.
 */
export function isUnchanged(plan: Plan, item: repo.ItemRow, status: string, remark: string, reportedOn: string): boolean {
  if (item.status_code !== status || (item.status_remark ?? '') !== remark || !item.status_reported_on) return false;
  const periods = reportingPeriods({
    startYear: plan.start_year,
    endYear: plan.end_year,
    reportingCycle: plan.reporting_cycle,
    reportDueDays: plan.report_due_days,
  });
  const period = currentPeriod(periods, reportedOn);
  if (!period) return true;
  return item.status_reported_on > statusWindow(periods, period).after;
}

async function measureFor(ctx: ActorContext, db: DbOrTrx, plan: Plan, itemId: string, path: string) {
  const item = await repo.findItem(db, plan.id, itemId);
  if (!item) throw fieldError(path, 'not_found', 404);
  if (!plan.levels[item.level]?.measure) throw fieldError(path, 'plan_item_not_measure');
  const unitPaths = await repo.unitPathsOfItem(db, itemId);
  if (!ctx.policy.can(ctx.actor, 'measure.updateStatus', measureScope(plan, unitPaths))) throw fieldError(path, 'not_found', 404);
  return item;
}

function reportedOn(value: string | undefined): string {
  const date = value ?? todayInOslo();
  if (date > todayInOslo()) throw fieldError('reportedOn', 'date_in_future');
  return date;
}

export async function history(ctx: ActorContext, planId: string, itemId: string): Promise<StatusUpdate[]> {
  const plan = await loadPlan(ctx, ctx.db, planId, 'plan.read');
  await itemOrNotFound(ctx.db, planId, itemId);
  return (await repo.statusHistory(ctx.db, itemId)).map((row) => {
    const term = termOf(plan, row.status_code);
    return {
      id: row.id,
      code: row.status_code,
      label: term?.label ?? row.status_code,
      category: term?.category ?? 'in_progress',
      remark: row.remark,
      reportedOn: row.reported_on,
      authorName: row.author_name,
      createdAt: row.created_at.toISOString(),
    };
  });
}

/**
 * Reports statuses for many measures at once (the bulk-update table). All or nothing: one bad row
 * refuses the whole request, with the row's path. Rows that repeat the current status and remark
 * are counted as unchanged and not stored again.
 */
export async function saveStatuses(ctx: ActorContext, planId: string, input: BulkStatusRequest) {
  const date = reportedOn(input.reportedOn);
  return inTransaction(ctx, async (trx) => {
    const plan = await repo.findPlan(trx, planId);
    if (!plan || !ctx.policy.can(ctx.actor, 'plan.read', ownerScope(plan))) throw notFound();
    assertWritable(plan);
    const current = new Map((await repo.listItems(trx, planId)).map((item) => [item.id, item]));
    const rows: Parameters<typeof repo.insertStatuses>[1] = [];
    let unchanged = 0;
    const seen = new Set<string>();
    for (const [index, update] of input.updates.entries()) {
      const item = current.get(update.itemId);
      const path = `updates.${index}.itemId`;
      if (seen.has(update.itemId)) throw fieldError(path, 'bulk_duplicate_item');
      if (!item) throw fieldError(path, 'not_found', 404);
      seen.add(update.itemId);
      if (!plan.levels[item.level]?.measure) throw fieldError(path, 'plan_item_not_measure');
      if (!ctx.policy.can(ctx.actor, 'measure.updateStatus', measureScope(plan, item.units.map((unit) => unit.path)))) {
        throw fieldError(path, 'not_found', 404);
      }
      if (!termOf(plan, update.status)) throw fieldError(`updates.${index}.status`, 'plan_status_unknown');
      if (isUnchanged(plan, item, update.status, update.remark, date)) {
        unchanged += 1;
        continue;
      }
      rows.push({ itemId: update.itemId, statusCode: update.status, remark: update.remark, reportedOn: date, authorUserId: ctx.actor.userId });
    }
    await repo.insertStatuses(trx, rows);
    await audit(ctx, trx, {
      action: 'measure.updateStatus',
      resourceType: 'plan',
      resourceId: planId,
      details: { reportedOn: date, items: rows.map((row) => row.itemId), unchanged },
    });
    return { saved: rows.length, unchanged };
  });
}

export async function addStatus(ctx: ActorContext, planId: string, itemId: string, input: NewStatusRequest): Promise<StatusUpdate[]> {
  const date = reportedOn(input.reportedOn);
  await inTransaction(ctx, async (trx) => {
    const plan = await repo.findPlan(trx, planId);
    if (!plan || !ctx.policy.can(ctx.actor, 'plan.read', ownerScope(plan))) throw notFound();
    assertWritable(plan);
    await measureFor(ctx, trx, plan, itemId, 'itemId');
    if (!termOf(plan, input.status)) throw fieldError('status', 'plan_status_unknown');
    await repo.insertStatuses(trx, [{ itemId, statusCode: input.status, remark: input.remark, reportedOn: date, authorUserId: ctx.actor.userId }]);
    await audit(ctx, trx, { action: 'measure.updateStatus', resourceType: 'plan_item', resourceId: itemId, details: { planId, status: input.status, reportedOn: date } });
  });
  return history(ctx, planId, itemId);
}
