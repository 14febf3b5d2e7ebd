import type { PlanLevel, StatusCategory, StatusTerm } from './model.js';

/** A period the plan reports on: a year, or a tertial (four months), with its due date. */
export interface ReportingPeriod {
  label: string;
  /** 'YYYY-MM-DD', inclusive */
  start: string;
  end: string;
  /** When the status report is due. */
  due: string;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const time = Date.UTC(y, m - 1, d) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

const TERTIALS = [
  { start: '01-01', end: '04-30' },
  { start: '05-01', end: '08-31' },
  { start: '09-01', end: '12-31' },
] as const;

/** Every reporting period of a plan, in order: one per year, or three per year for tertial reporting. */
export function reportingPeriods(plan: {
  startYear: number;
  endYear: number;
  reportingCycle: 'yearly' | 'tertial';
  reportDueDays: number;
}): ReportingPeriod[] {
  const periods: ReportingPeriod[] = [];
  for (let year = plan.startYear; year <= plan.endYear; year++) {
    if (plan.reportingCycle === 'yearly') {
      const end = `${year}-12-31`;
      periods.push({ label: String(year), start: `${year}-01-01`, end, due: addDays(end, plan.reportDueDays) });
    } else {
      TERTIALS.forEach((tertial, index) => {
        const end = `${year}-${tertial.end}`;
        periods.push({ label: `${index + 1}. tertial ${year}`, start: `${year}-${tertial.start}`, end, due: addDays(end, plan.reportDueDays) });
      });
    }
  }
  return periods;
}

/**
 * The period a status update made on `date` counts for: the one containing the date, or — while
 * the last period's report is still due — the one that just ended. Null outside the plan period.
 */
export function currentPeriod(periods: readonly ReportingPeriod[], date: string): ReportingPeriod | null {
  const containing = periods.find((p) => p.start <= date && date <= p.end);
  const justEnded = [...periods].reverse().find((p) => p.end < date && date <= p.due);
  return justEnded ?? containing ?? null;
}

/**
 * The report dates that count for a period: after the previous period's due date, up to and
 * including this period's due date. A status reported in January for last year (before the
 * report is due) counts for last year, and not again for this year. 'YYYY-MM-DD', `after` exclusive.
 */
export function statusWindow(periods: readonly ReportingPeriod[], period: ReportingPeriod): { after: string; until: string } {
  const index = periods.findIndex((p) => p.start === period.start && p.end === period.end);
  const previous = index > 0 ? periods[index - 1] : undefined;
  return { after: previous ? previous.due : addDays(period.start, -1), until: period.due };
}

/** Days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const toTime = (d: string) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((toTime(to) - toTime(from)) / 86_400_000);
}

export interface ReportItemInput {
  id: string;
  parentId: string | null;
  level: number;
  code: string | null;
  title: string;
  description: string;
  deadlineText: string;
}

export interface ReportStatusInput {
  itemId: string;
  statusCode: string;
  remark: string;
  reportedOn: string;
  createdAt: string;
}

export interface ReportRow {
  itemId: string;
  level: number;
  levelLabel: string;
  council: boolean;
  code: string | null;
  title: string;
  description: string;
  deadlineText: string;
  statusCode: string | null;
  statusLabel: string | null;
  category: StatusCategory | null;
  remarks: string;
  reportedOn: string | null;
}

export interface ReportChapter {
  /** The headings above this chapter's measures, outermost first (goal, then strategy). */
  headings: { levelLabel: string; code: string | null; title: string }[];
  rows: ReportRow[];
}

export interface ReportSummaryLine {
  code: string;
  label: string;
  category: StatusCategory;
  count: number;
}

export interface ReportSnapshot {
  version: 1;
  plan: { id: string; title: string; ownerName: string; startYear: number; endYear: number; levels: PlanLevel[] };
  period: ReportingPeriod;
  generatedAt: string;
  /** Counts of the plan's own measures (not the council's) by status at the end of the period. */
  summary: { lines: ReportSummaryLine[]; withoutStatus: number; total: number };
  chapters: ReportChapter[];
}

/**
 * The status report for a period, as data: one chapter per item just above the first measure level
 * (a strategy, a chapter), its measures in plan order with the status each had when the report was
 * due (statuses reported after the period ended but before the due date count). Exports (Word, PDF, Excel) and the approved, frozen report are made from this.
 */
export function buildReportSnapshot(input: {
  plan: ReportSnapshot['plan'];
  terms: readonly StatusTerm[];
  period: ReportingPeriod;
  /** In tree order (depth first). */
  items: readonly ReportItemInput[];
  statuses: readonly ReportStatusInput[];
  generatedAt: string;
}): ReportSnapshot {
  const { plan, terms, period } = input;
  const firstMeasureLevel = plan.levels.findIndex((level) => level.measure);
  const chapterLevel = firstMeasureLevel - 1;
  const latest = new Map<string, ReportStatusInput>();
  for (const status of input.statuses) {
    // Statuses reported after the period ended but before the report was due belong to it.
    if (status.reportedOn > period.due) continue;
    const known = latest.get(status.itemId);
    if (!known || status.reportedOn > known.reportedOn || (status.reportedOn === known.reportedOn && status.createdAt > known.createdAt)) {
      latest.set(status.itemId, status);
    }
  }
  const byId = new Map(input.items.map((item) => [item.id, item]));
  const chapters: ReportChapter[] = [];
  const chapterOf = new Map<string, ReportChapter>();
  const ancestorsOf = (item: ReportItemInput) => {
    const chain: ReportItemInput[] = [];
    for (let parent = item.parentId ? byId.get(item.parentId) : undefined; parent; parent = parent.parentId ? byId.get(parent.parentId) : undefined) {
      chain.unshift(parent);
    }
    return chain;
  };
  const counts = new Map<string, number>();
  let withoutStatus = 0;
  let total = 0;
  for (const item of input.items) {
    const level = plan.levels[item.level];
    if (!level?.measure) continue;
    const chain = ancestorsOf(item);
    const chapterItem = chapterLevel >= 0 ? chain.find((a) => a.level === chapterLevel) : undefined;
    const key = chapterItem?.id ?? '';
    let chapter = chapterOf.get(key);
    if (!chapter) {
      chapter = {
        headings: chain
          .filter((a) => a.level <= chapterLevel)
          .map((a) => ({ levelLabel: plan.levels[a.level]?.label ?? '', code: a.code, title: a.title })),
        rows: [],
      };
      chapterOf.set(key, chapter);
      chapters.push(chapter);
    }
    const status = latest.get(item.id);
    const term = status ? terms.find((t) => t.code === status.statusCode) : undefined;
    chapter.rows.push({
      itemId: item.id,
      level: item.level,
      levelLabel: level.label,
      council: level.council ?? false,
      code: item.code,
      title: item.title,
      description: item.description,
      deadlineText: item.deadlineText,
      statusCode: status?.statusCode ?? null,
      statusLabel: term?.label ?? status?.statusCode ?? null,
      category: term?.category ?? null,
      remarks: status?.remark ?? '',
      reportedOn: status?.reportedOn ?? null,
    });
    if (level.council) continue;
    total += 1;
    if (status) counts.set(status.statusCode, (counts.get(status.statusCode) ?? 0) + 1);
    else withoutStatus += 1;
  }
  return {
    version: 1,
    plan: { ...plan, levels: [...plan.levels] },
    period,
    generatedAt: input.generatedAt,
    summary: {
      lines: terms.map((term) => ({ code: term.code, label: term.label, category: term.category, count: counts.get(term.code) ?? 0 })),
      withoutStatus,
      total,
    },
    chapters,
  };
}
