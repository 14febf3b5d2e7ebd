import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AuditOutcome, DeadlineValue, OrgUnitKind, PlanLevel, PlanLink, Role, StatusTerm } from '@rusfag/core';

/**
 * Table types for Kysely, kept by hand beside the migrations; `schema.test.ts` checks them
 * against the migrated database so the two cannot drift apart.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, never, never>;

export interface OrgUnitTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: OrgUnitKind;
  name: string;
  code: string | null;
  path: string;
  depth: number;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  home_unit_id: string;
  password_hash: string;
  password_changed_at: Timestamp;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  active: Generated<boolean>;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RoleAssignmentTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  unit_id: string;
  granted_by: string | null;
  created_at: CreatedAt;
}

export type SessionRevokedReason =
  | 'logout'
  | 'admin'
  | 'password_changed'
  | 'step_completed'
  | 'user_disabled'
  | 'totp_reset';

export interface UserSessionTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  login_complete: boolean;
  mfa: boolean;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  absolute_expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: SessionRevokedReason | null;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptTable {
  username: string;
  ip: string;
  failures: number;
  last_failure_at: Timestamp;
  locked_until: Date | null;
}

export interface AuditEventTable {
  /** Assigned by the chaining trigger. */
  id: ColumnType<number, never, never>;
  occurred_at: ColumnType<Date, never, never>;
  actor_user_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  client_id: string | null;
  basis: string | null;
  reason: string | null;
  request_id: string | null;
  ip: string | null;
  outcome: AuditOutcome;
  details: ColumnType<Record<string, unknown> | null, string | null, never>;
  prev_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

type Json<T> = ColumnType<T, string, string>;
/** 'YYYY-MM-DD' (the date parser is set to hand dates back as text). */
type DateText = string;

export interface PlanTable {
  id: Generated<string>;
  owner_unit_id: string;
  title: string;
  description: Generated<string>;
  start_year: number;
  end_year: number;
  state: Generated<'draft' | 'adopted' | 'archived'>;
  adopted_on: DateText | null;
  levels: Json<PlanLevel[]>;
  status_terms: Json<StatusTerm[]>;
  reporting_cycle: Generated<'yearly' | 'tertial'>;
  report_due_days: Generated<number>;
  links: ColumnType<PlanLink[], string | undefined, string>;
  published_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PlanItemTable {
  id: Generated<string>;
  plan_id: string;
  parent_id: string | null;
  level: number;
  position: number;
  code: string | null;
  title: string;
  description: Generated<string>;
  partners: Generated<string>;
  target_groups: ColumnType<string[], string[] | undefined, string[]>;
  deadline_text: Generated<string>;
  deadline: ColumnType<DeadlineValue, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PlanItemUnitTable {
  item_id: string;
  unit_id: string;
}

/** Partners of a measure that are organisations in the tree (any unit; plan_item.partners holds the rest). */
export interface PlanItemPartnerTable {
  item_id: string;
  unit_id: string;
}

export interface MeasureStatusTable {
  id: Generated<string>;
  item_id: string;
  status_code: string;
  remark: Generated<string>;
  reported_on: DateText;
  author_user_id: string | null;
  created_at: CreatedAt;
}

export interface StatusReportTable {
  id: Generated<string>;
  plan_id: string;
  period_label: string;
  period_start: DateText;
  period_end: DateText;
  state: Generated<'draft' | 'approved'>;
  snapshot: Json<unknown>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  approved_by: string | null;
  approved_at: Date | null;
  published_at: Date | null;
}

export interface Database {
  org_unit: OrgUnitTable;
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  user_session: UserSessionTable;
  login_attempt: LoginAttemptTable;
  audit_event: AuditEventTable;
  plan: PlanTable;
  plan_item: PlanItemTable;
  plan_item_unit: PlanItemUnitTable;
  plan_item_partner: PlanItemPartnerTable;
  measure_status: MeasureStatusTable;
  status_report: StatusReportTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type OrgUnitUpdate = Updateable<OrgUnitTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type UserSessionRow = Selectable<UserSessionTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
