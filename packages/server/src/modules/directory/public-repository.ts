import type { OpeningHours, PublicService } from '@rusfag/core';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../platform/context.js';
import { publicSnapshotChanged } from './page-cache.js';
import { scheduleRows } from './repository.js';

/**
 * SQL of the published snapshot (dir_public_*): what every public output reads. The working copy's
 * SQL is in repository.ts. Nothing here may read dir_location directly: the snapshot document was
 * built without confidential addresses, and public code must not find another way to them.
 */

export interface SnapshotRow {
  serviceId: string;
  document: PublicService;
  /** Free text for the Norwegian and the English search vectors, weighted A (name) to C (body). */
  textNb: { a: string; b: string; c: string };
  textEn: { a: string; b: string; c: string };
  words: string[];
  points: { latitude: number; longitude: number }[];
  wheelchair: boolean;
}

export async function removeSnapshot(db: DbOrTrx, serviceId: string): Promise<string[]> {
  publicSnapshotChanged();
  const old = await db.selectFrom('dir_public_service').select('document').where('service_id', '=', serviceId).executeTakeFirst();
  await db.deleteFrom('dir_public_service').where('service_id', '=', serviceId).execute();
  return old ? wordsOf(old.document) : [];
}

/** Replaces the snapshot of one service; returns the words of the replaced document (for the word list). */
export async function writeSnapshot(db: DbOrTrx, row: SnapshotRow, publishedAt: Date): Promise<string[]> {
  const oldWords = await removeSnapshot(db, row.serviceId);
  const doc = row.document;
  const vector = (config: 'norwegian' | 'english', text: { a: string; b: string; c: string }) =>
    sql`setweight(to_tsvector(${sql.lit(config)}::regconfig, ${text.a}), 'A') || setweight(to_tsvector(${sql.lit(config)}::regconfig, ${text.b}), 'B') || setweight(to_tsvector(${sql.lit(config)}::regconfig, ${text.c}), 'C')`;
  await sql`
    insert into dir_public_service (service_id, organization_id, name, organization_name, status, target_groups, categories,
      city_wide, districts, languages, free_of_charge, referral_required, minimum_age, maximum_age, wheelchair, has_hours,
      last_verified_on, search_nb, search_en, name_key, document, published_at)
    values (${row.serviceId}, ${doc.organization.id}, ${doc.name}, ${doc.organization.name}, ${doc.status},
      ${doc.targetGroups.map((t) => t.code)}::text[], ${doc.categories.map((t) => t.code)}::text[], ${doc.cityWide},
      ${doc.districts.map((d) => d.code)}::text[], ${doc.languages}::text[], ${doc.freeOfCharge}, ${doc.referralRequired},
      ${doc.minimumAge}, ${doc.maximumAge}, ${row.wheelchair}, ${doc.hours.weekly.length + doc.hours.exceptions.length > 0},
      ${doc.lastVerifiedOn}, ${vector('norwegian', row.textNb)}, ${vector('english', row.textEn)}, ${nameKey(doc.name)},
      ${JSON.stringify(doc)}::jsonb, ${publishedAt})`.execute(db);
  if (row.points.length)
    await db.insertInto('dir_public_point').values(row.points.map((p) => ({ service_id: row.serviceId, ...p }))).execute();
  const schedules = publicScheduleRows(doc.hours);
  if (schedules.length)
    await db.insertInto('dir_public_schedule').values(schedules.map((s) => ({ service_id: row.serviceId, ...s }))).execute();
  return oldWords;
}

function publicScheduleRows(hours: OpeningHours) {
  return scheduleRows(hours).map(({ reason: _reason, ...row }) => row);
}

/** Sort key for names: case- and accent-insensitive enough for Norwegian lists. */
export function nameKey(name: string): string {
  return name.toLocaleLowerCase('nb').replace(/^(the|en|et|ei)\s+/, '');
}

/** Words of a public document that a resident might type: names, terms and descriptions. */
export function wordsOf(doc: PublicService): string[] {
  const text = [
    doc.name,
    doc.nameEn,
    doc.alternateName,
    doc.organization.name,
    doc.description,
    doc.descriptionEn,
    doc.eligibility,
    ...doc.targetGroups.flatMap((t) => [t.name, t.nameEn]),
    ...doc.categories.flatMap((t) => [t.name, t.nameEn]),
    ...doc.districts.map((d) => d.name),
  ].join(' ');
  const words = new Set<string>();
  for (const word of text.toLocaleLowerCase('nb').split(/[^\p{L}\p{N}]+/u)) {
    if (word.length >= 3 && word.length <= 40) words.add(word);
  }
  return [...words];
}

/** Keeps the typo-tolerance word list in step with the snapshot: counts of services per word. */
export async function adjustWords(db: DbOrTrx, removed: readonly string[], added: readonly string[]): Promise<void> {
  const delta = new Map<string, number>();
  for (const word of removed) delta.set(word, (delta.get(word) ?? 0) - 1);
  for (const word of added) delta.set(word, (delta.get(word) ?? 0) + 1);
  const changes = [...delta].filter(([, n]) => n !== 0);
  if (!changes.length) return;
  // One statement: jsonb_each_text unpacks the changes on both engines.
  const payload = JSON.stringify(Object.fromEntries(changes));
  await sql`
    insert into dir_public_word (word, services)
    select key, value::int from jsonb_each_text(${payload}::jsonb)
    on conflict (word) do update set services = dir_public_word.services + excluded.services`.execute(db);
  await sql`delete from dir_public_word where services <= 0`.execute(db);
}

/** Rebuilds the whole word list from the snapshot (after an import). */
export async function rebuildWords(db: DbOrTrx): Promise<void> {
  publicSnapshotChanged();
  const rows = await db.selectFrom('dir_public_service').select('document').execute();
  const counts = new Map<string, number>();
  for (const row of rows) for (const word of wordsOf(row.document)) counts.set(word, (counts.get(word) ?? 0) + 1);
  await sql`delete from dir_public_word`.execute(db);
  const entries = [...counts];
  for (let i = 0; i < entries.length; i += 2000) {
    await db
      .insertInto('dir_public_word')
      .values(entries.slice(i, i + 2000).map(([word, services]) => ({ word, services })))
      .execute();
  }
}

/**
 * For each query word not in the directory's vocabulary (not even as the start of a word), the
 * closest known word by trigram similarity. Words hold only letters and digits (see the caller).
 */
export async function correctWords(db: DbOrTrx, words: readonly string[]): Promise<Map<string, string>> {
  const corrections = new Map<string, string>();
  if (!words.length) return corrections;
  const result = await sql<{ token: string; known: boolean; best: string | null }>`
    select t.token,
      -- Known as written, or as its stem ("rusbehandlingen" → "rusbehandling"): a correct word form is no typo.
      exists (select 1 from dir_public_word w where w.word like t.token || '%'
        or w.word like coalesce((ts_lexize('norwegian_stem', t.token))[1], t.token) || '%') as known,
      (select w.word from dir_public_word w where w.word % t.token order by similarity(w.word, t.token) desc, w.services desc, w.word limit 1) as best
    from unnest(${words}::text[]) as t(token)`.execute(db);
  for (const row of result.rows) if (!row.known && row.best) corrections.set(row.token, row.best);
  return corrections;
}

export interface SearchFilter {
  /** tsquery texts (already made safe: words of letters and digits with :* and & / |). */
  tsNb: string | null;
  tsEn: string | null;
  targetGroups: string[];
  categories: string[];
  district: string | null;
  freeOfCharge: boolean;
  noReferral: boolean;
  language: string | null;
  wheelchair: boolean;
  /** "Open now" at this Oslo local time. */
  openAt: { date: string; weekday: number; minute: number; previousDate: string; previousWeekday: number } | null;
}

export interface SearchOrder {
  by: 'relevance' | 'distance' | 'name';
  from: { latitude: number; longitude: number } | null;
}

export interface SearchRow {
  service_id: string;
  document: PublicService;
  distance_km: number | null;
  total: number;
}

/** The open-now condition in SQL; core's isOpenAt is the reference (a test checks they agree). */
export function openNowCondition(at: NonNullable<SearchFilter['openAt']>): RawBuilder<SqlBool> {
  const covers = (date: string) => sql`(h.valid_from is null or h.valid_from <= ${date}::date) and (h.valid_to is null or h.valid_to >= ${date}::date)`;
  const noException = (date: string) =>
    sql`not exists (select 1 from dir_public_schedule x where x.service_id = s.service_id and x.kind = 'exception' and ${date}::date between x.valid_from and x.valid_to)`;
  const m = at.minute;
  return sql<SqlBool>`s.status = 'active' and exists (
    select 1 from dir_public_schedule h where h.service_id = s.service_id and not h.closed and (
      (h.opens_min <= ${m} and (h.closes_min > ${m} or h.closes_min <= h.opens_min) and (
        (h.kind = 'exception' and ${at.date}::date between h.valid_from and h.valid_to)
        or (h.kind = 'weekly' and h.weekday = ${at.weekday} and ${covers(at.date)} and ${noException(at.date)})))
      or (h.closes_min <= h.opens_min and ${m} < h.closes_min and (
        (h.kind = 'exception' and ${at.previousDate}::date between h.valid_from and h.valid_to)
        or (h.kind = 'weekly' and h.weekday = ${at.previousWeekday} and ${covers(at.previousDate)} and ${noException(at.previousDate)})))
    ))`;
}

export async function search(db: DbOrTrx, filter: SearchFilter, order: SearchOrder, page: { limit: number; offset: number }): Promise<SearchRow[]> {
  const conditions: RawBuilder<SqlBool>[] = [sql<SqlBool>`s.status in ('active', 'temporarily_closed')`];
  if (filter.tsNb || filter.tsEn) {
    conditions.push(
      sql<SqlBool>`(${filter.tsNb ? sql`s.search_nb @@ to_tsquery('norwegian', ${filter.tsNb})` : sql`false`}
        or ${filter.tsEn ? sql`s.search_en @@ to_tsquery('english', ${filter.tsEn})` : sql`false`})`,
    );
  }
  if (filter.targetGroups.length) conditions.push(sql<SqlBool>`s.target_groups && ${filter.targetGroups}::text[]`);
  if (filter.categories.length) conditions.push(sql<SqlBool>`s.categories && ${filter.categories}::text[]`);
  if (filter.district) conditions.push(sql<SqlBool>`(s.city_wide or s.districts @> array[${filter.district}]::text[])`);
  if (filter.freeOfCharge) conditions.push(sql<SqlBool>`s.free_of_charge`);
  if (filter.noReferral) conditions.push(sql<SqlBool>`s.referral_required = false`);
  if (filter.language) conditions.push(sql<SqlBool>`s.languages @> array[${filter.language}]::text[]`);
  if (filter.wheelchair) conditions.push(sql<SqlBool>`s.wheelchair`);
  if (filter.openAt) conditions.push(openNowCondition(filter.openAt));

  const from = order.from;
  const distance = from
    ? sql<number | null>`(select min(2 * 6371 * asin(sqrt(power(sin(radians(p.latitude - ${from.latitude}) / 2), 2)
        + cos(radians(${from.latitude})) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - ${from.longitude}) / 2), 2))))
        from dir_public_point p where p.service_id = s.service_id)`
    : sql<number | null>`null::double precision`;
  const rank =
    filter.tsNb || filter.tsEn
      ? sql`greatest(${filter.tsNb ? sql`ts_rank(s.search_nb, to_tsquery('norwegian', ${filter.tsNb}))` : sql`0`},
          ${filter.tsEn ? sql`ts_rank(s.search_en, to_tsquery('english', ${filter.tsEn}))` : sql`0`})`
      : sql`0`;
  const orderBy =
    order.by === 'distance' && from
      ? sql`distance_km asc nulls last, name_key, service_id`
      : order.by === 'name'
        ? sql`name_key, service_id`
        : sql`rank desc, name_key, service_id`;
  // The full document is read only for the page of hits, not for every match.
  const result = await sql<SearchRow>`
    with matches as (
      select s.service_id, s.name_key, ${rank} as rank, ${distance} as distance_km
      from dir_public_service s
      where ${sql.join(conditions, sql` and `)}
    ), ranked as (
      select m.service_id, m.distance_km, row_number() over (order by ${orderBy}) as pos, count(*) over () as total from matches m
    )
    select r.service_id, r.distance_km, r.total::int as total, d.document
    from ranked r join dir_public_service d on d.service_id = r.service_id
    where r.pos > ${page.offset} and r.pos <= ${page.offset + page.limit}
    order by r.pos`.execute(db);
  return result.rows;
}

/** A verification changes only the date (and verifying unit) in the public document. */
export async function markVerified(db: DbOrTrx, serviceId: string, date: string, by: string): Promise<void> {
  publicSnapshotChanged();
  await sql`
    update dir_public_service set last_verified_on = ${date}::date,
      document = jsonb_set(jsonb_set(document, '{lastVerifiedOn}', ${JSON.stringify(date)}::jsonb), '{lastVerifiedBy}', ${JSON.stringify(by)}::jsonb)
    where service_id = ${serviceId}`.execute(db);
}

export async function findPublicDocument(db: DbOrTrx, serviceId: string): Promise<PublicService | undefined> {
  const row = await db.selectFrom('dir_public_service').select('document').where('service_id', '=', serviceId).executeTakeFirst();
  return row?.document;
}

/** Published services, for the sitemap and the HSDS API (keyset pages by id). */
export async function listPublished(db: DbOrTrx, limit: number, offset: number): Promise<{ total: number; documents: PublicService[] }> {
  const [count, rows] = await Promise.all([
    db.selectFrom('dir_public_service').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('dir_public_service').select('document').orderBy('name_key').orderBy('service_id').limit(limit).offset(offset).execute(),
  ]);
  return { total: Number(count.n), documents: rows.map((row) => row.document) };
}
