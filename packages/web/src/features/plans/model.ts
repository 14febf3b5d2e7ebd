import type {
  BulkStatusResponse,
  PlanDetail,
  PlanItem,
  PlanList,
  PlanState,
  Progress,
  PublicPlanList,
  ReportDetail,
  ReportPeriodList,
  ReportingPeriod,
  StatusCategory,
  StatusHistory,
} from '@rusfag/core';
import { withQuery } from '../../app/api';
import type { MessageKey, PluralBase, Translate } from '../../app/i18n';

/** Response types of the plan API (core exports the schemas; the web app needs only their shapes). */
export type PlanListResponse = ReturnType<typeof PlanList.parse>;
export type ReportPeriods = ReturnType<typeof ReportPeriodList.parse>;
export type PeriodRow = ReportPeriods['periods'][number];
export type ReportResponse = ReturnType<typeof ReportDetail.parse>;
export type StatusHistoryResponse = ReturnType<typeof StatusHistory.parse>;
export type BulkStatusResult = ReturnType<typeof BulkStatusResponse.parse>;
export type PublicPlanListResponse = ReturnType<typeof PublicPlanList.parse>;

// ---------------------------------------------------------------- addresses

export const TABS = ['plan', 'status', 'rapporter', 'import', 'om'] as const;
export type TabKey = (typeof TABS)[number];
export const TAB_PARAM = 'fane';

export function isTab(value: string | null): value is TabKey {
  return value !== null && (TABS as readonly string[]).includes(value);
}

export function planPath(planId: string, tab: TabKey = 'plan', extra: Record<string, string> = {}): string {
  return withQuery(`/planer/${planId}`, { [TAB_PARAM]: tab === 'plan' ? undefined : tab, ...extra });
}

export function reportPath(planId: string, reportId: string): string {
  return `/planer/${planId}/rapporter/${reportId}`;
}

export function reportExportUrl(planId: string, reportId: string, format: 'docx' | 'pdf' | 'xlsx'): string {
  return withQuery(`/api/plans/${planId}/reports/${reportId}/export`, { format });
}

export function publicReportExportUrl(planId: string, reportId: string, format: 'docx' | 'pdf' | 'xlsx'): string {
  return withQuery(`/api/public/plans/${planId}/reports/${reportId}/export`, { format });
}

export function planExportUrl(planId: string, format: 'csv' | 'xlsx'): string {
  return withQuery(`/api/plans/${planId}/export`, { format });
}

// ---------------------------------------------------------------- words

const STATE_KEY: Record<PlanState, MessageKey> = {
  draft: 'plans.state.draft',
  adopted: 'plans.state.adopted',
  archived: 'plans.state.archived',
};

export function stateLabel(t: Translate, state: PlanState): string {
  return t(STATE_KEY[state]);
}

export type ProgressKey = StatusCategory | 'none';

/** The order of the categories in bars and legends: what is done first, what is missing last. */
export const PROGRESS_ORDER: readonly ProgressKey[] = ['done', 'in_progress', 'not_started', 'dropped', 'none'];

const CATEGORY_KEY: Record<ProgressKey, MessageKey> = {
  not_started: 'plans.category.not_started',
  in_progress: 'plans.category.in_progress',
  done: 'plans.category.done',
  dropped: 'plans.category.dropped',
  none: 'plans.category.none',
};

export function categoryLabel(t: Translate, category: ProgressKey): string {
  return t(CATEGORY_KEY[category]);
}

export function cycleLabel(t: Translate, cycle: PlanDetail['reportingCycle']): string {
  return t(cycle === 'tertial' ? 'plans.cycle.tertial' : 'plans.cycle.yearly');
}

/** "Frist om 12 dager", "Frist i dag", "Forfalt for 3 dager siden". */
export function dueText(tp: (base: PluralBase, count: number) => string, t: Translate, daysLeft: number): string {
  if (daysLeft === 0) return t('plans.due.today');
  return daysLeft > 0 ? tp('plans.due.in', daysLeft) : tp('plans.due.overdue', -daysLeft);
}

export function emptyProgress(): Progress {
  return { total: 0, not_started: 0, in_progress: 0, done: 0, dropped: 0, none: 0 };
}

// ---------------------------------------------------------------- the tree

export function isMeasure(levels: PlanDetail['levels'], item: Pick<PlanItem, 'level'>): boolean {
  return levels[item.level]?.measure ?? false;
}

export function isCouncil(levels: PlanDetail['levels'], item: Pick<PlanItem, 'level'>): boolean {
  return levels[item.level]?.council ?? false;
}

export function levelLabel(levels: PlanDetail['levels'], level: number): string {
  return levels[level]?.label ?? '';
}

/** "4.1.3 Igangsette bruk av …": code and title, as the status report writes a measure. */
export function fullName(item: { code: string | null; title: string }): string {
  return [item.code, item.title].filter(Boolean).join(' ');
}

export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

const NAME_LENGTH = 80;

/**
 * A short name for every item, unique on the page: the code and the start of the title ("1 Vi
 * oppdaterer …"); codes repeat under each strategy in a district plan, so the title is always there,
 * and a name that still repeats gets a number. Buttons end with it ("Rediger 1 Vi oppdaterer …").
 */
export function itemNames(items: readonly Pick<PlanItem, 'id' | 'code' | 'title'>[]): Map<string, string> {
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const item of items) {
    const base = truncate(fullName(item), NAME_LENGTH) || '–';
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    names.set(item.id, count === 1 ? base : `${base} (${count})`);
  }
  return names;
}

export function childrenOf<T extends Pick<PlanItem, 'id' | 'parentId'>>(items: readonly T[]): Map<string | null, T[]> {
  const children = new Map<string | null, T[]>();
  for (const item of items) children.set(item.parentId, [...(children.get(item.parentId) ?? []), item]);
  return children;
}

/** The items above `item`, outermost first. */
export function ancestorsOf<T extends Pick<PlanItem, 'id' | 'parentId'>>(item: T, byId: ReadonlyMap<string, T>): T[] {
  const chain: T[] = [];
  const seen = new Set<string>();
  for (let at = item.parentId ? byId.get(item.parentId) : undefined; at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
    seen.add(at.id);
    chain.unshift(at);
  }
  return chain;
}

/** The ids of `item` and everything below it. */
export function subtreeOf(itemId: string, children: ReadonlyMap<string | null, readonly Pick<PlanItem, 'id'>[]>): Set<string> {
  const ids = new Set<string>();
  const walk = (id: string) => {
    if (ids.has(id)) return;
    ids.add(id);
    for (const child of children.get(id) ?? []) walk(child.id);
  };
  walk(itemId);
  return ids;
}

/**
 * Whether a measure still needs a status for the period: the plan's own measures (not the city
 * council's) with no status reported since the period began (the server counts the same way).
 */
export function missingIn(levels: PlanDetail['levels'], item: PlanItem, period: ReportingPeriod | null): boolean {
  if (!period || !isMeasure(levels, item) || isCouncil(levels, item)) return false;
  return !item.status || item.status.reportedOn < period.start;
}

export function currentPeriodOf(periods: ReportPeriods | undefined): ReportingPeriod | null {
  if (!periods?.current) return null;
  return periods.periods.find((row) => row.period.label === periods.current)?.period ?? null;
}
