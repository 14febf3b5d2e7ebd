import {
  HSDS_TAXONOMIES,
  HSDS_VERSION,
  hsdsExport,
  hsdsLocationsOf,
  hsdsOrganization,
  hsdsPage,
  hsdsService,
  hsdsTaxonomy,
  hsdsTaxonomyTerms,
  taxonomyId,
  type HsdsOrganization,
  type HsdsOrganizationQuery,
  type HsdsPage,
  type HsdsService,
  type HsdsServiceQuery,
  type HsdsTaxonomy,
  type HsdsTaxonomyTerm,
  type HsdsTaxonomyTermQuery,
  type PublicService,
  type Taxonomy,
} from '@rusfag/core';
import { z } from 'zod';
import type { DbOrTrx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { FileResponse } from '../../platform/http.js';
import { todayInOslo } from '../../platform/time.js';
import * as hsdsRepo from './hsds-repository.js';
import { queryWords } from './public-service.js';
import * as repo from './repository.js';

/**
 * The HSDS 3.0 open-data API (schema/openapi.json of the specification) and the full export.
 * Public: everything comes from the published snapshot (hsds-repository.ts), so a draft or a
 * confidential address can never leave through it. Mapping: core's directory/hsds.ts.
 */

const isUuid = (value: string) => z.uuid().safeParse(value).success;
const pageOf = (page: number, perPage: number) => ({ limit: perPage, offset: (page - 1) * perPage });

async function vocabularyTerms(db: DbOrTrx) {
  const terms = await repo.listTerms(db);
  return terms.map((t) => ({ taxonomy: t.taxonomy, code: t.code, name: t.name, nameEn: t.name_en }));
}

/** GET /hsds/: which HSDS version this API speaks, and where its OpenAPI description is. */
export function apiRoot(baseUrl: string) {
  return { version: HSDS_VERSION, openapi_url: `${baseUrl.replace(/\/+$/, '')}/api/openapi.json` };
}

/** The HSDS search text as a safe prefix tsquery ('word:* & word:*'), or null. */
function tsqueryOf(search: string | undefined): string | null {
  const words = queryWords(search ?? '');
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

export async function listServices(db: DbOrTrx, query: HsdsServiceQuery): Promise<HsdsPage<HsdsService | { id: string; last_modified: string }>> {
  const empty = () => hsdsPage([], 0, query.page, query.per_page);
  let term: hsdsRepo.ServiceFilter['term'] = null;
  if (query.taxonomy_term_id) {
    const found = hsdsTaxonomyTerms(await vocabularyTerms(db)).find((t) => t.id === query.taxonomy_term_id);
    const taxonomy = HSDS_TAXONOMIES.find((t) => t.key === found?.taxonomy)?.taxonomy;
    if (!found || !taxonomy || taxonomy === 'extension') return empty();
    term = { taxonomy, code: found.code };
  }
  let taxonomy: Taxonomy | null = null;
  if (query.taxonomy_id) {
    const found = HSDS_TAXONOMIES.find((t) => taxonomyId(t.key) === query.taxonomy_id);
    if (!found) return empty();
    taxonomy = found.taxonomy === 'extension' ? null : found.taxonomy;
  }
  if (query.organization_id && !isUuid(query.organization_id)) return empty();
  const filter: hsdsRepo.ServiceFilter = {
    tsquery: tsqueryOf(query.search),
    term,
    taxonomy,
    organizationId: query.organization_id ?? null,
    modifiedAfter: query.modified_after ? new Date(query.modified_after.length === 10 ? `${query.modified_after}T00:00:00Z` : query.modified_after) : null,
  };
  const page = pageOf(query.page, query.per_page);
  const total = await hsdsRepo.countServices(db, filter);
  if (query.minimal) {
    const stamps = await hsdsRepo.listServiceStamps(db, filter, page);
    return hsdsPage(stamps.map((s) => ({ id: s.id, last_modified: s.published_at.toISOString() })), total, query.page, query.per_page);
  }
  const documents = await hsdsRepo.listServices(db, filter, page);
  return hsdsPage(documents.map((doc) => hsdsService(doc, query.full)), total, query.page, query.per_page);
}

export async function getService(db: DbOrTrx, id: string): Promise<HsdsService> {
  const doc = isUuid(id) ? await hsdsRepo.findService(db, id) : undefined;
  if (!doc) throw notFound();
  return hsdsService(doc, true);
}

/** An organisation with its published locations and services (the services in list form unless fullService). */
function organizationWith(organization: PublicService['organization'], docs: readonly PublicService[], fullService: boolean): HsdsOrganization {
  return { ...hsdsOrganization(organization), locations: hsdsLocationsOf(docs), services: docs.map((doc) => hsdsService(doc, fullService)) };
}

export async function listOrganizations(db: DbOrTrx, query: HsdsOrganizationQuery): Promise<HsdsPage<HsdsOrganization>> {
  const search = query.search?.trim() || null;
  const [total, organizations] = await Promise.all([
    hsdsRepo.countOrganizations(db, search),
    hsdsRepo.listOrganizations(db, search, pageOf(query.page, query.per_page)),
  ]);
  if (!query.full && !query.full_service) return hsdsPage(organizations.map(hsdsOrganization), total, query.page, query.per_page);
  const docs = await hsdsRepo.servicesOf(db, organizations.map((o) => o.id));
  const contents = organizations.map((o) => organizationWith(o, docs.filter((d) => d.organization.id === o.id), query.full_service));
  return hsdsPage(contents, total, query.page, query.per_page);
}

export async function getOrganization(db: DbOrTrx, id: string, fullService: boolean): Promise<HsdsOrganization> {
  const docs = isUuid(id) ? await hsdsRepo.servicesOf(db, [id]) : [];
  if (!docs.length) throw notFound();
  // The newest published document has the organisation as it is now.
  const newest = docs.reduce((a, b) => (a.publishedAt >= b.publishedAt ? a : b));
  return organizationWith(newest.organization, docs, fullService);
}

export function listTaxonomies(query: { page: number; per_page: number; search?: string | undefined }): HsdsPage<HsdsTaxonomy> {
  const search = query.search?.toLowerCase() ?? '';
  const all = HSDS_TAXONOMIES.map((t) => hsdsTaxonomy(t.key)).filter((t) => !search || `${t.name} ${t.description}`.toLowerCase().includes(search));
  const { offset, limit } = pageOf(query.page, query.per_page);
  return hsdsPage(all.slice(offset, offset + limit), all.length, query.page, query.per_page);
}

export function getTaxonomy(id: string): HsdsTaxonomy {
  const found = HSDS_TAXONOMIES.find((t) => taxonomyId(t.key) === id);
  if (!found) throw notFound();
  return hsdsTaxonomy(found.key);
}

export async function listTaxonomyTerms(db: DbOrTrx, query: HsdsTaxonomyTermQuery): Promise<HsdsPage<HsdsTaxonomyTerm>> {
  const search = query.search?.toLowerCase() ?? '';
  // The vocabulary is flat: every term is a top term, and none has a parent.
  const all = query.parent_id
    ? []
    : hsdsTaxonomyTerms(await vocabularyTerms(db), true).filter(
        (t) => (!query.taxonomy_id || t.taxonomy_id === query.taxonomy_id) && (!search || `${t.code} ${t.name} ${t.description}`.toLowerCase().includes(search)),
      );
  const { offset, limit } = pageOf(query.page, query.per_page);
  return hsdsPage(all.slice(offset, offset + limit), all.length, query.page, query.per_page);
}

export async function getTaxonomyTerm(db: DbOrTrx, id: string): Promise<HsdsTaxonomyTerm> {
  const found = hsdsTaxonomyTerms(await vocabularyTerms(db), true).find((t) => t.id === id);
  if (!found) throw notFound();
  return found;
}

/** The whole published directory as one HSDS 3.0 JSON file. */
export async function exportDirectory(db: DbOrTrx, now: Date): Promise<FileResponse> {
  const [docs, terms] = await Promise.all([hsdsRepo.allServices(db), vocabularyTerms(db)]);
  const body = Buffer.from(JSON.stringify(hsdsExport(docs, terms, now)), 'utf8');
  return { body, contentType: 'application/json; charset=utf-8', fileName: `rusfag-tjenester-hsds-${todayInOslo(now)}.json` };
}
