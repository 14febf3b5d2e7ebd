import { DEFAULT_STATUS_TERMS, parseDeadline } from '@rusfag/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../platform/audit.js';
import { periodsOf, snapshotFor } from '../../modules/plans/report-service.js';
import { findPlan } from '../../modules/plans/repository.js';
import { stHanshaugenPlan } from './st-hanshaugen.js';
import type { DemoPlan, DemoPlanItem } from './types.js';

/**
 * Loads the demo plans. The transcribed St. Hanshaugen plan carries demo dates 2020–2023; they are
 * moved YEAR_SHIFT years forward (period, history dates, years in deadline texts) so that the plan
 * is current when the demo starts and the to-do lists and reports have something to show. Dates
 * that would land in the future are set to yesterday.
 */
const YEAR_SHIFT = 3;

function shiftYears(text: string): string {
  return text.replace(/\b(20\d\d)\b/g, (year) => String(Number(year) + YEAR_SHIFT));
}

function shiftDate(date: string, today: string): string {
  const shifted = `${Number(date.slice(0, 4)) + YEAR_SHIFT}${date.slice(4)}`;
  if (shifted < today) return shifted;
  const yesterday = new Date(`${today}T00:00:00Z`);
  yesterday.setUTCDate(yesterday.getUTCDate() - 1);
  return yesterday.toISOString().slice(0, 10);
}

export async function seedDemoPlans(
  trx: Transaction<Database>,
  units: Map<string, string>,
  users: Map<string, string>,
  today: string,
): Promise<void> {
  await seedPlan(trx, stHanshaugenPlan, units, users, today);
}

async function seedPlan(trx: Transaction<Database>, demo: DemoPlan, units: Map<string, string>, users: Map<string, string>, today: string) {
  const startYear = demo.startYear + YEAR_SHIFT;
  const endYear = demo.endYear + YEAR_SHIFT;
  const { id: planId } = await trx
    .insertInto('plan')
    .values({
      owner_unit_id: units.get(demo.owner)!,
      title: demo.title,
      description: demo.description,
      start_year: startYear,
      end_year: endYear,
      state: demo.state,
      adopted_on: demo.state === 'draft' ? null : (demo.adoptedOn ? shiftDate(demo.adoptedOn, today) : `${startYear}-03-01`),
      levels: JSON.stringify(demo.levels),
      status_terms: JSON.stringify(DEFAULT_STATUS_TERMS),
      links: JSON.stringify(demo.links.map((link) => ({ ...link, url: link.url ?? null, planId: null }))),
      published_at: demo.state === 'draft' ? null : new Date(),
      created_by: users.get('planlegger.sth') ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const insert = async (item: DemoPlanItem, parentId: string | null, position: number) => {
    const deadlineText = shiftYears(item.deadline ?? '');
    const { id } = await trx
      .insertInto('plan_item')
      .values({
        plan_id: planId,
        parent_id: parentId,
        level: item.level,
        position,
        code: item.code ?? null,
        title: item.title,
        description: item.description ?? '',
        partners: item.partners ?? '',
        target_groups: item.targetGroups ?? [],
        deadline_text: deadlineText,
        deadline: JSON.stringify(parseDeadline(deadlineText, { startYear, endYear }).value),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const key of item.responsible ?? []) {
      await trx.insertInto('plan_item_unit').values({ item_id: id, unit_id: units.get(key)! }).execute();
    }
    for (const key of item.partnerUnits ?? []) {
      await trx.insertInto('plan_item_partner').values({ item_id: id, unit_id: units.get(key)! }).execute();
    }
    for (const update of item.history ?? []) {
      await trx
        .insertInto('measure_status')
        .values({
          item_id: id,
          status_code: update.status,
          remark: update.remark ?? '',
          reported_on: shiftDate(update.date, today),
          author_user_id: users.get(update.by) ?? null,
        })
        .execute();
    }
    for (const [index, child] of (item.children ?? []).entries()) await insert(child, id, index);
  };
  for (const [index, item] of demo.items.entries()) await insert(item, null, index);

  // Approved and published reports for every period that has ended.
  const plan = (await findPlan(trx, planId))!;
  for (const period of periodsOf(plan).filter((p) => p.end < today)) {
    await trx
      .insertInto('status_report')
      .values({
        plan_id: planId,
        period_label: period.label,
        period_start: period.start,
        period_end: period.end,
        state: 'approved',
        snapshot: JSON.stringify(await snapshotFor(trx, plan, period)),
        created_by: users.get('planlegger.sth') ?? null,
        approved_by: users.get('leder.sth') ?? null,
        approved_at: new Date(`${period.due}T10:00:00Z`),
        published_at: new Date(`${period.due}T12:00:00Z`),
      })
      .execute();
  }
  await recordAudit(trx, { actorUserId: null, requestId: null, ip: null }, { action: 'demo.seedPlan', resourceType: 'plan', resourceId: planId });
}
