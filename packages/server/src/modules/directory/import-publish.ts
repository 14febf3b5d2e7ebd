import type { Language, PublicService } from '@rusfag/core';
import { sql } from 'kysely';
import type { DbOrTrx } from '../../platform/context.js';
import * as publicRepo from './public-repository.js';
import { publicDocument } from './public-service.js';
import * as repo from './repository.js';

/**
 * Publishing many services at once, for imports: the same snapshot as writePublicSnapshot
 * (public-service.ts) writes one service at a time, in a handful of statements per few hundred
 * services instead of some fifteen per service. The public document is built by the same
 * publicDocument() — where confidential addresses are left out — from the same rows, read in bulk
 * here in the order loadServiceParts reads them. import.test.ts checks that a service published
 * this way has exactly the snapshot row the one-at-a-time path gives it.
 */

const CHUNK = 250;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function group<T extends { service_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.service_id);
    if (list) list.push(row);
    else out.set(row.service_id, [row]);
  }
  return out;
}

type ScheduleRow = repo.ScheduleRow & { service_id: string };

/** The parts of many services (repo.loadServiceParts for each), in a few queries. */
async function loadParts(db: DbOrTrx, ids: readonly string[]): Promise<Map<string, repo.ServiceParts>> {
  const [terms, districts, languages, locations, phones, contacts, schedules] = await Promise.all([
    sql<repo.TermRow & { service_id: string }>`select st.service_id, t.taxonomy, t.code, t.name, t.name_en from dir_service_term st
      join dir_taxonomy_term t on t.id = st.term_id where st.service_id = any(${ids}::uuid[]) order by st.service_id, t.taxonomy, t.position, t.code`.execute(db),
    sql<{ service_id: string; id: string; code: string; name: string }>`select a.service_id, u.id, coalesce(u.code, '') as code, u.name from dir_service_area a
      join org_unit u on u.id = a.district_unit_id where a.service_id = any(${ids}::uuid[]) order by a.service_id, u.code, u.name`.execute(db),
    sql<{ service_id: string; code: string }>`select service_id, code from dir_service_language where service_id = any(${ids}::uuid[]) order by service_id, code`.execute(db),
    sql<repo.LocationRow & { service_id: string }>`select sl.service_id, l.id, l.organization_id, l.name, l.description, l.address, l.postal_code, l.city,
      l.district_unit_id, d.code as district_code, d.name as district_name, l.latitude, l.longitude, l.confidential,
      l.wheelchair_accessible, l.accessibility_note, l.transportation, l.example
      from dir_service_at_location sl join dir_location l on l.id = sl.location_id left join org_unit d on d.id = l.district_unit_id
      where sl.service_id = any(${ids}::uuid[]) order by sl.service_id, lower(l.name)`.execute(db),
    sql<{ service_id: string; number: string; description: string }>`select service_id, number, description from dir_phone
      where service_id = any(${ids}::uuid[]) order by service_id, position`.execute(db),
    sql<{ service_id: string; name: string; title: string; email: string; phone: string }>`select service_id, name, title, email, phone from dir_contact
      where service_id = any(${ids}::uuid[]) order by service_id, position`.execute(db),
    sql<ScheduleRow>`select service_id, kind, weekday, opens_min, closes_min, valid_from, valid_to, closed, reason from dir_schedule
      where service_id = any(${ids}::uuid[]) order by service_id, kind desc, weekday, valid_from, opens_min`.execute(db),
  ]);
  const by = {
    terms: group(terms.rows),
    districts: group(districts.rows),
    languages: group(languages.rows),
    locations: group(locations.rows),
    phones: group(phones.rows),
    contacts: group(contacts.rows),
    schedules: group(schedules.rows),
  };
  const strip = <T extends { service_id: string }>(rows: T[] | undefined): Omit<T, 'service_id'>[] => (rows ?? []).map(({ service_id: _s, ...rest }) => rest);
  return new Map(
    ids.map((id) => [
      id,
      {
        terms: strip(by.terms.get(id)),
        districts: strip(by.districts.get(id)),
        languages: (by.languages.get(id) ?? []).map((l) => l.code),
        locations: strip(by.locations.get(id)),
        phones: strip(by.phones.get(id)),
        contacts: strip(by.contacts.get(id)),
        hours: repo.hoursFromRows(by.schedules.get(id) ?? []),
      },
    ]),
  );
}

/** The search texts of a document, weighted A (name) to C (body), as writePublicSnapshot builds them. */
export function snapshotTexts(document: PublicService) {
  const terms = (lang: Language) => [...document.targetGroups, ...document.categories].map((t) => (lang === 'nb' ? t.name : t.nameEn)).join(' ');
  return {
    nb: {
      a: `${document.name} ${document.alternateName}`,
      b: `${document.organization.name} ${terms('nb')} ${document.districts.map((d) => d.name).join(' ')}`,
      c: `${document.description} ${document.eligibility} ${document.howToGetIn}`,
    },
    en: {
      a: `${document.nameEn || document.name} ${document.alternateName}`,
      b: `${document.organization.name} ${terms('en')}`,
      c: `${document.descriptionEn} ${document.eligibilityEn} ${document.howToGetInEn}`,
    },
  };
}

const vector = (config: 'norwegian' | 'english', text: { a: string; b: string; c: string }) =>
  sql`setweight(to_tsvector(${sql.lit(config)}::regconfig, ${text.a}), 'A') || setweight(to_tsvector(${sql.lit(config)}::regconfig, ${text.b}), 'B') || setweight(to_tsvector(${sql.lit(config)}::regconfig, ${text.c}), 'C')`;

/**
 * Publishes the working copies of `serviceIds` (already marked published) as of `publishedAt`:
 * their snapshot rows, points and hours replace any old ones, and the typo word list is rebuilt
 * once at the end. `onChunk` reports how many services each step published.
 */
export async function publishSnapshots(db: DbOrTrx, serviceIds: readonly string[], publishedAt: Date, onChunk: (done: number) => void = () => {}): Promise<void> {
  for (const ids of chunks(serviceIds, CHUNK)) {
    const services = (await db.selectFrom('dir_service').selectAll().where('id', 'in', ids).execute()) as repo.ServiceRow[];
    const organizationIds = [...new Set(services.map((s) => s.organization_id))];
    const organizations = await sql<repo.OrganizationRow>`
      select o.id, o.name, o.alternate_name, o.description, o.description_en, o.email, o.website, o.org_unit_id, o.steward_unit_id,
        su.path as steward_path, su.name as steward_name
      from dir_organization o join org_unit su on su.id = o.steward_unit_id where o.id = any(${organizationIds}::uuid[])`.execute(db);
    const organizationById = new Map(organizations.rows.map((o) => [o.id, o]));
    const parts = await loadParts(db, ids);
    const documents = services.map((service) => publicDocument(service, organizationById.get(service.organization_id)!, parts.get(service.id)!, publishedAt));

    await db.deleteFrom('dir_public_service').where('service_id', 'in', ids).execute();
    await sql`
      insert into dir_public_service (service_id, organization_id, name, organization_name, status, target_groups, categories,
        city_wide, districts, languages, free_of_charge, referral_required, minimum_age, maximum_age, wheelchair, has_hours,
        last_verified_on, search_nb, search_en, name_key, document, published_at)
      values ${sql.join(
        documents.map((doc) => {
          const texts = snapshotTexts(doc);
          return sql`(${doc.id}, ${doc.organization.id}, ${doc.name}, ${doc.organization.name}, ${doc.status},
            ${doc.targetGroups.map((t) => t.code)}::text[], ${doc.categories.map((t) => t.code)}::text[], ${doc.cityWide},
            ${doc.districts.map((d) => d.code)}::text[], ${doc.languages}::text[], ${doc.freeOfCharge}, ${doc.referralRequired},
            ${doc.minimumAge}, ${doc.maximumAge}, ${doc.locations.some((l) => l.wheelchairAccessible === true)},
            ${doc.hours.weekly.length + doc.hours.exceptions.length > 0}, ${doc.lastVerifiedOn}::date,
            ${vector('norwegian', texts.nb)}, ${vector('english', texts.en)}, ${publicRepo.nameKey(doc.name)},
            ${JSON.stringify(doc)}::jsonb, ${publishedAt})`;
        }),
      )}`.execute(db);
    // Confidential locations have no coordinates in the document, so they cannot be found by distance.
    const points = documents.flatMap((doc) =>
      doc.locations.flatMap((l) => (l.latitude !== null && l.longitude !== null ? [{ service_id: doc.id, latitude: l.latitude, longitude: l.longitude }] : [])),
    );
    for (const rows of chunks(points, 2000)) await db.insertInto('dir_public_point').values(rows).execute();
    const schedules = documents.flatMap((doc) => repo.scheduleRows(doc.hours).map(({ reason: _reason, ...row }) => ({ service_id: doc.id, ...row })));
    for (const rows of chunks(schedules, 1000)) await db.insertInto('dir_public_schedule').values(rows).execute();
    onChunk(ids.length);
  }
  await publicRepo.rebuildWords(db);
}
