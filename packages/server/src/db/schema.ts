import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AuditOutcome,
  DeadlineValue,
  OrgUnitKind,
  PlanLevel,
  PlanLink,
  PublicationState,
  PublicService,
  Role,
  ServiceStatus,
  StatusTerm,
  Taxonomy,
} from '@rusfag/core';

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

// Service directory (migration 20261126T0900_directory): the editors' working copy …
export interface DirOrganizationTable {
  id: Generated<string>;
  name: string;
  alternate_name: Generated<string>;
  description: Generated<string>;
  description_en: Generated<string>;
  email: Generated<string>;
  website: Generated<string>;
  org_unit_id: string | null;
  steward_unit_id: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** The id the record had in an imported HSDS file. */
  external_id: string | null;
}

export interface DirLocationTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  description: Generated<string>;
  address: Generated<string>;
  postal_code: Generated<string>;
  city: Generated<string>;
  district_unit_id: string | null;
  latitude: number | null;
  longitude: number | null;
  confidential: Generated<boolean>;
  wheelchair_accessible: boolean | null;
  accessibility_note: Generated<string>;
  transportation: Generated<string>;
  example: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** The id the record had in an imported HSDS file. */
  external_id: string | null;
}

export interface DirServiceTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  name_en: Generated<string>;
  alternate_name: Generated<string>;
  description: Generated<string>;
  description_en: Generated<string>;
  url: Generated<string>;
  email: Generated<string>;
  status: Generated<ServiceStatus>;
  status_note: Generated<string>;
  how_to_get_in: Generated<string>;
  how_to_get_in_en: Generated<string>;
  eligibility: Generated<string>;
  eligibility_en: Generated<string>;
  minimum_age: number | null;
  maximum_age: number | null;
  referral_required: boolean | null;
  free_of_charge: boolean | null;
  fees_description: Generated<string>;
  city_wide: Generated<boolean>;
  hours_note: Generated<string>;
  hours_example: Generated<boolean>;
  publication_state: Generated<PublicationState>;
  published_at: Date | null;
  published_by: string | null;
  last_verified_on: string | null;
  last_verified_by: string | null;
  last_verified_by_name: Generated<string>;
  freshness_reminded_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** The id the record had in an imported HSDS file. */
  external_id: string | null;
}

export interface DirServiceAtLocationTable {
  service_id: string;
  location_id: string;
}

export interface DirServiceAreaTable {
  service_id: string;
  district_unit_id: string;
}

export interface DirTaxonomyTermTable {
  id: Generated<string>;
  taxonomy: Taxonomy;
  code: string;
  name: string;
  name_en: Generated<string>;
  position: Generated<number>;
}

export interface DirServiceTermTable {
  service_id: string;
  term_id: string;
}

export interface DirServiceLanguageTable {
  service_id: string;
  code: string;
}

export interface DirScheduleTable {
  id: Generated<string>;
  service_id: string;
  kind: 'weekly' | 'exception';
  weekday: number | null;
  opens_min: number | null;
  closes_min: number | null;
  valid_from: string | null;
  valid_to: string | null;
  closed: Generated<boolean>;
  reason: Generated<string>;
}

export interface DirPhoneTable {
  id: Generated<string>;
  service_id: string;
  number: string;
  description: Generated<string>;
  position: Generated<number>;
}

export interface DirContactTable {
  id: Generated<string>;
  service_id: string;
  name: Generated<string>;
  title: Generated<string>;
  email: Generated<string>;
  phone: Generated<string>;
  position: Generated<number>;
}

export interface DirChangeTable {
  id: Generated<string>;
  service_id: string;
  changed_at: CreatedAt;
  actor_id: string | null;
  actor_name: Generated<string>;
  action: string;
  changes: Record<string, unknown>;
}

// … and the published snapshot that every public output reads.
export interface DirPublicServiceTable {
  service_id: string;
  organization_id: string;
  name: string;
  organization_name: string;
  status: ServiceStatus;
  target_groups: string[];
  categories: string[];
  city_wide: boolean;
  districts: string[];
  languages: string[];
  free_of_charge: boolean | null;
  referral_required: boolean | null;
  minimum_age: number | null;
  maximum_age: number | null;
  wheelchair: boolean;
  has_hours: boolean;
  last_verified_on: string | null;
  search_nb: string;
  search_en: string;
  name_key: string;
  document: PublicService;
  published_at: Date;
  updated_at: Timestamp;
}

export interface DirPublicPointTable {
  service_id: string;
  latitude: number;
  longitude: number;
}

export interface DirPublicScheduleTable {
  service_id: string;
  kind: 'weekly' | 'exception';
  weekday: number | null;
  opens_min: number | null;
  closes_min: number | null;
  valid_from: string | null;
  valid_to: string | null;
  closed: boolean;
}

export interface DirPublicWordTable {
  word: string;
  services: number;
}

export interface DirImportTable {
  id: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  format: string;
  state: Generated<'preview' | 'running' | 'done' | 'failed'>;
  total: Generated<number>;
  processed: Generated<number>;
  report: Generated<Record<string, unknown>>;
  finished_at: Date | null;
  steward_unit_id: string | null;
  publish: Generated<boolean>;
  content: string | null;
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
  dir_organization: DirOrganizationTable;
  dir_location: DirLocationTable;
  dir_service: DirServiceTable;
  dir_service_at_location: DirServiceAtLocationTable;
  dir_service_area: DirServiceAreaTable;
  dir_taxonomy_term: DirTaxonomyTermTable;
  dir_service_term: DirServiceTermTable;
  dir_service_language: DirServiceLanguageTable;
  dir_schedule: DirScheduleTable;
  dir_phone: DirPhoneTable;
  dir_contact: DirContactTable;
  dir_change: DirChangeTable;
  dir_public_service: DirPublicServiceTable;
  dir_public_point: DirPublicPointTable;
  dir_public_schedule: DirPublicScheduleTable;
  dir_public_word: DirPublicWordTable;
  dir_import: DirImportTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type OrgUnitUpdate = Updateable<OrgUnitTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type UserSessionRow = Selectable<UserSessionTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
