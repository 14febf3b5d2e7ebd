/**
 * Writes a generated directory (directory-data.ts) into the server's database and publishes it
 * with the server's own code:
 *
 *   1. the editors' working copy (dir_organization, dir_location, dir_service and its parts) with
 *      set-based INSERTs, in one transaction;
 *   2. the published snapshot, either
 *      - 'bulk' (default): `publishSnapshots` (import-publish.ts), what the HSDS import runs — the
 *        same publicDocument() as a single publish, written a few hundred services per statement,
 *        all published at the same moment, and the typo word list rebuilt once; or
 *      - 'each': `writePublicSnapshot` (public-service.ts), what one editor's publish runs, service
 *        by service (each with its own publishing date), in transactions of `batch` services, then
 *        `rebuildWords`;
 *   3. VACUUM ANALYZE of the directory tables, as autovacuum would within a minute after so many
 *      new rows, so the figures do not depend on when it ran.
 *
 * The same code serves PostgreSQL (a pool of its own while the server runs) and PGlite (with the
 * server stopped: one process per data directory).
 */
import type { Db } from '../../packages/server/src/db/database.js';
import { publishSnapshots } from '../../packages/server/src/modules/directory/import-publish.js';
import { rebuildWords } from '../../packages/server/src/modules/directory/public-repository.js';
import { writePublicSnapshot } from '../../packages/server/src/modules/directory/public-service.js';
import { scheduleRows } from '../../packages/server/src/modules/directory/repository.js';
import type { GeneratedDirectory } from './directory-data.js';

export type PublishMode = 'bulk' | 'each';

export interface SeededDirectory {
  publish: PublishMode;
  /** Seconds for the working copy (all inserts). */
  workingCopySeconds: number;
  /** Seconds for publishing every service (bulk: the word list included). */
  publishSeconds: number;
  /** Seconds for rebuildWords ('each' only; 'bulk' rebuilds inside publishSnapshots). */
  wordsSeconds: number;
  analyzeSeconds: number;
  totalSeconds: number;
  /** Published services in the database afterwards (the demo's included). */
  publishedServices: number;
  publicWords: number;
}

const DIRECTORY_TABLES = [
  'dir_organization', 'dir_location', 'dir_service', 'dir_service_at_location', 'dir_service_area', 'dir_service_term',
  'dir_service_language', 'dir_schedule', 'dir_change', 'dir_public_service', 'dir_public_point', 'dir_public_schedule', 'dir_public_word',
];

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function seedDirectory(
  db: Db,
  directory: GeneratedDirectory,
  options: {
    publish: PublishMode;
    batch: number;
    /** Runs one plain statement outside a transaction (VACUUM): the engine's own client. */
    raw: (statement: string) => Promise<void>;
    onProgress?: (published: number, total: number) => void;
  },
): Promise<SeededDirectory> {
  const started = performance.now();
  // 'bulk' publishes everything at one moment, as an import does; 'each' on the day it was last verified.
  const bulkPublishedAt = new Date();
  const publishedAtOf = (lastVerifiedOn: string) => (options.publish === 'bulk' ? bulkPublishedAt : new Date(`${lastVerifiedOn}T09:00:00Z`));

  // Units: the 15 districts by code, Velferdsetaten for city-wide organisations; the demo editor.
  const units = await db.selectFrom('org_unit').select(['id', 'code', 'kind']).where('code', 'is not', null).execute();
  const unitId = new Map(units.map((u) => [u.code ?? '', u.id]));
  const unit = (code: string) => {
    const id = unitId.get(code);
    if (!id) throw new Error(`unit ${code} is not in the database: was the demo data loaded?`);
    return id;
  };
  const editor = await db.selectFrom('app_user').select(['id', 'display_name']).where('username', '=', 'redaktor').executeTakeFirst();
  const terms = await db.selectFrom('dir_taxonomy_term').select(['id', 'taxonomy', 'code']).execute();
  const termId = new Map(terms.map((t) => [`${t.taxonomy}:${t.code}`, t.id]));
  const term = (taxonomy: string, code: string) => {
    const id = termId.get(`${taxonomy}:${code}`);
    if (!id) throw new Error(`taxonomy term ${taxonomy}:${code} is not in dir_taxonomy_term`);
    return id;
  };

  await db.transaction().execute(async (trx) => {
    for (const rows of chunks(directory.organizations, 1000)) {
      await trx
        .insertInto('dir_organization')
        .values(
          rows.map((o) => ({
            id: o.id,
            name: o.name,
            description: o.description,
            website: o.website,
            org_unit_id: null,
            steward_unit_id: unit(o.district ?? 'VEL'),
          })),
        )
        .execute();
    }
    for (const rows of chunks(directory.locations, 1000)) {
      await trx
        .insertInto('dir_location')
        .values(
          rows.map((l) => ({
            id: l.id,
            organization_id: l.organizationId,
            name: l.name,
            description: l.description,
            address: l.address,
            postal_code: l.postalCode,
            city: l.city,
            district_unit_id: unit(l.district),
            latitude: l.latitude,
            longitude: l.longitude,
            confidential: l.confidential,
            wheelchair_accessible: l.wheelchairAccessible,
            accessibility_note: l.accessibilityNote,
            transportation: l.transportation,
            example: l.example,
          })),
        )
        .execute();
    }
    for (const rows of chunks(directory.services, 1000)) {
      await trx
        .insertInto('dir_service')
        .values(
          rows.map((s) => {
            const publishedAt = publishedAtOf(s.lastVerifiedOn);
            return {
              id: s.id,
              organization_id: s.organizationId,
              name: s.name,
              name_en: s.nameEn,
              alternate_name: s.alternateName,
              description: s.description,
              description_en: s.descriptionEn,
              status: s.status,
              status_note: s.statusNote,
              how_to_get_in: s.howToGetIn,
              eligibility: s.eligibility,
              minimum_age: s.minimumAge,
              maximum_age: s.maximumAge,
              referral_required: s.referralRequired,
              free_of_charge: s.freeOfCharge,
              fees_description: s.feesDescription,
              city_wide: s.cityWide,
              publication_state: 'published' as const,
              published_at: publishedAt,
              published_by: editor?.id ?? null,
              last_verified_on: s.lastVerifiedOn,
              last_verified_by: editor?.id ?? null,
              last_verified_by_name: editor?.display_name ?? '',
              created_at: publishedAt,
              updated_at: publishedAt,
            };
          }),
        )
        .execute();
    }
    const links = directory.services.flatMap((s) => s.locationIds.map((location_id) => ({ service_id: s.id, location_id })));
    for (const rows of chunks(links, 5000)) await trx.insertInto('dir_service_at_location').values(rows).execute();
    const areas = directory.services.flatMap((s) => s.districts.map((code) => ({ service_id: s.id, district_unit_id: unit(code) })));
    for (const rows of chunks(areas, 5000)) await trx.insertInto('dir_service_area').values(rows).execute();
    const serviceTerms = directory.services.flatMap((s) => [
      ...s.targetGroups.map((code) => ({ service_id: s.id, term_id: term('target_group', code) })),
      ...s.categories.map((code) => ({ service_id: s.id, term_id: term('category', code) })),
    ]);
    for (const rows of chunks(serviceTerms, 5000)) await trx.insertInto('dir_service_term').values(rows).execute();
    const languages = directory.services.flatMap((s) => s.languages.map((code) => ({ service_id: s.id, code })));
    for (const rows of chunks(languages, 5000)) await trx.insertInto('dir_service_language').values(rows).execute();
    // The same mapping from opening hours to rows as the editors' save (repository.scheduleRows).
    const schedules = directory.services.flatMap((s) => scheduleRows(s.hours).map((row) => ({ service_id: s.id, ...row })));
    for (const rows of chunks(schedules, 3000)) await trx.insertInto('dir_schedule').values(rows).execute();
    const changes = directory.services.map((s) => ({
      service_id: s.id,
      actor_id: editor?.id ?? null,
      actor_name: editor?.display_name ?? '',
      action: 'import',
      changes: JSON.stringify({ source: 'bench' }) as never,
    }));
    for (const rows of chunks(changes, 5000)) await trx.insertInto('dir_change').values(rows).execute();
  });
  const workingCopyDone = performance.now();

  let published = 0;
  if (options.publish === 'bulk') {
    // The import's bulk publishing, in one transaction; it rebuilds the word list at the end.
    await db.transaction().execute((trx) =>
      publishSnapshots(
        trx,
        directory.services.map((s) => s.id),
        bulkPublishedAt,
        (done) => {
          published += done;
          options.onProgress?.(published, directory.services.length);
        },
      ),
    );
  } else {
    // One editor's publish (POST …/publish), per service.
    for (const batch of chunks(directory.services, options.batch)) {
      await db.transaction().execute(async (trx) => {
        for (const service of batch) await writePublicSnapshot(trx, service.id, publishedAtOf(service.lastVerifiedOn));
      });
      published += batch.length;
      options.onProgress?.(published, directory.services.length);
    }
  }
  const publishDone = performance.now();

  if (options.publish === 'each') await db.transaction().execute((trx) => rebuildWords(trx));
  const wordsDone = performance.now();

  for (const table of DIRECTORY_TABLES) await options.raw(`vacuum analyze ${table}`);
  const analyzeDone = performance.now();

  const count = async (table: 'dir_public_service' | 'dir_public_word') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    publish: options.publish,
    workingCopySeconds: (workingCopyDone - started) / 1000,
    publishSeconds: (publishDone - workingCopyDone) / 1000,
    wordsSeconds: (wordsDone - publishDone) / 1000,
    analyzeSeconds: (analyzeDone - wordsDone) / 1000,
    totalSeconds: (analyzeDone - started) / 1000,
    publishedServices: await count('dir_public_service'),
    publicWords: await count('dir_public_word'),
  };
}
