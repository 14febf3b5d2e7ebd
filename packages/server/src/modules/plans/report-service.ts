import {
  buildReportSnapshot,
  currentPeriod,
  daysBetween,
  planActions,
  partnersText,
  planToSheetRows,
  reportingPeriods,
  statusWindow,
  toCsv,
  type ReportingPeriod,
  type ReportSnapshot,
  type SheetItem,
  type TodoList,
} from '@rusfag/core';
import { audit, authorize, inTransaction, type ActorContext, type DbOrTrx } from '../../platform/context.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { FileResponse } from '../../platform/http.js';
import { todayInOslo } from '../../platform/time.js';
import { reportToDocx } from './export/docx.js';
import { reportToPdf } from './export/pdf.js';
import { planSheetToXlsx, reportToXlsx } from './export/xlsx.js';
import * as repo from './repository.js';
import { loadPlan, treeOrder } from './service.js';

type Plan = repo.PlanRow;

export function periodsOf(plan: Plan): ReportingPeriod[] {
  return reportingPeriods({
    startYear: plan.start_year,
    endYear: plan.end_year,
    reportingCycle: plan.reporting_cycle,
    reportDueDays: plan.report_due_days,
  });
}

export async function snapshotFor(db: DbOrTrx, plan: Plan, period: ReportingPeriod): Promise<ReportSnapshot> {
  const items = treeOrder(await repo.listItems(db, plan.id));
  const statuses = await repo.planStatusHistory(db, plan.id);
  return buildReportSnapshot({
    plan: { id: plan.id, title: plan.title, ownerName: plan.owner_name, startYear: plan.start_year, endYear: plan.end_year, levels: plan.levels },
    terms: plan.status_terms,
    period,
    items: items.map((item) => ({
      id: item.id,
      parentId: item.parent_id,
      level: item.level,
      code: item.code,
      title: item.title,
      description: item.description,
      deadlineText: item.deadline_text,
    })),
    statuses: statuses.map((s) => ({
      itemId: s.item_id,
      statusCode: s.status_code,
      remark: s.remark,
      reportedOn: s.reported_on,
      createdAt: s.created_at.toISOString(),
    })),
    generatedAt: new Date().toISOString(),
  });
}

function meta(report: repo.ReportRow) {
  return {
    id: report.id,
    state: report.state,
    createdAt: report.created_at.toISOString(),
    updatedAt: report.updated_at.toISOString(),
    approvedAt: report.approved_at?.toISOString() ?? null,
    approvedByName: report.approved_by_name,
    publishedAt: report.published_at?.toISOString() ?? null,
  };
}

/** Measures (the plan's own, not the council's) with no status reported in the period's window. */
function missingIn(plan: Plan, items: readonly repo.ItemRow[], statuses: { item_id: string; reported_on: string }[], period: ReportingPeriod) {
  const window = statusWindow(periodsOf(plan), period);
  const reported = new Set(statuses.filter((s) => s.reported_on > window.after && s.reported_on <= window.until).map((s) => s.item_id));
  return items.filter((item) => {
    const level = plan.levels[item.level];
    return level?.measure && !level.council && !reported.has(item.id);
  });
}

export async function listPeriods(ctx: ActorContext, planId: string) {
  const plan = await loadPlan(ctx, ctx.db, planId, 'plan.read');
  const reports = await repo.listReports(ctx.db, planId);
  const items = await repo.listItems(ctx.db, planId);
  const statuses = await repo.planStatusHistory(ctx.db, planId);
  const periods = periodsOf(plan);
  return {
    periods: periods.map((period) => {
      const report = reports.find((r) => r.period_start === period.start && r.period_end === period.end);
      return { period, report: report ? meta(report) : null, missing: missingIn(plan, items, statuses, period).length };
    }),
    current: currentPeriod(periods, todayInOslo())?.label ?? null,
    actions: ctx.policy.permitted(ctx.actor, planActions, { unitPaths: [plan.owner_path] }),
  };
}

function detail(ctx: ActorContext, plan: Plan, report: repo.ReportRow) {
  const actions = ctx.policy.permitted(ctx.actor, planActions, { unitPaths: [plan.owner_path] });
  return {
    ...meta(report),
    planId: plan.id,
    snapshot: report.snapshot as Record<string, unknown>,
    // An approved report is final: only publishing remains.
    actions: report.state === 'approved' ? actions.filter((a) => a === 'plan.read' || a === 'plan.publish') : actions,
  };
}

async function loadReport(db: DbOrTrx, planId: string, reportId: string) {
  const report = await repo.findReport(db, planId, reportId);
  if (!report) throw notFound();
  return report;
}

export async function getReport(ctx: ActorContext, planId: string, reportId: string) {
  const plan = await loadPlan(ctx, ctx.db, planId, 'plan.read');
  return detail(ctx, plan, await loadReport(ctx.db, planId, reportId));
}

export async function createReport(ctx: ActorContext, planId: string, periodLabel: string) {
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, planId, 'report.create');
    const period = periodsOf(plan).find((p) => p.label === periodLabel);
    if (!period) throw fieldError('periodLabel', 'report_period_unknown');
    const inserted = await repo.insertReport(trx, {
      planId,
      label: period.label,
      start: period.start,
      end: period.end,
      snapshot: await snapshotFor(trx, plan, period),
      createdBy: ctx.actor.userId,
    });
    if (!inserted) throw new AppError(409, 'report_exists');
    await audit(ctx, trx, { action: 'report.create', resourceType: 'status_report', resourceId: inserted.id, details: { planId, period: period.label } });
    return detail(ctx, plan, (await repo.findReport(trx, planId, inserted.id))!);
  });
}

/** Takes a new snapshot of a draft (after more statuses were reported). */
export async function refreshReport(ctx: ActorContext, planId: string, reportId: string) {
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, planId, 'report.create');
    const report = await loadReport(trx, planId, reportId);
    if (report.state === 'approved') throw new AppError(409, 'report_approved');
    const period = periodsOf(plan).find((p) => p.start === report.period_start && p.end === report.period_end) ?? {
      label: report.period_label,
      start: report.period_start,
      end: report.period_end,
      due: report.period_end,
    };
    await repo.updateReport(trx, reportId, { snapshot: await snapshotFor(trx, plan, period) });
    await audit(ctx, trx, { action: 'report.refresh', resourceType: 'status_report', resourceId: reportId, details: { planId } });
    return detail(ctx, plan, (await repo.findReport(trx, planId, reportId))!);
  });
}

/** Approval freezes the draft exactly as the approver saw it; the database refuses later changes. */
export async function approveReport(ctx: ActorContext, planId: string, reportId: string) {
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, planId, 'report.approve');
    const report = await loadReport(trx, planId, reportId);
    if (report.state === 'approved') throw new AppError(409, 'report_approved');
    await repo.updateReport(trx, reportId, { state: 'approved', approvedBy: ctx.actor.userId });
    await audit(ctx, trx, { action: 'report.approve', resourceType: 'status_report', resourceId: reportId, details: { planId } });
    return detail(ctx, plan, (await repo.findReport(trx, planId, reportId))!);
  });
}

export async function publishReport(ctx: ActorContext, planId: string, reportId: string, published: boolean) {
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, planId, 'plan.publish');
    const report = await loadReport(trx, planId, reportId);
    if (report.state !== 'approved') throw new AppError(409, 'report_not_approved');
    await repo.updateReport(trx, reportId, { publishedAt: published ? (report.published_at ?? new Date()) : null });
    await audit(ctx, trx, { action: 'report.publish', resourceType: 'status_report', resourceId: reportId, details: { planId, published } });
    return detail(ctx, plan, (await repo.findReport(trx, planId, reportId))!);
  });
}

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

function fileSafe(text: string): string {
  return text.replace(/[/\\?%*:|"<>]/g, '-').replace(/\s+/g, ' ').trim().slice(0, 100);
}

export async function renderReport(report: repo.ReportRow, format: 'docx' | 'pdf' | 'xlsx'): Promise<FileResponse> {
  const snapshot = report.snapshot as ReportSnapshot;
  const options = {
    state: report.state,
    ...(report.approved_by_name ? { approvedBy: report.approved_by_name } : {}),
    ...(report.approved_at ? { approvedAt: report.approved_at.toISOString() } : {}),
  };
  const body =
    format === 'docx' ? await reportToDocx(snapshot, options) : format === 'pdf' ? await reportToPdf(snapshot, options) : await reportToXlsx(snapshot, options);
  const draft = report.state === 'draft' ? ' (utkast)' : '';
  return {
    body,
    contentType: CONTENT_TYPES[format],
    fileName: `Statusrapport ${fileSafe(snapshot.period.label)} - ${fileSafe(snapshot.plan.title)}${draft}.${format}`,
  };
}

export async function exportReport(ctx: ActorContext, planId: string, reportId: string, format: 'docx' | 'pdf' | 'xlsx') {
  await loadPlan(ctx, ctx.db, planId, 'plan.read');
  return renderReport(await loadReport(ctx.db, planId, reportId), format);
}

/** The plan hierarchy as sheet rows (PLAN_SHEET_COLUMNS), with each measure's current status. */
export async function planSheetRows(db: DbOrTrx, plan: Plan): Promise<string[][]> {
  const items = treeOrder(await repo.listItems(db, plan.id));
  const nodes = new Map<string, SheetItem>();
  const roots: SheetItem[] = [];
  for (const item of items) {
    const term = item.status_code ? plan.status_terms.find((t) => t.code === item.status_code) : undefined;
    const node: SheetItem = {
      level: item.level,
      code: item.code,
      title: item.title,
      description: item.description,
      responsibleUnits: item.units.map((unit) => unit.name),
      // The Samarbeidspartnere column: the partner organisations' names, then the free text.
      partners: partnersText(item.partner_units.map((unit) => unit.name), item.partners),
      targetGroups: item.target_groups,
      deadline: item.deadline_text,
      statusLabel: term?.label ?? null,
      remarks: item.status_remark ?? '',
      children: [],
    };
    nodes.set(item.id, node);
    (item.parent_id ? nodes.get(item.parent_id)?.children : roots)?.push(node);
  }
  return planToSheetRows(roots, plan.levels);
}

export async function exportPlan(ctx: ActorContext, planId: string, format: 'csv' | 'xlsx'): Promise<FileResponse> {
  const plan = await loadPlan(ctx, ctx.db, planId, 'plan.read');
  const rows = await planSheetRows(ctx.db, plan);
  const body = format === 'csv' ? Buffer.from(toCsv(rows), 'utf8') : await planSheetToXlsx(rows);
  return { body, contentType: CONTENT_TYPES[format], fileName: `${fileSafe(plan.title)}.${format}` };
}

/**
 * What the actor still has to report: per adopted plan they may report on, the measures with no
 * status in the current period, and how many days are left before the report is due.
 */
export async function todo(ctx: ActorContext): Promise<TodoList> {
  authorize(ctx, 'plan.read', 'list');
  const today = todayInOslo();
  const plans = await repo.listPlans(ctx.db, ctx.policy.listScope(ctx.actor, 'plan.read'));
  const result: TodoList['plans'] = [];
  for (const plan of plans) {
    if (plan.state !== 'adopted') continue;
    const period = currentPeriod(periodsOf(plan), today);
    if (!period) continue;
    const items = await repo.listItems(ctx.db, plan.id);
    const statuses = await repo.planStatusHistory(ctx.db, plan.id);
    const mine = new Set(
      missingIn(plan, items, statuses, period)
        .filter((item) => ctx.policy.can(ctx.actor, 'measure.updateStatus', { unitPaths: [plan.owner_path, ...item.units.map((unit) => unit.path)] }))
        .map((item) => item.id),
    );
    if (mine.size === 0) continue;
    result.push({
      planId: plan.id,
      planTitle: plan.title,
      ownerName: plan.owner_name,
      period,
      daysLeft: daysBetween(today, period.due),
      // Plan order: sort the whole tree, then keep the actor's measures.
      measures: treeOrder(items).filter((item) => mine.has(item.id)).map((item) => ({
        itemId: item.id,
        code: item.code,
        title: item.title,
        responsibleUnits: item.units.map((unit) => unit.name),
        status: item.status_code ? (plan.status_terms.find((t) => t.code === item.status_code)?.label ?? item.status_code) : null,
      })),
    });
  }
  return { plans: result };
}
