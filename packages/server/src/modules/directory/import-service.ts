import {
  LocationInput,
  OrganizationInput,
  ServiceInput,
  readHsdsDatapackage,
  readHsdsJson,
  type DirectoryImport,
  type DirectoryImportRequest,
  type ImportBundle,
  type ImportFormat,
  type ImportLocation,
  type ImportOrganization,
  type ImportProblem,
  type ImportService,
  type ImportSource,
  type ImportVocabulary,
} from '@rusfag/core';
import JSZip from 'jszip';
import { sql } from 'kysely';
import { z } from 'zod';
import { audit, authorize, inTransaction, type ActorContext, type DbOrTrx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { translate } from '../../platform/messages.js';
import { todayInOslo } from '../../platform/time.js';
import { findUnitById } from '../organizations/service.js';
import { publishSnapshots } from './import-publish.js';
import { writePublicSnapshot } from './public-service.js';
import * as repo from './repository.js';

/**
 * Import of HSDS data into the directory (issue 4, "Open data"): HSDS 3.0 JSON or an HSDS 1.x
 * data package (zip). Two steps:
 *
 * 1. Preview (POST /api/directory/imports): the file is read (core's hsds-import.ts), matched
 *    against what Rusfag has (records keep their source id as external_id; an organisation is also
 *    found by its name), and checked; nothing is written but the import record itself, with the
 *    file and the report: what would be created or updated, and every record that cannot be taken
 *    and why.
 * 2. Confirm (POST …/:id/confirm): the file is read and checked again against the database as it
 *    is then, and written in ONE transaction: all or nothing. Refused records stop the import
 *    unless the editor chose to skip them (skipRefused).
 *
 * Progress: the transaction's writes (and its progress column) are invisible to other connections
 * until it commits, so the running count lives in memory here and GET …/:id reads it from there.
 * On PostgreSQL another request can poll while the import runs; on PGlite the single connection
 * is busy with the import, so a poll waits until it is done (the import still finishes normally).
 *
 * Who: directory editors ('directory.import') of the steward unit chosen for new organisations;
 * records that already exist must be stewarded inside the editor's units too.
 */

/** How many problems an import keeps in its report (errors first); the counts cover all of them. */
const MAX_REPORTED_PROBLEMS = 5000;
/** The largest unpacked data package. */
const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** Running imports on this server: id → records written so far. */
const progress = new Map<string, { total: number; processed: number }>();

const isUuid = (value: string) => z.uuid().safeParse(value).success;

// ————————————————————————————————————————————— reading the file

function fileProblem(message: string, file: string | null = null): ImportProblem {
  return { severity: 'error', entity: 'file', id: null, name: null, file, line: null, path: null, message };
}

async function vocabulary(db: DbOrTrx): Promise<ImportVocabulary> {
  const [terms, districts] = await Promise.all([repo.listTerms(db), repo.listDistricts(db)]);
  return {
    terms: terms.map((t) => ({ taxonomy: t.taxonomy, code: t.code, name: t.name, nameEn: t.name_en })),
    districts: districts.map((d) => ({ code: d.code, name: d.name })),
    today: todayInOslo(),
  };
}

/** UTF-8 as HSDS asks; a file saved as Windows-1252 (Excel) is read as that, with a warning. */
function decodeText(bytes: Uint8Array, file: string, warnings: ImportProblem[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    warnings.push({ ...fileProblem('Filen er ikke UTF-8 og ble lest som Windows-1252 (Excel). Sjekk æ, ø og å i forhåndsvisningen.', file), severity: 'warning' });
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function readDatapackage(content: string, vocab: ImportVocabulary): Promise<ImportBundle> {
  const format = 'hsds-datapackage';
  const fail = (message: string, file: string | null = null): ImportBundle => ({ format, organizations: [], locations: [], services: [], problems: [], fatal: [fileProblem(message, file)] });
  const base64 = content.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return fail('Innholdet er ikke en base64-kodet zip-fil.');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) return fail('Filen er ikke en zip-fil. Last opp datapakken som .zip med datapackage.json og CSV-filene.');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return fail(`Zip-filen kan ikke åpnes: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir && !/(^|\/)(__MACOSX|\.)/.test(f.name));
  const descriptor = entries.filter((f) => /(^|\/)datapackage\.json$/i.test(f.name)).sort((a, b) => a.name.length - b.name.length)[0];
  if (!descriptor) return fail('Zip-filen mangler datapackage.json, som sier hvilke CSV-filer datapakken har.');
  const base = descriptor.name.slice(0, descriptor.name.length - 'datapackage.json'.length);
  // A zip bomb is refused before it is unpacked (the sizes are in the zip's directory).
  const declared = entries.reduce((sum, f) => sum + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (declared > MAX_UNPACKED_BYTES) return fail(`Datapakken er for stor utpakket (${Math.round(declared / 1024 / 1024)} MB; høyst ${MAX_UNPACKED_BYTES / 1024 / 1024} MB).`);
  const warnings: ImportProblem[] = [];
  const files = new Map<string, string>();
  let unpacked = 0;
  for (const entry of entries) {
    if (entry === descriptor || !entry.name.startsWith(base)) continue;
    const data = await entry.async('uint8array');
    unpacked += data.length;
    if (unpacked > MAX_UNPACKED_BYTES) return fail(`Datapakken er for stor utpakket (over ${MAX_UNPACKED_BYTES / 1024 / 1024} MB).`);
    const name = entry.name.slice(base.length);
    files.set(name, decodeText(data, name, warnings));
  }
  const bundle = readHsdsDatapackage(decodeText(await descriptor.async('uint8array'), 'datapackage.json', warnings), files, vocab);
  bundle.problems.unshift(...warnings);
  return bundle;
}

async function readBundle(db: DbOrTrx, format: ImportFormat, content: string): Promise<ImportBundle> {
  const vocab = await vocabulary(db);
  return format === 'hsds-json' ? readHsdsJson(content, vocab) : readDatapackage(content, vocab);
}

// ————————————————————————————————————————————— matching against Rusfag

type Action = 'create' | 'update';

interface ExistingOrganization {
  id: string;
  external_id: string | null;
  name: string;
  steward_path: string;
}
interface ExistingLocation {
  id: string;
  external_id: string | null;
  organization_id: string;
  confidential: boolean;
  steward_path: string;
}
interface ExistingService {
  id: string;
  external_id: string | null;
  organization_id: string;
  steward_path: string;
}

interface PlannedOrganization {
  key: string;
  record: ImportOrganization;
  action: Action;
  existing: ExistingOrganization | null;
}
interface PlannedLocation {
  key: string;
  record: ImportLocation;
  action: Action;
  existing: ExistingLocation | null;
  /** The organisation it belongs to: a planned organisation's key, or an existing organisation's id. */
  organization: { key: string } | { id: string };
  externalId: string;
}
interface PlannedService {
  record: ImportService;
  action: Action;
  existing: ExistingService | null;
  organization: { key: string } | { id: string };
  /** Planned locations (by key) and existing ones (by id). */
  locations: ({ key: string } | { id: string })[];
}

interface Plan {
  organizations: PlannedOrganization[];
  locations: PlannedLocation[];
  services: PlannedService[];
  problems: ImportProblem[];
  counts: DirectoryImport['counts'];
  errors: number;
  warnings: number;
  total: number;
}

/** Finds existing records by their source ids (external_id, or Rusfag's own id when the file came from Rusfag). */
async function loadExisting(db: DbOrTrx, bundle: ImportBundle, extraOrganizationIds: readonly string[], extraLocationIds: readonly string[]) {
  const ids = (values: readonly string[]) => [...new Set(values.filter(Boolean))];
  const orgIds = ids([...bundle.organizations.map((o) => o.externalId), ...extraOrganizationIds]);
  const orgNames = ids(bundle.organizations.map((o) => o.name.toLocaleLowerCase('nb')));
  const locationIds = ids([...bundle.locations.map((l) => l.externalId), ...extraLocationIds]);
  const serviceIds = ids(bundle.services.map((s) => s.externalId));
  const uuids = (values: string[]) => values.filter(isUuid);
  const [organizations, locations, services] = await Promise.all([
    sql<ExistingOrganization>`
      select o.id, o.external_id, o.name, su.path as steward_path from dir_organization o join org_unit su on su.id = o.steward_unit_id
      where o.external_id = any(${orgIds}::text[]) or o.id = any(${uuids(orgIds)}::uuid[]) or lower(o.name) = any(${orgNames}::text[])`.execute(db),
    sql<ExistingLocation>`
      select l.id, l.external_id, l.organization_id, l.confidential, su.path as steward_path
      from dir_location l join dir_organization o on o.id = l.organization_id join org_unit su on su.id = o.steward_unit_id
      where l.external_id = any(${locationIds}::text[]) or l.id = any(${uuids(locationIds)}::uuid[])`.execute(db),
    sql<ExistingService>`
      select s.id, s.external_id, s.organization_id, su.path as steward_path
      from dir_service s join dir_organization o on o.id = s.organization_id join org_unit su on su.id = o.steward_unit_id
      where s.external_id = any(${serviceIds}::text[]) or s.id = any(${uuids(serviceIds)}::uuid[])`.execute(db),
  ]);
  const index = <T extends { id: string; external_id: string | null }>(rows: T[]) => {
    const byExternal = new Map(rows.filter((r) => r.external_id).map((r) => [r.external_id!, r]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return (externalId: string): T | undefined => byExternal.get(externalId) ?? (isUuid(externalId) ? byId.get(externalId) : undefined);
  };
  return {
    organization: index(organizations.rows),
    organizationByName: (name: string) => organizations.rows.find((o) => o.name.toLocaleLowerCase('nb') === name.toLocaleLowerCase('nb')),
    location: index(locations.rows),
    service: index(services.rows),
  };
}

const problemAt = (severity: ImportProblem['severity'], entity: ImportProblem['entity'], record: { externalId: string; name: string }, source: ImportSource, message: string): ImportProblem => ({
  severity,
  entity,
  id: record.externalId || null,
  name: record.name || null,
  file: source.file,
  line: source.line,
  path: source.path,
  message,
});

const zodProblems = (issues: readonly z.core.$ZodIssue[]) => issues.map((i) => `${i.path.join('.') || 'verdien'}: ${i.message}`).join('; ');

/**
 * What the import would do: each record matched with what Rusfag has, checked, and given an
 * action, plus the report. Reads only.
 */
async function planImport(ctx: ActorContext, db: DbOrTrx, bundle: ImportBundle, options: { publish: boolean }): Promise<Plan> {
  const problems: ImportProblem[] = [...bundle.problems];
  const inScope = (path: string) => ctx.policy.can(ctx.actor, 'directory.import', { unitPaths: [path] });
  const bundleOrganizations = new Map(bundle.organizations.map((o) => [o.externalId, o]));
  const bundleLocations = new Map(bundle.locations.map((l) => [l.externalId, l]));
  const existing = await loadExisting(
    db,
    bundle,
    bundle.services.map((s) => s.organization.externalId).filter((id) => !bundleOrganizations.has(id)),
    bundle.services.flatMap((s) => s.locations.map((l) => l.externalId)).filter((id) => !bundleLocations.has(id)),
  );

  // Organisations.
  const organizations = new Map<string, PlannedOrganization>();
  const names = new Map<string, string>();
  for (const record of bundle.organizations) {
    if (record.refused) continue;
    const refuse = (message: string) => {
      record.refused = true;
      problems.push(problemAt('error', 'organization', record, record.source, message));
    };
    const byId = existing.organization(record.externalId);
    const byName = existing.organizationByName(record.name);
    const match = byId ?? byName;
    const lower = record.name.toLocaleLowerCase('nb');
    if (names.has(lower)) refuse(`Navnet «${record.name}» er brukt av en annen organisasjon i filen («${names.get(lower)}»).`);
    else if (byId && byName && byName.id !== byId.id) refuse(`Navnet «${record.name}» er brukt av en annen organisasjon i Rusfag.`);
    else if (!byId && byName && byName.external_id && byName.external_id !== record.externalId)
      refuse(`En organisasjon med navnet «${record.name}» finnes i Rusfag fra en annen import (id «${byName.external_id}»).`);
    else if (match && !inScope(match.steward_path)) refuse('Organisasjonen finnes i Rusfag og forvaltes av en enhet du ikke har tilgang til.');
    else {
      const parsed = OrganizationInput.safeParse({ ...record, orgUnitId: null, stewardUnitId: PLACEHOLDER_ID });
      if (!parsed.success) refuse(`Organisasjonen har felt Rusfag ikke kan lagre (${zodProblems(parsed.error.issues)}).`);
    }
    names.set(lower, record.externalId);
    if (!record.refused) organizations.set(record.externalId, { key: record.externalId, record, action: match ? 'update' : 'create', existing: match ?? null });
  }
  /** An organisation a service or location points at: one in the file, or one Rusfag has. */
  const organizationRef = (externalId: string): { ref: { key: string } | { id: string } } | { error: string } => {
    const planned = organizations.get(externalId);
    if (planned) return { ref: { key: planned.key } };
    if (bundleOrganizations.get(externalId)?.refused) return { error: `Organisasjonen «${externalId}» kan ikke tas med (se den), så heller ikke dette.` };
    const found = existing.organization(externalId);
    if (!found) return { error: `Viser til organisasjonen «${externalId}», som ikke finnes i filen eller i Rusfag.` };
    if (!inScope(found.steward_path)) return { error: `Viser til organisasjonen «${found.name}», som forvaltes av en enhet du ikke har tilgang til.` };
    return { ref: { id: found.id } };
  };
  const sameOrganization = (a: { key: string } | { id: string }, b: { key: string } | { id: string }) => JSON.stringify(a) === JSON.stringify(b);
  const organizationIdOf = (ref: { key: string } | { id: string }) => ('id' in ref ? ref.id : organizations.get(ref.key)?.existing?.id ?? null);

  // Locations: one per (location, organisation). A location without an organisation belongs to the first service's.
  const locations = new Map<string, PlannedLocation>();
  const locationOwner = new Map<string, { key: string } | { id: string } | null>();
  for (const record of bundle.locations) {
    if (record.refused) continue;
    if (!record.organizationExternalId) {
      locationOwner.set(record.externalId, null);
      continue;
    }
    const org = organizationRef(record.organizationExternalId);
    if ('error' in org) {
      record.refused = true;
      problems.push(problemAt('error', 'location', record, record.source, org.error));
      continue;
    }
    locationOwner.set(record.externalId, org.ref);
  }
  const planLocation = (record: ImportLocation, organization: { key: string } | { id: string }, derived: boolean): PlannedLocation | { error: string } => {
    const orgKey = 'key' in organization ? organization.key : organization.id;
    const externalId = derived ? `${record.externalId}@${orgKey}`.slice(0, 200) : record.externalId;
    const key = `${record.externalId}\u0000${orgKey}`;
    const known = locations.get(key);
    if (known) return known;
    const match = existing.location(externalId) ?? null;
    if (match && !inScope(match.steward_path)) return { error: `Stedet «${record.name}» finnes i Rusfag og forvaltes av en enhet du ikke har tilgang til.` };
    const orgId = organizationIdOf(organization);
    if (match && match.organization_id !== orgId) return { error: `Stedet «${record.name}» finnes i Rusfag under en annen organisasjon.` };
    const parsed = LocationInput.safeParse({ ...record, organizationId: PLACEHOLDER_ID, districtId: null });
    if (!parsed.success) return { error: `Stedet «${record.name}» har felt Rusfag ikke kan lagre (${zodProblems(parsed.error.issues)}).` };
    const planned: PlannedLocation = { key, record, action: match ? 'update' : 'create', existing: match, organization, externalId };
    locations.set(key, planned);
    return planned;
  };
  for (const record of bundle.locations) {
    const owner = locationOwner.get(record.externalId);
    if (record.refused || !owner) continue;
    const planned = planLocation(record, owner, false);
    if ('error' in planned) {
      record.refused = true;
      problems.push(problemAt('error', 'location', record, record.source, planned.error));
    }
  }

  // Services.
  const services: PlannedService[] = [];
  for (const record of bundle.services) {
    if (record.refused) continue;
    const refuse = (message: string, source: ImportSource = record.source) => {
      record.refused = true;
      problems.push(problemAt('error', 'service', record, source, message));
    };
    const org = organizationRef(record.organization.externalId);
    if ('error' in org) {
      refuse(org.error, record.organization.source);
      continue;
    }
    const match = existing.service(record.externalId) ?? null;
    if (match && !inScope(match.steward_path)) {
      refuse('Tjenesten finnes i Rusfag og forvaltes av en enhet du ikke har tilgang til.');
      continue;
    }
    const refs: ({ key: string } | { id: string })[] = [];
    for (const ref of record.locations) {
      const location = bundleLocations.get(ref.externalId);
      if (location?.refused) {
        refuse(`Stedet «${location.name || ref.externalId}» kan ikke tas med (se det), så heller ikke tjenesten.`, ref.source);
        continue;
      }
      if (location) {
        const owner = locationOwner.get(location.externalId) ?? org.ref;
        if (!locationOwner.get(location.externalId)) locationOwner.set(location.externalId, org.ref);
        const derived = !sameOrganization(owner, org.ref);
        if (derived) {
          problems.push(
            problemAt('warning', 'service', record, ref.source, `Stedet «${location.name}» hører til en annen organisasjon; tjenesten får en egen kopi av stedet (id «${location.externalId}@…»).`),
          );
        }
        const planned = planLocation(location, org.ref, derived);
        if ('error' in planned) refuse(planned.error, ref.source);
        else refs.push({ key: planned.key });
        continue;
      }
      const found = existing.location(ref.externalId);
      if (!found) refuse(`Viser til stedet «${ref.externalId}», som ikke finnes i filen eller i Rusfag.`, ref.source);
      else if (found.organization_id !== organizationIdOf(org.ref)) refuse(`Stedet «${ref.externalId}» i Rusfag hører til en annen organisasjon enn tjenesten.`, ref.source);
      else refs.push({ id: found.id });
    }
    if (record.refused) continue;
    const missing = [
      record.targetGroups.length ? '' : 'målgruppe',
      record.categories.length ? '' : 'kategori',
      record.cityWide || record.districtCodes.length ? '' : 'tjenesteområde (bydel eller hele byen)',
    ].filter(Boolean);
    if (missing.length) {
      const text = `Tjenesten mangler ${missing.join(', ')}`;
      if (options.publish) {
        refuse(`${text}, og kan ikke publiseres slik. Importer uten å publisere, eller legg det til i filen.`);
        continue;
      }
      problems.push(problemAt('warning', 'service', record, record.source, `${text}; legg det til før tjenesten publiseres.`));
    }
    const parsed = ServiceInput.safeParse({ ...record, organizationId: PLACEHOLDER_ID, districtIds: [], locationIds: [] });
    if (!parsed.success) {
      refuse(`Tjenesten har felt Rusfag ikke kan lagre (${zodProblems(parsed.error.issues)}).`);
      continue;
    }
    services.push({ record, action: match ? 'update' : 'create', existing: match, organization: org.ref, locations: refs });
  }

  for (const record of bundle.locations) {
    if (!record.refused && locationOwner.get(record.externalId) === null) {
      problems.push(problemAt('warning', 'location', record, record.source, 'Stedet har ingen organisasjon og brukes ikke av noen tjeneste i filen; det ble ikke tatt med.'));
    }
  }

  const count = <T extends { action: Action }>(planned: readonly T[], refused: number) => ({
    create: planned.filter((p) => p.action === 'create').length,
    update: planned.filter((p) => p.action === 'update').length,
    refused,
  });
  const planned = { organizations: [...organizations.values()], locations: [...locations.values()], services };
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    ...planned,
    problems,
    counts: {
      organizations: count(planned.organizations, bundle.organizations.filter((o) => o.refused).length),
      locations: count(planned.locations, bundle.locations.filter((l) => l.refused).length),
      services: count(planned.services, bundle.services.filter((s) => s.refused).length),
    },
    errors,
    warnings: problems.length - errors,
    total: planned.organizations.length + planned.locations.length + planned.services.length,
  };
}

// ————————————————————————————————————————————— writing

interface Report {
  counts: DirectoryImport['counts'];
  errors: number;
  warnings: number;
  problems: ImportProblem[];
  failure: string | null;
}

function reportOf(plan: Plan, failure: string | null = null): Report {
  const sorted = [...plan.problems.filter((p) => p.severity === 'error'), ...plan.problems.filter((p) => p.severity === 'warning')];
  return { counts: plan.counts, errors: plan.errors, warnings: plan.warnings, problems: sorted.slice(0, MAX_REPORTED_PROBLEMS), failure };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes the plan: new records in multi-row statements, changed ones one by one; every part of a
 * service replaced (as the editors' form does, repository.replaceServiceParts); published
 * services' snapshots written in bulk (import-publish.ts). `tick(n)` reports records written (a
 * published service is half done when written, whole when published).
 */
async function execute(ctx: ActorContext, trx: DbOrTrx, plan: Plan, importRow: { id: string; format: string; steward_unit_id: string; publish: boolean }, tick: (n: number) => void) {
  const now = new Date();
  const today = todayInOslo(now);
  const districtIds = new Map((await repo.listDistricts(trx)).map((d) => [d.code, d.id]));
  const termIds = await repo.termIdsByCode(trx);
  const verifiedByName = `HSDS-import (${importRow.format === 'hsds-json' ? 'JSON' : 'datapakke'})`;
  /** The external id a changed record gets: the source's, unless it has one or the source used Rusfag's own id. */
  const externalFor = (existing: { id: string; external_id: string | null }, externalId: string) =>
    existing.external_id === null && externalId !== existing.id ? { external_id: externalId } : {};

  // Organisations.
  const organizationIds = new Map<string, string>();
  const organizationColumns = (r: ImportOrganization) => ({ name: r.name, alternate_name: r.alternateName, description: r.description, description_en: r.descriptionEn, email: r.email, website: r.website });
  for (const planned of plan.organizations.filter((p) => p.existing)) {
    const existing = planned.existing!;
    await trx.updateTable('dir_organization').set({ ...organizationColumns(planned.record), updated_at: now, ...externalFor(existing, planned.record.externalId) }).where('id', '=', existing.id).execute();
    organizationIds.set(planned.key, existing.id);
    tick(1);
  }
  for (const batch of chunks(plan.organizations.filter((p) => !p.existing), 500)) {
    const rows = await trx
      .insertInto('dir_organization')
      .values(batch.map((p) => ({ ...organizationColumns(p.record), steward_unit_id: importRow.steward_unit_id, external_id: p.record.externalId })))
      .returning(['id', 'external_id'])
      .execute();
    const ids = new Map(rows.map((r) => [r.external_id, r.id]));
    for (const p of batch) organizationIds.set(p.key, ids.get(p.record.externalId)!);
    tick(batch.length);
  }
  const orgId = (ref: { key: string } | { id: string }) => ('id' in ref ? ref.id : organizationIds.get(ref.key)!);

  // Locations.
  const locationIds = new Map<string, string>();
  const locationColumns = (planned: PlannedLocation) => {
    const r = planned.record;
    return {
      organization_id: orgId(planned.organization),
      name: r.name,
      description: r.description,
      address: r.address,
      postal_code: r.postalCode,
      city: r.city,
      district_unit_id: r.districtCode ? (districtIds.get(r.districtCode) ?? null) : null,
      latitude: r.latitude,
      longitude: r.longitude,
      confidential: r.confidential,
      wheelchair_accessible: r.wheelchairAccessible,
      accessibility_note: r.accessibilityNote,
      transportation: r.transportation,
      example: r.example,
    };
  };
  for (const planned of plan.locations.filter((p) => p.existing)) {
    const existing = planned.existing!;
    const r = planned.record;
    // A confidential location comes back from the public export without its address: keep the one Rusfag has.
    const keepAddress = r.confidential && existing.confidential && !r.address && r.latitude === null;
    const set = keepAddress ? { name: r.name, confidential: true, wheelchair_accessible: r.wheelchairAccessible, example: r.example } : locationColumns(planned);
    await trx.updateTable('dir_location').set({ ...set, updated_at: now, ...externalFor(existing, planned.externalId) }).where('id', '=', existing.id).execute();
    locationIds.set(planned.key, existing.id);
    tick(1);
  }
  for (const batch of chunks(plan.locations.filter((p) => !p.existing), 500)) {
    const rows = await trx
      .insertInto('dir_location')
      .values(batch.map((p) => ({ ...locationColumns(p), external_id: p.externalId })))
      .returning(['id', 'external_id'])
      .execute();
    const ids = new Map(rows.map((r) => [r.external_id, r.id]));
    for (const p of batch) locationIds.set(p.key, ids.get(p.externalId)!);
    tick(batch.length);
  }

  // Services: the service rows, then every part of them.
  const publication = importRow.publish
    ? { publication_state: 'published' as const, published_at: now, published_by: ctx.actor.userId, freshness_reminded_at: null }
    : {};
  const inputs = plan.services.map((planned) => {
    const r = planned.record;
    const input: ServiceInput = {
      organizationId: orgId(planned.organization),
      name: r.name,
      nameEn: r.nameEn,
      alternateName: r.alternateName,
      description: r.description,
      descriptionEn: r.descriptionEn,
      url: r.url,
      email: r.email,
      status: r.status,
      statusNote: r.statusNote,
      howToGetIn: r.howToGetIn,
      howToGetInEn: r.howToGetInEn,
      eligibility: r.eligibility,
      eligibilityEn: r.eligibilityEn,
      minimumAge: r.minimumAge,
      maximumAge: r.maximumAge,
      referralRequired: r.referralRequired,
      freeOfCharge: r.freeOfCharge,
      feesDescription: r.feesDescription,
      cityWide: r.cityWide,
      districtIds: [...new Set(r.districtCodes.flatMap((code) => districtIds.get(code) ?? []))],
      targetGroups: r.targetGroups,
      categories: r.categories,
      languages: [...new Set(r.languages)],
      locationIds: [...new Set(planned.locations.map((ref) => ('id' in ref ? ref.id : locationIds.get(ref.key)!)))],
      phones: r.phones,
      contacts: r.contacts,
      hours: r.hours,
      hoursNote: r.hoursNote,
    };
    const verified = r.lastVerifiedOn
      ? { last_verified_on: r.lastVerifiedOn, last_verified_by: null, last_verified_by_name: verifiedByName }
      : importRow.publish
        ? // Publishing vouches for the record, as it does in the editor.
          { last_verified_on: today, last_verified_by: ctx.actor.userId, last_verified_by_name: ctx.actor.displayName }
        : {};
    return { planned, input, columns: { ...repo.serviceColumns(input), hours_example: r.hoursExample, ...verified, ...publication } };
  });
  const serviceIds = new Map<PlannedService, string>();
  for (const { planned, columns } of inputs.filter((i) => i.planned.existing)) {
    const existing = planned.existing!;
    await trx.updateTable('dir_service').set({ ...columns, updated_at: now, ...externalFor(existing, planned.record.externalId) }).where('id', '=', existing.id).execute();
    serviceIds.set(planned, existing.id);
  }
  const updated = [...serviceIds.values()];
  for (const table of ['dir_service_term', 'dir_service_area', 'dir_service_language', 'dir_service_at_location', 'dir_phone', 'dir_contact', 'dir_schedule'] as const) {
    for (const ids of chunks(updated, 1000)) await trx.deleteFrom(table).where('service_id', 'in', ids).execute();
  }
  for (const batch of chunks(inputs.filter((i) => !i.planned.existing), 300)) {
    const rows = await trx
      .insertInto('dir_service')
      .values(batch.map((i) => ({ ...i.columns, external_id: i.planned.record.externalId })))
      .returning(['id', 'external_id'])
      .execute();
    const ids = new Map(rows.map((r) => [r.external_id, r.id]));
    for (const i of batch) serviceIds.set(i.planned, ids.get(i.planned.record.externalId)!);
  }
  const all = inputs.map((i) => ({ ...i, id: serviceIds.get(i.planned)! }));
  for (const batch of chunks(all, 500)) {
    const rows = {
      terms: batch.flatMap(({ id, input }) =>
        [...new Set([...input.targetGroups.map((c) => termIds.get(`target_group:${c}`)), ...input.categories.map((c) => termIds.get(`category:${c}`))])]
          .filter((termId): termId is string => Boolean(termId))
          .map((term_id) => ({ service_id: id, term_id })),
      ),
      areas: batch.flatMap(({ id, input }) => input.districtIds.map((district_unit_id) => ({ service_id: id, district_unit_id }))),
      languages: batch.flatMap(({ id, input }) => input.languages.map((code) => ({ service_id: id, code }))),
      locations: batch.flatMap(({ id, input }) => input.locationIds.map((location_id) => ({ service_id: id, location_id }))),
      phones: batch.flatMap(({ id, input }) => input.phones.map((phone, position) => ({ service_id: id, ...phone, position }))),
      contacts: batch.flatMap(({ id, input }) => input.contacts.map((contact, position) => ({ service_id: id, ...contact, position }))),
      schedules: batch.flatMap(({ id, input }) => repo.scheduleRows(input.hours).map((row) => ({ service_id: id, ...row }))),
      changes: batch.flatMap(({ id, planned }) => [
        {
          service_id: id,
          actor_id: ctx.actor.userId,
          actor_name: ctx.actor.displayName,
          action: 'import',
          changes: JSON.stringify({ import: { from: null, to: { id: importRow.id, format: importRow.format, externalId: planned.record.externalId } } }) as never,
        },
        ...(importRow.publish ? [{ service_id: id, actor_id: ctx.actor.userId, actor_name: ctx.actor.displayName, action: 'publish', changes: '{}' as never }] : []),
      ]),
    };
    for (const part of chunks(rows.terms, 2000)) await trx.insertInto('dir_service_term').values(part).execute();
    for (const part of chunks(rows.areas, 2000)) await trx.insertInto('dir_service_area').values(part).execute();
    for (const part of chunks(rows.languages, 2000)) await trx.insertInto('dir_service_language').values(part).execute();
    for (const part of chunks(rows.locations, 2000)) await trx.insertInto('dir_service_at_location').values(part).execute();
    for (const part of chunks(rows.phones, 1000)) await trx.insertInto('dir_phone').values(part).execute();
    for (const part of chunks(rows.contacts, 1000)) await trx.insertInto('dir_contact').values(part).execute();
    for (const part of chunks(rows.schedules, 1000)) await trx.insertInto('dir_schedule').values(part).execute();
    for (const part of chunks(rows.changes, 1000)) await trx.insertInto('dir_change').values(part).execute();
    // A published service counts half written here, half when its snapshot is written.
    tick(importRow.publish ? batch.length / 2 : batch.length);
  }
  const imported = new Set(all.map((s) => s.id));

  // Changed organisations and locations show at once on the other published services that use
  // them, as when an editor changes them (service.ts).
  const changedOrganizations = plan.organizations.filter((p) => p.existing).map((p) => p.existing!.id);
  const changedLocations = plan.locations.filter((p) => p.existing).map((p) => p.existing!.id);
  if (changedOrganizations.length || changedLocations.length) {
    const affected = await sql<{ service_id: string; published_at: Date }>`
      select p.service_id, p.published_at from dir_public_service p join dir_service s on s.id = p.service_id
      where s.organization_id = any(${changedOrganizations}::uuid[])
        or exists (select 1 from dir_service_at_location sl where sl.service_id = s.id and sl.location_id = any(${changedLocations}::uuid[]))`.execute(trx);
    for (const row of affected.rows) if (!imported.has(row.service_id)) await writePublicSnapshot(trx, row.service_id, row.published_at);
  }
  if (importRow.publish) await publishSnapshots(trx, all.map((s) => s.id), now, (n) => tick(n / 2));
}

// ————————————————————————————————————————————— the API

interface ImportRow {
  id: string;
  created_at: Date;
  format: string;
  state: DirectoryImport['state'];
  total: number;
  processed: number;
  report: Record<string, unknown>;
  finished_at: Date | null;
  steward_unit_id: string | null;
  publish: boolean;
  steward_path: string | null;
  steward_name: string | null;
}

async function findImport(db: DbOrTrx, id: string): Promise<ImportRow | undefined> {
  const result = await sql<ImportRow>`
    select i.id, i.created_at, i.format, i.state, i.total, i.processed, i.report, i.finished_at, i.steward_unit_id, i.publish,
      su.path as steward_path, su.name as steward_name
    from dir_import i left join org_unit su on su.id = i.steward_unit_id where i.id = ${id}`.execute(db);
  return result.rows[0];
}

/** An import the actor may work with: outside their units (or unknown) it does not exist (404). */
async function loadImport(ctx: ActorContext, db: DbOrTrx, id: string): Promise<ImportRow> {
  const row = await findImport(db, id);
  if (!row || !row.steward_path) {
    authorize(ctx, 'directory.import', 'list');
    throw notFound();
  }
  authorize(ctx, 'directory.import', { unitPaths: [row.steward_path] });
  return row;
}

const EMPTY_COUNTS = { create: 0, update: 0, refused: 0 };

function viewOf(row: ImportRow): DirectoryImport {
  const report = row.report as Partial<Report>;
  const live = progress.get(row.id);
  return {
    id: row.id,
    format: row.format === 'hsds-datapackage' ? 'hsds-datapackage' : 'hsds-json',
    state: row.state,
    stewardUnitId: row.steward_unit_id ?? PLACEHOLDER_ID,
    stewardName: row.steward_name ?? '',
    publish: row.publish,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    counts: report.counts ?? { organizations: EMPTY_COUNTS, locations: EMPTY_COUNTS, services: EMPTY_COUNTS },
    errors: report.errors ?? 0,
    warnings: report.warnings ?? 0,
    problems: report.problems ?? [],
    total: live?.total ?? row.total,
    processed: row.state === 'running' && live ? Math.floor(live.processed) : row.processed,
    failure: report.failure ?? null,
  };
}

/** A problem in one line, for error details: where, what. */
function describeProblem(problem: ImportProblem): string {
  const where = [problem.file, problem.line ? `linje ${problem.line}` : null, problem.path].filter(Boolean).join(', ');
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** Reads and checks the file; stores the preview (the file and the report). Writes nothing else. */
export async function previewImport(ctx: ActorContext, input: DirectoryImportRequest): Promise<DirectoryImport> {
  const steward = await findUnitById(ctx.db, input.stewardUnitId);
  if (!steward) throw new AppError(400, 'validation_failed', [{ path: 'stewardUnitId', message: 'dir_unit_unknown' }]);
  authorize(ctx, 'directory.import', { unitPaths: [steward.path] });
  const bundle = await readBundle(ctx.db, input.format, input.content);
  if (bundle.fatal.length) throw new AppError(400, 'dir_import_unreadable', bundle.fatal.map((p) => ({ path: 'content', message: describeProblem(p) })));
  const plan = await planImport(ctx, ctx.db, bundle, { publish: input.publish });
  const id = await inTransaction(ctx, async (trx) => {
    const { id } = await trx
      .insertInto('dir_import')
      .values({
        created_by: ctx.actor.userId,
        format: input.format,
        state: 'preview',
        total: plan.total,
        processed: 0,
        report: JSON.stringify(reportOf(plan)) as never,
        steward_unit_id: steward.id,
        publish: input.publish,
        content: input.content,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(ctx, trx, { action: 'directory.import.preview', resourceType: 'dir_import', resourceId: id, details: { format: input.format, counts: plan.counts, errors: plan.errors } });
    return id;
  });
  return viewOf((await findImport(ctx.db, id))!);
}

export async function getImport(ctx: ActorContext, id: string): Promise<DirectoryImport> {
  // A running import answers from memory: its row is not updated until the import commits.
  return viewOf(await loadImport(ctx, ctx.db, id));
}

class ImportRefused extends Error {
  constructor(readonly plan: Plan) {
    super('import refused');
  }
}

/**
 * Runs a previewed import in one transaction. The file is checked again against the database as
 * it is now; if records are refused and the editor did not choose to skip them, nothing is written
 * and the import stays a preview with the new report.
 */
export async function confirmImport(ctx: ActorContext, id: string, options: { skipRefused: boolean }): Promise<DirectoryImport> {
  const row = await loadImport(ctx, ctx.db, id);
  if (row.state !== 'preview') throw new AppError(409, 'dir_import_not_preview');
  const claimed = await ctx.db
    .updateTable('dir_import')
    .set({ state: 'running', processed: 0 })
    .where('id', '=', id)
    .where('state', '=', 'preview')
    .returning(['content', 'format', 'publish', 'steward_unit_id'])
    .executeTakeFirst();
  if (!claimed || claimed.content === null || !claimed.steward_unit_id) throw new AppError(409, 'dir_import_not_preview');
  const format: ImportFormat = claimed.format === 'hsds-datapackage' ? 'hsds-datapackage' : 'hsds-json';
  const live = { total: row.total, processed: 0 };
  progress.set(id, live);
  try {
    await inTransaction(ctx, async (trx) => {
      const bundle = await readBundle(trx, format, claimed.content!);
      if (bundle.fatal.length) throw new AppError(400, 'dir_import_unreadable', bundle.fatal.map((p) => ({ path: 'content', message: describeProblem(p) })));
      const plan = await planImport(ctx, trx, bundle, { publish: claimed.publish });
      if (plan.errors > 0 && !options.skipRefused) throw new ImportRefused(plan);
      live.total = plan.total;
      await execute(ctx, trx, plan, { id, format, steward_unit_id: claimed.steward_unit_id!, publish: claimed.publish }, (n) => {
        live.processed = Math.min(live.total, live.processed + n);
      });
      await trx
        .updateTable('dir_import')
        .set({ state: 'done', total: plan.total, processed: plan.total, report: JSON.stringify(reportOf(plan)) as never, finished_at: new Date(), content: null })
        .where('id', '=', id)
        .execute();
      await audit(ctx, trx, {
        action: 'directory.import',
        resourceType: 'dir_import',
        resourceId: id,
        details: { format, publish: claimed.publish, counts: plan.counts, skippedRefused: plan.errors },
      });
    });
  } catch (error) {
    if (error instanceof ImportRefused) {
      await ctx.db.updateTable('dir_import').set({ state: 'preview', total: error.plan.total, report: JSON.stringify(reportOf(error.plan)) as never }).where('id', '=', id).execute();
      throw new AppError(409, 'dir_import_has_problems', error.plan.problems.filter((p) => p.severity === 'error').slice(0, 50).map((p) => ({ path: p.id ?? '', message: describeProblem(p) })));
    }
    // Nothing was written (the transaction rolled back); the import says so.
    const message = error instanceof AppError ? translate('nb', error.code, error.params) : 'Importen stoppet på grunn av en feil hos oss; ingenting ble lagret.';
    await ctx.db
      .updateTable('dir_import')
      .set({ state: 'failed', finished_at: new Date(), report: sql`jsonb_set(report, '{failure}', ${JSON.stringify(message)}::jsonb)` as never })
      .where('id', '=', id)
      .execute();
    throw error;
  } finally {
    progress.delete(id);
  }
  return viewOf((await findImport(ctx.db, id))!);
}
