/**
 * The shape of an action plan (ruspolitisk handlingsplan), shared by the parsers in this folder,
 * the server and the web app. See docs/ordliste.md and ../shared/docs/domain.md §1.
 */

/** A plan's levels are set per plan: a district plan is Mål → Strategi → Byrådets tiltak → Bydelens tiltak. */
export interface PlanLevel {
  /** The label shown for items at this level ("Mål", "Innsatsområde", "Kapittel"). */
  label: string;
  /** Items at this level are measures: they have deadlines, responsible units and statuses. */
  measure: boolean;
  /** Items at this level are set by the city council (byrådets tiltak), shown distinct (greyed). */
  council?: boolean;
}

export const DISTRICT_PLAN_LEVELS: readonly PlanLevel[] = [
  { label: 'Mål', measure: false },
  { label: 'Strategi', measure: false },
  { label: 'Byrådets tiltak', measure: true, council: true },
  { label: 'Bydelens tiltak', measure: true },
];

export const WORK_PLAN_LEVELS: readonly PlanLevel[] = [
  { label: 'Innsatsområde', measure: false },
  { label: 'Resultatmål', measure: false },
  { label: 'Oppgave', measure: true },
  { label: 'Planlagt aktivitet', measure: true },
];

export const CHAPTER_PLAN_LEVELS: readonly PlanLevel[] = [
  { label: 'Kapittel', measure: false },
  { label: 'Tiltak', measure: true },
];

/** What a status means for summaries, whatever its wording. */
export const STATUS_CATEGORIES = ['not_started', 'in_progress', 'done', 'dropped'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export interface StatusTerm {
  /** Stable code, stored with each status update. */
  code: string;
  /** The word used in the district's reports ("Delvis iverksatt"). */
  label: string;
  category: StatusCategory;
}

/** The vocabulary seen in real status reports (domain.md §1); each plan may change it. */
export const DEFAULT_STATUS_TERMS: readonly StatusTerm[] = [
  { code: 'ikke_iverksatt', label: 'Ikke iverksatt', category: 'not_started' },
  { code: 'delvis_iverksatt', label: 'Delvis iverksatt', category: 'in_progress' },
  { code: 'iverksatt', label: 'Iverksatt', category: 'in_progress' },
  { code: 'gjennomfort', label: 'Gjennomført', category: 'done' },
  { code: 'utgar', label: 'Utgår', category: 'dropped' },
  { code: 'viderefort', label: 'Videreført i ny plan', category: 'done' },
];

/**
 * A deadline as written in a plan ("Våren 2007", "Kontinuerlig") and what it means. The original
 * text is always kept; text that cannot be read is kept and flagged (`kind: 'unknown'`).
 */
export type DeadlineValue =
  /** A day: "31.03.2007"; `qualifier` for "Fra 01.03.2007" / "Oppstart 01.06.2007" / "Innen 1. mai 2008". */
  | { kind: 'date'; date: string; qualifier?: 'from' | 'start' | 'by' }
  /** A span of time: "Våren 2007" = 2007-01-01…2007-06-30; "Skoleåret 2006/2007"; the plan period. */
  | { kind: 'period'; start: string; end: string }
  /** "Kontinuerlig", "Gjennomføres kontinuerlig", "Fortløpende". */
  | { kind: 'continuous' }
  /** "Årlig 30. april og 16. mai", "Gjennomføres hvert skoleår", "To ganger i løpet av året". */
  | {
      kind: 'recurring';
      every: 'year' | 'school_year' | 'month' | 'week';
      /** Fixed days in each cycle, as 'MM-DD'. */
      days?: string[];
      /** How many times per cycle, when said ("To ganger i løpet av året" = 2). */
      timesPerCycle?: number;
    }
  | { kind: 'unknown' };

export interface Deadline {
  /** Exactly what was written. */
  text: string;
  value: DeadlineValue;
}

/** The plan period the parser needs for phrases like "Hele planperioden" (years, inclusive). */
export interface PlanPeriod {
  startYear: number;
  endYear: number;
}

/**
 * The columns of a plan exported to CSV/Excel, in order; import reads the same columns, so export →
 * edit → import round-trips. Rows come in tree order; an item's parent is the nearest row above it
 * with a lower level.
 */
export const PLAN_SHEET_COLUMNS = [
  'Nivå',
  'Nivånavn',
  'Kode',
  'Tittel',
  'Beskrivelse',
  'Ansvarlige enheter',
  'Samarbeidspartnere',
  'Målgrupper',
  'Frist',
  'Status',
  'Merknader',
] as const;
export type PlanSheetColumn = (typeof PLAN_SHEET_COLUMNS)[number];

/** Between a measure's partners when they are written as one text: the organisations, then the free text. */
export const PARTNER_SEPARATOR = '; ';

/**
 * A measure's partners as one text, the way the plan sheet's Samarbeidspartnere column and the
 * pages write them: the organisations' names first, then the free text ("Velferdsetaten; Politiet").
 */
export function partnersText(unitNames: readonly string[], freeText: string): string {
  return [...unitNames, freeText.trim()].filter((part) => part.trim() !== '').join(PARTNER_SEPARATOR);
}

/** The columns of a district's status report table, as in Word (domain.md §1). */
export const STATUS_TABLE_COLUMNS = ['Tiltak', 'Beskrivelse av tiltaket', 'Frist', 'Status', 'Merknader'] as const;
