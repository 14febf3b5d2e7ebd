import { z } from 'zod';
import { STATUS_CATEGORIES } from './model.js';

/** Actions on plans (docs/policy-matrix.md). */
export const planActions = [
  'plan.read',
  'plan.create',
  'plan.update',
  'plan.publish',
  'measure.updateStatus',
  'report.create',
  'report.approve',
] as const;
export type PlanAction = (typeof planActions)[number];

const Year = z.number().int().min(1990).max(2100);
const IsoDate = z.iso.date();

export const PlanLevelSchema = z.object({
  label: z.string().trim().min(1).max(60),
  measure: z.boolean(),
  council: z.boolean().optional(),
});

export const StatusTermSchema = z.object({
  code: z.string().trim().regex(/^[a-z0-9_]{1,40}$/, { message: 'code_format' }),
  label: z.string().trim().min(1).max(80),
  category: z.enum(STATUS_CATEGORIES),
});

export const PLAN_STATES = ['draft', 'adopted', 'archived'] as const;
export const PlanState = z.enum(PLAN_STATES);
export type PlanState = z.infer<typeof PlanState>;

export const REPORTING_CYCLES = ['yearly', 'tertial'] as const;
export const ReportingCycle = z.enum(REPORTING_CYCLES);

export const PLAN_TEMPLATES = ['district', 'work', 'chapter'] as const;

export const DeadlineValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: IsoDate, qualifier: z.enum(['from', 'start', 'by']).optional() }),
  z.object({ kind: z.literal('period'), start: IsoDate, end: IsoDate }),
  z.object({ kind: z.literal('continuous') }),
  z.object({
    kind: z.literal('recurring'),
    every: z.enum(['year', 'school_year', 'month', 'week']),
    days: z.array(z.string()).optional(),
    timesPerCycle: z.number().int().optional(),
  }),
  z.object({ kind: z.literal('unknown') }),
]);

export const PlanLink = z.object({
  kind: z.enum(['implements', 'related']),
  title: z.string().trim().min(2).max(300),
  url: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
  planId: z.uuid().nullable().optional(),
});
export type PlanLink = z.infer<typeof PlanLink>;

/** Counts of measures by status category: the roll-up shown as bars. */
export const Progress = z.object({
  total: z.number().int(),
  not_started: z.number().int(),
  in_progress: z.number().int(),
  done: z.number().int(),
  dropped: z.number().int(),
  /** Measures without any status yet. */
  none: z.number().int(),
});
export type Progress = z.infer<typeof Progress>;

export const PlanSummary = z.object({
  id: z.uuid(),
  ownerUnitId: z.uuid(),
  ownerName: z.string(),
  title: z.string(),
  startYear: Year,
  endYear: Year,
  state: PlanState,
  adoptedOn: IsoDate.nullable(),
  publishedAt: z.string().nullable(),
  progress: Progress,
  actions: z.array(z.enum(planActions)),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanList = z.object({ plans: z.array(PlanSummary) });

export const PlanDetail = PlanSummary.extend({
  description: z.string(),
  levels: z.array(PlanLevelSchema),
  statusTerms: z.array(StatusTermSchema),
  reportingCycle: ReportingCycle,
  reportDueDays: z.number().int(),
  links: z.array(PlanLink),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

export const CreatePlanRequest = z.object({
  ownerUnitId: z.uuid(),
  title: z.string().trim().min(3).max(300),
  description: z.string().trim().max(20_000).default(''),
  startYear: Year,
  endYear: Year,
  template: z.enum(PLAN_TEMPLATES).default('district'),
  levels: z.array(PlanLevelSchema).min(1).max(8).optional(),
  reportingCycle: ReportingCycle.default('yearly'),
});
export type CreatePlanRequest = z.infer<typeof CreatePlanRequest>;

export const UpdatePlanRequest = z
  .object({
    title: z.string().trim().min(3).max(300).optional(),
    description: z.string().trim().max(20_000).optional(),
    startYear: Year.optional(),
    endYear: Year.optional(),
    levels: z.array(PlanLevelSchema).min(1).max(8).optional(),
    statusTerms: z.array(StatusTermSchema).min(1).max(30).optional(),
    reportingCycle: ReportingCycle.optional(),
    reportDueDays: z.number().int().min(0).max(180).optional(),
    links: z.array(PlanLink).max(30).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'empty_update' });
export type UpdatePlanRequest = z.infer<typeof UpdatePlanRequest>;

export const ChangePlanStateRequest = z.object({
  state: PlanState,
  /** Required when adopting: the date the district council (bydelsutvalget) adopted the plan. */
  adoptedOn: IsoDate.optional(),
});

export const PublishRequest = z.object({ published: z.boolean() });

export const PlanItemUnit = z.object({ id: z.uuid(), name: z.string() });

export const CurrentStatus = z.object({
  code: z.string(),
  label: z.string(),
  category: z.enum(STATUS_CATEGORIES),
  remark: z.string(),
  reportedOn: IsoDate,
});

export const PlanItem = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  level: z.number().int(),
  position: z.number().int(),
  code: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  responsibleUnits: z.array(PlanItemUnit),
  /** Partners that are organisations in the tree (any unit, often another agency), by name. */
  partnerUnits: z.array(PlanItemUnit),
  /** Partners outside the tree, as free text. */
  partners: z.string(),
  targetGroups: z.array(z.string()),
  deadlineText: z.string(),
  deadline: DeadlineValueSchema,
  status: CurrentStatus.nullable(),
  /** Roll-up of the measures in this item's subtree (itself included when it is a measure). */
  progress: Progress,
  actions: z.array(z.enum(planActions)),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const PlanItemList = z.object({ items: z.array(PlanItem), progress: Progress });
export type PlanItemList = z.infer<typeof PlanItemList>;

const ItemFields = {
  code: z.string().trim().max(20).nullable().optional(),
  title: z.string().trim().min(1).max(2000),
  description: z.string().trim().max(20_000).optional(),
  responsibleUnitIds: z.array(z.uuid()).max(20).optional(),
  /** Any unit of the organisation tree (not only the owner's): partners are often other agencies. */
  partnerUnitIds: z.array(z.uuid()).max(20).optional(),
  partners: z.string().trim().max(2000).optional(),
  targetGroups: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  deadlineText: z.string().trim().max(200).optional(),
};

export const CreatePlanItemRequest = z.object({
  parentId: z.uuid().nullable(),
  /** Position among the siblings (0 = first); appended when left out. */
  position: z.number().int().min(0).max(100_000).optional(),
  ...ItemFields,
});
export type CreatePlanItemRequest = z.infer<typeof CreatePlanItemRequest>;

export const UpdatePlanItemRequest = z
  .object({ ...ItemFields, title: ItemFields.title.optional() })
  .refine((value) => Object.keys(value).length > 0, { message: 'empty_update' });
export type UpdatePlanItemRequest = z.infer<typeof UpdatePlanItemRequest>;

export const MovePlanItemRequest = z.object({
  parentId: z.uuid().nullable(),
  position: z.number().int().min(0).max(100_000),
});

export const StatusUpdate = z.object({
  id: z.uuid(),
  code: z.string(),
  label: z.string(),
  category: z.enum(STATUS_CATEGORIES),
  remark: z.string(),
  reportedOn: IsoDate,
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type StatusUpdate = z.infer<typeof StatusUpdate>;

export const StatusHistory = z.object({ updates: z.array(StatusUpdate) });

export const NewStatusRequest = z.object({
  status: z.string().trim().min(1).max(40),
  remark: z.string().trim().max(5000).default(''),
  reportedOn: IsoDate.optional(),
});
export type NewStatusRequest = z.infer<typeof NewStatusRequest>;

export const BulkStatusRequest = z.object({
  reportedOn: IsoDate.optional(),
  updates: z
    .array(z.object({ itemId: z.uuid(), status: z.string().trim().min(1).max(40), remark: z.string().trim().max(5000).default('') }))
    .min(1)
    .max(5000),
});
export type BulkStatusRequest = z.infer<typeof BulkStatusRequest>;

export const BulkStatusResponse = z.object({ saved: z.number().int(), unchanged: z.number().int() });

// ---------------------------------------------------------------- reporting

export const ReportingPeriodSchema = z.object({ label: z.string(), start: IsoDate, end: IsoDate, due: IsoDate });

export const REPORT_STATES = ['draft', 'approved'] as const;

export const ReportMeta = z.object({
  id: z.uuid(),
  state: z.enum(REPORT_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

export const ReportPeriodList = z.object({
  periods: z.array(
    z.object({
      period: ReportingPeriodSchema,
      report: ReportMeta.nullable(),
      /** Measures of the plan with no status reported within this period. */
      missing: z.number().int(),
    }),
  ),
  current: z.string().nullable(),
  actions: z.array(z.enum(planActions)),
});

/** The snapshot is data for the page and the exports; its shape is `ReportSnapshot` (core plans/report.ts). */
export const ReportDetail = ReportMeta.extend({
  planId: z.uuid(),
  snapshot: z.record(z.string(), z.unknown()),
  actions: z.array(z.enum(planActions)),
});

export const CreateReportRequest = z.object({ periodLabel: z.string().trim().min(1).max(40) });

export const ExportQuery = z.object({ format: z.enum(['docx', 'pdf', 'xlsx']) });
export const PlanExportQuery = z.object({ format: z.enum(['csv', 'xlsx']) });

/** What a responsible unit still has to report: shown on the start page and the plan's to-do tab. */
export const TodoList = z.object({
  plans: z.array(
    z.object({
      planId: z.uuid(),
      planTitle: z.string(),
      ownerName: z.string(),
      period: ReportingPeriodSchema,
      /** Days until the report is due (negative: overdue). */
      daysLeft: z.number().int(),
      measures: z.array(
        z.object({
          itemId: z.uuid(),
          code: z.string().nullable(),
          title: z.string(),
          responsibleUnits: z.array(z.string()),
          status: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type TodoList = z.infer<typeof TodoList>;

// ---------------------------------------------------------------- import

/** What the import will do (preview) or did (after confirm) with each line or row. */
export const IMPORT_OUTCOMES = ['save', 'create', 'update', 'unchanged', 'refused', 'skipped', 'heading', 'header'] as const;

export const ImportLine = z.object({
  /** Source line numbers (1-based; for sheets the row number as Excel shows it). */
  lines: z.array(z.number().int()),
  outcome: z.enum(IMPORT_OUTCOMES),
  code: z.string().nullable(),
  title: z.string(),
  statusLabel: z.string().nullable(),
  remarks: z.string(),
  /** The plan item the line was matched to, with its place in the plan ("Mål 1 › Strategi 2 › a › 1"). */
  match: z.object({ itemId: z.uuid(), place: z.string() }).nullable(),
  /** Why a line is refused or skipped, or what is worth a look; in the asked language. */
  messages: z.array(z.string()),
});
export type ImportLine = z.infer<typeof ImportLine>;

export const ImportSummary = z.object({
  lines: z.number().int(),
  toSave: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  skipped: z.number().int(),
});

export const ImportResult = z.object({
  lines: z.array(ImportLine),
  summary: ImportSummary,
  /** True when the import was written (confirm and nothing refused outside the skipped lines). */
  saved: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const StatusTableImportRequest = z.object({
  text: z.string().max(2_000_000),
  reportedOn: IsoDate.optional(),
  /** Lines the user chose to leave out (refused lines must be left out before confirming). */
  skipLines: z.array(z.number().int().min(1)).max(100_000).default([]),
  confirm: z.boolean().default(false),
});
export type StatusTableImportRequest = z.infer<typeof StatusTableImportRequest>;

export const SheetImportRequest = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** CSV as text, or the .xlsx file base64-encoded. */
  content: z.string().max(15_000_000),
  reportedOn: IsoDate.optional(),
  skipLines: z.array(z.number().int().min(1)).max(100_000).default([]),
  confirm: z.boolean().default(false),
});
export type SheetImportRequest = z.infer<typeof SheetImportRequest>;

// ---------------------------------------------------------------- public (innsyn)

export const PublicPlanSummary = z.object({
  id: z.uuid(),
  ownerName: z.string(),
  title: z.string(),
  startYear: Year,
  endYear: Year,
  state: PlanState,
  adoptedOn: IsoDate.nullable(),
  progress: Progress,
});
export const PublicPlanList = z.object({ plans: z.array(PublicPlanSummary) });

export const PublicPlanItem = PlanItem.omit({ actions: true }).extend({
  /** Residents see the partner organisations' names only. */
  partnerUnits: z.array(z.object({ name: z.string() })),
  history: z.array(StatusUpdate.omit({ authorName: true, id: true })),
});

export const PublicPlan = PublicPlanSummary.extend({
  description: z.string(),
  levels: z.array(PlanLevelSchema),
  links: z.array(PlanLink),
  items: z.array(PublicPlanItem),
  reports: z.array(z.object({ id: z.uuid(), period: ReportingPeriodSchema.omit({ due: true }), approvedAt: z.string() })),
});
export type PublicPlan = z.infer<typeof PublicPlan>;
