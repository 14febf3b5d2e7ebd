import {
  addMonths,
  COMMON_LANGUAGES,
  VERIFY_REMIND_MONTHS,
  VERIFY_STALE_MONTHS,
  directoryActions,
  validateOpeningHours,
  type DirectoryAction,
  type DirectoryVocabulary,
  type LocationDetail,
  type LocationInput,
  type OrganizationInput,
  type OrganizationSummary,
  type ServiceDetail,
  type ServiceInput,
  type StaffServiceSummary,
} from '@rusfag/core';
import { audit, authorize, inTransaction, type ActorContext, type DbOrTrx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { ResourceScope } from '../../platform/policy.js';
import { todayInOslo } from '../../platform/time.js';
import { findUnitById } from '../organizations/service.js';
import { removePublicSnapshot, writePublicSnapshot } from './public-service.js';
import * as publicRepo from './public-repository.js';
import * as repo from './repository.js';

const stewardScope = (organization: { steward_path: string }): ResourceScope => ({ unitPaths: [organization.steward_path] });

/** Loads an organisation the actor may do `action` on; outside their units it does not exist (404). */
async function loadOrganization(ctx: ActorContext, db: DbOrTrx, id: string, action: DirectoryAction): Promise<repo.OrganizationRow> {
  const organization = await repo.findOrganization(db, id);
  if (!organization || !ctx.policy.can(ctx.actor, 'directory.read', stewardScope(organization))) {
    authorize(ctx, action, 'list');
    throw notFound();
  }
  authorize(ctx, action, stewardScope(organization));
  return organization;
}

async function loadService(ctx: ActorContext, db: DbOrTrx, id: string, action: DirectoryAction) {
  const service = await repo.findService(db, id);
  if (!service) {
    authorize(ctx, action, 'list');
    throw notFound();
  }
  const organization = await loadOrganization(ctx, db, service.organization_id, action);
  return { service, organization };
}

const monthsAgo = (months: number, today: string): string => addMonths(today, -months);

// ---------------------------------------------------------------- vocabulary

export async function vocabulary(ctx: ActorContext): Promise<DirectoryVocabulary> {
  authorize(ctx, 'directory.read', 'list');
  const [terms, districts] = await Promise.all([repo.listTerms(ctx.db), repo.listDistricts(ctx.db)]);
  const named = (t: repo.TermRow) => ({ code: t.code, name: t.name, nameEn: t.name_en });
  return {
    targetGroups: terms.filter((t) => t.taxonomy === 'target_group').map(named),
    categories: terms.filter((t) => t.taxonomy === 'category').map(named),
    districts,
    languages: [...COMMON_LANGUAGES],
  };
}

// ---------------------------------------------------------------- organisations

function organizationSummary(ctx: ActorContext, row: repo.OrganizationRow & { services?: number }): OrganizationSummary {
  return {
    id: row.id,
    name: row.name,
    alternateName: row.alternate_name,
    description: row.description,
    descriptionEn: row.description_en,
    email: row.email,
    website: row.website,
    orgUnitId: row.org_unit_id,
    stewardUnitId: row.steward_unit_id,
    stewardName: row.steward_name,
    services: row.services ?? 0,
    actions: ctx.policy.permitted(ctx.actor, directoryActions, stewardScope(row)),
  };
}

export async function listOrganizations(ctx: ActorContext): Promise<OrganizationSummary[]> {
  authorize(ctx, 'directory.read', 'list');
  const rows = await repo.listOrganizations(ctx.db, ctx.policy.listScope(ctx.actor, 'directory.read'));
  return rows.map((row) => organizationSummary(ctx, row));
}

async function checkOrganizationInput(ctx: ActorContext, db: DbOrTrx, input: OrganizationInput, existingId?: string) {
  const steward = await findUnitById(db, input.stewardUnitId);
  if (!steward) throw new AppError(400, 'validation_failed', [{ path: 'stewardUnitId', message: 'dir_unit_unknown' }]);
  // The steward must be inside the editor's own units: nobody hands records to another office.
  authorize(ctx, 'directory.organization.create', { unitPaths: [steward.path] });
  if (input.orgUnitId && !(await findUnitById(db, input.orgUnitId)))
    throw new AppError(400, 'validation_failed', [{ path: 'orgUnitId', message: 'dir_unit_unknown' }]);
  const clash = await db
    .selectFrom('dir_organization')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLocaleLowerCase('nb')))
    .executeTakeFirst();
  if (clash && clash.id !== existingId) throw new AppError(409, 'validation_failed', [{ path: 'name', message: 'dir_organization_name_taken' }]);
}

export async function createOrganization(ctx: ActorContext, input: OrganizationInput): Promise<OrganizationSummary> {
  authorize(ctx, 'directory.organization.create', 'list');
  return inTransaction(ctx, async (trx) => {
    await checkOrganizationInput(ctx, trx, input);
    const { id } = await trx
      .insertInto('dir_organization')
      .values({
        name: input.name,
        alternate_name: input.alternateName,
        description: input.description,
        description_en: input.descriptionEn,
        email: input.email,
        website: input.website,
        org_unit_id: input.orgUnitId,
        steward_unit_id: input.stewardUnitId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(ctx, trx, { action: 'directory.organization.create', resourceType: 'dir_organization', resourceId: id });
    return organizationSummary(ctx, (await repo.findOrganization(trx, id))!);
  });
}

export async function updateOrganization(ctx: ActorContext, id: string, input: OrganizationInput): Promise<OrganizationSummary> {
  return inTransaction(ctx, async (trx) => {
    await loadOrganization(ctx, trx, id, 'directory.edit');
    await checkOrganizationInput(ctx, trx, input, id);
    await trx
      .updateTable('dir_organization')
      .set({
        name: input.name,
        alternate_name: input.alternateName,
        description: input.description,
        description_en: input.descriptionEn,
        email: input.email,
        website: input.website,
        org_unit_id: input.orgUnitId,
        steward_unit_id: input.stewardUnitId,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    // The organisation's name and description are part of every published service's page.
    const published = await trx.selectFrom('dir_public_service').select('service_id').where('organization_id', '=', id).execute();
    for (const { service_id } of published) {
      const current = await trx.selectFrom('dir_public_service').select('published_at').where('service_id', '=', service_id).executeTakeFirstOrThrow();
      await writePublicSnapshot(trx, service_id, current.published_at);
    }
    await audit(ctx, trx, { action: 'directory.organization.update', resourceType: 'dir_organization', resourceId: id });
    return organizationSummary(ctx, (await repo.findOrganization(trx, id))!);
  });
}

// ---------------------------------------------------------------- locations

function locationDetail(row: repo.LocationRow): LocationDetail {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    description: row.description,
    address: row.address,
    postalCode: row.postal_code,
    city: row.city,
    districtId: row.district_unit_id,
    latitude: row.latitude,
    longitude: row.longitude,
    confidential: row.confidential,
    wheelchairAccessible: row.wheelchair_accessible,
    accessibilityNote: row.accessibility_note,
    transportation: row.transportation,
  };
}

export async function listLocations(ctx: ActorContext, organizationId: string): Promise<LocationDetail[]> {
  await loadOrganization(ctx, ctx.db, organizationId, 'directory.read');
  // Confidential addresses are client-adjacent data: reading them is logged.
  const rows = await repo.listLocations(ctx.db, organizationId);
  if (rows.some((row) => row.confidential)) {
    await audit(ctx, ctx.db, { action: 'directory.location.readConfidential', resourceType: 'dir_organization', resourceId: organizationId });
  }
  return rows.map(locationDetail);
}

function locationColumns(input: LocationInput) {
  return {
    name: input.name,
    description: input.description,
    address: input.address,
    postal_code: input.postalCode,
    city: input.city,
    district_unit_id: input.districtId,
    latitude: input.latitude,
    longitude: input.longitude,
    confidential: input.confidential,
    wheelchair_accessible: input.wheelchairAccessible,
    accessibility_note: input.accessibilityNote,
    transportation: input.transportation,
  };
}

async function checkDistrict(db: DbOrTrx, districtId: string | null, path: string): Promise<void> {
  if (!districtId) return;
  const unit = await findUnitById(db, districtId);
  if (!unit || unit.kind !== 'district') throw new AppError(400, 'validation_failed', [{ path, message: 'dir_district_unknown' }]);
}

/** Re-publishes the published services offered at a location, so the public sees the new address at once. */
async function republishAt(db: DbOrTrx, locationId: string): Promise<void> {
  const rows = await db
    .selectFrom('dir_service_at_location as sl')
    .innerJoin('dir_public_service as p', 'p.service_id', 'sl.service_id')
    .select(['p.service_id', 'p.published_at'])
    .where('sl.location_id', '=', locationId)
    .execute();
  for (const row of rows) await writePublicSnapshot(db, row.service_id, row.published_at);
}

export async function createLocation(ctx: ActorContext, input: LocationInput): Promise<LocationDetail> {
  return inTransaction(ctx, async (trx) => {
    await loadOrganization(ctx, trx, input.organizationId, 'directory.edit');
    await checkDistrict(trx, input.districtId, 'districtId');
    const { id } = await trx
      .insertInto('dir_location')
      .values({ organization_id: input.organizationId, ...locationColumns(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(ctx, trx, { action: 'directory.location.create', resourceType: 'dir_location', resourceId: id });
    return locationDetail((await repo.findLocation(trx, id))!);
  });
}

export async function updateLocation(ctx: ActorContext, id: string, input: LocationInput): Promise<LocationDetail> {
  return inTransaction(ctx, async (trx) => {
    const location = await repo.findLocation(trx, id);
    if (!location) {
      authorize(ctx, 'directory.edit', 'list');
      throw notFound();
    }
    await loadOrganization(ctx, trx, location.organization_id, 'directory.edit');
    if (input.organizationId !== location.organization_id) throw new AppError(400, 'validation_failed', [{ path: 'organizationId', message: 'dir_location_other_organization' }]);
    await checkDistrict(trx, input.districtId, 'districtId');
    await trx.updateTable('dir_location').set({ ...locationColumns(input), updated_at: new Date() }).where('id', '=', id).execute();
    await republishAt(trx, id);
    await audit(ctx, trx, { action: 'directory.location.update', resourceType: 'dir_location', resourceId: id });
    return locationDetail((await repo.findLocation(trx, id))!);
  });
}

// ---------------------------------------------------------------- services

function summaryOf(row: repo.StaffServiceRow, today: string): StaffServiceSummary {
  return {
    id: row.id,
    name: row.name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    status: row.status,
    publicationState: row.publication_state,
    hasUnpublishedChanges: row.publication_state === 'published' && row.published_at !== null && row.updated_at > row.published_at,
    lastVerifiedOn: row.last_verified_on,
    needsVerification: row.status !== 'defunct' && (!row.last_verified_on || row.last_verified_on < monthsAgo(VERIFY_REMIND_MONTHS, today)),
    stale: !row.last_verified_on || row.last_verified_on < monthsAgo(VERIFY_STALE_MONTHS, today),
    remindedAt: row.freshness_reminded_at?.toISOString() ?? null,
  };
}

export async function listServices(ctx: ActorContext, filter: { q?: string; organizationId?: string; needsVerification?: boolean }): Promise<StaffServiceSummary[]> {
  authorize(ctx, 'directory.read', 'list');
  const today = todayInOslo();
  const rows = await repo.listServices(ctx.db, ctx.policy.listScope(ctx.actor, 'directory.read'), {
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
    ...(filter.needsVerification ? { verifiedBefore: monthsAgo(VERIFY_REMIND_MONTHS, today) } : {}),
  });
  return rows.map((row) => summaryOf(row, today));
}

/** Rules zod cannot see: known terms, districts and locations of the same organisation, sound hours. */
async function checkServiceInput(db: DbOrTrx, input: ServiceInput): Promise<string[]> {
  const problems: { path: string; message: string }[] = [];
  const termIds = await repo.termIdsByCode(db);
  const ids: string[] = [];
  for (const [field, taxonomy] of [['targetGroups', 'target_group'], ['categories', 'category']] as const) {
    input[field].forEach((code, index) => {
      const id = termIds.get(`${taxonomy}:${code}`);
      if (id) ids.push(id);
      else problems.push({ path: `${field}.${index}`, message: 'dir_term_unknown' });
    });
  }
  if (input.targetGroups.length === 0) problems.push({ path: 'targetGroups', message: 'dir_target_group_required' });
  if (input.categories.length === 0) problems.push({ path: 'categories', message: 'dir_category_required' });
  if (!input.cityWide && input.districtIds.length === 0) problems.push({ path: 'districtIds', message: 'dir_area_required' });
  const districts = new Set((await repo.listDistricts(db)).map((d) => d.id));
  input.districtIds.forEach((id, index) => {
    if (!districts.has(id)) problems.push({ path: `districtIds.${index}`, message: 'dir_district_unknown' });
  });
  if (input.locationIds.length) {
    const own = new Set((await repo.listLocations(db, input.organizationId)).map((l) => l.id));
    input.locationIds.forEach((id, index) => {
      if (!own.has(id)) problems.push({ path: `locationIds.${index}`, message: 'dir_location_other_organization' });
    });
  }
  for (const problem of validateOpeningHours(input.hours)) {
    problems.push({ path: ['hours', ...problem.path].join('.'), message: problem.message });
  }
  if (problems.length) throw new AppError(400, 'validation_failed', problems);
  return [...new Set(ids)];
}

async function inputOf(db: DbOrTrx, service: repo.ServiceRow): Promise<ServiceInput> {
  const parts = await repo.loadServiceParts(db, service.id);
  return {
    organizationId: service.organization_id,
    name: service.name,
    nameEn: service.name_en,
    alternateName: service.alternate_name,
    description: service.description,
    descriptionEn: service.description_en,
    url: service.url,
    email: service.email,
    status: service.status,
    statusNote: service.status_note,
    howToGetIn: service.how_to_get_in,
    howToGetInEn: service.how_to_get_in_en,
    eligibility: service.eligibility,
    eligibilityEn: service.eligibility_en,
    minimumAge: service.minimum_age,
    maximumAge: service.maximum_age,
    referralRequired: service.referral_required,
    freeOfCharge: service.free_of_charge,
    feesDescription: service.fees_description,
    cityWide: service.city_wide,
    districtIds: parts.districts.map((d) => d.id),
    targetGroups: parts.terms.filter((t) => t.taxonomy === 'target_group').map((t) => t.code),
    categories: parts.terms.filter((t) => t.taxonomy === 'category').map((t) => t.code),
    languages: parts.languages,
    locationIds: parts.locations.map((l) => l.id),
    phones: parts.phones,
    contacts: parts.contacts,
    hours: parts.hours,
    hoursNote: service.hours_note,
  };
}

async function detailOf(ctx: ActorContext, db: DbOrTrx, id: string): Promise<ServiceDetail> {
  const service = (await repo.findService(db, id))!;
  const organization = (await repo.findOrganization(db, service.organization_id))!;
  return {
    id,
    organizationName: organization.name,
    publicationState: service.publication_state,
    publishedAt: service.published_at?.toISOString() ?? null,
    hasUnpublishedChanges: service.publication_state === 'published' && service.published_at !== null && service.updated_at > service.published_at,
    lastVerifiedOn: service.last_verified_on,
    lastVerifiedByName: service.last_verified_by_name,
    updatedAt: service.updated_at.toISOString(),
    input: await inputOf(db, service),
    actions: ctx.policy.permitted(ctx.actor, directoryActions, stewardScope(organization)),
  };
}

export async function getService(ctx: ActorContext, id: string): Promise<ServiceDetail> {
  await loadService(ctx, ctx.db, id, 'directory.read');
  return detailOf(ctx, ctx.db, id);
}

/** Field-level differences for the change history (ids and values of the directory, no client data). */
function diff(before: ServiceInput | null, after: ServiceInput): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof ServiceInput)[]) {
    const from = before ? before[key] : null;
    if (JSON.stringify(from) !== JSON.stringify(after[key])) changes[key] = { from, to: after[key] };
  }
  return changes;
}

export async function createService(ctx: ActorContext, input: ServiceInput): Promise<ServiceDetail> {
  return inTransaction(ctx, async (trx) => {
    await loadOrganization(ctx, trx, input.organizationId, 'directory.edit');
    const termIds = await checkServiceInput(trx, input);
    const { id } = await trx.insertInto('dir_service').values(repo.serviceColumns(input)).returning('id').executeTakeFirstOrThrow();
    await repo.replaceServiceParts(trx, id, input, termIds);
    await repo.recordChange(trx, { serviceId: id, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'create', changes: diff(null, input) });
    await audit(ctx, trx, { action: 'directory.service.create', resourceType: 'dir_service', resourceId: id });
    return detailOf(ctx, trx, id);
  });
}

export async function updateService(ctx: ActorContext, id: string, input: ServiceInput): Promise<ServiceDetail> {
  return inTransaction(ctx, async (trx) => {
    const { service } = await loadService(ctx, trx, id, 'directory.edit');
    // Moving a service to another organisation needs edit rights there too.
    if (input.organizationId !== service.organization_id) await loadOrganization(ctx, trx, input.organizationId, 'directory.edit');
    const termIds = await checkServiceInput(trx, input);
    const before = await inputOf(trx, service);
    const changes = diff(before, input);
    if (Object.keys(changes).length === 0) return detailOf(ctx, trx, id);
    await trx.updateTable('dir_service').set({ ...repo.serviceColumns(input), updated_at: new Date() }).where('id', '=', id).execute();
    await repo.replaceServiceParts(trx, id, input, termIds);
    await repo.recordChange(trx, { serviceId: id, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'update', changes });
    await audit(ctx, trx, { action: 'directory.service.update', resourceType: 'dir_service', resourceId: id, details: { fields: Object.keys(changes) } });
    return detailOf(ctx, trx, id);
  });
}

/** Publishing copies the working copy into the public snapshot; the public sees nothing before. */
export async function publishService(ctx: ActorContext, id: string): Promise<ServiceDetail> {
  return inTransaction(ctx, async (trx) => {
    await loadService(ctx, trx, id, 'directory.publish');
    const now = new Date();
    // The editor who publishes vouches for the content: publishing counts as verifying it today.
    await trx
      .updateTable('dir_service')
      .set({
        publication_state: 'published',
        published_at: now,
        published_by: ctx.actor.userId,
        updated_at: now,
        last_verified_on: todayInOslo(now),
        last_verified_by: ctx.actor.userId,
        last_verified_by_name: ctx.actor.displayName,
        freshness_reminded_at: null,
      })
      .where('id', '=', id)
      .execute();
    await writePublicSnapshot(trx, id, now);
    await repo.recordChange(trx, { serviceId: id, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'publish', changes: {} });
    await audit(ctx, trx, { action: 'directory.service.publish', resourceType: 'dir_service', resourceId: id });
    return detailOf(ctx, trx, id);
  });
}

export async function unpublishService(ctx: ActorContext, id: string): Promise<ServiceDetail> {
  return inTransaction(ctx, async (trx) => {
    await loadService(ctx, trx, id, 'directory.publish');
    await trx.updateTable('dir_service').set({ publication_state: 'draft', published_at: null, published_by: null, updated_at: new Date() }).where('id', '=', id).execute();
    await removePublicSnapshot(trx, id);
    await repo.recordChange(trx, { serviceId: id, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'unpublish', changes: {} });
    await audit(ctx, trx, { action: 'directory.service.unpublish', resourceType: 'dir_service', resourceId: id });
    return detailOf(ctx, trx, id);
  });
}

/** "Still correct": the editor vouches for the record today; the public page shows the date. */
export async function verifyService(ctx: ActorContext, id: string): Promise<ServiceDetail> {
  return inTransaction(ctx, async (trx) => {
    const { service, organization } = await loadService(ctx, trx, id, 'directory.edit');
    const today = todayInOslo();
    await trx
      .updateTable('dir_service')
      .set({ last_verified_on: today, last_verified_by: ctx.actor.userId, last_verified_by_name: ctx.actor.displayName, freshness_reminded_at: null })
      .where('id', '=', id)
      .execute();
    // Only the verification date changes in public; unpublished edits stay unpublished.
    if (service.publication_state === 'published') await publicRepo.markVerified(trx, id, today, organization.steward_name);
    await repo.recordChange(trx, { serviceId: id, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'verify', changes: {} });
    await audit(ctx, trx, { action: 'directory.service.verify', resourceType: 'dir_service', resourceId: id });
    return detailOf(ctx, trx, id);
  });
}

export async function serviceHistory(ctx: ActorContext, id: string) {
  await loadService(ctx, ctx.db, id, 'directory.read');
  const rows = await repo.listChanges(ctx.db, id);
  return rows.map((row) => ({
    id: String(row.id),
    changedAt: row.changed_at.toISOString(),
    actorName: row.actor_name,
    action: row.action,
    changes: row.changes,
  }));
}

/** A reminder is repeated at most this often while a service stays unverified. */
const REMIND_EVERY_DAYS = 30;

/**
 * Hourly: services not verified for 6 months get a reminder — their editors' start page and queue
 * show them with the reminder date, and the log line (counts only) can feed an e-mail relay.
 */
export async function remindUnverifiedServices(db: DbOrTrx, now: Date = new Date()): Promise<{ directoryReminders: number }> {
  const due = monthsAgo(VERIFY_REMIND_MONTHS, todayInOslo(now));
  const reminded = await repo.markReminders(db, due, new Date(now.getTime() - REMIND_EVERY_DAYS * 86_400_000), now);
  return { directoryReminders: reminded };
}
