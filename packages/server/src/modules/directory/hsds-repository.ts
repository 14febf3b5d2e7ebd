import type { PublicService, Taxonomy } from '@rusfag/core';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../platform/context.js';

/**
 * SQL of the HSDS API and export. Like public-repository.ts it reads only the published snapshot
 * (dir_public_service: the document built without confidential addresses), never the working
 * copy; the taxonomy comes from dir_taxonomy_term, which holds no client or address data.
 */

export interface ServiceFilter {
  /** Safe tsquery text (words of letters and digits with :* and &), matched in Norwegian or English. */
  tsquery: string | null;
  term: { taxonomy: Taxonomy; code: string } | null;
  /** Only services that have a term of this taxonomy. */
  taxonomy: Taxonomy | null;
  organizationId: string | null;
  /** Published at or after. */
  modifiedAfter: Date | null;
}

function conditions(filter: ServiceFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  if (filter.tsquery) {
    parts.push(sql<SqlBool>`(s.search_nb @@ to_tsquery('norwegian', ${filter.tsquery}) or s.search_en @@ to_tsquery('english', ${filter.tsquery}))`);
  }
  if (filter.term) {
    const column = filter.term.taxonomy === 'target_group' ? sql.ref('s.target_groups') : sql.ref('s.categories');
    parts.push(sql<SqlBool>`${column} @> array[${filter.term.code}]::text[]`);
  }
  if (filter.taxonomy) {
    const column = filter.taxonomy === 'target_group' ? sql.ref('s.target_groups') : sql.ref('s.categories');
    parts.push(sql<SqlBool>`cardinality(${column}) > 0`);
  }
  if (filter.organizationId) parts.push(sql<SqlBool>`s.organization_id = ${filter.organizationId}::uuid`);
  if (filter.modifiedAfter) parts.push(sql<SqlBool>`s.published_at >= ${filter.modifiedAfter}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

export async function countServices(db: DbOrTrx, filter: ServiceFilter): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from dir_public_service s where ${conditions(filter)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/** A page of published documents, in name order (stable: ties by id). */
export async function listServices(db: DbOrTrx, filter: ServiceFilter, page: { limit: number; offset: number }): Promise<PublicService[]> {
  const result = await sql<{ document: PublicService }>`
    select s.document from dir_public_service s where ${conditions(filter)}
    order by s.name_key, s.service_id limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows.map((row) => row.document);
}

/** The minimal list: ids and when each service was last published. */
export async function listServiceStamps(db: DbOrTrx, filter: ServiceFilter, page: { limit: number; offset: number }): Promise<{ id: string; published_at: Date }[]> {
  const result = await sql<{ id: string; published_at: Date }>`
    select s.service_id as id, s.published_at from dir_public_service s where ${conditions(filter)}
    order by s.name_key, s.service_id limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
}

export async function findService(db: DbOrTrx, id: string): Promise<PublicService | undefined> {
  const row = await db.selectFrom('dir_public_service').select('document').where('service_id', '=', id).executeTakeFirst();
  return row?.document;
}

/** Organisations with at least one published service (as the published documents describe them). */
function organizations(search: string | null) {
  return sql`
    select distinct on (s.organization_id) s.organization_id, s.organization_name, s.document -> 'organization' as organization
    from dir_public_service s
    ${search ? sql`where s.organization_name ilike ${`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : sql``}
    order by s.organization_id, s.published_at desc`;
}

export async function countOrganizations(db: DbOrTrx, search: string | null): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from (${organizations(search)}) o`.execute(db);
  return result.rows[0]?.n ?? 0;
}

export async function listOrganizations(
  db: DbOrTrx,
  search: string | null,
  page: { limit: number; offset: number },
): Promise<PublicService['organization'][]> {
  const result = await sql<{ organization: PublicService['organization'] }>`
    select o.organization from (${organizations(search)}) o
    order by lower(o.organization_name), o.organization_id limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows.map((row) => row.organization);
}

/** The published documents of some organisations, in name order. */
export async function servicesOf(db: DbOrTrx, organizationIds: readonly string[]): Promise<PublicService[]> {
  if (!organizationIds.length) return [];
  const result = await sql<{ document: PublicService }>`
    select s.document from dir_public_service s where s.organization_id = any(${organizationIds}::uuid[])
    order by s.name_key, s.service_id`.execute(db);
  return result.rows.map((row) => row.document);
}

/** Every published document, for the full export. */
export async function allServices(db: DbOrTrx): Promise<PublicService[]> {
  const result = await sql<{ document: PublicService }>`select s.document from dir_public_service s order by s.name_key, s.service_id`.execute(db);
  return result.rows.map((row) => row.document);
}
