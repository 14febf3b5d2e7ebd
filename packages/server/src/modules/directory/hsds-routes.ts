import {
  HsdsApiRoot,
  HsdsMinimalServiceSchema,
  HsdsOrganizationOneQuery,
  HsdsIdParams,
  HsdsOrganizationQuery,
  HsdsOrganizationSchema,
  HsdsServiceQuery,
  HsdsServiceSchema,
  HsdsTaxonomyQuery,
  HsdsTaxonomySchema,
  HsdsTaxonomyTermQuery,
  HsdsTaxonomyTermSchema,
  hsdsPageSchema,
} from '@rusfag/core';
import type { FastifyReply } from 'fastify';
import { defineRoute, FileResponse } from '../../platform/http.js';
import * as hsds from './hsds-service.js';

/**
 * The HSDS 3.0 open-data API under /hsds (paths and parameters as the specification's
 * openapi.json) and the full export. Public, read only, from the published snapshot. Open to
 * other sites' scripts (CORS *: no cookies are needed or used) and cached briefly.
 */
function openData(reply: FastifyReply, maxAge = 60): void {
  void reply.header('access-control-allow-origin', '*').header('cache-control', `public, max-age=${maxAge}`);
}

const access = { kind: 'public' } as const;

export const hsdsRoutes = [
  defineRoute({
    method: 'GET',
    url: '/hsds/',
    summary: 'HSDS 3.0: hvilken versjon API-et følger, og hvor OpenAPI-beskrivelsen er',
    access,
    response: HsdsApiRoot,
    handler: async (_input, ctx, reply) => {
      openData(reply, 3600);
      return hsds.apiRoot(ctx.config.baseUrl);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/hsds/services',
    summary: 'HSDS 3.0: publiserte tjenester, side for side (search, taxonomy_term_id, taxonomy_id, organization_id, modified_after, minimal, full)',
    access,
    query: HsdsServiceQuery,
    response: hsdsPageSchema(HsdsServiceSchema.or(HsdsMinimalServiceSchema)),
    handler: async ({ query }, ctx, reply) => {
      openData(reply);
      return hsds.listServices(ctx.db, query);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/hsds/services/:id',
    summary: 'HSDS 3.0: én publisert tjeneste med alt som hører til (organisasjon, steder, åpningstider, telefoner, språk, målgrupper …)',
    access,
    params: HsdsIdParams,
    response: HsdsServiceSchema,
    handler: async ({ params }, ctx, reply) => {
      openData(reply);
      return hsds.getService(ctx.db, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/hsds/organizations',
    summary: 'HSDS 3.0: organisasjoner med publiserte tjenester, side for side (search, full, full_service)',
    access,
    query: HsdsOrganizationQuery,
    response: hsdsPageSchema(HsdsOrganizationSchema),
    handler: async ({ query }, ctx, reply) => {
      openData(reply);
      return hsds.listOrganizations(ctx.db, query);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/hsds/organizations/:id',
    summary: 'HSDS 3.0: én organisasjon med steder og publiserte tjenester (full_service gir tjenestene fullt ut)',
    access,
    params: HsdsIdParams,
    query: HsdsOrganizationOneQuery,
    response: HsdsOrganizationSchema,
    handler: async ({ params, query }, ctx, reply) => {
      openData(reply);
      return hsds.getOrganization(ctx.db, params.id, query.full_service);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/hsds/taxonomies',
    summary: 'HSDS 3.0: taksonomiene tjenesteoversikten bruker (målgrupper, kategorier, Rusfags tilleggsfelt)',
    access,
    query: HsdsTaxonomyQuery,
    response: hsdsPageSchema(HsdsTaxonomySchema),
    handler: async ({ query }, _ctx, reply) => {
      openData(reply, 3600);
      return hsds.listTaxonomies(query);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/hsds/taxonomies/:id',
    summary: 'HSDS 3.0: én taksonomi',
    access,
    params: HsdsIdParams,
    response: HsdsTaxonomySchema,
    handler: async ({ params }, _ctx, reply) => {
      openData(reply, 3600);
      return hsds.getTaxonomy(params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/hsds/taxonomy_terms',
    summary: 'HSDS 3.0: målgrupper, kategorier og tilleggsfelt som taksonomitermer (taxonomy_id, search)',
    access,
    query: HsdsTaxonomyTermQuery,
    response: hsdsPageSchema(HsdsTaxonomyTermSchema),
    handler: async ({ query }, ctx, reply) => {
      openData(reply, 3600);
      return hsds.listTaxonomyTerms(ctx.db, query);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/hsds/taxonomy_terms/:id',
    summary: 'HSDS 3.0: én taksonomiterm',
    access,
    params: HsdsIdParams,
    response: HsdsTaxonomyTermSchema,
    handler: async ({ params }, ctx, reply) => {
      openData(reply, 3600);
      return hsds.getTaxonomyTerm(ctx.db, params.id);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/hsds/export',
    summary: 'Hele den publiserte tjenesteoversikten som én HSDS 3.0 JSON-fil (tjenester fullt ut, organisasjoner, taksonomi)',
    access,
    response: FileResponse,
    file: true,
    handler: async (_input, ctx, reply) => {
      openData(reply, 300);
      return hsds.exportDirectory(ctx.db, new Date());
    },
  }),
];
