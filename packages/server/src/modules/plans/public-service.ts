import type { PublicPlan } from '@rusfag/core';
import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import * as repo from './repository.js';
import { renderReport } from './report-service.js';
import { presentItems } from './service.js';

/**
 * What residents see without logging in (/innsyn/planer): plans a planner has published, with each
 * measure's status history, and the approved reports that were published. Nothing else.
 */
async function publishedPlan(ctx: RequestContext, id: string) {
  const plan = await repo.findPlan(ctx.db, id);
  if (!plan?.published_at) throw notFound();
  return plan;
}

export async function listPublished(ctx: RequestContext) {
  const plans = await repo.listPlans(ctx.db, { kind: 'all' }, { publishedOnly: true });
  const result = [];
  for (const plan of plans) {
    const items = presentItems(null, plan, await repo.listItems(ctx.db, plan.id));
    result.push({
      id: plan.id,
      ownerName: plan.owner_name,
      title: plan.title,
      startYear: plan.start_year,
      endYear: plan.end_year,
      state: plan.state,
      adoptedOn: plan.adopted_on,
      progress: items.progress,
    });
  }
  return { plans: result };
}

export async function getPublished(ctx: RequestContext, id: string): Promise<PublicPlan> {
  const plan = await publishedPlan(ctx, id);
  const { items, progress } = presentItems(null, plan, await repo.listItems(ctx.db, id));
  const history = await repo.planStatusHistory(ctx.db, id);
  const reports = (await repo.listReports(ctx.db, id)).filter((r) => r.state === 'approved' && r.published_at);
  return {
    id: plan.id,
    ownerName: plan.owner_name,
    title: plan.title,
    startYear: plan.start_year,
    endYear: plan.end_year,
    state: plan.state,
    adoptedOn: plan.adopted_on,
    progress,
    description: plan.description,
    levels: plan.levels,
    links: plan.links,
    items: items.map(({ actions: _actions, ...item }) => ({
      ...item,
      partnerUnits: item.partnerUnits.map((unit) => ({ name: unit.name })),
      history: history
        .filter((h) => h.item_id === item.id)
        .map((h) => {
          const term = plan.status_terms.find((t) => t.code === h.status_code);
          return {
            code: h.status_code,
            label: term?.label ?? h.status_code,
            category: term?.category ?? 'in_progress',
            remark: h.remark,
            reportedOn: h.reported_on,
            createdAt: h.created_at.toISOString(),
          };
        }),
    })),
    reports: reports.map((r) => ({
      id: r.id,
      period: { label: r.period_label, start: r.period_start, end: r.period_end },
      approvedAt: r.approved_at!.toISOString(),
    })),
  };
}

export async function exportPublishedReport(ctx: RequestContext, planId: string, reportId: string, format: 'docx' | 'pdf' | 'xlsx') {
  await publishedPlan(ctx, planId);
  const report = await repo.findReport(ctx.db, planId, reportId);
  if (!report || report.state !== 'approved' || !report.published_at) throw notFound();
  return renderReport(report, format);
}
