import { fromMinutes, toMinutes, type OpeningHours, type ServiceInput, type ServiceStatus } from '@rusfag/core';
import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/context.js';
import { pathInScope } from '../../platform/scope-sql.js';
import type { ListScope } from '../../platform/policy.js';

export interface OrganizationRow {
  id: string;
  name: string;
  alternate_name: string;
  description: string;
  description_en: string;
  email: string;
  website: string;
  org_unit_id: string | null;
  steward_unit_id: string;
  steward_path: string;
  steward_name: string;
}

const organizationColumns = sql`o.id, o.name, o.alternate_name, o.description, o.description_en, o.email, o.website,
  o.org_unit_id, o.steward_unit_id, su.path as steward_path, su.name as steward_name`;

export async function findOrganization(db: DbOrTrx, id: string): Promise<OrganizationRow | undefined> {
  const result = await sql<OrganizationRow>`
    select ${organizationColumns} from dir_organization o join org_unit su on su.id = o.steward_unit_id
    where o.id = ${id}`.execute(db);
  return result.rows[0];
}

export async function listOrganizations(db: DbOrTrx, scope: ListScope): Promise<(OrganizationRow & { services: number })[]> {
  const result = await sql<OrganizationRow & { services: number }>`
    select ${organizationColumns}, (select count(*)::int from dir_service s where s.organization_id = o.id) as services
    from dir_organization o join org_unit su on su.id = o.steward_unit_id
    where ${pathInScope(sql.ref('su.path'), scope)}
    order by lower(o.name)`.execute(db);
  return result.rows;
}

export interface LocationRow {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  address: string;
  postal_code: string;
  city: string;
  district_unit_id: string | null;
  district_code: string | null;
  district_name: string | null;
  latitude: number | null;
  longitude: number | null;
  confidential: boolean;
  wheelchair_accessible: boolean | null;
  accessibility_note: string;
  transportation: string;
  example: boolean;
}

const locationColumns = sql`l.id, l.organization_id, l.name, l.description, l.address, l.postal_code, l.city,
  l.district_unit_id, d.code as district_code, d.name as district_name, l.latitude, l.longitude, l.confidential,
  l.wheelchair_accessible, l.accessibility_note, l.transportation, l.example`;

export async function listLocations(db: DbOrTrx, organizationId: string): Promise<LocationRow[]> {
  const result = await sql<LocationRow>`
    select ${locationColumns} from dir_location l left join org_unit d on d.id = l.district_unit_id
    where l.organization_id = ${organizationId} order by lower(l.name)`.execute(db);
  return result.rows;
}

export async function findLocation(db: DbOrTrx, id: string): Promise<LocationRow | undefined> {
  const result = await sql<LocationRow>`
    select ${locationColumns} from dir_location l left join org_unit d on d.id = l.district_unit_id
    where l.id = ${id}`.execute(db);
  return result.rows[0];
}

export interface ServiceRow {
  id: string;
  organization_id: string;
  name: string;
  name_en: string;
  alternate_name: string;
  description: string;
  description_en: string;
  url: string;
  email: string;
  status: ServiceStatus;
  status_note: string;
  how_to_get_in: string;
  how_to_get_in_en: string;
  eligibility: string;
  eligibility_en: string;
  minimum_age: number | null;
  maximum_age: number | null;
  referral_required: boolean | null;
  free_of_charge: boolean | null;
  fees_description: string;
  city_wide: boolean;
  hours_note: string;
  hours_example: boolean;
  publication_state: 'draft' | 'published';
  published_at: Date | null;
  last_verified_on: string | null;
  last_verified_by_name: string;
  freshness_reminded_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export async function findService(db: DbOrTrx, id: string): Promise<ServiceRow | undefined> {
  return db.selectFrom('dir_service').selectAll().where('id', '=', id).executeTakeFirst() as Promise<ServiceRow | undefined>;
}

export interface TermRow {
  taxonomy: 'target_group' | 'category';
  code: string;
  name: string;
  name_en: string;
}

/** Everything that hangs off a service, loaded in one round of small queries. */
export interface ServiceParts {
  terms: TermRow[];
  districts: { id: string; code: string; name: string }[];
  languages: string[];
  locations: LocationRow[];
  phones: { number: string; description: string }[];
  contacts: { name: string; title: string; email: string; phone: string }[];
  hours: OpeningHours;
}

export async function loadServiceParts(db: DbOrTrx, serviceId: string): Promise<ServiceParts> {
  const [terms, districts, languages, locations, phones, contacts, schedules] = await Promise.all([
    sql<TermRow>`select t.taxonomy, t.code, t.name, t.name_en from dir_service_term st join dir_taxonomy_term t on t.id = st.term_id
      where st.service_id = ${serviceId} order by t.taxonomy, t.position, t.code`.execute(db),
    sql<{ id: string; code: string; name: string }>`select u.id, coalesce(u.code, '') as code, u.name from dir_service_area a
      join org_unit u on u.id = a.district_unit_id where a.service_id = ${serviceId} order by u.code, u.name`.execute(db),
    sql<{ code: string }>`select code from dir_service_language where service_id = ${serviceId} order by code`.execute(db),
    sql<LocationRow>`select ${locationColumns} from dir_service_at_location sl join dir_location l on l.id = sl.location_id
      left join org_unit d on d.id = l.district_unit_id where sl.service_id = ${serviceId} order by lower(l.name)`.execute(db),
    sql<{ number: string; description: string }>`select number, description from dir_phone where service_id = ${serviceId} order by position`.execute(db),
    sql<{ name: string; title: string; email: string; phone: string }>`select name, title, email, phone from dir_contact
      where service_id = ${serviceId} order by position`.execute(db),
    sql<ScheduleRow>`select kind, weekday, opens_min, closes_min, valid_from, valid_to, closed, reason from dir_schedule
      where service_id = ${serviceId} order by kind desc, weekday, valid_from, opens_min`.execute(db),
  ]);
  return {
    terms: terms.rows,
    districts: districts.rows,
    languages: languages.rows.map((row) => row.code),
    locations: locations.rows,
    phones: phones.rows,
    contacts: contacts.rows,
    hours: hoursFromRows(schedules.rows),
  };
}

export interface ScheduleRow {
  kind: 'weekly' | 'exception';
  weekday: number | null;
  opens_min: number | null;
  closes_min: number | null;
  valid_from: string | null;
  valid_to: string | null;
  closed: boolean;
  reason: string;
}

/** Schedule rows (minutes of the Oslo day) back into opening hours. */
export function hoursFromRows(rows: readonly ScheduleRow[]): OpeningHours {
  const hours: OpeningHours = { weekly: [], exceptions: [] };
  for (const row of rows) {
    if (row.kind === 'weekly') {
      hours.weekly.push({
        weekday: row.weekday ?? 1,
        opensAt: fromMinutes(row.opens_min ?? 0),
        closesAt: fromMinutes(row.closes_min ?? 0),
        validFrom: row.valid_from,
        validTo: row.valid_to,
      });
    } else {
      hours.exceptions.push({
        from: row.valid_from ?? '',
        to: row.valid_to ?? '',
        closed: row.closed,
        opensAt: row.opens_min === null ? null : fromMinutes(row.opens_min),
        closesAt: row.closes_min === null ? null : fromMinutes(row.closes_min),
        reason: row.reason,
      });
    }
  }
  return hours;
}

/** The schedule rows of opening hours (shared by the working copy and the public snapshot). */
export function scheduleRows(hours: OpeningHours) {
  return [
    ...hours.weekly.map((rule) => ({
      kind: 'weekly' as const,
      weekday: rule.weekday,
      // Validated before (validateOpeningHours), so the times parse; a closing '00:00' is midnight (1440).
      opens_min: toMinutes(rule.opensAt, 'opens') ?? 0,
      closes_min: toMinutes(rule.closesAt, 'closes') ?? 1440,
      valid_from: rule.validFrom ?? null,
      valid_to: rule.validTo ?? null,
      closed: false,
      reason: '',
    })),
    ...hours.exceptions.map((ex) => ({
      kind: 'exception' as const,
      weekday: null,
      opens_min: ex.closed || !ex.opensAt ? null : (toMinutes(ex.opensAt, 'opens') ?? 0),
      closes_min: ex.closed || !ex.closesAt ? null : (toMinutes(ex.closesAt, 'closes') ?? 1440),
      valid_from: ex.from,
      valid_to: ex.to,
      closed: ex.closed,
      reason: ex.reason,
    })),
  ];
}

/** The service's own columns from the editors' form. */
export function serviceColumns(input: ServiceInput) {
  return {
    organization_id: input.organizationId,
    name: input.name,
    name_en: input.nameEn,
    alternate_name: input.alternateName,
    description: input.description,
    description_en: input.descriptionEn,
    url: input.url,
    email: input.email,
    status: input.status,
    status_note: input.statusNote,
    how_to_get_in: input.howToGetIn,
    how_to_get_in_en: input.howToGetInEn,
    eligibility: input.eligibility,
    eligibility_en: input.eligibilityEn,
    minimum_age: input.minimumAge,
    maximum_age: input.maximumAge,
    referral_required: input.referralRequired,
    free_of_charge: input.freeOfCharge,
    fees_description: input.feesDescription,
    city_wide: input.cityWide,
    hours_note: input.hoursNote,
  };
}

/** Replaces every part of a service's working copy (the form sends the whole service). */
export async function replaceServiceParts(db: DbOrTrx, serviceId: string, input: ServiceInput, termIds: readonly string[]): Promise<void> {
  await db.deleteFrom('dir_service_term').where('service_id', '=', serviceId).execute();
  await db.deleteFrom('dir_service_area').where('service_id', '=', serviceId).execute();
  await db.deleteFrom('dir_service_language').where('service_id', '=', serviceId).execute();
  await db.deleteFrom('dir_service_at_location').where('service_id', '=', serviceId).execute();
  await db.deleteFrom('dir_phone').where('service_id', '=', serviceId).execute();
  await db.deleteFrom('dir_contact').where('service_id', '=', serviceId).execute();
  await db.deleteFrom('dir_schedule').where('service_id', '=', serviceId).execute();
  if (termIds.length) await db.insertInto('dir_service_term').values(termIds.map((term_id) => ({ service_id: serviceId, term_id }))).execute();
  if (input.districtIds.length)
    await db.insertInto('dir_service_area').values([...new Set(input.districtIds)].map((district_unit_id) => ({ service_id: serviceId, district_unit_id }))).execute();
  if (input.languages.length)
    await db.insertInto('dir_service_language').values([...new Set(input.languages)].map((code) => ({ service_id: serviceId, code }))).execute();
  if (input.locationIds.length)
    await db.insertInto('dir_service_at_location').values([...new Set(input.locationIds)].map((location_id) => ({ service_id: serviceId, location_id }))).execute();
  if (input.phones.length)
    await db.insertInto('dir_phone').values(input.phones.map((phone, position) => ({ service_id: serviceId, ...phone, position }))).execute();
  if (input.contacts.length)
    await db.insertInto('dir_contact').values(input.contacts.map((contact, position) => ({ service_id: serviceId, ...contact, position }))).execute();
  const schedules = scheduleRows(input.hours);
  if (schedules.length) await db.insertInto('dir_schedule').values(schedules.map((row) => ({ service_id: serviceId, ...row }))).execute();
}

export async function termIdsByCode(db: DbOrTrx): Promise<Map<string, string>> {
  const rows = await db.selectFrom('dir_taxonomy_term').select(['id', 'taxonomy', 'code']).execute();
  return new Map(rows.map((row) => [`${row.taxonomy}:${row.code}`, row.id]));
}

export async function listTerms(db: DbOrTrx): Promise<TermRow[]> {
  const result = await sql<TermRow>`select taxonomy, code, name, name_en from dir_taxonomy_term order by taxonomy, position, code`.execute(db);
  return result.rows;
}

export async function listDistricts(db: DbOrTrx): Promise<{ id: string; code: string; name: string }[]> {
  const result = await sql<{ id: string; code: string; name: string }>`
    select id, code, name from org_unit where kind = 'district' and active and code is not null order by code`.execute(db);
  return result.rows;
}

export interface StaffServiceRow {
  id: string;
  name: string;
  organization_id: string;
  organization_name: string;
  status: ServiceStatus;
  publication_state: 'draft' | 'published';
  published_at: Date | null;
  updated_at: Date;
  last_verified_on: string | null;
  freshness_reminded_at: Date | null;
  steward_path: string;
}

/** The editors' list: services of the organisations their units steward, optionally only stale ones. */
export async function listServices(
  db: DbOrTrx,
  scope: ListScope,
  filter: { q?: string; organizationId?: string; verifiedBefore?: string },
): Promise<StaffServiceRow[]> {
  const q = filter.q?.trim().toLowerCase();
  const result = await sql<StaffServiceRow>`
    select s.id, s.name, s.organization_id, o.name as organization_name, s.status, s.publication_state, s.published_at,
      s.updated_at, s.last_verified_on, s.freshness_reminded_at, su.path as steward_path
    from dir_service s join dir_organization o on o.id = s.organization_id join org_unit su on su.id = o.steward_unit_id
    where ${pathInScope(sql.ref('su.path'), scope)}
      ${q ? sql`and (lower(s.name) like ${`%${q}%`} or lower(o.name) like ${`%${q}%`})` : sql``}
      ${filter.organizationId ? sql`and s.organization_id = ${filter.organizationId}` : sql``}
      ${filter.verifiedBefore ? sql`and s.status <> 'defunct' and (s.last_verified_on is null or s.last_verified_on < ${filter.verifiedBefore})` : sql``}
    order by ${filter.verifiedBefore ? sql`s.last_verified_on nulls first,` : sql``} lower(s.name), s.id
    limit 2000`.execute(db);
  return result.rows;
}

export async function listChanges(db: DbOrTrx, serviceId: string) {
  return db
    .selectFrom('dir_change')
    .select(['id', 'changed_at', 'actor_name', 'action', 'changes'])
    .where('service_id', '=', serviceId)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}

export async function recordChange(
  db: DbOrTrx,
  change: { serviceId: string; actorId: string | null; actorName: string; action: string; changes: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('dir_change')
    .values({ service_id: change.serviceId, actor_id: change.actorId, actor_name: change.actorName, action: change.action, changes: JSON.stringify(change.changes) as never })
    .execute();
}

/** Marks the reminder on services due for verification that were not reminded recently. */
export async function markReminders(db: DbOrTrx, verifiedBefore: string, remindedBefore: Date, now: Date): Promise<number> {
  const result = await db
    .updateTable('dir_service')
    .set({ freshness_reminded_at: now })
    .where('status', '<>', 'defunct')
    .where((eb) => eb.or([eb('last_verified_on', 'is', null), eb('last_verified_on', '<', verifiedBefore)]))
    .where((eb) => eb.or([eb('freshness_reminded_at', 'is', null), eb('freshness_reminded_at', '<', remindedBefore)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
